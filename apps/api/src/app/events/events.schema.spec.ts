import {
  AnyEventEnvelope,
  CategoryEventData,
  ContactAssignmentEventData,
  CustomerDataEventData,
  EventDataByType,
  EventType,
  EventTypes,
  LegalEntityEventData,
  LocationEventData,
  ResourceType,
} from '@cs/contracts';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { EVENT_SCHEMAS } from './events.schema';

const METADATA = { version: 2, createdAt: '2026-01-02T03:04:05.678Z', modifiedAt: '2026-01-02T03:04:06.000Z' };
const base = { id: '42', tenant: 'acme', occurredAt: '2026-01-02T03:04:06.000Z', sequence: 2 };

const LEGAL_ENTITY: LegalEntityEventData = {
  legalEntityId: 'le1',
  name: 'ACME',
  type: 'SUBSIDIARY',
  parentId: 'holding',
  legalInfo: { legalName: 'ACME AG', registrationDate: '2020-04-30T04:00:00.000Z', countryOfRegistration: 'DE' },
  accountLimit: { currency: 'EUR', value: 1000 },
  customerGroups: [{ id: 'cg1', name: { en: 'Buyers' }, role: 'buyer' }],
  addresses: ['hq'],
  approvalGroup: ['ca1'],
  restrictions: ['US'],
  mixins: {},
  metadata: { ...METADATA, mixins: {} },
};
const LOCATION: LocationEventData = {
  id: 'hq',
  name: 'HQ',
  type: 'HEADQUARTER',
  contactDetails: { emails: ['hq@example.com'], city: 'Berlin', tags: ['main'] },
  mixins: { erp: { n: 1 } },
  metadata: METADATA,
};
const CONTACT_ASSIGNMENT: ContactAssignmentEventData = {
  assignmentId: 'ca1',
  userId: 'c1',
  email: 'c1@example.com',
  legalEntityId: 'le1',
  type: 'BILLING',
  primary: true,
  mixins: {},
  metadata: METADATA,
};
const CATEGORY: CategoryEventData = {
  id: 'k1',
  parentId: 'k0',
  code: 'K1',
  name: { en: 'Shoes' },
  localizedDescription: {},
  localizedSlug: { en: 'shoes' },
  ecn: ['e1'],
  validity: { from: '2026-01-01T00:00:00.000Z' },
  position: 1,
  published: true,
  mixins: {},
  metadata: METADATA,
};
const CUSTOMER: CustomerDataEventData = {
  id: 'c1',
  firstName: 'Ada',
  lastName: 'Lovelace',
  email: 'ada@example.com',
  phone: '+44 1',
  preferredSite: 'main',
  preferredLanguage: 'en_US',
  preferredCurrency: 'EUR',
  active: true,
  b2b: { companyRegistrationId: '123-456', legalEntities: [{ id: 'le1', name: 'ACME', contactAssignmentId: 'ca1' }] },
  businessModel: 'B2B',
  type: 'CUSTOMER',
  company: 'ACME',
  customerNumber: 'C1',
  metadataCreatedAt: '2025-12-31T23:00:00.000Z',
  mixins: {},
  metadata: METADATA,
};

/**
 * The samples of a resource's event types: `data` by type (undefined fields are left out), the version null for
 * deletions (their type ends with `-deleted`).
 */
function documentSamples<T extends EventType>(
  resourceType: ResourceType,
  id: string,
  data: { [K in T]: EventDataByType[K] },
): Record<T, AnyEventEnvelope> {
  const entries = Object.entries(data).map(([type, eventData]) => [
    type,
    {
      ...base,
      type,
      resource: { type: resourceType, id },
      version: type.endsWith('-deleted') ? null : 2,
      data: JSON.parse(JSON.stringify(eventData)),
    } as AnyEventEnvelope,
  ]);
  return Object.fromEntries(entries) as Record<T, AnyEventEnvelope>;
}

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
      tenant: 'acme',
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
      tenant: 'acme',
      previousStatus: 'ACTIVE',
    },
  },
  [EventTypes.segmentDeleted]: {
    ...base,
    type: EventTypes.segmentDeleted,
    resource: { type: 'segment', id: 's1' },
    version: null,
    data: { id: 's1', tenant: 'acme' },
  },
  [EventTypes.segmentValidityReached]: {
    ...base,
    type: EventTypes.segmentValidityReached,
    resource: { type: 'segment', id: 's1' },
    version: 3,
    data: {
      id: 's1',
      siteCode: 'main',
      status: 'ACTIVE',
      validity: { from: '2026-01-01T00:00:00.000Z' },
      boundary: 'from',
      at: '2026-01-01T00:00:00.000Z',
      active: true,
      tenant: 'acme',
    },
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
      assignmentType: 'AUTOMATIC',
      mixins: {},
      metadata: METADATA,
      tenant: 'acme',
      reason: 'criteria-changed',
    },
  },
  [EventTypes.customerAssignmentUpdated]: {
    ...base,
    type: EventTypes.customerAssignmentUpdated,
    resource: { type: 'customer-assignment', id: 's1/c1' },
    version: 2,
    data: {
      segmentId: 's1',
      customer: { id: 'c1' },
      assignmentType: 'MANUAL',
      mixins: {},
      metadata: METADATA,
      tenant: 'acme',
      reason: 'manual',
    },
  },
  [EventTypes.customerAssignmentDeleted]: {
    ...base,
    type: EventTypes.customerAssignmentDeleted,
    resource: { type: 'customer-assignment', id: 's1/c1/le1' },
    version: null,
    data: {
      segmentId: 's1',
      customerId: 'c1',
      legalEntityId: 'le1',
      assignmentType: 'AUTOMATIC',
      tenant: 'acme',
      reason: 'excluded',
    },
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
      tenant: 'acme',
    },
  },
  [EventTypes.itemAssignmentUpdated]: {
    ...base,
    type: EventTypes.itemAssignmentUpdated,
    resource: { type: 'item-assignment', id: 's1/CATEGORY/c1' },
    version: 2,
    data: { segmentId: 's1', type: 'CATEGORY', item: { id: 'c1' }, metadata: METADATA, tenant: 'acme' },
  },
  [EventTypes.itemAssignmentDeleted]: {
    ...base,
    type: EventTypes.itemAssignmentDeleted,
    resource: { type: 'item-assignment', id: 's1/PRODUCT/p1' },
    version: null,
    data: { segmentId: 's1', type: 'PRODUCT', itemId: 'p1', tenant: 'acme' },
  },
  ...documentSamples('legal-entity', 'le1', {
    [EventTypes.legalEntityCreated]: LEGAL_ENTITY,
    [EventTypes.legalEntityUpdated]: { ...LEGAL_ENTITY, parentId: undefined, legalInfo: undefined },
    [EventTypes.legalEntityDeleted]: { legalEntityId: 'le1', legalEntityParentId: 'holding' },
  }),
  ...documentSamples('location', 'hq', {
    [EventTypes.locationCreated]: LOCATION,
    [EventTypes.locationUpdated]: { ...LOCATION, name: undefined, contactDetails: {} },
    [EventTypes.locationDeleted]: { id: 'hq' },
  }),
  ...documentSamples('contact-assignment', 'ca1', {
    [EventTypes.userAssignedToLegalEntity]: CONTACT_ASSIGNMENT,
    [EventTypes.contactAssignmentUpdated]: { ...CONTACT_ASSIGNMENT, email: undefined },
    [EventTypes.contactAssignmentDeleted]: { assignmentId: 'ca1', userId: 'c1', legalEntityId: 'le1' },
  }),
  ...documentSamples('category', 'k1', {
    [EventTypes.categoryCreated]: CATEGORY,
    [EventTypes.categoryUpdated]: { ...CATEGORY, parentId: undefined, code: undefined, validity: undefined },
    [EventTypes.categoryDeleted]: { id: 'k1' },
  }),
  ...documentSamples('product', 'p1', {
    [EventTypes.productCreated]: {
      id: 'p1',
      code: 'P1',
      name: { en: 'P' },
      categoryIds: ['k1'],
      mixins: {},
      metadata: METADATA,
    },
    [EventTypes.productUpdated]: { id: 'p1', name: {}, categoryIds: [], mixins: {}, metadata: METADATA },
    [EventTypes.productDeleted]: { id: 'p1' },
  }),
  ...documentSamples('customer', 'c1', {
    [EventTypes.customerCreated]: CUSTOMER,
    [EventTypes.customerUpdated]: { id: 'c1', mixins: {}, metadata: METADATA },
    [EventTypes.customerDeleted]: { id: 'c1' },
  }),
  ...documentSamples('webhook-endpoint', 'e1', {
    [EventTypes.endpointDisabled]: {
      id: 'e1',
      reason: 'failing',
      failingSince: '2026-01-01T00:00:00.000Z',
    },
  }),
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
