import { NotFoundError } from '../errors/domain-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Endpoint ids are generated uuids: any other id names no endpoint (and would be rejected by the uuid column). */
export function assertEndpointId(id: string): string {
  if (!UUID.test(id)) throw NotFoundError.of('webhook endpoint', id);
  return id;
}
