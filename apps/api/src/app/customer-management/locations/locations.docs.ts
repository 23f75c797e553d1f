import { LocationResponse } from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { ApiNoContentResponse, ApiOkResponse } from '@nestjs/swagger';
import { ApiList } from '../../common/listing';
import { ApiCreated, ApiErrors, ApiFields, ApiPage, ApiUpserted } from '../../common/routes';
import { operationDocs } from '../../decorators/endpoint.decorators';
import { LOCATION_FIELDS } from './location.fields';

export const LOCATION_DOCS = operationDocs('Locations', {
  create: {
    operationId: 'POST-customer-mgmt-create-location',
    summary: 'Creating location',
    description: 'Creates a location (address information of legal entities). Without `id` the service generates one.',
    details: [ApiCreated('location'), ApiErrors(400, 409)],
  },
  list: {
    operationId: 'GET-customer-mgmt-list-all-locations',
    summary: 'Retrieving all locations',
    description: `Retrieves the locations of the tenant, filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). ${describeQueryFields(LOCATION_FIELDS)}`,
    details: [ApiList(), ApiPage(LocationResponse, 'locations')],
  },
  get: {
    operationId: 'GET-customer-mgmt-retrieve-location',
    summary: 'Retrieving a location',
    details: [ApiOkResponse({ type: LocationResponse }), ApiFields(), ApiErrors(400, 404)],
  },
  upsert: {
    operationId: 'PUT-customer-mgmt-update-location',
    summary: 'Upserting a location',
    description:
      'Replaces the location, or creates it with this id (201). With `metadata.version` the write succeeds only on that version (409 otherwise).',
    details: [ApiUpserted('location', { unused404: true }), ApiErrors(400, 409)],
  },
  delete: {
    operationId: 'DELETE-customer-mgmt-remove-location',
    summary: 'Delete a location',
    description:
      'Deletes the location and removes it from the `entitiesAddresses` of every legal entity listing it (those legal entities get a new version).',
    details: [ApiNoContentResponse({ description: 'The location has been deleted.' }), ApiErrors(400, 404)],
  },
});
