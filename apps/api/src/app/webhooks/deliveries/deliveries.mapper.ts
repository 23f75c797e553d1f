import { WebhookAttemptResponse } from '@cs/dto';
import { AttemptRow } from './deliveries.repository';

export function toAttemptResponse(row: AttemptRow): WebhookAttemptResponse {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    attempt: row.number,
    attemptedAt: row.attempted_at,
    succeeded: row.error === null,
    responseStatus: row.response_status,
    latencyMs: row.latency_ms,
    error: row.error,
    nextAttemptAt: row.next_attempt_at,
  };
}
