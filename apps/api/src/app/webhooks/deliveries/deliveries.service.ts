import { WEBHOOK_PING_TYPE } from '@cs/contracts';
import { WebhookAttemptResponse, WebhookReplayRequest, WebhookReplayResponse } from '@cs/dto';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ListRequest, Page } from '../../common/listing';
import { RequestContext } from '../../common/request-context';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { Transactions } from '../../database/transactions';
import { BadRequestError, ConflictError, NotFoundError } from '../../errors/domain-errors';
import { toEnvelope } from '../../events/events.mapper';
import { EventsRepository } from '../../events/events.repository';
import { assertEndpointId } from '../endpoint-id';
import { eventTypeFilterProblem } from '../event-types';
import { WebhookSender } from '../sending/sender';
import { signedHeaders } from '../sending/signature';
import { toAttemptResponse } from './deliveries.mapper';
import { DeliveriesRepository } from './deliveries.repository';

/** Events one replay may queue; a wider range is refused (400) rather than cut short. */
export const REPLAY_MAX_EVENTS = 10_000;
const REPLAY_PAGE = 1_000;

/** The routes of deliveries: attempts, the test message, replays and retries. */
@Injectable()
export class DeliveriesService {
  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly events: EventsRepository,
    private readonly transactions: Transactions,
    private readonly sender: WebhookSender,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async attempts(ctx: RequestContext, endpointId: string, list: ListRequest): Promise<Page<WebhookAttemptResponse>> {
    await this.assertEndpoint(ctx, endpointId);
    const page = await this.deliveries.attempts(ctx.tenant, endpointId, list);
    return { ...page, items: page.items.map(toAttemptResponse) };
  }

  /**
   * Sends a `webhook.ping` to the endpoint now (active or not), signed like every delivery, and records it as a
   * delivery with one attempt and no retries.
   */
  async test(ctx: RequestContext, endpointId: string): Promise<WebhookAttemptResponse> {
    assertEndpointId(endpointId);
    const endpoint = await this.deliveries.endpointForSending(ctx.tenant, endpointId);
    if (!endpoint) throw NotFoundError.of('webhook endpoint', endpointId);
    const eventId = `ping_${randomUUID()}`;
    const attemptedAt = new Date();
    const payload = JSON.stringify({
      id: eventId,
      type: WEBHOOK_PING_TYPE,
      tenant: ctx.tenant,
      occurredAt: attemptedAt.toISOString(),
      resource: { type: 'webhook-endpoint', id: endpointId },
      data: { endpointId },
    });
    const secrets = { secret: endpoint.secret, previousSecret: endpoint.previous_secret };
    const result = await this.sender.send(
      endpoint.url,
      { ...signedHeaders(eventId, payload, secrets, attemptedAt) },
      payload,
    );
    const succeeded = result.error === null;
    const attemptId = await this.transactions.run((tx) =>
      this.deliveries.recordSent(
        tx,
        { tenant: ctx.tenant, endpointId, eventId, eventType: WEBHOOK_PING_TYPE, payload },
        {
          attemptedAt,
          responseStatus: result.status,
          latencyMs: result.latencyMs,
          error: result.error,
          outcome: succeeded ? 'succeeded' : 'failed',
        },
      ),
    );
    return {
      id: attemptId,
      eventId,
      eventType: WEBHOOK_PING_TYPE,
      attempt: 1,
      attemptedAt: attemptedAt.toISOString(),
      succeeded,
      responseStatus: result.status,
      latencyMs: result.latencyMs,
      error: result.error,
      nextAttemptAt: null,
    };
  }

  /**
   * Queues the tenant's kept events of `[since, until)` (and of `eventTypes`, within the endpoint's own filter)
   * for the endpoint again, with their ids: a receiver that deduplicates by `webhook-id` sees each once.
   */
  async replay(ctx: RequestContext, endpointId: string, body: WebhookReplayRequest): Promise<WebhookReplayResponse> {
    const since = new Date(body.since);
    const until = new Date(body.until);
    if (!(since < until)) throw invalid('since', 'must be before until');
    for (const filter of body.eventTypes ?? []) {
      const problem = eventTypeFilterProblem(filter);
      if (problem) throw invalid('eventTypes', problem);
    }
    await this.assertEndpoint(ctx, endpointId);
    const filters = body.eventTypes ?? [];
    const range = {
      tenant: ctx.tenant,
      types: filters.filter((filter) => !filter.endsWith('.*')),
      typePrefixes: filters.filter((filter) => filter.endsWith('.*')).map((filter) => filter.slice(0, -1)),
      occurredFrom: since,
      occurredBefore: until,
    };
    const queued = await this.transactions.run(async (tx) => {
      let total = 0;
      let read = 0;
      for (let after = '0', page = REPLAY_PAGE; page === REPLAY_PAGE;) {
        const rows = await this.events.events({ ...range, after, limit: REPLAY_PAGE }, tx);
        read += rows.length;
        if (read > REPLAY_MAX_EVENTS)
          throw invalid('until', `more than ${REPLAY_MAX_EVENTS} events occurred in the range; replay shorter ones`);
        // A replayed event keeps the trace of the write that recorded it.
        const traceParents = rows.map((row) => row.trace_parent);
        if (rows.length)
          total += await DeliveriesRepository.queue(tx, ctx.tenant, rows.map(toEnvelope), traceParents, endpointId);
        page = rows.length;
        after = rows.at(-1)?.position ?? after;
      }
      return total;
    });
    return { queued };
  }

  /** Makes the attempt's delivery due now (a given-up one pending again). */
  async retry(ctx: RequestContext, endpointId: string, attemptId: string): Promise<void> {
    assertEndpointId(endpointId);
    if (!/^\d{1,18}$/.test(attemptId)) throw NotFoundError.of('webhook attempt', attemptId);
    const result = await this.deliveries.retry(ctx.tenant, endpointId, attemptId);
    if (result === 'missing') throw NotFoundError.of('webhook attempt', attemptId, ['webhook endpoint', endpointId]);
    if (result === 'inFlight') throw new ConflictError(`an attempt of this delivery is in flight; try again later`);
  }

  private async assertEndpoint(ctx: RequestContext, endpointId: string): Promise<void> {
    assertEndpointId(endpointId);
    if (!(await this.deliveries.endpointExists(ctx.tenant, endpointId)))
      throw NotFoundError.of('webhook endpoint', endpointId);
  }
}

function invalid(field: string, message: string): BadRequestError {
  return new BadRequestError(`Invalid ${field}: ${message}.`, undefined, [{ field, message }]);
}
