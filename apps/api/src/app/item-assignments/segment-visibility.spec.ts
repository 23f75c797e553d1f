import { Principal, Scopes } from '@cs/contracts';
import { ForbiddenError } from '../errors/domain-errors';
import { customerView } from './segment-visibility';

const principal = (scopes: string[], extra: Partial<Principal> = {}): Principal => ({ tenant: 't', clientId: 'c', scopes: new Set(scopes), ...extra });

describe('customerView', () => {
  it('does not restrict service tokens holding segment_read, whatever legalEntityId says', () => {
    expect(customerView(principal([Scopes.segmentRead, Scopes.segmentReadOwn]), 'le9')).toBeUndefined();
  });

  it('restricts read_own tokens to their customer and legal entities', () => {
    expect(customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1' }))).toEqual({ customerId: 'c1', legalEntityIds: undefined });
    expect(customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1', legalEntityIds: ['le1', 'le2'] }))).toEqual({ customerId: 'c1', legalEntityIds: ['le1', 'le2'] });
    expect(customerView(principal([Scopes.segmentReadOwn]))).toEqual({ customerId: undefined, legalEntityIds: undefined });
  });

  it('narrows to the legalEntityId parameter, which must be one of the token legal entities', () => {
    expect(customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1', legalEntityIds: ['le1', 'le2'] }), 'le2')).toEqual({ customerId: 'c1', legalEntityIds: ['le2'] });
    expect(customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1' }), 'le5')).toEqual({ customerId: 'c1', legalEntityIds: ['le5'] });
    expect(() => customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1', legalEntityIds: ['le1'] }), 'le2')).toThrow(ForbiddenError);
  });
});
