import { BulkItemResult, Principal, Scopes } from '@cs/contracts';
import {
  CustomerAssignmentB2CResponse,
  CustomerAssignmentRemoveBulk,
  CustomerAssignmentResponse,
  CustomerAssignmentUpsertBulk,
  ErrorResponse,
  MixinsUpsert,
} from '@cs/dto';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import {
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiList, List, ListRequest, projectOne, respondWithPage } from '../common/listing';
import { ApiAssignmentUpsert, ApiBulk, ApiFields, ApiPage, ApiSearch, ApiTenant } from '../common/routes';
import { CurrentPrincipal, RequiresScopes } from '../decorators/auth.decorators';
import { CustomerAssignmentsService } from './customer-assignments.service';

const PUT_DESCRIPTION =
  'Performs `UPSERT` operation: creates the assignment (201) or replaces its `mixins` and `metadata.mixins` (204). ' +
  'With `metadata.version`, a different stored version is a 409 and nothing changes. Assignments written here are of type `MANUAL`. ' +
  'A segment that does not exist is a 404 and nothing is created. No body means an empty document. Both answers have no body.';
const DELETE_DESCRIPTION =
  'Removes the customer assignment. Removing an assignment that does not exist (or of a segment that does not exist) also answers 204.';
const CUSTOMER_ID = ApiParam({
  name: 'customerId',
  description: 'Unique identifier of the customer which is added to a customer segment.',
});
const LEGAL_ENTITY_ID = ApiParam({
  name: 'legalEntityId',
  description: 'Unique identifier of the legal entity which customer is assigned to.',
});
const DOCUMENT_DESCRIPTION =
  '`customer.firstName`, `lastName`, `email` and `legalEntity.name` come from the customer and legal entity data the service holds; ' +
  'without such data, only the `id` is returned.';

@ApiTags('Customers Assignments')
@ApiTenant()
@ApiParam({ name: 'segmentId', description: 'Unique identifier of the customer segment.' })
@Controller('customer-segment/:tenant/segments/:segmentId/customers')
export class CustomerAssignmentsController {
  constructor(private readonly assignments: CustomerAssignmentsService) {}

  @Get()
  @RequiresScopes(Scopes.segmentRead, Scopes.segmentReadOwn)
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-customers',
    summary: 'Retrieving all customer assignments for a customer segment',
    description:
      'Retrieves all customer assignments (B2C and B2B) of the segment, by default in the order of `customer.id`, then `legalEntity.id` (B2C first). ' +
      'A segment that does not exist has no assignments (empty list). ' +
      "With `customersegment.segment_read_own` only (customer tokens), the list holds only the caller's own assignments, and is empty unless the segment is ACTIVE and currently valid. " +
      `q fields: \`customer.id\`, \`customer.firstName\`, \`customer.lastName\`, \`customer.email\`, \`legalEntity.id\` (null for B2C), \`legalEntity.name\`, \`assignmentType\`, \`mixins.*\`, \`metadata.createdAt\`, \`metadata.modifiedAt\`, \`metadata.version\`, \`metadata.mixins.*\`. ${DOCUMENT_DESCRIPTION}`,
  })
  @ApiList()
  @ApiPage(CustomerAssignmentResponse, 'customer assignments')
  async list(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @List() list: ListRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<CustomerAssignmentResponse>>> {
    return respondWithPage(reply, await this.assignments.list(tenant, segmentId, list, principal), list.fields);
  }

  @Post('search')
  @HttpCode(200)
  @RequiresScopes(Scopes.segmentRead)
  @ApiOperation({
    operationId: 'POST-customer-segment-search-customers',
    summary: 'Searching with parameters for customer assignments',
    description:
      'Returns the customer assignments of the segment that match `q` (sent in the body; same fields, paging and sorting as the GET list).',
  })
  @ApiSearch()
  @ApiPage(CustomerAssignmentResponse, 'customer assignments')
  async search(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @List('search') list: ListRequest,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Array<Partial<CustomerAssignmentResponse>>> {
    return respondWithPage(reply, await this.assignments.list(tenant, segmentId, list, principal), list.fields);
  }

  @Put('bulk')
  @HttpCode(207)
  @RequiresScopes(Scopes.segmentManage)
  @ApiOperation({
    operationId: 'PUT-customer-segment-update-customers-bulk',
    summary: 'Updating customer assignments for a customer segment in bulk',
    description:
      'Performs `UPSERT` operation for up to 200 items (more is a 400 and nothing is applied). Each item is applied on its own, in request order: ' +
      '201 created, 204 updated, 400 invalid item, 404 segment not found, 409 version conflict. ' +
      "An item repeating an earlier item's customerId/legalEntityId updates what that item wrote (204, last one wins).",
  })
  @ApiBulk(CustomerAssignmentUpsertBulk)
  upsertBulk(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.assignments.upsertBulk(tenant, segmentId, body);
  }

  @Delete('bulk')
  @HttpCode(207)
  @RequiresScopes(Scopes.segmentManage)
  @ApiOperation({
    operationId: 'DELETE-customer-segment-remove-customers-bulk',
    summary: 'Removing customers from customer segment in bulk',
    description:
      'Removes up to 200 customer assignments (more is a 400 and nothing is removed). Items are `{"customerId": "...", "legalEntityId": "..."}`; omit `legalEntityId` for B2C. ' +
      'Each item answers 204, also when the assignment did not exist; an invalid item answers 400.',
  })
  @ApiBulk(CustomerAssignmentRemoveBulk)
  removeBulk(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Body() body: unknown,
  ): Promise<BulkItemResult[]> {
    return this.assignments.removeBulk(tenant, segmentId, body);
  }

  @Get(':customerId')
  @RequiresScopes(Scopes.segmentRead)
  @CUSTOMER_ID
  @ApiFields()
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-customer-by-customerId',
    summary: '[B2C] Retrieving a customer assignment for a customer segment',
    description: `Retrieves the customer's assignment without legal entity (B2C). ${DOCUMENT_DESCRIPTION}`,
  })
  @ApiOkResponse({
    description: 'Customer assignment for a customer segment was successfully retrieved.',
    type: CustomerAssignmentB2CResponse,
  })
  @ApiNotFoundResponse({ description: 'The segment has no such B2C assignment.', type: ErrorResponse })
  async getB2c(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<CustomerAssignmentB2CResponse>> {
    return projectOne(await this.assignments.get(tenant, { segmentId, customerId }), fields);
  }

  @Put(':customerId')
  @RequiresScopes(Scopes.segmentManage)
  @CUSTOMER_ID
  @ApiOperation({
    operationId: 'PUT-customer-segment-update-customer-by-customerId',
    summary: '[B2C] Updating a customer assignment for a customer segment',
    description: PUT_DESCRIPTION,
  })
  @ApiAssignmentUpsert('customer assignment', { bodyRequired: false })
  async putB2c(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Body() body: MixinsUpsert,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.status((await this.assignments.upsert(tenant, { segmentId, customerId }, body)) ? 201 : 204);
  }

  @Delete(':customerId')
  @HttpCode(204)
  @RequiresScopes(Scopes.segmentManage)
  @CUSTOMER_ID
  @ApiOperation({
    operationId: 'DELETE-customer-segment-remove-customer-by-customerId',
    summary: '[B2C] Removing a customer from customer segment',
    description: DELETE_DESCRIPTION,
  })
  @ApiNoContentResponse({ description: 'Customer assignment was successfully removed.' })
  async deleteB2c(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
  ): Promise<void> {
    await this.assignments.remove(tenant, { segmentId, customerId });
  }

  @Get(':customerId/:legalEntityId')
  @RequiresScopes(Scopes.segmentRead)
  @CUSTOMER_ID
  @LEGAL_ENTITY_ID
  @ApiFields()
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-customer',
    summary: '[B2B] Retrieving a customer assignment for a customer segment',
    description: `Retrieves the customer's assignment for the legal entity (B2B). ${DOCUMENT_DESCRIPTION}`,
  })
  @ApiOkResponse({
    description: 'Customer assignment for a customer segment was successfully retrieved.',
    type: CustomerAssignmentResponse,
  })
  @ApiNotFoundResponse({ description: 'The segment has no such B2B assignment.', type: ErrorResponse })
  async getB2b(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Param('legalEntityId') legalEntityId: string,
    @Query('fields') fields?: string,
  ): Promise<Partial<CustomerAssignmentResponse>> {
    return projectOne(await this.assignments.get(tenant, { segmentId, customerId, legalEntityId }), fields);
  }

  @Put(':customerId/:legalEntityId')
  @RequiresScopes(Scopes.segmentManage)
  @CUSTOMER_ID
  @LEGAL_ENTITY_ID
  @ApiOperation({
    operationId: 'PUT-customer-segment-update-customer',
    summary: '[B2B] Updating a customer assignment for a customer segment',
    description: PUT_DESCRIPTION,
  })
  @ApiAssignmentUpsert('customer assignment', { bodyRequired: false })
  async putB2b(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Param('legalEntityId') legalEntityId: string,
    @Body() body: MixinsUpsert,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.status(
      (await this.assignments.upsert(tenant, { segmentId, customerId, legalEntityId }, body)) ? 201 : 204,
    );
  }

  @Delete(':customerId/:legalEntityId')
  @HttpCode(204)
  @RequiresScopes(Scopes.segmentManage)
  @CUSTOMER_ID
  @LEGAL_ENTITY_ID
  @ApiOperation({
    operationId: 'DELETE-customer-segment-remove-customer',
    summary: '[B2B] Removing a customer from customer segment',
    description: DELETE_DESCRIPTION,
  })
  @ApiNoContentResponse({ description: 'Customer assignment was successfully removed.' })
  async deleteB2b(
    @Param('tenant') tenant: string,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
    @Param('legalEntityId') legalEntityId: string,
  ): Promise<void> {
    await this.assignments.remove(tenant, { segmentId, customerId, legalEntityId });
  }
}
