import { Scopes } from '@cs/contracts';
import { IdResponse, LocationCreate, LocationListFilters, LocationResponse, LocationUpdate } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, projectOne, respondWithPage } from '../../common/listing';
import { Ctx, RequestContext } from '../../common/request-context';
import { ApiTenant, ReplicaReads, upserted } from '../../common/routes';
import { Endpoint } from '../../decorators/endpoint.decorators';
import { assertCustomId } from '../documents';
import { LOCATION_DOCS } from './locations.docs';
import { LocationsService } from './locations.service';

@ApiTenant()
@Controller('customer-management/:tenant/locations')
export class LocationsController {
  constructor(private readonly locations: LocationsService) {}

  @Post()
  @Endpoint(LOCATION_DOCS.create, Scopes.locationManage)
  async create(@Ctx() ctx: RequestContext, @Body() body: LocationCreate): Promise<IdResponse> {
    return { id: await this.locations.create(ctx, body) };
  }

  @Get()
  @ReplicaReads()
  @Endpoint(LOCATION_DOCS.list, Scopes.locationRead)
  async list(
    @Ctx() ctx: RequestContext,
    @List() list: ListRequest,
    @Query() filters: LocationListFilters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<LocationResponse>>> {
    return respondWithPage(reply, await this.locations.list(ctx, list, filters), list.fields);
  }

  @Get(':locationId')
  @ReplicaReads()
  @Endpoint(LOCATION_DOCS.get, Scopes.locationRead)
  async get(
    @Ctx() ctx: RequestContext,
    @Param('locationId') id: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<LocationResponse>> {
    return projectOne(await this.locations.get(ctx, id), fields);
  }

  @Put(':locationId')
  @Endpoint(LOCATION_DOCS.upsert, Scopes.locationManage)
  async upsert(
    @Ctx() ctx: RequestContext,
    @Param('locationId') id: string,
    @Body() body: LocationUpdate,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdResponse | undefined> {
    assertCustomId(id, 'locationId');
    return upserted(reply, await this.locations.upsert(ctx, id, body), id);
  }

  @Delete(':locationId')
  @HttpCode(204)
  @Endpoint(LOCATION_DOCS.delete, Scopes.locationManage)
  async delete(@Ctx() ctx: RequestContext, @Param('locationId') id: string): Promise<void> {
    await this.locations.delete(ctx, id);
  }
}
