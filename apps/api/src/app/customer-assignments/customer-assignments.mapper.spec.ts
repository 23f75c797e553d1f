import { BadRequestError } from '../errors';
import { AssignmentRow, storedKey, toResponse } from './customer-assignments.mapper';

const row = (overrides: Partial<AssignmentRow> = {}): AssignmentRow => ({
  customerId: 'c1',
  legalEntityId: '',
  assignmentType: 'MANUAL',
  mixins: { a: { b: 1 } },
  metadata_mixins: { a: 'https://schema' },
  version: 2,
  created_at: new Date('2024-10-12T12:00:00.000Z'),
  modified_at: new Date('2024-10-13T12:00:00.000Z'),
  firstName: null,
  lastName: null,
  email: null,
  legalEntityName: null,
  ...overrides,
});

describe('customer assignment documents', () => {
  it('maps a B2C row without customer data to the id only and no legal entity', () => {
    expect(toResponse(row())).toEqual({
      customer: { id: 'c1' },
      assignmentType: 'MANUAL',
      mixins: { a: { b: 1 } },
      metadata: {
        createdAt: '2024-10-12T12:00:00.000Z',
        modifiedAt: '2024-10-13T12:00:00.000Z',
        version: 2,
        mixins: { a: 'https://schema' },
      },
    });
  });

  it('maps a B2B row with the data the service holds, leaving out what is unknown', () => {
    const document = toResponse(
      row({ legalEntityId: 'le1', legalEntityName: 'ACME', firstName: 'John', email: 'j@x.io' }),
    );
    expect(document.customer).toEqual({ id: 'c1', firstName: 'John', email: 'j@x.io' });
    expect(document.legalEntity).toEqual({ id: 'le1', name: 'ACME' });
    expect(toResponse(row({ legalEntityId: 'le2' })).legalEntity).toEqual({ id: 'le2' });
  });

  it('stores B2C with an empty legal entity id and rejects ids no row can hold', () => {
    expect(storedKey('t1', { segmentId: 's', customerId: 'c' })).toEqual({
      tenant: 't1',
      segment_id: 's',
      customer_id: 'c',
      legal_entity_id: '',
    });
    expect(storedKey('t1', { segmentId: 's', customerId: 'c', legalEntityId: 'l' }).legal_entity_id).toBe('l');
    expect(() => storedKey('t1', { segmentId: 's', customerId: 'x'.repeat(129) })).toThrow(BadRequestError);
    expect(() => storedKey('t1', { segmentId: 's', customerId: 'c', legalEntityId: '' })).toThrow(BadRequestError);
  });
});
