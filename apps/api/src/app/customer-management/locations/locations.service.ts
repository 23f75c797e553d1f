import { LocationCreate, LocationResponse, LocationUpdate } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Select } from '../../database/select';
import { fetchPage, ListRequest, Page } from '../../common/listing';
import { Transactions } from '../../database/transactions';
import { upsertVersioned } from '../../database/upsert';
import { newId } from '../../common/documents';
import { deleteDocument, insertDocument, notFound } from '../documents';
import { removeReferences } from '../legal-entities/legal-entity.references';
import { applyFilters } from '../list-filters';
import { LOCATION_FIELDS, LOCATION_FILTERS, LOCATION_TIE_BREAKER } from './location.fields';
import { LocationRow, toLocation } from './location.view';

/** The stored columns of a location write (a PUT replaces them all). */
function columnsOf(body: LocationCreate | LocationUpdate): Record<string, unknown> {
  return {
    name: body.name ?? null,
    type: body.type,
    contact_details: body.contactDetails,
    mixins: body.mixins ?? {},
    metadata_mixins: body.metadata?.mixins ?? {},
  };
}

@Injectable()
export class LocationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async create(tenant: string, body: LocationCreate): Promise<string> {
    const id = body.id ?? newId();
    await this.transactions.run((tx) => insertDocument(tx, 'location', tenant, id, columnsOf(body)));
    return id;
  }

  /** Returns true when the location was created. */
  async upsert(tenant: string, id: string, body: LocationUpdate): Promise<boolean> {
    const result = await this.transactions.run((tx) =>
      upsertVersioned(tx, {
        table: 'location',
        key: { tenant, id },
        values: columnsOf(body),
        expectedVersion: body.metadata?.version,
        resourceId: id,
      }),
    );
    return result.created;
  }

  async list(tenant: string, list: ListRequest, filters: object): Promise<Page<LocationResponse>> {
    const select = new Select(this.dataSource)
      .select('l.*')
      .from('location', 'l')
      .where('l.tenant = :tenant', { tenant });
    applyFilters(select, filters, LOCATION_FILTERS);
    const page = await fetchPage<LocationRow>(select, list, {
      fieldMap: LOCATION_FIELDS,
      tieBreaker: LOCATION_TIE_BREAKER,
    });
    return { ...page, items: page.items.map(toLocation) };
  }

  async get(tenant: string, id: string): Promise<LocationResponse> {
    const rows: LocationRow[] = await this.dataSource.query('SELECT * FROM location WHERE tenant = $1 AND id = $2', [
      tenant,
      id,
    ]);
    if (!rows.length) throw notFound('location', id);
    return toLocation(rows[0]);
  }

  /** Deletes the location and drops it from the addresses of every legal entity listing it. */
  async delete(tenant: string, id: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await deleteDocument(tx, 'location', tenant, id);
      await removeReferences(tx, tenant, 'entities_addresses', [id]);
    });
  }
}
