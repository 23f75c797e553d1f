import { LocationListFilters } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fetchPage, ListRequest, Page } from '../../common/listing';
import { Select } from '../../database/select';
import { DocumentRepository } from '../document.repository';
import { applyFilters } from '../list-filters';
import { LOCATION_EVENTS } from './location.events';
import { LOCATION_FIELDS, LOCATION_FILTERS, LOCATION_TIE_BREAKER } from './location.fields';
import { LocationRow, LocationValues } from './locations.mapper';

// Every statement of locations: the shared document statements and these reads.

@Injectable()
export class LocationsRepository extends DocumentRepository<LocationValues> {
  constructor(dataSource: DataSource) {
    super(dataSource, 'location', LOCATION_EVENTS);
  }

  /** A page of the tenant's locations matching the named filters and q, in one statement (two with the count). */
  page(tenant: string, list: ListRequest, filters: LocationListFilters): Promise<Page<LocationRow>> {
    const select = new Select(this.dataSource)
      .select('l.*')
      .from('location', 'l')
      .where('l.tenant = :tenant', { tenant });
    applyFilters(select, filters, LOCATION_FILTERS);
    return fetchPage<LocationRow>(select, list, { fieldMap: LOCATION_FIELDS, tieBreaker: LOCATION_TIE_BREAKER });
  }

  async find(tenant: string, id: string): Promise<LocationRow | undefined> {
    const rows: LocationRow[] = await this.dataSource.query('SELECT * FROM location WHERE tenant = $1 AND id = $2', [
      tenant,
      id,
    ]);
    return rows[0];
  }

  /** The locations among `ids` (references of legal entities); absent ones are left out. */
  findMany(tenant: string, ids: readonly string[]): Promise<LocationRow[]> {
    return this.dataSource.query('SELECT * FROM location WHERE tenant = $1 AND id = ANY($2::text[])', [tenant, ids]);
  }
}
