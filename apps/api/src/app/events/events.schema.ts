import {
  AssignmentTypes,
  ContactTypes,
  CustomerBusinessModels,
  CustomerTypes,
  EventType,
  EventTypes,
  LegalEntityTypes,
  LocationTypes,
  MembershipReasons,
  ResourceTypes,
} from '@cs/contracts';
import type { ReferenceObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// The JSON Schemas (OpenAPI 3.0) of the event envelope and of every event's `data`, as components of the OpenAPI
// document. The map below is keyed by `EventType`, so a type without a schema does not compile; events.schema.spec.ts
// checks the schemas against envelopes typed with the contracts' types.

const ref = (name: string): ReferenceObject => ({ $ref: `#/components/schemas/${name}` });
const string = { type: 'string' } as const;
const localized: SchemaObject = {
  type: 'object',
  additionalProperties: { type: 'string' },
  description: 'Language tag -> text.',
};
const mixins: SchemaObject = { type: 'object', additionalProperties: true };
const membershipReason: SchemaObject = {
  type: 'string',
  enum: [...MembershipReasons],
  description: 'Why the customer joined or left: see docs/events.md, "Automatic segments".',
};

/** An object schema whose listed properties are required unless named in `optional`. */
function object(
  properties: Record<string, SchemaObject | ReferenceObject>,
  optional: string[] = [],
  description?: string,
): SchemaObject {
  return {
    type: 'object',
    ...(description && { description }),
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    properties,
  };
}

/** Shared parts and the `data` schemas, by component name. */
const DATA_SCHEMAS: Record<string, SchemaObject> = {
  EventMetadata: object(
    {
      version: { type: 'integer', minimum: 1 },
      createdAt: { type: 'string', format: 'date-time' },
      modifiedAt: { type: 'string', format: 'date-time' },
      // As stored: the writes take any JSON values in `metadata.mixins`.
      mixins,
    },
    ['mixins'],
  ),
  SegmentEventData: object(
    {
      id: string,
      name: localized,
      description: localized,
      validity: object({ from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } }, [
        'from',
        'to',
      ]),
      status: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] },
      siteCode: string,
      criteria: string,
      mixins,
      metadata: ref('EventMetadata'),
      tenant: string,
    },
    ['description', 'validity', 'criteria', 'mixins'],
    'The segment as stored after the change.',
  ),
  SegmentUpdatedEventData: {
    allOf: [
      ref('SegmentEventData'),
      object(
        { previousStatus: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] } },
        ['previousStatus'],
        'The status before the update.',
      ),
    ],
  },
  SegmentDeletedEventData: object({ id: string, tenant: string }),
  SegmentValidityReachedEventData: object(
    {
      id: string,
      siteCode: string,
      status: { type: 'string', enum: ['ACTIVE', 'INACTIVE'] },
      validity: object({ from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } }, [
        'from',
        'to',
      ]),
      boundary: { type: 'string', enum: ['from', 'to'], description: 'Which end of the validity passed.' },
      at: { type: 'string', format: 'date-time', description: "The boundary's instant." },
      active: { type: 'boolean', description: 'Whether the segment is now ACTIVE and inside its validity.' },
      tenant: string,
    },
    [],
    'A boundary of the validity of an ACTIVE segment passed (not an Emporix event; the segment has no new version).',
  ),
  CustomerAssignmentEventData: object(
    {
      segmentId: string,
      customer: object({ id: string, firstName: string, lastName: string, email: string }, [
        'firstName',
        'lastName',
        'email',
      ]),
      legalEntity: object({ id: string, name: string }, ['name']),
      assignmentType: { type: 'string', enum: [...AssignmentTypes] },
      mixins,
      metadata: ref('EventMetadata'),
      tenant: string,
      reason: membershipReason,
    },
    ['legalEntity'],
    'The customer assignment as stored after the change; B2C assignments have no `legalEntity`.',
  ),
  CustomerAssignmentDeletedEventData: object(
    {
      segmentId: string,
      customerId: string,
      legalEntityId: string,
      assignmentType: { type: 'string', enum: [...AssignmentTypes] },
      tenant: string,
      reason: membershipReason,
    },
    ['legalEntityId'],
  ),
  ItemAssignmentEventData: object(
    {
      segmentId: string,
      type: { type: 'string', enum: ['PRODUCT', 'CATEGORY'] },
      item: object({ id: string, code: string, name: localized }, ['code', 'name']),
      mixins,
      metadata: ref('EventMetadata'),
      tenant: string,
    },
    ['mixins'],
    'The item assignment as stored after the change.',
  ),
  ItemAssignmentDeletedEventData: object(
    { segmentId: string, type: { type: 'string', enum: ['PRODUCT', 'CATEGORY'] }, itemId: string, tenant: string },
    [],
    'Emporix names the item by `itemId` here, not by an `item` object.',
  ),
  DocumentDeletedEventData: object({ id: string }, [], 'The id of the deleted document.'),
  LegalEntityEventData: object(
    {
      legalEntityId: string,
      name: string,
      type: { type: 'string', enum: [...LegalEntityTypes] },
      parentId: string,
      legalInfo: object(
        {
          legalName: string,
          registrationDate: string,
          taxRegistrationNumber: string,
          registrationAgency: string,
          countryOfRegistration: string,
          registrationId: string,
        },
        [
          'legalName',
          'registrationDate',
          'taxRegistrationNumber',
          'registrationAgency',
          'countryOfRegistration',
          'registrationId',
        ],
      ),
      accountLimit: object({ currency: string, value: { type: 'number' } }, ['currency', 'value']),
      customerGroups: { type: 'array', items: object({ id: string, name: localized, role: string }, ['name', 'role']) },
      addresses: { type: 'array', items: string, description: 'The ids of its locations.' },
      approvalGroup: { type: 'array', items: string, description: 'The ids of its contact assignments.' },
      restrictions: { type: 'array', items: string },
      mixins,
      metadata: ref('EventMetadata'),
    },
    ['parentId', 'legalInfo', 'accountLimit', 'restrictions'],
    'The legal entity as stored after the change (Emporix fields).',
  ),
  LegalEntityDeletedEventData: object({ legalEntityId: string, legalEntityParentId: string }, ['legalEntityParentId']),
  LocationEventData: object(
    {
      id: string,
      name: string,
      type: { type: 'string', enum: [...LocationTypes] },
      contactDetails: object(
        {
          emails: { type: 'array', items: string },
          phones: { type: 'array', items: string },
          addressLine1: string,
          addressLine2: string,
          city: string,
          state: string,
          postcode: string,
          countryCode: string,
          tags: { type: 'array', items: string },
        },
        ['emails', 'phones', 'addressLine1', 'addressLine2', 'city', 'state', 'postcode', 'countryCode', 'tags'],
      ),
      mixins,
      metadata: ref('EventMetadata'),
    },
    ['name'],
    'The location as stored after the change.',
  ),
  ContactAssignmentEventData: object(
    {
      assignmentId: string,
      userId: string,
      email: string,
      legalEntityId: string,
      type: { type: 'string', enum: [...ContactTypes] },
      primary: { type: 'boolean' },
      mixins,
      metadata: ref('EventMetadata'),
    },
    ['email'],
    'The contact assignment as stored after the change; `userId` is the customer, `email` from the customer data.',
  ),
  ContactAssignmentDeletedEventData: object({ assignmentId: string, userId: string, legalEntityId: string }),
  CategoryEventData: object(
    {
      id: string,
      parentId: string,
      code: string,
      name: localized,
      localizedDescription: localized,
      localizedSlug: localized,
      ecn: { type: 'array', items: string },
      validity: object({ from: { type: 'string', format: 'date-time' }, to: { type: 'string', format: 'date-time' } }, [
        'from',
        'to',
      ]),
      position: { type: 'integer' },
      published: { type: 'boolean' },
      mixins,
      metadata: ref('EventMetadata'),
    },
    ['parentId', 'code', 'validity', 'position'],
    'The catalog category as stored after the change.',
  ),
  ProductEventData: object(
    {
      id: string,
      code: string,
      name: localized,
      categoryIds: { type: 'array', items: string },
      mixins,
      metadata: ref('EventMetadata'),
    },
    ['code'],
    'The catalog product as stored after the change.',
  ),
  CustomerDataEventData: object(
    {
      id: string,
      firstName: string,
      lastName: string,
      email: string,
      phone: string,
      preferredSite: string,
      preferredLanguage: string,
      preferredCurrency: string,
      active: { type: 'boolean' },
      b2b: object(
        {
          companyRegistrationId: string,
          legalEntities: {
            type: 'array',
            items: object({ id: string, name: string, contactAssignmentId: string }, [
              'id',
              'name',
              'contactAssignmentId',
            ]),
          },
        },
        ['companyRegistrationId', 'legalEntities'],
      ),
      businessModel: { type: 'string', enum: [...CustomerBusinessModels] },
      type: { type: 'string', enum: [...CustomerTypes] },
      company: string,
      customerNumber: string,
      metadataCreatedAt: {
        type: 'string',
        format: 'date-time',
        description: "When the customer service created the customer; `metadata.createdAt` is this service's.",
      },
      mixins,
      metadata: ref('EventMetadata'),
    },
    [
      'firstName',
      'lastName',
      'email',
      'phone',
      'preferredSite',
      'preferredLanguage',
      'preferredCurrency',
      'active',
      'b2b',
      'businessModel',
      'type',
      'company',
      'customerNumber',
      'metadataCreatedAt',
    ],
    'The customer data as stored after the change.',
  ),
  WebhookEndpointDisabledEventData: object(
    {
      id: string,
      reason: { type: 'string', enum: ['gone', 'failing'] },
      failingSince: { type: 'string', format: 'date-time' },
    },
    [],
    'The endpoint the service disabled: it answered 410 Gone (`gone`), or failed for the failing period (`failing`).',
  ),
};

/** Every event type's `data` schema (a component name of `DATA_SCHEMAS`). */
const DATA_OF: Record<EventType, string> = {
  [EventTypes.segmentCreated]: 'SegmentEventData',
  [EventTypes.segmentUpdated]: 'SegmentUpdatedEventData',
  [EventTypes.segmentDeleted]: 'SegmentDeletedEventData',
  [EventTypes.segmentValidityReached]: 'SegmentValidityReachedEventData',
  [EventTypes.customerAssignmentCreated]: 'CustomerAssignmentEventData',
  [EventTypes.customerAssignmentUpdated]: 'CustomerAssignmentEventData',
  [EventTypes.customerAssignmentDeleted]: 'CustomerAssignmentDeletedEventData',
  [EventTypes.itemAssignmentCreated]: 'ItemAssignmentEventData',
  [EventTypes.itemAssignmentUpdated]: 'ItemAssignmentEventData',
  [EventTypes.itemAssignmentDeleted]: 'ItemAssignmentDeletedEventData',
  [EventTypes.legalEntityCreated]: 'LegalEntityEventData',
  [EventTypes.legalEntityUpdated]: 'LegalEntityEventData',
  [EventTypes.legalEntityDeleted]: 'LegalEntityDeletedEventData',
  [EventTypes.locationCreated]: 'LocationEventData',
  [EventTypes.locationUpdated]: 'LocationEventData',
  [EventTypes.locationDeleted]: 'DocumentDeletedEventData',
  [EventTypes.userAssignedToLegalEntity]: 'ContactAssignmentEventData',
  [EventTypes.contactAssignmentUpdated]: 'ContactAssignmentEventData',
  [EventTypes.contactAssignmentDeleted]: 'ContactAssignmentDeletedEventData',
  [EventTypes.categoryCreated]: 'CategoryEventData',
  [EventTypes.categoryUpdated]: 'CategoryEventData',
  [EventTypes.categoryDeleted]: 'DocumentDeletedEventData',
  [EventTypes.productCreated]: 'ProductEventData',
  [EventTypes.productUpdated]: 'ProductEventData',
  [EventTypes.productDeleted]: 'DocumentDeletedEventData',
  [EventTypes.customerCreated]: 'CustomerDataEventData',
  [EventTypes.customerUpdated]: 'CustomerDataEventData',
  [EventTypes.customerDeleted]: 'DocumentDeletedEventData',
  [EventTypes.endpointDisabled]: 'WebhookEndpointDisabledEventData',
};

/** The envelope of one event type: `type` fixed, `data` of its schema. */
function envelope(type: EventType): SchemaObject {
  return object(
    {
      id: {
        type: 'string',
        pattern: '^[0-9]+$',
        description: 'Position of the event: unique, increasing in commit order; the cursor (`after`).',
      },
      type: { type: 'string', enum: [type] },
      tenant: string,
      occurredAt: { type: 'string', format: 'date-time', description: 'When the change happened.' },
      resource: object({ type: { type: 'string', enum: [...ResourceTypes] }, id: string }, [], 'What changed.'),
      sequence: { type: 'integer', minimum: 1, description: "1, 2, ... over the resource's events, without gaps." },
      version: {
        type: 'integer',
        nullable: true,
        description: "The resource's `metadata.version` after the change; null for deletions.",
      },
      data: ref(DATA_OF[type]),
    },
    [],
    `A \`${type}\` event.`,
  );
}

const envelopeName = (type: EventType) => `Event_${type}`;

const TYPES = Object.keys(DATA_OF) as EventType[];

/**
 * The components: `Event` (one of the envelopes, by `type`), an envelope per type (`Event_customer-segment.segment-created`,
 * ...) and the data schemas.
 */
export const EVENT_SCHEMAS: Record<string, SchemaObject> = {
  Event: {
    description: 'One event: the same envelope for every type, `data` by `type` (docs/events.md).',
    oneOf: TYPES.map((type) => ref(envelopeName(type))),
    discriminator: {
      propertyName: 'type',
      mapping: Object.fromEntries(TYPES.map((type) => [type, ref(envelopeName(type)).$ref])),
    },
  },
  ...Object.fromEntries(TYPES.map((type) => [envelopeName(type), envelope(type)])),
  ...DATA_SCHEMAS,
};
