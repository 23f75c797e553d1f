import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { REQUEST_ID_HEADER, requestId } from './app/app.module';
import { errorBody } from './app/filters/error-body';

/** Migrations take seconds; a client that retries sooner only gets this answer again. */
const RETRY_AFTER_SECONDS = '5';

/**
 * What the port answers while the process waits for the migrations lock or applies migrations (and builds the
 * app after them): `GET /health` 200 (the process lives, so an orchestrator does not restart it for waiting),
 * `GET /health/ready` 503 `{"status":"unavailable","database":"migrating"}`, every other request 503 with the
 * Emporix error body and `Retry-After`. Every answer closes its connection, so that none stays with this server,
 * which `main` closes just before the app listens on the same port.
 */
export async function listenWhileMigrating(port: number, host: string): Promise<Server> {
  const server = createServer(answerWhileMigrating);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}

/** Stops `server` and ends its connections (none is kept alive, see above). */
export function closeServer(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}

function answerWhileMigrating(request: IncomingMessage, response: ServerResponse): void {
  const path = (request.url ?? '').split('?')[0];
  const probe = request.method === 'GET' || request.method === 'HEAD';
  const [status, body, headers] =
    probe && path === '/health'
      ? [200, { status: 'ok' }, {}]
      : probe && path === '/health/ready'
        ? [503, { status: 'unavailable', database: 'migrating' }, {}]
        : [
            503,
            errorBody(503, 'The service is applying database migrations. Please retry.'),
            { 'Retry-After': RETRY_AFTER_SECONDS },
          ];
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Content-Type-Options': 'nosniff',
    [REQUEST_ID_HEADER]: requestId(request.headers),
    Connection: 'close',
    ...headers,
  });
  response.end(text);
}
