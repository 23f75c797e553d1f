import { AssignmentType, ContactType } from '@cs/contracts';
import { compileOperand, compileQuery, Paging, toPositional } from '@cs/query';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Criteria, CRITERIA_FIELDS, criteriaTerms } from '../segments/criteria';
import { criteriaSourceSql, matchedLegalEntitySql, matchingSql } from '../segments/memberships';
import { segmentActiveNow } from '../segments/segments.repository';

/** A membership a criteria yields, with what the service holds of the customer and legal entity. */
export interface MatchRow {
  customer_id: string;
  legal_entity_id: string;
  first_name: string | null;
  last_name: string | null;
  email: string | null;
  legal_entity_name: string | null;
}

/** One evaluation of a criteria's terms for a customer (per contact assignment for B2B rules). */
export interface EvaluationRow {
  legal_entity_id: string | null;
  legal_entity_name: string | null;
  contact_type: ContactType | null;
  excluded: boolean;
  /** Per term: whether it holds (null: it does not) and the value it reads. */
  matched: Array<boolean | null>;
  values: unknown[];
}

/** What an explanation reads of a segment and of the customer's standing in it. */
export interface StandingRow {
  criteria: string | null;
  memberships: Array<{ legalEntityId: string; assignmentType: AssignmentType }>;
  exclusions: string[];
  customer_known: boolean;
}

/** The statements of previews and explanations (the writes of memberships are segments/memberships.ts). */
@Injectable()
export class SegmentRulesRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The count and one page of what the criteria match now, by customer id and legal entity id. */
  async preview(tenant: string, criteria: Criteria, paging: Paging): Promise<{ total: number; rows: MatchRow[] }> {
    const matching = matchingSql(criteria, 'p');
    const legalEntity = matchedLegalEntitySql(criteria);
    // B2C criteria match each customer row once; B2B ones may match several contact assignments of one membership.
    const matches = `SELECT ${criteria.b2b ? 'DISTINCT ' : ''}c.id AS customer_id, ${legalEntity} AS legal_entity_id, c.first_name, c.last_name, c.email,
        ${criteria.b2b ? 'le.name' : 'NULL::text'} AS legal_entity_name
      FROM ${matching.from} WHERE c.tenant = :tenant AND (${matching.where})`;
    const params = { tenant, ...matching.params, limit: paging.limit, offset: paging.offset };
    const count = toPositional(`SELECT count(*)::int AS total FROM (${matches}) m`, params);
    const page = toPositional(
      `${matches} ORDER BY customer_id, legal_entity_id LIMIT CAST(:limit AS int) OFFSET CAST(:offset AS bigint)`,
      params,
    );
    const [[{ total }], rows] = await Promise.all([
      this.dataSource.query(count.text, count.values) as Promise<Array<{ total: number }>>,
      this.dataSource.query(page.text, page.values) as Promise<MatchRow[]>,
    ]);
    return { total, rows };
  }

  /**
   * The segment's criteria and the customer's assignments and exclusions in it; undefined when the segment does not
   * exist (or, with `activeOnly`, is not active and valid now).
   */
  async standing(
    tenant: string,
    segmentId: string,
    customerId: string,
    activeOnly: boolean,
  ): Promise<StandingRow | undefined> {
    const rows: StandingRow[] = await this.dataSource.query(
      `SELECT s.criteria,
         COALESCE((SELECT jsonb_agg(jsonb_build_object('legalEntityId', a.legal_entity_id, 'assignmentType', a.assignment_type)
                   ORDER BY a.legal_entity_id)
           FROM customer_assignment a WHERE a.tenant = s.tenant AND a.segment_id = s.id AND a.customer_id = $3), '[]') AS memberships,
         COALESCE((SELECT jsonb_agg(x.legal_entity_id ORDER BY x.legal_entity_id)
           FROM segment_exclusion x WHERE x.tenant = s.tenant AND x.segment_id = s.id AND x.customer_id = $3), '[]') AS exclusions,
         EXISTS (SELECT 1 FROM customer c WHERE c.tenant = s.tenant AND c.id = $3) AS customer_known
       FROM segment s WHERE s.tenant = $1 AND s.id = $2${activeOnly ? ` AND ${segmentActiveNow('s')}` : ''}`,
      [tenant, segmentId, customerId],
    );
    return rows[0];
  }

  /**
   * Each term of the criteria evaluated for the customer, with the value it reads: one row for B2C criteria (none when
   * the service holds no data of the customer), one per contact assignment for B2B ones.
   */
  async evaluate(tenant: string, segmentId: string, customerId: string, criteria: Criteria): Promise<EvaluationRow[]> {
    const params: Record<string, unknown> = { tenant, segmentId, customerId };
    const terms = criteriaTerms(criteria).map(({ condition }, i) => {
      const holds = compileQuery({ conditions: [condition] }, CRITERIA_FIELDS, `t${i}_`);
      const value = compileOperand(condition, CRITERIA_FIELDS, `v${i}_`);
      Object.assign(params, holds.params, value.params);
      return { holds: `(${holds.sql})`, value: value.sql };
    });
    const all = terms.map((term) => term.holds).join(' AND ');
    const legalEntity = matchedLegalEntitySql(criteria);
    const sql = `SELECT ${criteria.b2b ? 'ca.legal_entity_id, le.name AS legal_entity_name, ca.type AS contact_type' : 'NULL AS legal_entity_id, NULL AS legal_entity_name, NULL AS contact_type'},
        jsonb_build_array(${terms.map((term) => term.holds).join(', ')}) AS matched,
        jsonb_build_array(${terms.map((term) => term.value).join(', ')}) AS values,
        (${all}) IS TRUE AND EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.tenant = c.tenant AND x.segment_id = :segmentId
          AND x.customer_id = c.id AND x.legal_entity_id IN ('', ${legalEntity})) AS excluded
      FROM ${criteriaSourceSql(criteria)} WHERE c.tenant = :tenant AND c.id = :customerId
      ORDER BY 1, 3`;
    const { text, values } = toPositional(sql, params);
    return this.dataSource.query(text, values);
  }
}
