import { AnyEventEnvelope, Scopes } from '@cs/contracts';
import { Controller, Get, Query } from '@nestjs/common';
import { Ctx, RequestContext } from '../common/request-context';
import { ApiTenant } from '../common/routes';
import { Endpoint } from '../decorators/endpoint.decorators';
import { EVENT_DOCS } from './events.docs';
import { EventsService } from './events.service';

@ApiTenant()
@Controller('customer-segment/:tenant/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Get()
  @Endpoint(EVENT_DOCS.feed, Scopes.eventRead)
  feed(
    @Ctx() ctx: RequestContext,
    @Query('after') after?: unknown,
    @Query('types') types?: unknown,
    @Query('limit') limit?: unknown,
    @Query('wait') wait?: unknown,
  ): Promise<AnyEventEnvelope[]> {
    return this.events.feed(ctx, { after, types, limit, wait });
  }
}
