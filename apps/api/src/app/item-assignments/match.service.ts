import { MatchedItem, MatchReason } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { ItemAssignmentsRepository } from './item-assignments.repository';
import { validMatchRequest } from './match-items';

@Injectable()
export class MatchService {
  constructor(private readonly items: ItemAssignmentsRepository) {}

  /** The matching products, in request order; with `explain`, each with every segment that grants it and how. */
  async match(ctx: RequestContext, body: unknown, explain: boolean): Promise<MatchedItem[]> {
    const request = await validMatchRequest(body);
    if (!request.items.length || !request.segmentIds.length) return [];
    const productIds = request.items.map((item) => item.id);
    if (!explain) {
      const matched = await this.items.matching(ctx.tenant, productIds, request.segmentIds, request.site);
      return matched.map((id) => ({ id }));
    }
    const reasons = await this.items.explainMatching(ctx.tenant, productIds, request.segmentIds, request.site);
    // The rows come in request order; a Map keeps it.
    const reasonsOf = new Map<string, MatchReason[]>();
    for (const { id, segmentId, type, categoryChain } of reasons) {
      const matchedBy = reasonsOf.get(id) ?? [];
      if (!matchedBy.length) reasonsOf.set(id, matchedBy);
      matchedBy.push({ segmentId, type, ...(categoryChain && { categoryChain }) });
    }
    return [...reasonsOf].map(([id, matchedBy]) => ({ id, matchedBy }));
  }
}
