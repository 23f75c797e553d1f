import {
  CriteriaEvaluation,
  CriteriaMatch,
  CriteriaPreviewRequest,
  CriteriaPreviewResponse,
  MembershipExplanation,
} from '@cs/dto';
import { parsePaging, PagingInput } from '@cs/query';
import { Injectable } from '@nestjs/common';
import { withoutNulls } from '../common/documents';
import { PAGING } from '../common/listing';
import { RequestContext } from '../common/request-context';
import { ForbiddenError, NotFoundError } from '../errors/domain-errors';
import { Criteria, criteriaTerms, parseCriteria } from '../segments/criteria';
import { readsOwnSegmentsOnly } from '../segments/segment-visibility';
import { EvaluationRow, MatchRow, SegmentRulesRepository } from './segment-rules.repository';

@Injectable()
export class SegmentRulesService {
  constructor(private readonly rules: SegmentRulesRepository) {}

  /** What a criteria would match now: the count and one page, saving nothing. */
  async preview(
    ctx: RequestContext,
    body: CriteriaPreviewRequest,
    page: PagingInput,
  ): Promise<CriteriaPreviewResponse> {
    // Every matching customer's name and e-mail: never for a token acting as one customer.
    if (ctx.principal.customerId !== undefined)
      throw new ForbiddenError('A customer token may not preview criteria.', undefined);
    const criteria = parseCriteria(body.criteria);
    const { total, rows } = await this.rules.preview(ctx.tenant, criteria, parsePaging(page, PAGING));
    return { totalCount: total, b2b: criteria.b2b, matches: rows.map(toMatch) };
  }

  /**
   * Whether the customer is in the segment and why: its assignments (manual ones are kept whatever the criteria say),
   * its exclusions, and every term of the criteria with the customer's value. Customer tokens read only their own,
   * and only of segments active and valid now.
   */
  async explain(ctx: RequestContext, segmentId: string, customerId: string): Promise<MembershipExplanation> {
    const own = readsOwnSegmentsOnly(ctx.principal);
    if (own && ctx.principal.customerId !== customerId)
      throw new ForbiddenError('A customer token may read only its own explanations.', customerId);
    const standing = await this.rules.standing(ctx.tenant, segmentId, customerId, own);
    if (!standing) throw NotFoundError.of('segment', segmentId);
    const criteria = standing.criteria === null ? null : parseCriteria(standing.criteria);
    const evaluations = criteria ? await this.rules.evaluate(ctx.tenant, segmentId, customerId, criteria) : [];
    // A customer token acting for some legal entities sees its B2C standing and that in those legal entities only.
    const legalEntities = own ? ctx.principal.legalEntityIds : undefined;
    const mine = (legalEntityId: string | null) =>
      !legalEntities?.length || !legalEntityId || legalEntities.includes(legalEntityId);
    const memberships = standing.memberships.filter((m) => mine(m.legalEntityId));
    return {
      segmentId,
      customerId,
      member: memberships.length > 0,
      memberships: memberships.map((m) => ({
        ...(m.legalEntityId !== '' && { legalEntityId: m.legalEntityId }),
        assignmentType: m.assignmentType,
      })),
      exclusions: standing.exclusions.filter(mine),
      // The rule's text is not shown to customers (as in segment documents): each term's field, value and outcome is.
      ...(criteria && !own && { criteria: criteria.text }),
      customerKnown: standing.customer_known,
      evaluations: criteria
        ? evaluations.filter((row) => mine(row.legal_entity_id)).map((row) => toEvaluation(criteria, row, !own))
        : [],
    };
  }
}

function toMatch(row: MatchRow): CriteriaMatch {
  return {
    customer: withoutNulls({
      id: row.customer_id,
      firstName: row.first_name,
      lastName: row.last_name,
      email: row.email,
    }),
    ...(row.legal_entity_id !== '' && {
      legalEntity: withoutNulls({ id: row.legal_entity_id, name: row.legal_entity_name }),
    }),
  };
}

function toEvaluation(criteria: Criteria, row: EvaluationRow, showTerms: boolean): CriteriaEvaluation {
  const terms = criteriaTerms(criteria).map(({ term, condition }, i) => ({
    ...(showTerms && { term }),
    field: condition.field,
    ...(row.values[i] !== null && { value: row.values[i] }),
    matched: row.matched[i] === true,
  }));
  return {
    ...(row.legal_entity_id !== null && {
      legalEntity: withoutNulls({ id: row.legal_entity_id, name: row.legal_entity_name }),
    }),
    ...(row.contact_type !== null && { contactType: row.contact_type }),
    matched: terms.every((term) => term.matched),
    excluded: row.excluded,
    terms,
  };
}
