import { BulkItemResult, Principal, Scopes } from '@cs/contracts';
import {
  ErrorResponse,
  IdResponse,
  SEGMENT_ID_RULE,
  SegmentCreation,
  SegmentListFilter,
  SegmentPatchOperation,
  SegmentReadFilter,
  SegmentResponse,
  SegmentUpdate,
  SegmentUpdateBulk,
} from '@cs/dto';
import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  Type,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiList, List, ListRequest, projectOne, respondWithPage } from '../common/listing';
import { optionalBoolean } from '../common/query-params';
import {
  AcceptLanguage,
  ApiBulk,
  ApiCreated,
  ApiFields,
  ApiPage,
  ApiSearch,
  ApiTenant,
  ApiUpserted,
  ContentLanguage,
  upserted,
} from '../common/routes';
import { CurrentPrincipal, RequiresScopes } from '../decorators/auth.decorators';
import { SegmentsService } from './segments.service';

const SEGMENT_ID_PARAM = ApiParam({ name: 'segmentId', description: 'Unique identifier of the customer segment.' });
const FORCE_DELETE = ApiQuery({
  name: 'forceDelete',
  required: false,
  schema: { type: 'boolean', default: false },
  description:
    '`true` also deletes the customer and item assignments of the segment; otherwise a segment with assignments is not deleted (400).',
});
const BAD_REQUEST = ApiBadRequestResponse({
  description: 'Bad request due to validation, incorrect parameters, etc.',
  type: ErrorResponse,
});
const BULK = (summary: string, operationId: string, description: string, item?: Type) =>
  applyDecorators(
    RequiresScopes(Scopes.segmentManage),
    ApiOperation({
      operationId,
      summary,
      description: `${description}\n\nAt most 200 items; more is a 400 and nothing is applied. One failing item does not affect the others.`,
    }),
    ApiBulk(item),
  );
const READ_DESCRIPTION =
  'Customer tokens (`customersegment.segment_read_own`) see only ACTIVE segments, within their validity, that the customer is assigned to ' +
  '(B2B assignments only for the legal entities in the token, when it names any).';

/** `forceDelete` as sent in the query string: `true` / `false` (any case); absent is false. */
const forceDeleteOf = (value: unknown): boolean => optionalBoolean('forceDelete', value) ?? false;

@ApiTags('Segments')
@ApiTenant()
@Controller('customer-segment/:tenant/segments')
export class SegmentsController {
  constructor(private readonly segments: SegmentsService) {}

  @Post()
  @RequiresScopes(Scopes.segmentManage)
  @ApiOperation({
    operationId: 'POST-customer-segment-create-segment',
    summary: 'Creating a customer segment',
    description: `Creates a new customer segment. \`id\` is optional (generated: 24 lowercase hex characters); custom ids are ${SEGMENT_ID_RULE}. An existing id is a 409. \`status\` defaults to INACTIVE; \`validity.from\` must not be after \`validity.to\`.`,
  })
  @ApiCreated('customer segment')
  @BAD_REQUEST
  @ApiConflictResponse({ description: 'A segment with this id exists.', type: ErrorResponse })
  async create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SegmentCreation,
    @ContentLanguage() language: string | undefined,
  ): Promise<IdResponse> {
    return { id: await this.segments.create(principal.tenant, body, language) };
  }

  @Get()
  @RequiresScopes(Scopes.segmentRead, Scopes.segmentReadOwn)
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-segments',
    summary: 'Retrieving all customer segments',
    description: `Retrieves all customer segments, ordered by id unless \`sort\` says otherwise. ${READ_DESCRIPTION} q fields: id, name.<lang>, description.<lang>, status, siteCode, validity.from, validity.to, mixins.*, metadata.mixins.*, metadata.createdAt, metadata.modifiedAt, metadata.version.`,
  })
  @ApiList()
  @ApiPage(SegmentResponse, 'customer segments')
  async list(
    @CurrentPrincipal() principal: Principal,
    @List() list: ListRequest,
    @Query() filter: SegmentListFilter,
    @Res({ passthrough: true }) reply: FastifyReply,
    @AcceptLanguage() languages: string[],
  ): Promise<Array<Partial<SegmentResponse>>> {
    return respondWithPage(reply, await this.segments.list(principal, list, filter, languages), list.fields);
  }

  @Post('search')
  @HttpCode(200)
  @RequiresScopes(Scopes.segmentRead, Scopes.segmentReadOwn)
  @ApiOperation({
    operationId: 'POST-customer-segment-search-segments',
    summary: 'Searching with parameters for customer segments',
    description: `Returns all customer segments that match the q-language query in the body (same fields, paging and rules as the list). ${READ_DESCRIPTION}`,
  })
  @ApiSearch()
  @ApiPage(SegmentResponse, 'customer segments')
  async search(
    @CurrentPrincipal() principal: Principal,
    @List('search') list: ListRequest,
    @Query() filter: SegmentListFilter,
    @Res({ passthrough: true }) reply: FastifyReply,
    @AcceptLanguage() languages: string[],
  ): Promise<Array<Partial<SegmentResponse>>> {
    return respondWithPage(reply, await this.segments.list(principal, list, filter, languages), list.fields);
  }

  @Post('bulk')
  @HttpCode(207)
  @BULK(
    'Creating customer segments in bulk',
    'POST-customer-segment-create-segments-bulk',
    'Creates multiple customer segments (each like the single create: 201 with the id, 400, 409).',
    SegmentCreation,
  )
  createBulk(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<BulkItemResult[]> {
    return this.segments.createBulk(principal.tenant, body, language);
  }

  @Put('bulk')
  @HttpCode(207)
  @BULK(
    'Upserting customer segments in bulk',
    'PUT-customer-segment-update-segments-bulk',
    'Upserts multiple customer segments, each with its `id` (each like the single upsert: 201 created, 204 updated, 400, 409).',
    SegmentUpdateBulk,
  )
  upsertBulk(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<BulkItemResult[]> {
    return this.segments.upsertBulk(principal.tenant, body, language);
  }

  @Delete('bulk')
  @HttpCode(207)
  @BULK(
    'Deleting customer segments in bulk',
    'DELETE-customer-segment-remove-segments-bulk',
    'Removes the customer segments whose ids are given as a JSON array of strings, e.g. `["firstId", "secondId"]` (each like the single delete: 204, also for absent ids; 400 when it has assignments and forceDelete is not true).',
  )
  @FORCE_DELETE
  removeBulk(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Query('forceDelete') forceDelete?: unknown,
  ): Promise<BulkItemResult[]> {
    return this.segments.removeBulk(principal.tenant, body, forceDeleteOf(forceDelete));
  }

  @Get(':segmentId')
  @RequiresScopes(Scopes.segmentRead, Scopes.segmentReadOwn)
  @SEGMENT_ID_PARAM
  @ApiOperation({
    operationId: 'GET-customer-segment-retrieve-segment',
    summary: 'Retrieving a customer segment',
    description: `Retrieves the segment with the given id. ${READ_DESCRIPTION} A segment the caller may not see is a 404.`,
  })
  @ApiFields()
  @ApiOkResponse({ description: 'Customer segment successfully retrieved.', type: SegmentResponse })
  @BAD_REQUEST
  @ApiNotFoundResponse({ description: 'Resource not found.', type: ErrorResponse })
  async get(
    @CurrentPrincipal() principal: Principal,
    @Param('segmentId') segmentId: string,
    @Query() filter: SegmentReadFilter,
    @Query('fields') fields: string | undefined,
    @AcceptLanguage() languages: string[],
  ): Promise<Partial<SegmentResponse>> {
    return projectOne(await this.segments.get(principal, segmentId, filter.legalEntityId, languages), fields);
  }

  @Put(':segmentId')
  @RequiresScopes(Scopes.segmentManage)
  @SEGMENT_ID_PARAM
  @ApiOperation({
    operationId: 'PUT-customer-segment-update-segment',
    summary: 'Upserting a customer segment',
    description:
      'Performs the `UPSERT` operation: replaces the segment with the given id, or creates it (custom id rules as on create). ' +
      'Optional fields left out are cleared. With `metadata.version`, a different stored version is a 409 and nothing changes.',
  })
  @ApiUpserted('customer segment')
  @BAD_REQUEST
  @ApiConflictResponse({ description: 'The stored version differs from metadata.version.', type: ErrorResponse })
  async upsert(
    @CurrentPrincipal() principal: Principal,
    @Param('segmentId') segmentId: string,
    @Body() body: SegmentUpdate,
    @Res({ passthrough: true }) reply: FastifyReply,
    @ContentLanguage() language: string | undefined,
  ): Promise<IdResponse | undefined> {
    return upserted(reply, await this.segments.upsert(principal.tenant, segmentId, body, language), segmentId);
  }

  @Patch(':segmentId')
  @HttpCode(204)
  @RequiresScopes(Scopes.segmentManage)
  @SEGMENT_ID_PARAM
  @ApiOperation({
    operationId: 'PATCH-customer-segment-update-segment',
    summary: 'Patching a customer segment',
    description:
      'Partial update with [RFC 6902](https://datatracker.ietf.org/doc/html/rfc6902) operations `add`, `remove` and `replace` (others are a 400) on the segment as PUT takes it ' +
      '(`name`, `description`, `validity`, `status`, `siteCode`, `mixins`, `metadata.mixins`); the result is validated like a PUT body. ' +
      'With `Content-Language`, a plain string on `/name` or `/description` (and `remove`) addresses that language only. ' +
      'Concurrent patches of one segment are applied one after the other, each on the result of the previous one. Body: `application/json`.',
  })
  @ApiBody({ type: [SegmentPatchOperation] })
  @ApiNoContentResponse({ description: 'Customer segment was successfully updated.' })
  @BAD_REQUEST
  @ApiNotFoundResponse({ description: 'Resource not found.', type: ErrorResponse })
  async patch(
    @CurrentPrincipal() principal: Principal,
    @Param('segmentId') segmentId: string,
    @Body() body: unknown,
    @ContentLanguage() language: string | undefined,
  ): Promise<void> {
    await this.segments.patch(principal.tenant, segmentId, body, language);
  }

  @Delete(':segmentId')
  @HttpCode(204)
  @RequiresScopes(Scopes.segmentManage)
  @SEGMENT_ID_PARAM
  @ApiOperation({
    operationId: 'DELETE-customer-segment-remove-segment',
    summary: 'Deleting a customer segment',
    description:
      'Removes the segment with the given id (204 also when it does not exist). A segment with customer or item assignments is only deleted with `forceDelete=true`, ' +
      'which removes the assignments in the same transaction; otherwise 400.',
  })
  @FORCE_DELETE
  @ApiNoContentResponse({ description: 'Customer segment was successfully deleted.' })
  @BAD_REQUEST
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('segmentId') segmentId: string,
    @Query('forceDelete') forceDelete?: unknown,
  ): Promise<void> {
    await this.segments.remove(principal.tenant, segmentId, forceDeleteOf(forceDelete));
  }
}
