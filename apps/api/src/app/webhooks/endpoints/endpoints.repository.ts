import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { fetchPage, ListRequest, Page } from '../../common/listing';
import { Select } from '../../database/select';
import { isoTimestampSql } from '../../database/sql';
import { ENDPOINT_FIELDS, ENDPOINT_TIE_BREAKER } from './endpoints.fields';
import { EndpointRow, EndpointValues } from './endpoints.mapper';

const PREVIOUS_SECRET_UNTIL = isoTimestampSql('e.previous_secret_until');

/** What the reads select of alias `e`: every column but the tenant and the secrets, timestamps as ISO text. */
const READ_COLUMNS = [
  'e.id',
  'e.url',
  'e.description',
  'e.event_types',
  'e.active',
  'e.disabled_reason',
  `${isoTimestampSql('e.failing_since')} AS failing_since`,
  // Only while the previous secret still signs: a past overlap is no longer of interest.
  `CASE WHEN e.previous_secret_until > now() THEN ${PREVIOUS_SECRET_UNTIL} END AS previous_secret_until`,
  'e.version',
  `${isoTimestampSql('e.created_at')} AS created_at`,
  `${isoTimestampSql('e.modified_at')} AS modified_at`,
].join(', ');

// The writes below return their rows through a SELECT over the write: TypeORM answers a bare UPDATE or DELETE
// with `[rows, rowCount]` instead of the rows.

// Every statement of the webhook endpoints. Ids are uuids: callers pass only well-formed ones.

@Injectable()
export class EndpointsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Inserts the endpoint unless the tenant has `cap` already; false then. The per-tenant advisory lock
   * (held to the end of the transaction) serialises the creates of a tenant, and the insert's own statement
   * counts after it got the lock, so it sees every endpoint committed before: two creates cannot both pass.
   */
  async insertUnderCap(
    tx: EntityManager,
    write: { tenant: string; id: string; values: EndpointValues; secret: string; cap: number },
  ): Promise<boolean> {
    const { tenant, id, values, secret, cap } = write;
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`webhook-endpoints:${tenant}`]);
    const rows: unknown[] = await tx.query(
      `INSERT INTO webhook_endpoint
         (tenant, id, url, description, event_types, active, secret, version, created_at, modified_at)
       SELECT $1::varchar, $2::uuid, $3, $4, $5::text[], $6, $7, 1, now(), now()
       WHERE (SELECT count(*) FROM webhook_endpoint WHERE tenant = $1::varchar) < $8::int
       RETURNING id`,
      [tenant, id, values.url, values.description, values.event_types, values.active, secret, cap],
    );
    return rows.length > 0;
  }

  /**
   * Replaces the client's fields when the stored version is `expectedVersion` (absent: any); false when no
   * row matched (absent, or another version). Activating clears what the service recorded against the endpoint,
   * so a re-enabled endpoint starts healthy.
   */
  async update(
    tx: EntityManager,
    write: { tenant: string; id: string; values: EndpointValues; expectedVersion?: number },
  ): Promise<boolean> {
    const { tenant, id, values, expectedVersion } = write;
    const rows: unknown[] = await tx.query(
      `WITH updated AS (UPDATE webhook_endpoint SET url = $3, description = $4, event_types = $5::text[], active = $6,
         disabled_reason = CASE WHEN $6 THEN NULL ELSE disabled_reason END,
         failing_since = CASE WHEN $6 THEN NULL ELSE failing_since END,
         version = version + 1, modified_at = now()
       WHERE tenant = $1 AND id = $2 AND ($7::int IS NULL OR version = $7::int)
       RETURNING id)
       SELECT id FROM updated`,
      [tenant, id, values.url, values.description, values.event_types, values.active, expectedVersion ?? null],
    );
    return rows.length > 0;
  }

  /**
   * Makes `secret` the signing secret; the one it replaces keeps signing for `overlapMs` (0: it is dropped).
   * Returns when the previous secret stops signing (null without overlap), or undefined for an absent endpoint.
   */
  async rotateSecret(
    tx: EntityManager,
    rotation: { tenant: string; id: string; secret: string; overlapMs: number },
  ): Promise<{ previous_secret_until: string | null } | undefined> {
    const { tenant, id, secret, overlapMs } = rotation;
    // The right-hand sides read the row as it was: `previous_secret` gets the replaced secret.
    const rows: Array<{ previous_secret_until: string | null }> = await tx.query(
      `WITH rotated AS (UPDATE webhook_endpoint SET secret = $3,
         previous_secret = CASE WHEN $4::bigint > 0 THEN secret END,
         previous_secret_until = CASE WHEN $4::bigint > 0 THEN now() + $4::bigint * interval '1 millisecond' END,
         version = version + 1, modified_at = now()
       WHERE tenant = $1 AND id = $2
       RETURNING ${isoTimestampSql('previous_secret_until')} AS previous_secret_until)
       SELECT * FROM rotated`,
      [tenant, id, secret, overlapMs],
    );
    return rows[0];
  }

  /** Deletes the endpoint (its deliveries and attempts cascade); false when there was none. */
  async delete(tx: EntityManager, tenant: string, id: string): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      'WITH deleted AS (DELETE FROM webhook_endpoint WHERE tenant = $1 AND id = $2 RETURNING id) SELECT id FROM deleted',
      [tenant, id],
    );
    return rows.length > 0;
  }

  /** Whether the endpoint exists (tells an absent endpoint from a version conflict after a failed update). */
  async exists(tx: EntityManager, tenant: string, id: string): Promise<boolean> {
    const rows: unknown[] = await tx.query('SELECT 1 FROM webhook_endpoint WHERE tenant = $1 AND id = $2', [
      tenant,
      id,
    ]);
    return rows.length > 0;
  }

  /** A page of the tenant's endpoints matching q, in one statement (two with the count). */
  page(tenant: string, list: ListRequest): Promise<Page<EndpointRow>> {
    const select = new Select(this.dataSource)
      .select(READ_COLUMNS)
      .from('webhook_endpoint', 'e')
      .where('e.tenant = :tenant', { tenant });
    return fetchPage<EndpointRow>(select, list, { fieldMap: ENDPOINT_FIELDS, tieBreaker: ENDPOINT_TIE_BREAKER });
  }

  async find(tenant: string, id: string): Promise<EndpointRow | undefined> {
    const rows: EndpointRow[] = await this.dataSource.query(
      `SELECT ${READ_COLUMNS} FROM webhook_endpoint e WHERE e.tenant = $1 AND e.id = $2`,
      [tenant, id],
    );
    return rows[0];
  }
}
