import { MatchItem } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { ItemAssignmentsRepository } from './item-assignments.repository';
import { validMatchRequest } from './match-items';

@Injectable()
export class MatchService {
  constructor(private readonly items: ItemAssignmentsRepository) {}

  async match(ctx: RequestContext, body: unknown): Promise<MatchItem[]> {
    const request = await validMatchRequest(body);
    if (!request.items.length || !request.segmentIds.length) return [];
    const productIds = request.items.map((item) => item.id);
    const matched = await this.items.matching(ctx.tenant, productIds, request.segmentIds, request.site);
    return matched.map((id) => ({ id }));
  }
}
