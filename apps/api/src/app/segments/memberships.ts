import { EventTypes, MembershipReason } from '@cs/contracts';
import { toPositional } from '@cs/query';
import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { resourceIdSql } from '../database/outbox';
import { isoTimestampSql } from '../database/sql';
import { Metrics } from '../metrics/metrics';
import { Criteria, criteriaSql, parseCriteria } from './criteria';

// The AUTOMATIC customer assignments of segments with criteria, kept equal to "every customer the criteria match,
// minus the segment's exclusions" (manual assignments stay as they are). Every change that can alter the result
// re-evaluates it in its own transaction, so a membership is current when the change commits.
//
// Two changes racing each other must not both evaluate without seeing the other (a lost or phantom member). Each
// writes first, then takes a lock that conflicts with the other's, then evaluates, and holds the lock to commit:
// whichever evaluates second sees what the first committed.
//  - A criteria change (or deleting an automatic segment) takes the tenant's rules lock exclusively, before it locks
//    the segment row; it then re-evaluates the whole segment.
//  - A change of customer data, contact assignments, legal entities, manual assignments or exclusions takes the
//    rules lock shared (they do not wait for each other), then a lock per customer in one order (two changes of one
//    customer's data wait for each other), and re-evaluates those customers in the tenant's automatic segments.

const logger = new Logger('Memberships');

/** Advisory lock classes (two-key form, apart from the one-key retry lock of database/transactions.ts). */
const RULES_LOCK = 7_301;
const CUSTOMER_LOCK = 7_302;

/** Most criteria evaluated by one statement: a tenant's automatic segments are evaluated in chunks of this size. */
const SEGMENTS_PER_STATEMENT = 50;

/** Takes the tenant's rules lock exclusively: for a write that sets, changes or removes a segment's criteria. */
export async function lockRulesOfTenant(tx: EntityManager, tenant: string): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [RULES_LOCK, tenant]);
}

/**
 * Takes the locks a change of these customers' data holds before evaluating them (rules lock shared, then one lock
 * per customer in the order of their lock keys). Taking them again later in the transaction is free.
 */
export async function lockCustomers(tx: EntityManager, tenant: string, customerIds: readonly string[]): Promise<void> {
  // Ids of unvalidated bulk items may hold what no text can (NUL); no stored customer has such an id.
  const ids = customerIds.filter((id) => !id.includes('\u0000'));
  await tx.query(
    `SELECT pg_advisory_xact_lock_shared($1, hashtext($3)) AS rules,
       (SELECT count(pg_advisory_xact_lock($2, k))::int FROM
         (SELECT DISTINCT hashtext($3 || '/' || id) AS k FROM unnest($4::text[]) id ORDER BY k) keys) AS customers`,
    [RULES_LOCK, CUSTOMER_LOCK, tenant, ids],
  );
}

/**
 * The customers whose memberships a change of these legal entities can alter: their contacts, and the customers
 * with automatic memberships in them (after a deletion the contact assignments are gone, the memberships not yet).
 */
export async function customersOfLegalEntities(
  tx: EntityManager,
  tenant: string,
  legalEntityIds: readonly string[],
): Promise<string[]> {
  const rows: Array<{ customer_id: string }> = await tx.query(
    `SELECT customer_id FROM contact_assignment WHERE tenant = $1 AND legal_entity_id = ANY($2::text[])
     UNION
     SELECT customer_id FROM customer_assignment
     WHERE tenant = $1 AND legal_entity_id = ANY($2::text[]) AND assignment_type = 'AUTOMATIC'`,
    [tenant, [...legalEntityIds]],
  );
  return rows.map((row) => row.customer_id);
}

/**
 * The customers of these contact assignments, as stored, locked for the rest of the transaction: a concurrent
 * move of one to another customer cannot slip in between this read and the write that follows it.
 */
export async function customersOfContactAssignments(
  tx: EntityManager,
  tenant: string,
  ids: readonly string[],
): Promise<string[]> {
  const rows: Array<{ customer_id: string }> = await tx.query(
    'SELECT customer_id FROM contact_assignment WHERE tenant = $1 AND id = ANY($2::text[]) ORDER BY id FOR UPDATE',
    [tenant, [...ids]],
  );
  return [...new Set(rows.map((row) => row.customer_id))];
}

/** The customer ids of unvalidated bulk items (`{customerId, ...}`), as far as they name one as a text. */
export function customerIdsOfItems(items: readonly unknown[]): string[] {
  return items.flatMap((item) => {
    const id = (item as { customerId?: unknown } | null)?.customerId;
    return typeof id === 'string' ? [id] : [];
  });
}

/** An automatic segment as the evaluation needs it. */
export interface AutomaticSegment {
  id: string;
  criteria: Criteria;
}

/**
 * The rows a criteria matches, as `SELECT customer_id, legal_entity_id` with the aliases `c` (customer) and, for B2B
 * rules, `ca` (contact assignment) and `le` (legal entity) in scope: B2C rules match customers the service holds, B2B
 * rules match their contact assignments, one membership per (customer, legal entity).
 */
export function matchingSql(criteria: Criteria, prefix: string): { from: string; where: string; params: object } {
  const compiled = criteriaSql(criteria, prefix);
  return { from: criteriaSourceSql(criteria), where: compiled.sql, params: compiled.params };
}

/** The FROM of `matchingSql`: the customers, or for B2B rules their contact assignments with the legal entities. */
export function criteriaSourceSql(criteria: Criteria): string {
  return criteria.b2b
    ? `contact_assignment ca
       JOIN customer c ON c.tenant = ca.tenant AND c.id = ca.customer_id
       JOIN legal_entity le ON le.tenant = ca.tenant AND le.id = ca.legal_entity_id`
    : 'customer c';
}

/** The legal entity column of a membership `matchingSql` yields: '' for B2C rules. */
export const matchedLegalEntitySql = (criteria: Criteria): string => (criteria.b2b ? 'ca.legal_entity_id' : "''");

/** What one evaluation changed. */
export interface MembershipChange {
  joined: number;
  left: number;
}

/**
 * Re-evaluates a whole segment after its criteria were written (`null`: the segment is manual now, its automatic
 * members leave). Each evaluation is counted in `metrics`, as are the next function's (when there is a segment to
 * evaluate).
 */
export async function evaluateSegment(
  tx: EntityManager,
  metrics: Metrics,
  tenant: string,
  segmentId: string,
  criteria: Criteria | null,
): Promise<MembershipChange> {
  const reason = 'criteria-changed';
  const change = await evaluate(tx, tenant, criteria ? [{ id: segmentId, criteria }] : [], {
    segmentIds: [segmentId],
    reason,
  });
  metrics.countMembershipEvaluation(reason, change);
  return change;
}

/**
 * Re-evaluates these customers in the tenant's automatic segments (only `segmentId`, when given) after a change of
 * what the criteria read, with its locks (`lockCustomers`).
 */
export async function evaluateCustomers(
  tx: EntityManager,
  metrics: Metrics,
  tenant: string,
  customerIds: readonly string[],
  reason: MembershipReason,
  segmentId?: string,
): Promise<MembershipChange> {
  const total: MembershipChange = { joined: 0, left: 0 };
  if (!customerIds.length) return total;
  await lockCustomers(tx, tenant, customerIds);
  const segments = await automaticSegments(tx, tenant, segmentId);
  for (let start = 0; start < segments.length; start += SEGMENTS_PER_STATEMENT) {
    const chunk = segments.slice(start, start + SEGMENTS_PER_STATEMENT);
    const change = await evaluate(tx, tenant, chunk, {
      segmentIds: chunk.map((segment) => segment.id),
      customerIds,
      reason,
    });
    total.joined += change.joined;
    total.left += change.left;
  }
  if (segments.length) metrics.countMembershipEvaluation(reason, total);
  return total;
}

/** The tenant's automatic segments (or the one of `segmentId`, if it is one), in id order. */
async function automaticSegments(tx: EntityManager, tenant: string, segmentId?: string): Promise<AutomaticSegment[]> {
  const rows: Array<{ id: string; criteria: string }> = await tx.query(
    `SELECT id, criteria FROM segment WHERE tenant = $1 AND criteria IS NOT NULL${segmentId === undefined ? '' : ' AND id = $2'} ORDER BY id`,
    segmentId === undefined ? [tenant] : [tenant, segmentId],
  );
  return rows.flatMap((row) => {
    try {
      return [{ id: row.id, criteria: parseCriteria(row.criteria) }];
    } catch {
      // Stored by an earlier release whose criteria this one refuses: that segment is left as it is, the write goes on.
      logger.warn(`Segment ${row.id} of tenant ${tenant}: stored criteria no longer valid, not evaluated`);
      return [];
    }
  });
}

/**
 * One statement: what the segments' criteria match (restricted to `customerIds` when given), minus exclusions, is
 * inserted as AUTOMATIC assignments where no assignment exists; AUTOMATIC assignments of `segmentIds` (and of those
 * customers) that are no longer matched are deleted; each join and leave records its event with `reason`.
 */
async function evaluate(
  tx: EntityManager,
  tenant: string,
  segments: readonly AutomaticSegment[],
  scope: { segmentIds: string[]; customerIds?: readonly string[]; reason: MembershipReason },
): Promise<MembershipChange> {
  const params: Record<string, unknown> = {
    tenant,
    segmentIds: scope.segmentIds,
    reason: scope.reason,
    ...(scope.customerIds && { customerIds: [...scope.customerIds] }),
  };
  const ofCustomers = (column: string) =>
    scope.customerIds ? ` AND ${column} = ANY(CAST(:customerIds AS text[]))` : '';
  // Each branch names what the events show of the customer and legal entity, so no member is looked up again.
  const branches = segments.map((segment, i) => {
    const matching = matchingSql(segment.criteria, `r${i}_`);
    Object.assign(params, matching.params, { [`segment${i}`]: segment.id });
    return `SELECT CAST(:segment${i} AS text) AS segment_id, c.id AS customer_id, ${matchedLegalEntitySql(segment.criteria)} AS legal_entity_id,
        c.first_name, c.last_name, c.email, ${segment.criteria.b2b ? 'le.name' : 'CAST(NULL AS text)'} AS legal_entity_name
      FROM ${matching.from} WHERE c.tenant = :tenant${ofCustomers('c.id')} AND (${matching.where})`;
  });
  const desired = branches.length
    ? branches.join(' UNION ')
    : `SELECT NULL::text AS segment_id, NULL::text AS customer_id, NULL::text AS legal_entity_id, NULL::text AS first_name,
        NULL::text AS last_name, NULL::text AS email, NULL::text AS legal_entity_name WHERE FALSE`;
  const created = `jsonb_build_object('segmentId', j.segment_id,
      'customer', jsonb_strip_nulls(jsonb_build_object('id', j.customer_id, 'firstName', k.first_name, 'lastName', k.last_name, 'email', k.email)))
    || CASE WHEN j.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntity', jsonb_strip_nulls(jsonb_build_object('id', j.legal_entity_id, 'name', k.legal_entity_name))) END
    || jsonb_build_object('assignmentType', 'AUTOMATIC', 'mixins', '{}'::jsonb, 'tenant', j.tenant, 'reason', CAST(:reason AS text),
         'metadata', jsonb_build_object('version', j.version, 'mixins', '{}'::jsonb, 'createdAt', ${isoTimestampSql('j.created_at')}, 'modifiedAt', ${isoTimestampSql('j.modified_at')}))`;
  // Joiners and leavers are set differences (hashed), not anti-joins the planner may run as nested loops over
  // thousands of rows; the manual assignment of a joiner's key stays (ON CONFLICT DO NOTHING).
  const sql = `WITH desired AS (${desired}),
    kept AS (SELECT d.* FROM desired d
      WHERE NOT EXISTS (SELECT 1 FROM segment_exclusion x WHERE x.tenant = :tenant AND x.segment_id = d.segment_id
        AND x.customer_id = d.customer_id AND x.legal_entity_id IN ('', d.legal_entity_id))),
    current AS (SELECT a.segment_id, a.customer_id, a.legal_entity_id FROM customer_assignment a
      WHERE a.tenant = :tenant AND a.segment_id = ANY(CAST(:segmentIds AS text[]))${ofCustomers('a.customer_id')} AND a.assignment_type = 'AUTOMATIC'),
    joiners AS (SELECT segment_id, customer_id, legal_entity_id FROM kept
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM current),
    leavers AS (SELECT segment_id, customer_id, legal_entity_id FROM current
      EXCEPT SELECT segment_id, customer_id, legal_entity_id FROM kept),
    joined AS (INSERT INTO customer_assignment (tenant, segment_id, customer_id, legal_entity_id, assignment_type, version, created_at, modified_at)
      SELECT :tenant, segment_id, customer_id, legal_entity_id, 'AUTOMATIC', 1, now(), now() FROM joiners
      ORDER BY segment_id, customer_id, legal_entity_id
      ON CONFLICT DO NOTHING
      RETURNING tenant, segment_id, customer_id, legal_entity_id, version, created_at, modified_at),
    left_ AS (DELETE FROM customer_assignment a USING leavers l
      WHERE a.tenant = :tenant AND a.segment_id = l.segment_id AND a.customer_id = l.customer_id
        AND a.legal_entity_id = l.legal_entity_id AND a.assignment_type = 'AUTOMATIC'
      RETURNING a.segment_id, a.customer_id, a.legal_entity_id),
    events AS (INSERT INTO outbox (tenant, type, resource_type, resource_id, version, payload)
      SELECT :tenant, '${EventTypes.customerAssignmentCreated}', 'customer-assignment',
        ${resourceIdSql('j.segment_id', 'j.customer_id', "NULLIF(j.legal_entity_id, '')")}, j.version, ${created}
      FROM joined j
      JOIN kept k ON k.segment_id = j.segment_id AND k.customer_id = j.customer_id AND k.legal_entity_id = j.legal_entity_id
      UNION ALL
      SELECT :tenant, '${EventTypes.customerAssignmentDeleted}', 'customer-assignment',
        ${resourceIdSql('l.segment_id', 'l.customer_id', "NULLIF(l.legal_entity_id, '')")}, NULL,
        ${customerAssignmentDeletedPayload('l', "'AUTOMATIC'", 'CAST(:reason AS text)', ':tenant')}
      FROM left_ l)
    SELECT (SELECT count(*) FROM joined)::int AS joined, (SELECT count(*) FROM left_)::int AS left`;
  const { text, values } = toPositional(sql, params);
  const [change]: MembershipChange[] = await tx.query(text, values);
  return change;
}

/**
 * The data of a customer assignment's deleted event, over the deleted row `alias`; the other arguments are trusted
 * SQL expressions (the assignment type, the reason and the tenant).
 */
export function customerAssignmentDeletedPayload(
  alias: string,
  assignmentType: string,
  reason: string,
  tenant: string,
): string {
  return `jsonb_build_object('segmentId', ${alias}.segment_id, 'customerId', ${alias}.customer_id, 'assignmentType', ${assignmentType}, 'tenant', ${tenant}, 'reason', ${reason})
    || CASE WHEN ${alias}.legal_entity_id = '' THEN '{}'::jsonb ELSE jsonb_build_object('legalEntityId', ${alias}.legal_entity_id) END`;
}
