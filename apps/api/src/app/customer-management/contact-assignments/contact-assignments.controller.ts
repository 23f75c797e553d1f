import { Scopes } from '@cs/contracts';
import {
  ContactAssignmentCreate,
  ContactAssignmentListFilters,
  ContactAssignmentResponse,
  ContactAssignmentUpdate,
  IdResponse,
} from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiList, List, ListRequest, projectOne, respondWithPage } from '../../common/listing';
import { ApiCreated, ApiErrors, ApiFields, ApiPage, ApiTenant, ApiUpserted, upserted } from '../../common/routes';
import { RequiresScopes } from '../../decorators/auth.decorators';
import { assertCustomId } from '../documents';
import { ContactAssignmentsService } from './contact-assignments.service';

const RULES =
  'The legal entity must exist (400 otherwise); the customer need not be known to the service (its data comes from the customer sync, `PUT .../customers/bulk`). `primary` is false when absent.';

@ApiTags('Contact Assignments')
@ApiTenant()
@Controller('customer-management/:tenant/contact-assignments')
export class ContactAssignmentsController {
  constructor(private readonly assignments: ContactAssignmentsService) {}

  @Post()
  @RequiresScopes(Scopes.contactAssignmentManage)
  @ApiOperation({
    operationId: 'POST-customer-mgmt-create-contact-assignment',
    summary: 'Creating contact assignment',
    description: `Assigns a customer (an employee) to a legal entity; the type is CONTACT when absent. ${RULES}`,
  })
  @ApiCreated('contact assignment')
  @ApiErrors(400, 409)
  async create(@Param('tenant') tenant: string, @Body() body: ContactAssignmentCreate): Promise<IdResponse> {
    return { id: await this.assignments.create(tenant, body) };
  }

  @Get()
  @RequiresScopes(Scopes.contactAssignmentRead)
  @ApiOperation({
    operationId: 'GET-customer-mgmt-list-contact-assignments',
    summary: 'Retrieving all contact assignments',
    description:
      'Retrieves contact assignments filtered by q and the query parameters below (ANDed), sorted (default: by id) and paged (16 per page by default). Each one embeds its legal entity (locations and approval group expanded) and the customer data the service holds.',
  })
  @ApiList()
  @ApiPage(ContactAssignmentResponse, 'contact assignments')
  async list(
    @Param('tenant') tenant: string,
    @List() list: ListRequest,
    @Query() filters: ContactAssignmentListFilters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<ContactAssignmentResponse>>> {
    return respondWithPage(reply, await this.assignments.list(tenant, list, filters), list.fields);
  }

  @Get(':contactAssignmentId')
  @RequiresScopes(Scopes.contactAssignmentRead)
  @ApiOperation({
    operationId: 'GET-customer-mgmt-retrieve-contact-assignment',
    summary: 'Retrieving a contact assignment',
  })
  @ApiOkResponse({ type: ContactAssignmentResponse })
  @ApiFields()
  @ApiErrors(400, 404)
  async get(
    @Param('tenant') tenant: string,
    @Param('contactAssignmentId') id: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<ContactAssignmentResponse>> {
    return projectOne(await this.assignments.get(tenant, id), fields);
  }

  @Put(':contactAssignmentId')
  @RequiresScopes(Scopes.contactAssignmentManage)
  @ApiOperation({
    operationId: 'PUT-customer-mgmt-update-contact-assignment',
    summary: 'Upserting a contact assignment',
    description: `Replaces the contact assignment, or creates it with this id (201). With \`metadata.version\` the write succeeds only on that version (409 otherwise); without it there is no check. ${RULES}`,
  })
  @ApiUpserted('contact assignment', { unused404: true })
  @ApiErrors(400, 409)
  async upsert(
    @Param('tenant') tenant: string,
    @Param('contactAssignmentId') id: string,
    @Body() body: ContactAssignmentUpdate,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdResponse | undefined> {
    assertCustomId(id, 'contactAssignmentId');
    return upserted(reply, await this.assignments.upsert(tenant, id, body), id);
  }

  @Delete(':contactAssignmentId')
  @HttpCode(204)
  @RequiresScopes(Scopes.contactAssignmentManage)
  @ApiOperation({
    operationId: 'DELETE-customer-mgmt-remove-contact-assignment',
    summary: 'Delete a contact assignment',
    description:
      'Deletes the contact assignment and removes it from the approval group of every legal entity listing it (those legal entities get a new version).',
  })
  @ApiNoContentResponse({ description: 'The contact assignment has been deleted.' })
  @ApiErrors(400, 404)
  async delete(@Param('tenant') tenant: string, @Param('contactAssignmentId') id: string): Promise<void> {
    await this.assignments.delete(tenant, id);
  }
}
