import { Scopes } from '@cs/contracts';
import { IdResponse, LegalEntityCreate, LegalEntityListFilters, LegalEntityResponse, LegalEntityUpdate } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, projectOne, respondWithPage } from '../../common/listing';
import { Ctx, RequestContext } from '../../common/request-context';
import { ApiTenant, ReplicaReads, upserted } from '../../common/routes';
import { Endpoint } from '../../decorators/endpoint.decorators';
import { assertCustomId } from '../documents';
import { LEGAL_ENTITY_DOCS } from './legal-entities.docs';
import { LegalEntitiesService } from './legal-entities.service';

@ApiTenant()
@Controller('customer-management/:tenant/legal-entities')
export class LegalEntitiesController {
  constructor(private readonly legalEntities: LegalEntitiesService) {}

  @Post()
  @Endpoint(LEGAL_ENTITY_DOCS.create, Scopes.legalEntityManage)
  async create(@Ctx() ctx: RequestContext, @Body() body: LegalEntityCreate): Promise<IdResponse> {
    return { id: await this.legalEntities.create(ctx, body) };
  }

  @Get()
  @ReplicaReads()
  @Endpoint(LEGAL_ENTITY_DOCS.list, Scopes.legalEntityRead, Scopes.legalEntityReadOwn)
  async list(
    @Ctx() ctx: RequestContext,
    @List() list: ListRequest,
    @Query() filters: LegalEntityListFilters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<LegalEntityResponse>>> {
    return respondWithPage(reply, await this.legalEntities.list(ctx, list, filters), list.fields);
  }

  @Post('search')
  @HttpCode(200)
  @ReplicaReads()
  @Endpoint(LEGAL_ENTITY_DOCS.search, Scopes.legalEntityRead, Scopes.legalEntityReadOwn)
  async search(
    @Ctx() ctx: RequestContext,
    @List('search') list: ListRequest,
    @Query() filters: LegalEntityListFilters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<LegalEntityResponse>>> {
    return respondWithPage(reply, await this.legalEntities.list(ctx, list, filters), list.fields);
  }

  @Get(':legalEntityId')
  @ReplicaReads()
  @Endpoint(LEGAL_ENTITY_DOCS.get, Scopes.legalEntityRead)
  async get(
    @Ctx() ctx: RequestContext,
    @Param('legalEntityId') id: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<LegalEntityResponse>> {
    return projectOne(await this.legalEntities.get(ctx, id), fields);
  }

  @Put(':legalEntityId')
  @Endpoint(LEGAL_ENTITY_DOCS.upsert, Scopes.legalEntityManage)
  async upsert(
    @Ctx() ctx: RequestContext,
    @Param('legalEntityId') id: string,
    @Body() body: LegalEntityUpdate,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdResponse | undefined> {
    assertCustomId(id, 'legalEntityId');
    return upserted(reply, await this.legalEntities.upsert(ctx, id, body), id);
  }

  @Delete(':legalEntityId')
  @HttpCode(204)
  @Endpoint(LEGAL_ENTITY_DOCS.delete, Scopes.legalEntityManage)
  async delete(@Ctx() ctx: RequestContext, @Param('legalEntityId') id: string): Promise<void> {
    await this.legalEntities.delete(ctx, id);
  }

  @Get(':legalEntityId/parent-hierarchy')
  @ReplicaReads()
  @Endpoint(LEGAL_ENTITY_DOCS.parentHierarchy, Scopes.legalEntityRead, Scopes.legalEntityManage)
  async parentHierarchy(
    @Ctx() ctx: RequestContext,
    @Param('legalEntityId') id: string,
  ): Promise<LegalEntityResponse[]> {
    return this.legalEntities.parentHierarchy(ctx, id);
  }
}
