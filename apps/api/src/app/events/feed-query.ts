import { EventType, EventTypes } from '@cs/contracts';
import { BadRequestError } from '../errors/domain-errors';

export const FEED_DEFAULT_LIMIT = 100;
export const FEED_MAX_LIMIT = 1_000;
/** Positions are Postgres bigints. */
const POSITION = /^(0|[1-9]\d{0,18})$/;
const POSITION_MAX = 9_223_372_036_854_775_807n;
const INTEGER = /^\d{1,6}$/;

const KNOWN_TYPES: ReadonlySet<string> = new Set<string>(Object.values(EventTypes));

/** The feed's parameters as the client sent them (query strings; repeated parameters arrive as arrays). */
export interface RawFeedQuery {
  after?: unknown;
  types?: unknown;
  limit?: unknown;
  wait?: unknown;
}

export interface FeedQuery {
  /** Events after this position. */
  after: string;
  types: EventType[];
  /** Type prefixes, from `family.*` (e.g. `customer-segment.`). */
  typePrefixes: string[];
  limit: number;
  /** Seconds to wait for a first event; 0: answer at once. */
  waitSeconds: number;
}

/** Validates the feed's parameters; every problem in one 400 naming the fields. `maxWaitSeconds` caps `wait`. */
export function parseFeedQuery(raw: RawFeedQuery, maxWaitSeconds: number): FeedQuery {
  const problems: Array<{ field: string; message: string }> = [];
  const text = (field: keyof RawFeedQuery): string | undefined => {
    const value = raw[field];
    if (value === undefined || typeof value === 'string') return value;
    problems.push({ field, message: 'must be given once' });
    return undefined;
  };
  const integer = (field: 'limit' | 'wait', fallback: number, min: number, max: number): number => {
    const value = text(field);
    if (value === undefined) return fallback;
    if (INTEGER.test(value) && Number(value) >= min && Number(value) <= max) return Number(value);
    problems.push({ field, message: `must be an integer from ${min} to ${max}` });
    return fallback;
  };

  const after = text('after') ?? '0';
  if (!POSITION.test(after) || BigInt(after) > POSITION_MAX)
    problems.push({ field: 'after', message: 'must be the id of an event (a non-negative integer)' });
  const types: EventType[] = [];
  const typePrefixes: string[] = [];
  for (const entry of (text('types') ?? '').split(',').map((type) => type.trim())) {
    if (!entry) continue;
    if (entry.endsWith('.*') && [...KNOWN_TYPES].some((type) => type.startsWith(entry.slice(0, -1))))
      typePrefixes.push(entry.slice(0, -1));
    else if (KNOWN_TYPES.has(entry)) types.push(entry as EventType);
    else problems.push({ field: 'types', message: `'${entry}' is no event type or family (family.*)` });
  }
  const limit = integer('limit', FEED_DEFAULT_LIMIT, 1, FEED_MAX_LIMIT);
  const waitSeconds = integer('wait', 0, 0, maxWaitSeconds);
  if (problems.length)
    throw new BadRequestError(
      `Invalid event feed parameters: ${problems.map((problem) => `${problem.field} ${problem.message}`).join('; ')}.`,
      undefined,
      problems,
    );
  return { after, types, typePrefixes, limit, waitSeconds };
}
