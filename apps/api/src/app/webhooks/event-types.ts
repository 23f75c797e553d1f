import { EventTypes } from '@cs/contracts';

/** `customer-segment.*`: every type that starts with `customer-segment.`; `*` alone is not allowed (empty = all). */
const PREFIX_FILTER = /^[a-z][a-z-]*(\.[a-z][a-z-]*)*\.\*$/;
const KNOWN_TYPES = new Set<string>(Object.values(EventTypes));

/** Why an `eventTypes` entry is not accepted; undefined when it names a known type or a family prefix. */
export function eventTypeFilterProblem(filter: string): string | undefined {
  if (KNOWN_TYPES.has(filter) || PREFIX_FILTER.test(filter)) return undefined;
  return `'${filter}' is neither an event type of the service nor a prefix such as 'customer-segment.*'`;
}

/** Whether an endpoint with these `eventTypes` takes events of `type` (the SQL of the sink says the same). */
export function acceptsEventType(filters: readonly string[], type: string): boolean {
  return (
    filters.length === 0 ||
    filters.some((filter) => (filter.endsWith('.*') ? type.startsWith(filter.slice(0, -1)) : filter === type))
  );
}
