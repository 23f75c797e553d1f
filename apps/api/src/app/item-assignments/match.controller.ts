import { Scopes } from '@cs/contracts';
import { MatchedItem } from '@cs/dto';
import { Body, Controller, HttpCode, Post, Query } from '@nestjs/common';
import { optionalBoolean } from '../common/query-params';
import { Ctx, RequestContext } from '../common/request-context';
import { ApiTenant, ReplicaReads } from '../common/routes';
import { Endpoint } from '../decorators/endpoint.decorators';
import { MATCH_DOCS } from './match.docs';
import { MatchService } from './match.service';

@ApiTenant()
@Controller('customer-segment/:tenant/segments/match')
export class MatchController {
  constructor(private readonly matcher: MatchService) {}

  @Post()
  @HttpCode(200)
  @ReplicaReads()
  @Endpoint(MATCH_DOCS.match, Scopes.segmentManage)
  // The body is checked by the service (validMatchRequest), not by the global pipe.
  match(@Ctx() ctx: RequestContext, @Body() body: unknown, @Query('explain') explain: unknown): Promise<MatchedItem[]> {
    return this.matcher.match(ctx, body, optionalBoolean('explain', explain) ?? false);
  }
}
