/**
 * The container's health probe (`HEALTHCHECK` of the Dockerfile, `healthcheck` of docker-compose.yml):
 * exits 0 when the service on this machine answers `GET /health/ready` with 200 within 3 s, else 1.
 * Plain Node, because the slim image has no curl. It asks the port and host the service was given.
 */
const LISTENS_EVERYWHERE = ['', '0.0.0.0', '::'];

const host = process.env.HOST?.trim() ?? '';
const address = LISTENS_EVERYWHERE.includes(host) ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
const port = process.env.PORT?.trim() || '3000';

fetch(`http://${address}:${port}/health/ready`, { signal: AbortSignal.timeout(3000) }).then(
  (response) => process.exit(response.status === 200 ? 0 : 1),
  () => process.exit(1),
);
export {};
