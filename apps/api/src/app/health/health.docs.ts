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
      'for `DB_ACQUIRE_TIMEOUT_MS`, `down` when the database cannot be reached. With `NATS_URL` set, `events.nats` shows ' +
      'the JetStream sink: `state` (`connecting`, `up`, `down`: unreachable, `failing`: connected but JetStream does not ' +
      'acknowledge), `reason`, and the `backlog` of events not published yet with the `oldestAt` of them. NATS never ' +
      'makes the service unready: writes go on, and the backlog is published when NATS is back.',
    details: [
      ApiOkResponse({
        schema: {
          example: {
            status: 'ok',
            database: 'up',
            events: {
              nats: { state: 'down', reason: 'CONNECTION_REFUSED', backlog: 120, oldestAt: '2026-11-24T09:12:44.107Z' },
            },
          },
        },
      }),
      ApiServiceUnavailableResponse({ schema: { example: { status: 'unavailable', database: 'busy' } } }),
    ],
  },
});
