import { FieldMap } from '@cs/query';

/** q and sort fields of an endpoint's attempts (alias `a`). */
export const ATTEMPT_FIELDS: FieldMap = {
  id: { sql: 'a.id', type: 'number' },
  eventId: { sql: 'a.event_id', type: 'string' },
  eventType: { sql: 'a.event_type', type: 'string' },
  attempt: { sql: 'a.number', type: 'number' },
  attemptedAt: { sql: 'a.attempted_at', type: 'datetime' },
  succeeded: { sql: '(a.error IS NULL)', type: 'boolean' },
  responseStatus: { sql: 'a.response_status', type: 'number' },
  latencyMs: { sql: 'a.latency_ms', type: 'number' },
  nextAttemptAt: { sql: 'a.next_attempt_at', type: 'datetime' },
};

export const ATTEMPT_TIE_BREAKER = ['a.id'];
/** Newest first unless `sort` says otherwise. */
export const ATTEMPT_DEFAULT_SORT = 'id:desc';
