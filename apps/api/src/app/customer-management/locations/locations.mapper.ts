import { LocationCreate, LocationResponse, LocationUpdate } from '@cs/dto';
import { metadataOf, withoutNulls } from '../../common/documents';
import { OwnColumns, SelectedRow } from '../../database/columns';
import { LocationEntity } from './location.entity';

/** The stored columns a client writes (column name -> value), as the insert and the upsert take them. */
export type LocationValues = Omit<OwnColumns<LocationEntity>, 'id'>;

/** A `location` row as the repository reads it. */
export type LocationRow = Omit<SelectedRow<LocationEntity>, 'tenant'>;

/** The stored columns of a location write (a PUT replaces them all). */
export function toRow(body: LocationCreate | LocationUpdate): LocationValues {
  return {
    name: body.name ?? null,
    type: body.type,
    contact_details: body.contactDetails,
    mixins: body.mixins ?? {},
    metadata_mixins: body.metadata?.mixins ?? {},
  };
}

export function toResponse(row: LocationRow): LocationResponse {
  return withoutNulls({
    id: row.id,
    name: row.name,
    type: row.type,
    contactDetails: row.contact_details,
    mixins: row.mixins,
    metadata: metadataOf(row),
  });
}
