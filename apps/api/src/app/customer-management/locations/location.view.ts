import { LocationContactDetails, LocationResponse } from '@cs/dto';
import { LocationType } from '@cs/contracts';
import { metadataOf, withoutNulls } from '../../common/documents';
import { StoredRow } from '../documents';

/** A `location` row as selected (`l.*`). */
export interface LocationRow extends StoredRow {
  name: string | null;
  type: LocationType;
  contact_details: LocationContactDetails;
}

export function toLocation(row: LocationRow): LocationResponse {
  return withoutNulls({
    id: row.id,
    name: row.name,
    type: row.type,
    contactDetails: row.contact_details,
    mixins: row.mixins,
    metadata: metadataOf(row),
  });
}
