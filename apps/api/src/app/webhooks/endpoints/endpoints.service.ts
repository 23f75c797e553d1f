import {
  WebhookEndpointCreate,
  WebhookEndpointCreated,
  WebhookEndpointResponse,
  WebhookEndpointUpdate,
  WebhookSecretRotated,
} from '@cs/dto';
import { ErrorDetail } from '@cs/contracts';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ListRequest, Page } from '../../common/listing';
import { RequestContext } from '../../common/request-context';
import { validationFailed } from '../../common/validation';
import { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { Transactions } from '../../database/transactions';
import { ConflictError, NotFoundError, VERSION_CONFLICT_MESSAGE } from '../../errors/domain-errors';
import { eventTypeFilterProblem } from '../event-types';
import { endpointUrlProblem } from '../sending/url-safety';
import { assertEndpointId } from '../endpoint-id';
import { randomSecret } from '../sending/signature';
import { toResponse, toRow } from './endpoints.mapper';
import { EndpointsRepository } from './endpoints.repository';

/** Endpoints a tenant may have: each one is a queue of deliveries and a stream of attempts. */
export const MAX_ENDPOINTS_PER_TENANT = 100;

@Injectable()
export class EndpointsService {
  constructor(
    private readonly endpoints: EndpointsRepository,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(ctx: RequestContext, body: WebhookEndpointCreate): Promise<WebhookEndpointCreated> {
    const values = toRow(this.checked(body));
    const write = {
      tenant: ctx.tenant,
      id: randomUUID(),
      values,
      secret: randomSecret(),
      cap: MAX_ENDPOINTS_PER_TENANT,
    };
    const created = await this.transactions.run((tx) => this.endpoints.insertUnderCap(tx, write));
    if (!created)
      throw new ConflictError(
        `The tenant has ${MAX_ENDPOINTS_PER_TENANT} webhook endpoints, the most it may have; delete one to create another.`,
      );
    return { id: write.id, secret: write.secret };
  }

  async list(ctx: RequestContext, list: ListRequest): Promise<Page<WebhookEndpointResponse>> {
    const page = await this.endpoints.page(ctx.tenant, list);
    return { ...page, items: page.items.map(toResponse) };
  }

  async get(ctx: RequestContext, id: string): Promise<WebhookEndpointResponse> {
    const row = await this.endpoints.find(ctx.tenant, assertEndpointId(id));
    if (!row) throw notFound(id);
    return toResponse(row);
  }

  /** Replaces the endpoint's fields; 404 when absent (ids are generated: a PUT never creates), 409 on a stale one. */
  async update(ctx: RequestContext, id: string, body: WebhookEndpointUpdate): Promise<void> {
    const write = { tenant: ctx.tenant, id: assertEndpointId(id), values: toRow(this.checked(body)) };
    await this.transactions.run(async (tx) => {
      if (await this.endpoints.update(tx, { ...write, expectedVersion: body.metadata?.version })) return;
      if (!(await this.endpoints.exists(tx, ctx.tenant, id))) throw notFound(id);
      throw new ConflictError(VERSION_CONFLICT_MESSAGE, id);
    });
  }

  async delete(ctx: RequestContext, id: string): Promise<void> {
    assertEndpointId(id);
    const deleted = await this.transactions.run((tx) => this.endpoints.delete(tx, ctx.tenant, id));
    if (!deleted) throw notFound(id);
  }

  /** A new secret; the replaced one keeps signing for `WEBHOOKS_SECRET_OVERLAP`, so receivers can switch over. */
  async rotateSecret(ctx: RequestContext, id: string): Promise<WebhookSecretRotated> {
    const rotation = {
      tenant: ctx.tenant,
      id: assertEndpointId(id),
      secret: randomSecret(),
      overlapMs: this.config.webhooks.secretOverlapMs,
    };
    const rotated = await this.transactions.run((tx) => this.endpoints.rotateSecret(tx, rotation));
    if (!rotated) throw notFound(id);
    return { secret: rotation.secret, previousSecretExpiresAt: rotated.previous_secret_until };
  }

  /** The body, once its URL is one a webhook may call and each event type filter is known (400 otherwise). */
  private checked<T extends WebhookEndpointCreate>(body: T): T {
    const details: ErrorDetail[] = [];
    const urlProblem = endpointUrlProblem(body.url, this.config.webhooks.allowPrivate);
    if (urlProblem) details.push({ field: 'url', type: 'endpointUrl', message: `url ${urlProblem}` });
    for (const filter of body.eventTypes ?? []) {
      const problem = eventTypeFilterProblem(filter);
      if (problem) details.push({ field: 'eventTypes', type: 'eventTypeFilter', message: problem });
    }
    if (details.length) throw validationFailed(details);
    return body;
  }
}

const notFound = (id: string) => NotFoundError.of('webhook endpoint', id);
