import { WebhookAttemptResponse, WebhookReplayResponse } from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { ApiAcceptedResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiList } from '../../common/listing';
import { ApiErrors, ApiPage } from '../../common/routes';
import { operationDocs } from '../../decorators/endpoint.decorators';
import { ENDPOINT_ID } from '../endpoints/endpoints.docs';
import { ATTEMPT_FIELDS } from './attempt.fields';
import { REPLAY_MAX_EVENTS } from './deliveries.service';

const ATTEMPT_ID = ApiParam({
  name: 'attemptId',
  description: 'The `id` of an attempt of the endpoint, as its attempts list or the test message answered it.',
  schema: { type: 'string', pattern: '^[0-9]+$' },
  example: '1207',
});

export const DELIVERY_DOCS = operationDocs('Webhooks', {
  attempts: {
    operationId: 'GET-webhook-list-endpoint-attempts',
    summary: 'Listing the delivery attempts of an endpoint',
    description: [
      "The endpoint's attempts, newest first: when, what it answered (`responseStatus`, `latencyMs`), why it failed",
      '(`error`) and when the delivery is tried again (`nextAttemptAt`). `q=eventId:4711` shows the attempts of one',
      'event. Kept as long as the events (`EVENTS_RETENTION_DAYS`).',
      '',
      `q and sort fields: ${describeQueryFields(ATTEMPT_FIELDS)}.`,
    ].join('\n'),
    details: [ENDPOINT_ID, ApiList(), ApiPage(WebhookAttemptResponse, 'attempts'), ApiErrors(404)],
  },
  test: {
    operationId: 'POST-webhook-test-endpoint',
    summary: 'Sending a test message to an endpoint',
    description: [
      'Sends a `webhook.ping` message to the endpoint now, active or not, signed like every delivery, and answers with',
      "the attempt's outcome (also listed among its attempts). It is not retried and reaches no other sink. Body:",
      '`{id: "ping_<uuid>", type: "webhook.ping", tenant, occurredAt, resource: {type: "webhook-endpoint", id}, data: {endpointId}}`.',
    ].join('\n'),
    details: [
      ENDPOINT_ID,
      ApiOkResponse({ description: 'What the attempt came to.', type: WebhookAttemptResponse }),
      ApiErrors(404),
    ],
  },
  replay: {
    operationId: 'POST-webhook-replay-endpoint',
    summary: 'Delivering past events to an endpoint again',
    description: [
      "Queues the tenant's events that occurred in `[since, until)` and that the endpoint's filter (and `eventTypes`)",
      'takes, for this endpoint only, with their ids: a receiver that deduplicates by `webhook-id` takes each once.',
      `Events are kept for \`EVENTS_RETENTION_DAYS\`. At most ${REPLAY_MAX_EVENTS} events per replay (400 beyond: replay shorter`,
      'ranges). The deliveries of a disabled endpoint wait until it is active again.',
    ].join('\n'),
    details: [
      ENDPOINT_ID,
      ApiAcceptedResponse({ description: 'The deliveries are queued.', type: WebhookReplayResponse }),
      ApiErrors(400, 404),
    ],
    requestExample: {
      since: '2026-01-01T00:00:00Z',
      until: '2026-01-02T00:00:00Z',
      eventTypes: ['customer-segment.*'],
    },
  },
  retry: {
    operationId: 'POST-webhook-retry-attempt',
    summary: 'Retrying the delivery of an attempt',
    description:
      "Makes the attempt's delivery due now, including one that was given up after the whole retry schedule; it is sent with the same `webhook-id`. 409 while an attempt of it is in flight.",
    details: [
      ENDPOINT_ID,
      ATTEMPT_ID,
      ApiAcceptedResponse({ description: 'The delivery is due.' }),
      ApiErrors(404, 409),
    ],
  },
});
