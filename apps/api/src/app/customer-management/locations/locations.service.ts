import { LocationCreate, LocationListFilters, LocationResponse, LocationUpdate } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { newId } from '../../common/documents';
import { ListRequest, Page } from '../../common/listing';
import { RequestContext } from '../../common/request-context';
import { Transactions } from '../../database/transactions';
import { NotFoundError } from '../../errors/domain-errors';
import { alreadyExists } from '../documents';
import { LegalEntitiesRepository } from '../legal-entities/legal-entities.repository';
import { locationEventData } from './location.events';
import { toResponse, toRow } from './locations.mapper';
import { LocationsRepository } from './locations.repository';

@Injectable()
export class LocationsService {
  constructor(
    private readonly locations: LocationsRepository,
    private readonly legalEntities: LegalEntitiesRepository,
    private readonly transactions: Transactions,
  ) {}

  async create(ctx: RequestContext, body: LocationCreate): Promise<string> {
    const id = body.id ?? newId();
    await this.transactions.run(async (tx) => {
      const values = toRow(body);
      const write = { tenant: ctx.tenant, id, values, eventData: locationEventData(id, values) };
      if (!(await this.locations.insert(tx, write))) throw alreadyExists('location', id);
    });
    return id;
  }

  /** Returns true when the location was created. */
  async upsert(ctx: RequestContext, id: string, body: LocationUpdate): Promise<boolean> {
    const values = toRow(body);
    const eventData = locationEventData(id, values);
    const write = { tenant: ctx.tenant, id, values, expectedVersion: body.metadata?.version, eventData };
    return (await this.transactions.run((tx) => this.locations.upsert(tx, write))).created;
  }

  async list(ctx: RequestContext, list: ListRequest, filters: LocationListFilters): Promise<Page<LocationResponse>> {
    const page = await this.locations.page(ctx.tenant, list, filters);
    return { ...page, items: page.items.map(toResponse) };
  }

  async get(ctx: RequestContext, id: string): Promise<LocationResponse> {
    const row = await this.locations.find(ctx.tenant, id);
    if (!row) throw NotFoundError.of('location', id);
    return toResponse(row);
  }

  /** Deletes the location and drops it from the addresses of every legal entity listing it. */
  async delete(ctx: RequestContext, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.locations.delete(tx, ctx.tenant, id))) throw NotFoundError.of('location', id);
      await this.legalEntities.removeReferences(tx, ctx.tenant, 'entities_addresses', [id]);
    });
  }
}
