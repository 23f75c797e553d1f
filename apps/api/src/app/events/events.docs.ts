import { ErrorResponse } from '@cs/dto';
import { ApiBadRequestResponse, ApiOkResponse, ApiQuery } from '@nestjs/swagger';
import { operationDocs } from '../decorators/endpoint.decorators';
import { FEED_DEFAULT_LIMIT, FEED_MAX_LIMIT } from './feed-query';

/** The feed's description; `maxWaitSeconds` and `maxWaiters` from the configuration. */
function feedDescription(): string {
  return [
    "The tenant's events in commit order after the cursor `after` (the `id` of the last event read; absent: from the oldest",
    'still kept). Page by passing the last `id` again: a later read never returns an event before it, so nothing is missed.',
    'Every event has the same envelope (`Event`): `resource` and its per-resource `sequence` (1, 2, ... without gaps)',
    'tell a consumer what changed and whether it missed something; `data` is the payload of its `type`. Events stay',
    'readable for `EVENTS_RETENTION_DAYS` (30 by default). See docs/events.md.',
    '',
    '`wait` long-polls: without events after the cursor the answer waits until one is recorded or `wait` seconds pass',
    '(then `[]`). At most `EVENTS_FEED_MAX_WAIT_SECONDS` (30 by default); beyond `EVENTS_FEED_MAX_WAITERS` (100) waiting',
    'requests at once the answer is 503 with `Retry-After`.',
    '',
    'Needs `customersegment.event_read`, which customer tokens never carry.',
  ].join('\n');
}

export const EVENT_DOCS = operationDocs('Events', {
  feed: {
    operationId: 'GET-customer-segment-retrieve-events',
    summary: 'Reading the event feed',
    description: feedDescription(),
    details: [
      ApiQuery({
        name: 'after',
        required: false,
        schema: { type: 'string', pattern: '^[0-9]+$', default: '0' },
        description: 'Only events after this one (its `id`).',
      }),
      ApiQuery({
        name: 'types',
        required: false,
        schema: { type: 'string' },
        example: 'customer-segment.*',
        description:
          'Comma-separated event types, or families as `<family>.*` (e.g. `customer-segment.*`); unknown ones are a 400.',
      }),
      ApiQuery({
        name: 'limit',
        required: false,
        schema: { type: 'integer', minimum: 1, maximum: FEED_MAX_LIMIT, default: FEED_DEFAULT_LIMIT },
        description: 'Most events returned.',
      }),
      ApiQuery({
        name: 'wait',
        required: false,
        schema: { type: 'integer', minimum: 0, default: 0 },
        description: 'Seconds to wait for an event when there is none after the cursor (long poll).',
      }),
      ApiOkResponse({
        description: 'The events after the cursor, oldest first; `[]` when there are none (yet).',
        schema: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
      }),
      ApiBadRequestResponse({ description: 'Invalid parameters.', type: ErrorResponse }),
    ],
  },
});
