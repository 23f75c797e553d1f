import { ContactTypes, CustomerBusinessModels, CustomerTypes, LegalEntityTypes } from '@cs/contracts';
import { compileQuery, CompiledQuery, Condition, FieldMap, parseQuery, QueryAst, QueryError } from '@cs/query';
import { BadRequestError } from '../errors/domain-errors';

/**
 * What a segment's `criteria` may name: the customer data the service holds (`customer c`) and, through the
 * customer's contact assignments (`contact_assignment ca`), the legal entity (`legal_entity le`) and the contact type.
 * The SQL is trusted text of this file; criteria text is only matched against the keys, as with list `q`.
 */
export const CRITERIA_FIELDS: FieldMap = {
  'customer.id': { sql: 'c.id', type: 'string' },
  'customer.firstName': { sql: 'c.first_name', type: 'string' },
  'customer.lastName': { sql: 'c.last_name', type: 'string' },
  'customer.email': { sql: 'c.email', type: 'string' },
  'customer.phone': { sql: 'c.phone', type: 'string' },
  'customer.preferredSite': { sql: 'c.preferred_site', type: 'string' },
  'customer.preferredLanguage': { sql: 'c.preferred_language', type: 'string' },
  'customer.preferredCurrency': { sql: 'c.preferred_currency', type: 'string' },
  'customer.active': { sql: 'c.active', type: 'boolean' },
  'customer.b2b': { sql: 'c.b2b', type: 'json' },
  'customer.businessModel': { sql: 'c.business_model', type: 'enum', values: CustomerBusinessModels },
  'customer.type': { sql: 'c.type', type: 'enum', values: CustomerTypes },
  'customer.company': { sql: 'c.company', type: 'string' },
  'customer.customerNumber': { sql: 'c.customer_number', type: 'string' },
  'customer.metadata.createdAt': { sql: 'c.customer_created_at', type: 'datetime' },
  'customer.mixins': { sql: 'c.mixins', type: 'json' },
  'legalEntity.id': { sql: 'le.id', type: 'string' },
  'legalEntity.name': { sql: 'le.name', type: 'string' },
  'legalEntity.type': { sql: 'le.type', type: 'enum', values: LegalEntityTypes },
  'legalEntity.parentId': { sql: 'le.parent_id', type: 'string' },
  'legalEntity.customerGroups.id': { sql: 'le.customer_groups', type: 'list', element: 'id' },
  'legalEntity.mixins': { sql: 'le.mixins', type: 'json' },
  contactType: { sql: 'ca.type', type: 'enum', values: ContactTypes },
};

/** A parsed, validated criteria. */
export interface Criteria {
  readonly text: string;
  readonly ast: QueryAst;
  /** Names `legalEntity.*` or `contactType`: the rule yields B2B memberships (customer, legal entity), else B2C ones. */
  readonly b2b: boolean;
}

/** Whether a condition reads the customer's contact assignments rather than the customer alone. */
const readsContacts = (condition: Condition): boolean =>
  condition.path[0] === 'legalEntity' || condition.path[0] === 'contactType';

/**
 * Parses and checks a criteria: the grammar, fields, operators and values of list `q` (one parser and compiler),
 * so every mistake is a 400 naming its position. An empty criteria is refused: `null` makes a segment manual.
 */
export function parseCriteria(text: string): Criteria {
  try {
    const ast = parseQuery(text);
    if (ast.conditions.length === 0) throw new QueryError('Criteria must contain at least one condition');
    compileQuery(ast, CRITERIA_FIELDS);
    return { text, ast, b2b: ast.conditions.some(readsContacts) };
  } catch (error) {
    if (!(error instanceof QueryError)) throw error;
    throw new BadRequestError(`Invalid criteria: ${error.message}.`, undefined, [
      { field: 'criteria', message: error.message },
    ]);
  }
}

/** The criteria as one SQL condition over `c` (and `ca`, `le` for B2B rules), its parameters named `<prefix><n>`. */
export function criteriaSql(criteria: Criteria, prefix: string): CompiledQuery {
  return compileQuery(criteria.ast, CRITERIA_FIELDS, prefix);
}

/**
 * Each condition of the criteria as written (from its field to the next condition), for explanations:
 * `customer.email:~acme AND contactType:BILLING` -> `customer.email:~acme`, `contactType:BILLING`.
 */
export function criteriaTerms(criteria: Criteria): Array<{ term: string; condition: Condition }> {
  const { conditions } = criteria.ast;
  return conditions.map((condition, i) => {
    const end = i + 1 < conditions.length ? conditions[i + 1].position : criteria.text.length;
    const term = criteria.text
      .slice(condition.position, end)
      .trim()
      .replace(/\s+AND$/, '');
    return { term, condition };
  });
}
