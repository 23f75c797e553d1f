import { Scopes } from '@cs/contracts';
import {
  ContactAssignmentCreate,
  ContactAssignmentListFilters,
  ContactAssignmentResponse,
  ContactAssignmentUpdate,
  IdResponse,
} from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, projectOne, respondWithPage } from '../../common/listing';
import { Ctx, RequestContext } from '../../common/request-context';
import { ApiTenant, ReplicaReads, upserted } from '../../common/routes';
import { Endpoint } from '../../decorators/endpoint.decorators';
import { assertCustomId } from '../documents';
import { CONTACT_ASSIGNMENT_DOCS } from './contact-assignments.docs';
import { ContactAssignmentsService } from './contact-assignments.service';

@ApiTenant()
@Controller('customer-management/:tenant/contact-assignments')
export class ContactAssignmentsController {
  constructor(private readonly assignments: ContactAssignmentsService) {}

  @Post()
  @Endpoint(CONTACT_ASSIGNMENT_DOCS.create, Scopes.contactAssignmentManage)
  async create(@Ctx() ctx: RequestContext, @Body() body: ContactAssignmentCreate): Promise<IdResponse> {
    return { id: await this.assignments.create(ctx, body) };
  }

  @Get()
  @ReplicaReads()
  @Endpoint(CONTACT_ASSIGNMENT_DOCS.list, Scopes.contactAssignmentRead)
  async list(
    @Ctx() ctx: RequestContext,
    @List() list: ListRequest,
    @Query() filters: ContactAssignmentListFilters,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<ContactAssignmentResponse>>> {
    return respondWithPage(reply, await this.assignments.list(ctx, list, filters), list.fields);
  }

  @Get(':contactAssignmentId')
  @ReplicaReads()
  @Endpoint(CONTACT_ASSIGNMENT_DOCS.get, Scopes.contactAssignmentRead)
  async get(
    @Ctx() ctx: RequestContext,
    @Param('contactAssignmentId') id: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<ContactAssignmentResponse>> {
    return projectOne(await this.assignments.get(ctx, id), fields);
  }

  @Put(':contactAssignmentId')
  @Endpoint(CONTACT_ASSIGNMENT_DOCS.upsert, Scopes.contactAssignmentManage)
  async upsert(
    @Ctx() ctx: RequestContext,
    @Param('contactAssignmentId') id: string,
    @Body() body: ContactAssignmentUpdate,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IdResponse | undefined> {
    assertCustomId(id, 'contactAssignmentId');
    return upserted(reply, await this.assignments.upsert(ctx, id, body), id);
  }

  @Delete(':contactAssignmentId')
  @HttpCode(204)
  @Endpoint(CONTACT_ASSIGNMENT_DOCS.delete, Scopes.contactAssignmentManage)
  async delete(@Ctx() ctx: RequestContext, @Param('contactAssignmentId') id: string): Promise<void> {
    await this.assignments.delete(ctx, id);
  }
}
