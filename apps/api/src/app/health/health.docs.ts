import { ApiOkResponse, ApiServiceUnavailableResponse } from '@nestjs/swagger';
import { operationDocs } from '../decorators/endpoint.decorators';

export const HEALTH_DOCS = operationDocs('Health', {
  live: {
    operationId: 'GET-health-liveness',
    summary: 'Liveness: the process serves requests',
    details: [ApiOkResponse({ schema: { example: { status: 'ok' } } })],
  },
  ready: {
    operationId: 'GET-health-readiness',
    summary: 'Readiness: the database answers',
    description:
      'Answers 503 while requests would get no database connection: `database` is `busy` when every pooled connection stays in use ' +
      'for `DB_ACQUIRE_TIMEOUT_MS`, `down` when the database cannot be reached, `migrating` while the process applies ' +
      'the pending migrations at start or waits for another process to apply them (it listens meanwhile: liveness ' +
      'answers 200, every other route 503 with `Retry-After`). `events` reports the event relay of this ' +
      'process (`on`, or `off` with `EVENTS_RELAY=false`) and the backlog of all relays: events not yet sequenced or not ' +
      'yet taken by every sink, and the age of the oldest in seconds (counted at most every 5 s). With `NATS_URL` set, ' +
      '`events.sinks.nats` shows the JetStream sink: `state` `connecting`, `up`, `down` (unreachable) or `failing` ' +
      '(connected, but JetStream does not acknowledge), and the `reason`. NATS never makes the service unready: writes ' +
      'go on, the backlog waits in the outbox and is published when NATS is back.',
    details: [
      ApiOkResponse({
        schema: {
          example: { status: 'ok', database: 'up', events: { relay: 'on', backlog: 0, oldestAgeSeconds: null } },
        },
      }),
      ApiServiceUnavailableResponse({ schema: { example: { status: 'unavailable', database: 'busy' } } }),
    ],
  },
});
