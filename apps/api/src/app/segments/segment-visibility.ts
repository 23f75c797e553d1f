import { Principal, Scopes } from '@cs/contracts';
import { ForbiddenError } from '../errors/domain-errors';

/** A trusted SQL condition with TypeORM named parameters (`:name`); use `toPositional` from `@cs/query` for raw queries. */
export interface SqlCondition {
  sql: string;
  params: Record<string, unknown>;
}

/** The customer (and legal entities) whose segments a read is limited to. */
export type CustomerView = Pick<Principal, 'customerId' | 'legalEntityIds'>;

const ALIAS = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * True when the caller may read only its own segments: customer tokens, and any token that holds
 * `customersegment.segment_read_own` but not `customersegment.segment_read`.
 */
export function readsOwnSegmentsOnly(principal: Principal): boolean {
  return principal.customerId !== undefined || !principal.scopes.has(Scopes.segmentRead);
}

/**
 * The restriction a caller's reads get: none for tokens holding `segment_read`; otherwise (customer
 * tokens with `segment_read_own`) the customer's own segments. `legalEntityId` (a query parameter)
 * narrows the B2B assignments that count to that one legal entity, which must be one the token acts
 * for when the token names any (403 otherwise).
 */
export function customerView(principal: Principal, legalEntityId?: string): CustomerView | undefined {
  if (!readsOwnSegmentsOnly(principal)) return undefined;
  if (!legalEntityId) return { customerId: principal.customerId, legalEntityIds: principal.legalEntityIds };
  if (principal.legalEntityIds?.length && !principal.legalEntityIds.includes(legalEntityId)) {
    throw new ForbiddenError('The customer does not act for this legal entity.', legalEntityId);
  }
  return { customerId: principal.customerId, legalEntityIds: [legalEntityId] };
}

/** SQL condition: segment `alias` is ACTIVE and now inside its validity window (open ends allowed). `alias` is trusted. */
export function segmentActiveNow(alias: string): string {
  return `(${alias}.status = 'ACTIVE'
    AND (${alias}.validity_from IS NULL OR ${alias}.validity_from <= now())
    AND (${alias}.validity_to IS NULL OR ${alias}.validity_to >= now()))`;
}

/**
 * "Segment `alias` is visible to the calling customer": ACTIVE, now() within its validity (open
 * ends allowed), and the customer is assigned to it. A token carrying legal entity ids counts B2B
 * assignments only for those legal entities (B2C assignments, `legal_entity_id = ''`, always).
 * A principal without a customer sees nothing. `alias` names the `segment` table in the caller's query.
 */
export function visibleToCustomerSql(alias: string, view: CustomerView): SqlCondition {
  if (!ALIAS.test(alias)) throw new Error(`Invalid SQL alias '${alias}'`);
  if (view.customerId === undefined) return { sql: 'FALSE', params: {} };
  const legalEntityIds = view.legalEntityIds?.length ? [...view.legalEntityIds] : undefined;
  const ca = `${alias}_visible_ca`;
  const legalEntity = legalEntityIds
    ? ` AND (${ca}.legal_entity_id = '' OR ${ca}.legal_entity_id = ANY(CAST(:visibleLegalEntityIds AS text[])))`
    : '';
  return {
    sql:
      `(${segmentActiveNow(alias)}` +
      ` AND EXISTS (SELECT 1 FROM customer_assignment ${ca} WHERE ${ca}.tenant = ${alias}.tenant AND ${ca}.segment_id = ${alias}.id` +
      ` AND ${ca}.customer_id = :visibleCustomerId${legalEntity}))`,
    params: { visibleCustomerId: view.customerId, ...(legalEntityIds && { visibleLegalEntityIds: legalEntityIds }) },
  };
}
