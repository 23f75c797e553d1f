import { CatalogEventData, CatalogEventTypes } from './catalog';
import { ClientManagementEventData, ClientManagementEventTypes } from './client-management';
import { CustomerEventData, CustomerEventTypes } from './customer';
import { CustomerSegmentEventData, CustomerSegmentEventTypes } from './customer-segment';
import { WebhookEventData, WebhookEventTypes } from './webhook';

export * from './catalog';
export * from './client-management';
export * from './common';
export * from './customer';
export * from './customer-segment';
export * from './webhook';

/**
 * Every event type of the service and what it is about, one family per file. Events are recorded in the
 * transaction of the change that causes them and delivered through the outbox (docs/events.md).
 */
export const EventTypes = {
  ...CustomerSegmentEventTypes,
  ...ClientManagementEventTypes,
  ...CatalogEventTypes,
  ...CustomerEventTypes,
  ...WebhookEventTypes,
} as const;

/** Event type -> the type of its `data`: the Emporix payload where Emporix names one. */
export type EventDataByType = CustomerSegmentEventData &
  ClientManagementEventData &
  CatalogEventData &
  CustomerEventData &
  WebhookEventData;

export type EventType = keyof EventDataByType;

/** What an event can be about; `resource.id` of composite keys is described in docs/events.md (`resourceId`). */
export const ResourceTypes = [
  'segment',
  'customer-assignment',
  'item-assignment',
  'legal-entity',
  'location',
  'contact-assignment',
  'category',
  'product',
  'customer',
  'webhook-endpoint',
] as const;
export type ResourceType = (typeof ResourceTypes)[number];

/** One delivered event, the same in every sink (the feed, NATS, webhooks). */
export interface EventEnvelope<T extends EventType = EventType> {
  /** The position of the event: a decimal integer, unique, increasing in commit order within a tenant. */
  id: string;
  type: T;
  tenant: string;
  /** When the change happened (ISO 8601 UTC): the start of its transaction. */
  occurredAt: string;
  /** The document the event is about. */
  resource: { type: ResourceType; id: string };
  /** 1 for the first event of the resource, +1 for each later one: a gap means a missed event. */
  sequence: number;
  /** `metadata.version` of the document after the change; null when it was deleted (or has no version). */
  version: number | null;
  data: EventDataByType[T];
}

/** Any event: a union discriminated by `type`, so `data` narrows with it. */
export type AnyEventEnvelope = { [T in EventType]: EventEnvelope<T> }[EventType];

/**
 * The `id` of a resource with a composite key: its parts joined by `/`, each with `%` and `/` percent-encoded, so
 * the id is unambiguous whatever the parts hold (customer assignment `segmentId/customerId[/legalEntityId]`,
 * item assignment `segmentId/TYPE/itemId`).
 */
export function resourceId(...parts: string[]): string {
  return parts.map((part) => part.replace(/%/g, '%25').replace(/\//g, '%2F')).join('/');
}

// Every constant names a typed event and every typed event has its constant.
type Constants = (typeof EventTypes)[keyof typeof EventTypes];
const everyTypeHasAConstant: [EventType] extends [Constants]
  ? [Constants] extends [EventType]
    ? true
    : never
  : never = true;
void everyTypeHasAConstant;
