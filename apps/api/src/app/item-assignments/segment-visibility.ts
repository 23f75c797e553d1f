import { Principal } from '@cs/contracts';
import { ForbiddenError } from '../errors/domain-errors';
import { readsOwnSegmentsOnly } from '../segments/segment-visibility';

/** The customer (and legal entities) whose segments a read is limited to; see `visibleToCustomerSql` of the segments feature. */
export type CustomerView = Pick<Principal, 'customerId' | 'legalEntityIds'>;

/**
 * The restriction a caller's reads get: none for tokens holding `segment_read`; otherwise (customer
 * tokens with `segment_read_own`) the customer's own segments. `legalEntityId` (the query parameter)
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
