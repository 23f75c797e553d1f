import { Principal, Scopes } from '@cs/contracts';
import { ForbiddenError } from '../errors/domain-errors';

/** The customer (and legal entities) whose segments a read is limited to. */
export type CustomerView = Pick<Principal, 'customerId' | 'legalEntityIds'>;

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
