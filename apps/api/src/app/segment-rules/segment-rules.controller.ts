import { Scopes } from '@cs/contracts';
import { CriteriaPreviewRequest, CriteriaPreviewResponse, MembershipExplanation } from '@cs/dto';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { Ctx, RequestContext } from '../common/request-context';
import { ApiTenant, ReplicaReads } from '../common/routes';
import { Endpoint } from '../decorators/endpoint.decorators';
import { SEGMENT_RULES_DOCS } from './segment-rules.docs';
import { SegmentRulesService } from './segment-rules.service';

@ApiTenant()
@Controller('customer-segment/:tenant/segments')
export class SegmentRulesController {
  constructor(private readonly rules: SegmentRulesService) {}

  @Post('criteria/preview')
  @HttpCode(200)
  @ReplicaReads()
  @Endpoint(SEGMENT_RULES_DOCS.preview, Scopes.segmentManage, Scopes.segmentRead)
  preview(
    @Ctx() ctx: RequestContext,
    @Body() body: CriteriaPreviewRequest,
    @Query('pageSize') pageSize?: string,
    @Query('pageNumber') pageNumber?: string,
  ): Promise<CriteriaPreviewResponse> {
    return this.rules.preview(ctx, body, { pageSize, pageNumber });
  }

  @Get(':segmentId/customers/:customerId/explanation')
  @ReplicaReads()
  @Endpoint(SEGMENT_RULES_DOCS.explain, Scopes.segmentRead, Scopes.segmentReadOwn)
  explain(
    @Ctx() ctx: RequestContext,
    @Param('segmentId') segmentId: string,
    @Param('customerId') customerId: string,
  ): Promise<MembershipExplanation> {
    return this.rules.explain(ctx, segmentId, customerId);
  }
}
