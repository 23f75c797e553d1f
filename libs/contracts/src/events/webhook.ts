/** Events of the webhook endpoints (`webhook.*`); `webhook.ping` is only ever sent by the test route, never recorded. */
export const WebhookEventTypes = {
  endpointDisabled: 'webhook.endpoint-disabled',
} as const;

/** The type of the message `POST .../endpoints/{id}/test` sends; it has no position and reaches no other sink. */
export const WEBHOOK_PING_TYPE = 'webhook.ping';

/** Why the service disabled an endpoint: it answered `410 Gone`, or every attempt failed for the failing period. */
export type WebhookDisabledReason = 'gone' | 'failing';

export interface WebhookEndpointDisabledEventData {
  /** The endpoint (its URL is not in the event: URLs often hold a receiver's token). */
  id: string;
  reason: WebhookDisabledReason;
  /** When its attempts started failing without a success since (ISO 8601 UTC). */
  failingSince: string;
}

/** Event type -> the type of its `data`. */
export interface WebhookEventData {
  'webhook.endpoint-disabled': WebhookEndpointDisabledEventData;
}
