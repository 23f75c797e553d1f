import { columnProblem, customersKind, itemsKind, Kind } from './kinds';

describe('row checks', () => {
  it('turns customer rows into bulk items, mixins from JSON text or objects', () => {
    expect(customersKind.toItem({ customerId: ' c1 ', legalEntityId: '', mixins: '{"tier":"gold"}' })).toEqual({
      customerId: 'c1',
      mixins: { tier: 'gold' },
    });
    expect(customersKind.toItem({ customerId: 'c1', legalEntityId: 'le1', mixins: { a: 1 } })).toEqual({
      customerId: 'c1',
      legalEntityId: 'le1',
      mixins: { a: 1 },
    });
    expect(customersKind.toItem({ legalEntityId: 'le1' })).toBe('customerId is required');
    expect(customersKind.toItem({ customerId: 'c1', mixins: '[1,2]' })).toBe('mixins must be a JSON object');
    expect(customersKind.toItem({ customerId: 'c1', mixins: '{oops' })).toBe('mixins must be a JSON object');
  });

  it('checks item rows against the chosen type', () => {
    const products = itemsKind('PRODUCT');
    expect(products.toItem({ id: 'p1', type: 'product' })).toEqual({ id: 'p1', type: 'PRODUCT' });
    expect(products.toItem({ id: 'p1', type: 'CATEGORY' })).toMatch(/does not match/);
    expect(products.toItem({ id: '' })).toBe('id is required');
  });

  it('takes each item type from its row, batching items by type', () => {
    const items = itemsKind(undefined);
    expect(items.toItem({ id: 'p1', type: 'PRODUCT', mixins: '' })).toEqual({ id: 'p1', type: 'PRODUCT' });
    expect(items.toItem({ id: 'c1', type: 'category' })).toEqual({ id: 'c1', type: 'CATEGORY' });
    expect(items.toItem({ id: 'p1' })).toBe('type is required (a type column, or --type)');
    expect(items.toItem({ id: 'p1', type: 'BRAND' })).toBe('type must be PRODUCT or CATEGORY, not BRAND');
    expect(items.batchOf({ id: 'c1', type: 'CATEGORY' })).toBe('CATEGORY');
    expect(itemsKind('PRODUCT').toItem({ id: 'p1' })).toEqual({ id: 'p1', type: 'PRODUCT' });
  });
});

describe('column checks', () => {
  const customers = customersKind as Kind<unknown>;

  it('accepts the known columns in any order, and the error column of a failed file', () => {
    expect(columnProblem(customers, ['mixins', 'customerId'], 'csv')).toBeUndefined();
    expect(columnProblem(customers, ['customerId', 'legalEntityId', 'mixins', 'error'], 'csv')).toBeUndefined();
    expect(columnProblem(itemsKind(undefined) as Kind<unknown>, ['id', 'type'], 'jsonl')).toBeUndefined();
    expect(columnProblem(itemsKind('PRODUCT') as Kind<unknown>, ['id'], 'csv')).toBeUndefined();
  });

  it('names the expected and the found columns of a wrong header', () => {
    expect(columnProblem(customers, ['id', 'legalEntityId', 'mixins'], 'csv')).toBe(
      'Expected a header line with the columns customerId (required), legalEntityId, mixins; found id, legalEntityId, mixins.',
    );
    expect(columnProblem(customers, ['customerId;legalEntityId;mixins'], 'csv')).toBe(
      "Expected a header line with the columns customerId (required), legalEntityId, mixins; found customerId;legalEntityId;mixins. Values must be separated by commas, not ';'.",
    );
    expect(columnProblem(customers, ['c1', 'le1', ''], 'csv')).toMatch(/found c1, le1, \(empty\)\.$/);
    expect(columnProblem(customers, ['customerId', 'customerId'], 'csv')).toMatch(/Repeated: customerId\.$/);
    expect(columnProblem(customers, ['customerId', 'legalEntityID'], 'csv')).toMatch(/found customerId, legalEntityID/);
    expect(columnProblem(itemsKind(undefined) as Kind<unknown>, ['id', 'mixins'], 'jsonl')).toBe(
      'Expected objects with the keys id (required), type (required), mixins; found in the first row id, mixins.',
    );
    expect(columnProblem(customers, [], 'jsonl')).toMatch(/found in the first row nothing\.$/);
  });
});
