import { LocationResponse } from '@cs/dto';
import { describeQueryFields } from '@cs/query';
import { ApiNoContentResponse, ApiOkResponse, ApiParam } from '@nestjs/swagger';
import { ApiList } from '../../common/listing';
import { ApiCreated, ApiErrors, ApiFields, ApiPage, ApiUpserted } from '../../common/routes';
import { operationDocs } from '../../decorators/endpoint.decorators';
import { LOCATION_FIELDS } from './location.fields';

const LOCATION_ID = ApiParam({
  name: 'locationId',
  description: 'Unique identifier of the location.',
  example: 'acme-hq',
});

export const LOCATION_DOCS = operationDocs('Locations', {
  create: {
    operationId: 'POST-customer-mgmt-create-location',
    summary: 'Creating location',
    description: 'Creates a location (address information of legal entities). Without `id` the service generates one.',
    details: [ApiCreated('location'), ApiErrors(400, 409)],
    // Without an id, so that it can be tried again.
    requestExample: {
      name: 'Acme warehouse Hamburg',
      type: 'WAREHOUSE',
      contactDetails: { addressLine1: 'Am Kaiserkai 1', city: 'Hamburg', postcode: '20457', countryCode: 'DE' },
    },
  },
  list: {
    operationId: 'GET-customer-mgmt-list-all-locations',
    summary: 'Retrieving all locations',
    description: `Retrieves the locations of the tenant, filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). ${describeQueryFields(LOCATION_FIELDS)}`,
    details: [ApiList(), ApiPage(LocationResponse, 'locations')],
  },
  get: {
    operationId: 'GET-customer-mgmt-retrieve-location',
    revalidated: true,
    summary: 'Retrieving a location',
    details: [LOCATION_ID, ApiOkResponse({ type: LocationResponse }), ApiFields(), ApiErrors(400, 404)],
  },
  upsert: {
    operationId: 'PUT-customer-mgmt-update-location',
    summary: 'Upserting a location',
    description:
      'Replaces the location, or creates it with this id (201). With `metadata.version` the write succeeds only on that version (409 otherwise).',
    details: [LOCATION_ID, ApiUpserted('location', { unused404: true }), ApiErrors(400, 409)],
    requestExample: {
      name: 'Acme headquarters',
      type: 'HEADQUARTER',
      contactDetails: {
        emails: ['office@acme.example'],
        phones: ['+49 89 1234567'],
        addressLine1: 'Leopoldstrasse 10',
        city: 'Munich',
        state: 'Bavaria',
        postcode: '80802',
        countryCode: 'DE',
        tags: ['billing', 'shipping'],
      },
    },
  },
  delete: {
    operationId: 'DELETE-customer-mgmt-remove-location',
    summary: 'Delete a location',
    description:
      'Deletes the location and removes it from the `entitiesAddresses` of every legal entity listing it (those legal entities get a new version).',
    details: [
      LOCATION_ID,
      ApiNoContentResponse({ description: 'The location has been deleted.' }),
      ApiErrors(400, 404),
    ],
  },
});
