import { Principal, Scopes } from '@cs/contracts';
import { ForbiddenError } from '../errors/domain-errors';
import { customerView, readsOwnSegmentsOnly } from './segment-visibility';
import { visibleToCustomerSql } from './segments.repository';

const principal = (scopes: string[], extra: Partial<Principal> = {}): Principal => ({
  tenant: 't1',
  clientId: 'c',
  scopes: new Set(scopes),
  ...extra,
});

describe('readsOwnSegmentsOnly', () => {
  it('restricts customer tokens and tokens without segment_read', () => {
    expect(readsOwnSegmentsOnly(principal([Scopes.segmentRead]))).toBe(false);
    expect(readsOwnSegmentsOnly(principal([Scopes.segmentReadOwn], { customerId: 'c1' }))).toBe(true);
    expect(readsOwnSegmentsOnly(principal([Scopes.segmentReadOwn]))).toBe(true);
  });
});

describe('visibleToCustomerSql', () => {
  it('binds the customer and, when the token names them, the legal entities', () => {
    const b2c = visibleToCustomerSql('seg', { customerId: 'c1' });
    expect(b2c.params).toEqual({ visibleCustomerId: 'c1' });
    expect(b2c.sql).toContain("seg.status = 'ACTIVE'");
    expect(b2c.sql).not.toContain('legal_entity_id');

    const b2b = visibleToCustomerSql('seg', { customerId: 'c1', legalEntityIds: ['le1'] });
    expect(b2b.params).toEqual({ visibleCustomerId: 'c1', visibleLegalEntityIds: ['le1'] });
    expect(b2b.sql).toContain("legal_entity_id = ''");
  });

  it('shows nothing without a customer and refuses a non-identifier alias', () => {
    expect(visibleToCustomerSql('s', {})).toEqual({ sql: 'FALSE', params: {} });
    expect(() => visibleToCustomerSql('s; DROP', { customerId: 'c1' })).toThrow();
  });
});

describe('customerView', () => {
  it('does not restrict service tokens holding segment_read, whatever legalEntityId says', () => {
    expect(customerView(principal([Scopes.segmentRead, Scopes.segmentReadOwn]), 'le9')).toBeUndefined();
  });

  it('restricts read_own tokens to their customer and legal entities', () => {
    expect(customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1' }))).toEqual({
      customerId: 'c1',
      legalEntityIds: undefined,
    });
    expect(
      customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1', legalEntityIds: ['le1', 'le2'] })),
    ).toEqual({ customerId: 'c1', legalEntityIds: ['le1', 'le2'] });
    expect(customerView(principal([Scopes.segmentReadOwn]))).toEqual({
      customerId: undefined,
      legalEntityIds: undefined,
    });
  });

  it('narrows to the legalEntityId parameter, which must be one of the token legal entities', () => {
    expect(
      customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1', legalEntityIds: ['le1', 'le2'] }), 'le2'),
    ).toEqual({ customerId: 'c1', legalEntityIds: ['le2'] });
    expect(customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1' }), 'le5')).toEqual({
      customerId: 'c1',
      legalEntityIds: ['le5'],
    });
    expect(() =>
      customerView(principal([Scopes.segmentReadOwn], { customerId: 'c1', legalEntityIds: ['le1'] }), 'le2'),
    ).toThrow(ForbiddenError);
  });
});
