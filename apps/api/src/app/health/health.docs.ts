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
      'for `DB_ACQUIRE_TIMEOUT_MS`, `down` when the database cannot be reached.',
    details: [
      ApiOkResponse({ schema: { example: { status: 'ok', database: 'up' } } }),
      ApiServiceUnavailableResponse({ schema: { example: { status: 'unavailable', database: 'busy' } } }),
    ],
  },
});
