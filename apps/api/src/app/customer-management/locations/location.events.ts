import { EventTypes, LocationEventData } from '@cs/contracts';
import { withoutNulls } from '../../common/documents';
import { DocumentEvents } from '../document.repository';
import { LocationValues } from './locations.mapper';

export const LOCATION_EVENTS: DocumentEvents = {
  resourceType: 'location',
  createdType: EventTypes.locationCreated,
  updatedType: EventTypes.locationUpdated,
  deletedType: EventTypes.locationDeleted,
  deletedData: `jsonb_build_object('id', id)`,
};

/** The event data (without `metadata`) of the location `id` storing `values`. */
export function locationEventData(id: string, values: LocationValues): Omit<LocationEventData, 'metadata'> {
  const { name, type, contact_details: contactDetails, mixins } = values;
  return withoutNulls({ id, name, type, contactDetails, mixins });
}
