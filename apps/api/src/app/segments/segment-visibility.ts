import { Principal, Scopes } from '@cs/contracts';

/** A trusted SQL condition with TypeORM named parameters (`:name`); use `toPositional` from `@cs/query` for raw queries. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * True when the caller may read only its own segments: customer tokens, and any token that holds
 * `customersegment.segment_read_own` but not `customersegment.segment_read`.
 */
export function readsOwnSegmentsOnly(principal: Principal): boolean {
  return principal.customerId !== undefined || !principal.scopes.has(Scopes.segmentRead);
}

/**
 * "Segment `alias` is visible to the calling customer": ACTIVE, now() within its validity (open
 * ends allowed), and the customer is assigned to it. A token carrying legal entity ids counts B2B
 * assignments only for those legal entities (B2C assignments, `legal_entity_id = ''`, always).
 * A principal without a customer sees nothing. `alias` names the `segment` table in the caller's query.
 */
export function visibleToCustomerSql(alias: string, principal: Pick<Principal, 'customerId' | 'legalEntityIds'>): SqlCondition {
  if (!ALIAS.test(alias)) throw new Error(`Invalid SQL alias '${alias}'`);
  if (principal.customerId === undefined) return { sql: 'FALSE', params: {} };
  const legalEntityIds = principal.legalEntityIds?.length ? [...principal.legalEntityIds] : undefined;
  const ca = `${alias}_visible_ca`;
  const legalEntity = legalEntityIds ? ` AND (${ca}.legal_entity_id = '' OR ${ca}.legal_entity_id = ANY(CAST(:visibleLegalEntityIds AS text[])))` : '';
  return {
    sql:
      `(${alias}.status = 'ACTIVE'` +
      ` AND (${alias}.validity_from IS NULL OR ${alias}.validity_from <= now())` +
      ` AND (${alias}.validity_to IS NULL OR ${alias}.validity_to >= now())` +
      ` AND EXISTS (SELECT 1 FROM customer_assignment ${ca} WHERE ${ca}.tenant = ${alias}.tenant AND ${ca}.segment_id = ${alias}.id` +
      ` AND ${ca}.customer_id = :visibleCustomerId${legalEntity}))`,
    params: { visibleCustomerId: principal.customerId, ...(legalEntityIds && { visibleLegalEntityIds: legalEntityIds }) },
  };
}
