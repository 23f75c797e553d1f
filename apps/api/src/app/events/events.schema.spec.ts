import { AnyEventEnvelope, EventType, EventTypes } from '@cs/contracts';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_SCHEMAS } from './events.schema';

const METADATA = { version: 2, createdAt: '2026-01-02T03:04:05.678Z', modifiedAt: '2026-01-02T03:04:06.000Z' };
const base = { id: '42', tenant: 'acme', occurredAt: '2026-01-02T03:04:06.000Z', sequence: 2 };

/**
 * One envelope of every event type, typed with the contracts' `AnyEventEnvelope`: the compiler checks them against
 * the TypeScript types, ajv against the JSON Schemas, so the two cannot drift apart. The optional fields are set.
 */
const SAMPLES: Record<EventType, AnyEventEnvelope> = {
  [EventTypes.segmentCreated]: {
    ...base,
    type: EventTypes.segmentCreated,
    resource: { type: 'segment', id: 's1' },
    version: 2,
    data: {
      id: 's1',
      name: { en: 'VIP' },
      description: { en: 'Best' },
      validity: { from: '2026-01-01T00:00:00.000Z', to: '2027-01-01T00:00:00.000Z' },
      status: 'ACTIVE',
      siteCode: 'main',
      mixins: { a: 1 },
      metadata: { ...METADATA, mixins: { a: 'https://example.com/a.json' } },
    },
  },
  [EventTypes.segmentUpdated]: {
    ...base,
    type: EventTypes.segmentUpdated,
    resource: { type: 'segment', id: 's1' },
    version: 2,
    data: {
      id: 's1',
      name: { en: 'VIP' },
      status: 'INACTIVE',
      siteCode: 'main',
      metadata: METADATA,
      previousStatus: 'ACTIVE',
    },
  },
  [EventTypes.segmentDeleted]: {
    ...base,
    type: EventTypes.segmentDeleted,
    resource: { type: 'segment', id: 's1' },
    version: null,
    data: { id: 's1' },
  },
  [EventTypes.customerAssignmentCreated]: {
    ...base,
    type: EventTypes.customerAssignmentCreated,
    resource: { type: 'customer-assignment', id: 's1/c1/le1' },
    version: 2,
    data: {
      segmentId: 's1',
      customer: { id: 'c1', firstName: 'A', lastName: 'B', email: 'a@example.com' },
      legalEntity: { id: 'le1', name: 'ACME' },
      assignmentType: 'MANUAL',
      mixins: {},
      metadata: METADATA,
    },
  },
  [EventTypes.customerAssignmentUpdated]: {
    ...base,
    type: EventTypes.customerAssignmentUpdated,
    resource: { type: 'customer-assignment', id: 's1/c1' },
    version: 2,
    data: { segmentId: 's1', customer: { id: 'c1' }, assignmentType: 'MANUAL', metadata: METADATA },
  },
  [EventTypes.customerAssignmentDeleted]: {
    ...base,
    type: EventTypes.customerAssignmentDeleted,
    resource: { type: 'customer-assignment', id: 's1/c1/le1' },
    version: null,
    data: { segmentId: 's1', customerId: 'c1', legalEntityId: 'le1' },
  },
  [EventTypes.itemAssignmentCreated]: {
    ...base,
    type: EventTypes.itemAssignmentCreated,
    resource: { type: 'item-assignment', id: 's1/PRODUCT/p1' },
    version: 2,
    data: {
      segmentId: 's1',
      type: 'PRODUCT',
      item: { id: 'p1', code: 'P1', name: { en: 'Product' } },
      mixins: {},
      metadata: METADATA,
    },
  },
  [EventTypes.itemAssignmentUpdated]: {
    ...base,
    type: EventTypes.itemAssignmentUpdated,
    resource: { type: 'item-assignment', id: 's1/CATEGORY/c1' },
    version: 2,
    data: { segmentId: 's1', type: 'CATEGORY', item: { id: 'c1' }, metadata: METADATA },
  },
  [EventTypes.itemAssignmentDeleted]: {
    ...base,
    type: EventTypes.itemAssignmentDeleted,
    resource: { type: 'item-assignment', id: 's1/PRODUCT/p1' },
    version: null,
    data: { segmentId: 's1', type: 'PRODUCT', item: { id: 'p1' } },
  },
};

describe('the JSON Schemas of the events', () => {
  // As the e2e response validator reads the document: `discriminator` is left to `oneOf` over the fixed `type`s.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ components: { schemas: EVENT_SCHEMAS } }, 'openapi');
  const validate = ajv.compile({ $ref: 'openapi#/components/schemas/Event' });

  it.each(Object.entries(SAMPLES))('accept a %s envelope typed with the contracts', (_, sample) => {
    expect([validate(sample), validate.errors]).toEqual([true, null]);
  });

  it.each(Object.entries(SAMPLES))('refuse a %s envelope that misses a required field of its data', (_, sample) => {
    const [required] = Object.keys(sample.data);
    const { [required as keyof typeof sample.data]: _removed, ...data } = sample.data;
    expect(validate({ ...sample, data })).toBe(false);
  });

  it('refuse an envelope of an unknown type or resource, or without sequence', () => {
    const sample = SAMPLES[EventTypes.segmentDeleted];
    expect(validate({ ...sample, type: 'customer-segment.segment-renamed' })).toBe(false);
    expect(validate({ ...sample, resource: { type: 'order', id: 'o1' } })).toBe(false);
    const { sequence: _sequence, ...unsequenced } = sample;
    expect(validate(unsequenced)).toBe(false);
  });
});
