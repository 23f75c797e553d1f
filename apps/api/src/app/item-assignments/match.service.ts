import { MatchedItem, MatchReason } from '@cs/dto';
import { Injectable } from '@nestjs/common';
import { RequestContext } from '../common/request-context';
import { ItemAssignmentsRepository } from './item-assignments.repository';
import { validMatchRequest } from './match-items';
import { matchProducts } from './read-model';
import { ReadModel } from './read-model.service';

@Injectable()
export class MatchService {
  constructor(
    private readonly items: ItemAssignmentsRepository,
    private readonly readModel: ReadModel,
  ) {}

  /** The matching products, in request order; with `explain`, each with every segment that grants it and how. */
  async match(ctx: RequestContext, body: unknown, explain: boolean): Promise<MatchedItem[]> {
    const request = await validMatchRequest(body);
    if (!request.items.length || !request.segmentIds.length) return [];
    const productIds = request.items.map((item) => item.id);
    if (!explain) {
      const matched = await this.matching(ctx.tenant, productIds, request.segmentIds, request.site);
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

  /** The matching ids, from the read model when it holds the tenant, else from `MATCH_SQL`. */
  private async matching(tenant: string, productIds: string[], segmentIds: string[], site: string): Promise<string[]> {
    const snapshot = await this.readModel.open(tenant);
    const [segments, catalog] = snapshot ? await Promise.all([snapshot.segments(), snapshot.catalog()]) : [];
    if (snapshot && segments && catalog) {
      this.readModel.served('match', 'model');
      return matchProducts({ segments, catalog, now: snapshot.now }, productIds, segmentIds, site);
    }
    if (snapshot) this.readModel.served('match', 'database');
    return this.items.matching(tenant, productIds, segmentIds, site);
  }
}
