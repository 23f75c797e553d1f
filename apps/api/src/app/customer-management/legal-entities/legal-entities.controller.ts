import { Principal, Scopes } from '@cs/contracts';
import { IdResponse, LegalEntityCreate, LegalEntityListFilters, LegalEntityResponse, LegalEntityUpdate } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiList, List, ListRequest, projectOne, respondWithPage } from '../../common/listing';
import {
  ApiCreated,
  ApiErrors,
  ApiFields,
  ApiPage,
  ApiSearch,
  ApiTenant,
  ApiUpserted,
  upserted,
} from '../../common/routes';
import { CurrentPrincipal, RequiresScopes } from '../../decorators/auth.decorators';
import { assertCustomId } from '../documents';
import { LegalEntitiesService } from './legal-entities.service';

const OWN_SCOPE_NOTE =
  'With `customermanagement.legalentity_read` all legal entities of the tenant are returned; with only `customermanagement.legalentity_read_own` (a customer token) those the customer is a contact of (has a contact assignment to).';
const REFERENCE_RULES =
  'A SUBSIDIARY needs the `parentId` of an existing legal entity that is not the entity itself or one of its descendants; a COMPANY has no parent. `entitiesAddresses` must name existing locations and `approvalGroup` existing contact assignments (400 otherwise). Customer groups are stored as given (there is no IAM to synchronise with).';

@ApiTags('Legal Entities')
@ApiTenant()
@Controller('customer-management/:tenant/legal-entities')
export class LegalEntitiesController {
  constructor(private readonly legalEntities: LegalEntitiesService) {}

  @Post()
  @RequiresScopes(Scopes.legalEntityManage)
  @ApiOperation({
    operationId: 'POST-customer-mgmt-create-legal-entity',
    summary: 'Creating legal entity',
    description: `Creates a legal entity (a company or its subsidiary); the type is COMPANY when absent. ${REFERENCE_RULES}`,
  })
  @ApiCreated('legal entity')
  @ApiErrors(400, 409)
  async create(@Param('tenant') tenant: string, @Body() body: LegalEntityCreate): Promise<IdResponse> {
    return { id: await this.legalEntities.create(tenant, body) };
  }

  @Get()
  @RequiresScopes(Scopes.legalEntityRead, Scopes.legalEntityReadOwn)
  @ApiOperation({
    operationId: 'GET-customer-mgmt-list-legal-entities',
    summary: 'Retrieving all legal entities',
    description: `Retrieves legal entities filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). ${OWN_SCOPE_NOTE}`,
  })
  @ApiList()
  @ApiPage(LegalEntityResponse, 'legal entities')
  async list(
    @Param('tenant') tenant: string,
    @CurrentPrincipal() principal: Principal,
    @List() list: ListRequest,
    @Query() filters: LegalEntityListFilters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<LegalEntityResponse>>> {
    return respondWithPage(reply, await this.legalEntities.list(tenant, principal, list, filters), list.fields);
  }

  @Post('search')
  @HttpCode(200)
  @RequiresScopes(Scopes.legalEntityRead, Scopes.legalEntityReadOwn)
  @ApiOperation({
    operationId: 'POST-customer-mgmt-search-legal-entities',
    summary: 'Searching with parameters for legal entities',
    description: `Like the list, with q in the JSON body (for long queries). ${OWN_SCOPE_NOTE}`,
  })
  @ApiSearch()
  @ApiPage(LegalEntityResponse, 'legal entities')
  async search(
    @Param('tenant') tenant: string,
    @CurrentPrincipal() principal: Principal,
    @List('search') list: ListRequest,
    @Query() filters: LegalEntityListFilters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<LegalEntityResponse>>> {
    return respondWithPage(reply, await this.legalEntities.list(tenant, principal, list, filters), list.fields);
  }

  @Get(':legalEntityId')
  @RequiresScopes(Scopes.legalEntityRead)
  @ApiOperation({
    operationId: 'GET-customer-mgmt-retrieve-legal-entity',
    summary: 'Retrieving a legal entity',
    description: 'Locations and approval group members are expanded.',
  })
  @ApiOkResponse({ type: LegalEntityResponse })
  @ApiFields()
  @ApiErrors(400, 404)
  async get(
    @Param('tenant') tenant: string,
    @Param('legalEntityId') id: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<LegalEntityResponse>> {
    return projectOne(await this.legalEntities.get(tenant, id), fields);
  }

  @Put(':legalEntityId')
  @RequiresScopes(Scopes.legalEntityManage)
  @ApiOperation({
    operationId: 'PUT-customer-mgmt-update-legal-entity',
    summary: 'Upserting a legal entity',
    description: `Replaces the legal entity, or creates it with this id (201). With \`metadata.version\` the write succeeds only on that version (409 otherwise); without it there is no check. ${REFERENCE_RULES}`,
  })
  @ApiUpserted('legal entity', { unused404: true })
  @ApiErrors(400, 409)
  async upsert(
    @Param('tenant') tenant: string,
    @Param('legalEntityId') id: string,
    @Body() body: LegalEntityUpdate,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdResponse | undefined> {
    assertCustomId(id, 'legalEntityId');
    return upserted(reply, await this.legalEntities.upsert(tenant, id, body), id);
  }

  @Delete(':legalEntityId')
  @HttpCode(204)
  @RequiresScopes(Scopes.legalEntityManage)
  @ApiOperation({
    operationId: 'DELETE-customer-mgmt-remove-legal-entity',
    summary: 'Delete a legal entity',
    description:
      'Deletes the legal entity together with everything subordinated to it, at once and in one transaction: its subsidiaries (recursively) and the contact assignments of all of them, which also leave the approval groups of other legal entities. Locations are independent documents and stay.',
  })
  @ApiNoContentResponse({ description: 'The legal entity has been deleted.' })
  @ApiErrors(400, 404)
  async delete(@Param('tenant') tenant: string, @Param('legalEntityId') id: string): Promise<void> {
    await this.legalEntities.delete(tenant, id);
  }

  @Get(':legalEntityId/parent-hierarchy')
  @RequiresScopes(Scopes.legalEntityRead, Scopes.legalEntityManage)
  @ApiOperation({
    operationId: 'GET-customer-mgmt-retrieve-legal-entity-parent-hierarchy',
    summary: 'Retrieving a legal entity with parent hierarchy',
    description:
      "Returns the legal entity followed by its parent, its parent's parent and so on up to the top company. An unknown legal entity is a 404.",
  })
  @ApiOkResponse({ type: [LegalEntityResponse] })
  @ApiErrors(404)
  async parentHierarchy(
    @Param('tenant') tenant: string,
    @Param('legalEntityId') id: string,
  ): Promise<LegalEntityResponse[]> {
    return this.legalEntities.parentHierarchy(tenant, id);
  }
}
