import { BulkItemResult, Scopes } from '@cs/contracts';
import { CustomerAssignmentB2CResponse, CustomerAssignmentResponse, MixinsUpsert } from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { List, ListRequest, projectOne, respondWithPage } from '../common/listing';
import { Ctx, RequestContext } from '../common/request-context';
import { ApiTenant, ReplicaReads } from '../common/routes';
import { Endpoint } from '../decorators/endpoint.decorators';
import { CUSTOMER_ASSIGNMENT_DOCS, SEGMENT_ID } from './customer-assignments.docs';
import { CustomerAssignmentsService } from './customer-assignments.service';

@ApiTenant()
@SEGMENT_ID
@Controller('customer-segment/:tenant/segments/:segmentId/customers')
export class CustomerAssignmentsController {
  constructor(private readonly assignments: CustomerAssignmentsService) {}

  @Get()
  @ReplicaReads()
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.list, Scopes.segmentRead, Scopes.segmentReadOwn)
  async list(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @List() list: ListRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<CustomerAssignmentResponse>>> {
    return respondWithPage(reply, await this.assignments.list(ctx, segmentId, list), list.fields);
  }

  @Post('search')
  @HttpCode(200)
  @ReplicaReads()
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.search, Scopes.segmentRead)
  async search(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @List('search') list: ListRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<CustomerAssignmentResponse>>> {
    return respondWithPage(reply, await this.assignments.list(ctx, segmentId, list), list.fields);
  }

  @Put('bulk')
  @HttpCode(207)
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.upsertBulk, Scopes.segmentManage)
  upsertBulk(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.assignments.upsertBulk(ctx, segmentId, body);
  }

  @Delete('bulk')
  @HttpCode(207)
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.removeBulk, Scopes.segmentManage)
  removeBulk(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.assignments.removeBulk(ctx, segmentId, body);
  }

  @Get(':customerId')
  @ReplicaReads()
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.getB2c, Scopes.segmentRead)
  async getB2c(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<CustomerAssignmentB2CResponse>> {
    return projectOne(await this.assignments.get(ctx, { segmentId, customerId }), fields);
  }

  @Put(':customerId')
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.putB2c, Scopes.segmentManage)
  async putB2c(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Body() body: MixinsUpsert,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.status((await this.assignments.upsert(ctx, { segmentId, customerId }, body)) ? 201 : 204);
  }

  @Delete(':customerId')
  @HttpCode(204)
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.deleteB2c, Scopes.segmentManage)
  async deleteB2c(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
  ): Promise<void> {
    await this.assignments.remove(ctx, { segmentId, customerId });
  }

  @Get(':customerId/:legalEntityId')
  @ReplicaReads()
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.getB2b, Scopes.segmentRead)
  async getB2b(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Param('legalEntityId') legalEntityId: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<CustomerAssignmentResponse>> {
    return projectOne(await this.assignments.get(ctx, { segmentId, customerId, legalEntityId }), fields);
  }

  @Put(':customerId/:legalEntityId')
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.putB2b, Scopes.segmentManage)
  async putB2b(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Param('legalEntityId') legalEntityId: string,
    @Body() body: MixinsUpsert,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.status((await this.assignments.upsert(ctx, { segmentId, customerId, legalEntityId }, body)) ? 201 : 204);
  }

  @Delete(':customerId/:legalEntityId')
  @HttpCode(204)
  @Endpoint(CUSTOMER_ASSIGNMENT_DOCS.deleteB2b, Scopes.segmentManage)
  async deleteB2b(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Param('legalEntityId') legalEntityId: string,
  ): Promise<void> {
    await this.assignments.remove(ctx, { segmentId, customerId, legalEntityId });
  }
}
