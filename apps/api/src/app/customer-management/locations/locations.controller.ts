import { Scopes } from '@cs/contracts';
import { IdResponse, LocationCreate, LocationListFilters, LocationResponse, LocationUpdate } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiList, List, ListRequest, projectOne, respondWithPage } from '../../common/listing';
import { ApiCreated, ApiErrors, ApiFields, ApiPage, ApiTenant, ApiUpserted, upserted } from '../../common/routes';
import { RequiresScopes } from '../../decorators/auth.decorators';
import { assertCustomId } from '../documents';
import { LocationsService } from './locations.service';

@ApiTags('Locations')
@ApiTenant()
@Controller('customer-management/:tenant/locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Post()
  @RequiresScopes(Scopes.locationManage)
  @ApiOperation({
    operationId: 'POST-customer-mgmt-create-location',
    summary: 'Creating location',
    description: 'Creates a location (address information of legal entities). Without `id` the service generates one.',
  })
  @ApiCreated('location')
  @ApiErrors(400, 409)
  async create(@Param('tenant') tenant: string, @Body() body: LocationCreate): Promise<IdResponse> {
    return { id: await this.locations.create(tenant, body) };
  }

  @Get()
  @RequiresScopes(Scopes.locationRead)
  @ApiOperation({
    operationId: 'GET-customer-mgmt-list-all-locations',
    summary: 'Retrieving all locations',
    description:
      'Retrieves the locations of the tenant, filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default).',
  })
  @ApiList()
  @ApiPage(LocationResponse, 'locations')
  async list(
    @Param('tenant') tenant: string,
    @List() list: ListRequest,
    @Query() filters: LocationListFilters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<LocationResponse>>> {
    return respondWithPage(reply, await this.locations.list(tenant, list, filters), list.fields);
  }

  @Get(':locationId')
  @RequiresScopes(Scopes.locationRead)
  @ApiOperation({ operationId: 'GET-customer-mgmt-retrieve-location', summary: 'Retrieving a location' })
  @ApiOkResponse({ type: LocationResponse })
  @ApiFields()
  @ApiErrors(400, 404)
  async get(
    @Param('tenant') tenant: string,
    @Param('locationId') id: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<LocationResponse>> {
    return projectOne(await this.locations.get(tenant, id), fields);
  }

  @Put(':locationId')
  @RequiresScopes(Scopes.locationManage)
  @ApiOperation({
    operationId: 'PUT-customer-mgmt-update-location',
    summary: 'Upserting a location',
    description:
      'Replaces the location, or creates it with this id (201). With `metadata.version` the write succeeds only on that version (409 otherwise).',
  })
  @ApiUpserted('location', { unused404: true })
  @ApiErrors(400, 409)
  async upsert(
    @Param('tenant') tenant: string,
    @Param('locationId') id: string,
    @Body() body: LocationUpdate,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdResponse | undefined> {
    assertCustomId(id, 'locationId');
    return upserted(reply, await this.locations.upsert(tenant, id, body), id);
  }

  @Delete(':locationId')
  @HttpCode(204)
  @RequiresScopes(Scopes.locationManage)
  @ApiOperation({
    operationId: 'DELETE-customer-mgmt-remove-location',
    summary: 'Delete a location',
    description:
      'Deletes the location and removes it from the `entitiesAddresses` of every legal entity listing it (those legal entities get a new version).',
  })
  @ApiNoContentResponse({ description: 'The location has been deleted.' })
  @ApiErrors(400, 404)
  async delete(@Param('tenant') tenant: string, @Param('locationId') id: string): Promise<void> {
    await this.locations.delete(tenant, id);
  }
}
