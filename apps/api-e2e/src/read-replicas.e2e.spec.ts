import { Scopes } from '@cs/contracts';
import { copyAsStandby, freePort, RunningStandby, startStandby } from '@cs/postgres';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { buildService, PostgresProcess, startPostgresProcess } from './reliability/processes';
import { E2e, startE2e, TEST_TENANT } from './support';

const TOKEN_HEADER = 'x-consistency-token';
const ORIGIN = 'https://shop.example';
const SEGMENTS = `/customer-segment/${TEST_TENANT}/segments`;

interface Answer {
  status: number;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
  /** The answer's `X-Consistency-Token`. */
  token: string | null;
}

/** Polls `check` until it holds (every 50 ms, at most 10 s). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  for (const deadline = Date.now() + 10_000; !(await check());) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * The service with DATABASE_URL on a primary and DATABASE_REPLICA_URLS on a real hot standby streaming from it.
 * Which server answered a read shows in what it sees: while the standby's replay is paused, a write is on the
 * primary only, so a read that does not see it was served by the standby.
 */
describe('read replicas', () => {
  let folder: string;
  let primary: PostgresProcess;
  let standby: RunningStandby;
  let onStandby: Client;
  let e2e: E2e;
  let bearer: string;

  const call = async (
    method: string,
    path: string,
    options: { body?: unknown; token?: string | null; via?: { baseUrl: string; bearer: string } } = {},
  ): Promise<Answer> => {
    const via = options.via ?? { baseUrl: e2e.server.baseUrl, bearer };
    const response = await fetch(`${via.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${via.bearer}`,
        origin: ORIGIN,
        ...(options.body !== undefined && { 'content-type': 'application/json' }),
        ...(options.token && { 'X-Consistency-Token': options.token }),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return {
      status: response.status,
      json: text ? JSON.parse(text) : undefined,
      headers: response.headers,
      token: response.headers.get(TOKEN_HEADER),
    };
  };
  const putSegment = (id: string) =>
    call('PUT', `${SEGMENTS}/${id}`, { body: { name: { en: id }, status: 'ACTIVE', siteCode: 'main' } });
  const getSegment = (id: string, token?: string | null) => call('GET', `${SEGMENTS}/${id}`, { token });

  const replayed = async (lsn: string) =>
    (await onStandby.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn])).rows[0].done === true;
  const pauseReplay = async () => {
    await onStandby.query('SELECT pg_wal_replay_pause()');
    await until('replay is paused', async () => {
      const { rows } = await onStandby.query('SELECT pg_get_wal_replay_pause_state() AS state');
      return rows[0].state === 'paused';
    });
  };
  const resumeReplayUntil = async (lsn: string) => {
    await onStandby.query('SELECT pg_wal_replay_resume()');
    await until(`the standby has replayed ${lsn}`, () => replayed(lsn));
  };

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'cs-replicas-'));
    chmodSync(folder, 0o755); // as root, the servers run as the `postgres` user and must reach their folders
    buildService(); // the primary runs in a process of its own (see startPostgresProcess)
    const primaryPort = await freePort();
    const primaryDir = join(folder, 'primary');
    await (await startPostgresProcess(primaryDir, primaryPort)).stop();
    copyAsStandby(join(primaryDir, 'pg'), join(folder, 'standby', 'pg'), primaryPort);
    primary = await startPostgresProcess(primaryDir, primaryPort);
    standby = await startStandby(join(folder, 'standby', 'pg'), await freePort());
    onStandby = new Client({ connectionString: standby.url });
    await onStandby.connect();
    e2e = await startE2e({
      DATABASE_URL: primary.url,
      DATABASE_REPLICA_URLS: standby.url,
      CORS_ORIGINS: ORIGIN,
    });
    bearer = await e2e.server.token([Scopes.segmentManage, Scopes.segmentRead]);
    // The migrations the service applied on start reach the standby before the first read.
    const [{ lsn }] = await e2e.server.db.query('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    await until('the standby has the schema', () => replayed(lsn));
  }, 60_000);

  afterAll(async () => {
    await e2e?.server.close();
    await onStandby?.end();
    await standby?.stop();
    await primary?.stop();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('serves reads from the replica, and a read with a write’s token from a server that has that write', async () => {
    const first = await putSegment('rr-first');
    expect(first.status).toBe(201);
    expect(first.token).toMatch(/^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/);
    expect(first.headers.get('access-control-expose-headers')).toContain('X-Consistency-Token');
    await until('the standby has the first segment', () => replayed(first.token as string));

    await pauseReplay();
    const second = await putSegment('rr-second');
    expect(second.status).toBe(201);
    // Without a token (or with one the replica has replayed) the lagging replica answers: no such segment yet.
    expect((await getSegment('rr-second')).status).toBe(404);
    expect((await getSegment('rr-second', first.token)).status).toBe(404);
    const listed = await call('GET', `${SEGMENTS}?pageSize=100`);
    expect(listed.json.map((segment: { id: string }) => segment.id)).toEqual(['rr-first']);
    // With the write's token the primary answers, as the replica has not replayed it.
    const tokened = await getSegment('rr-second', second.token);
    expect(tokened.status).toBe(200);
    expect(tokened.json.id).toBe('rr-second');
    expect(tokened.token).toBeNull(); // a read commits nothing, so it answers no token

    await resumeReplayUntil(second.token as string);
    await pauseReplay();
    const deleted = await call('DELETE', `${SEGMENTS}/rr-second`);
    expect(deleted.status).toBe(204);
    expect(deleted.token).not.toBeNull();
    // The replica has replayed the second write but not the delete: it serves the read with the second's token.
    expect((await getSegment('rr-second', second.token)).status).toBe(200);
    expect((await getSegment('rr-second', deleted.token)).status).toBe(404);
    await resumeReplayUntil(deleted.token as string);
    expect((await getSegment('rr-second')).status).toBe(404);
  });

  it('routes match to the replica too, and never a write: writes succeed while the standby is read-only', async () => {
    await pauseReplay();
    const segment = await putSegment('rr-match');
    const item = await call('PUT', `${SEGMENTS}/rr-match/items/PRODUCT/sku-1`, { body: {} });
    expect([segment.status, item.status]).toEqual([201, 201]);
    const body = { siteCode: 'main', segmentIds: ['rr-match'], items: [{ id: 'sku-1' }, { id: 'sku-2' }] };
    const lagging = await call('POST', `${SEGMENTS}/match`, { body });
    expect([lagging.status, lagging.json]).toEqual([200, []]);
    const tokened = await call('POST', `${SEGMENTS}/match`, { body, token: item.token });
    expect([tokened.status, tokened.json]).toEqual([200, [{ id: 'sku-1' }]]);
    const bulk = await call('PUT', `${SEGMENTS}/bulk`, {
      body: [{ id: 'rr-bulk', name: { en: 'Bulk' }, status: 'ACTIVE', siteCode: 'main' }],
    });
    expect(bulk.json.map((result: { code: number }) => result.code)).toEqual([201]);
    await resumeReplayUntil(bulk.token as string);
    expect((await call('POST', `${SEGMENTS}/match`, { body })).json).toEqual([{ id: 'sku-1' }]);
  });

  it('answers a malformed token with 400 naming the header', async () => {
    const answer = await getSegment('rr-first', 'yesterday');
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({ code: 400, status: 'Bad Request' });
    expect(answer.json.message).toContain('X-Consistency-Token');
  });

  it('reads from the primary while the replica is down, and from the replica again once it is back', async () => {
    await onStandby.end();
    await standby.stop();
    const written = await putSegment('rr-down');
    expect(written.status).toBe(201);
    expect((await getSegment('rr-down')).status).toBe(200);
    expect((await getSegment('rr-first', written.token)).status).toBe(200);
    expect((await call('GET', `${SEGMENTS}?pageSize=100`)).status).toBe(200);

    await standby.start();
    onStandby = new Client({ connectionString: standby.url });
    await onStandby.connect();
    await until('the standby has caught up', () => replayed(written.token as string));
    await pauseReplay();
    expect((await putSegment('rr-after')).status).toBe(201);
    // The background probe (after 1 s) finds the replica again; then the lagging replica answers.
    await until('reads go to the replica again', async () => (await getSegment('rr-after')).status === 404);
    await onStandby.query('SELECT pg_wal_replay_resume()');
  });

  it('reads from the primary when a replica refuses connections from the start', async () => {
    const unreachable = `postgres://postgres:postgres@127.0.0.1:${await freePort()}/postgres`;
    const served = await startE2e({ DATABASE_URL: primary.url, DATABASE_REPLICA_URLS: unreachable });
    const via = { baseUrl: served.server.baseUrl, bearer: await served.server.token([Scopes.segmentRead]) };
    try {
      expect((await call('GET', `${SEGMENTS}/rr-first`, { via })).status).toBe(200);
      expect((await call('GET', `${SEGMENTS}/rr-first`, { via })).status).toBe(200);
    } finally {
      await served.server.close();
    }
  });

  it('without replicas answers no token and still checks the header', async () => {
    const direct = await startE2e({ DATABASE_URL: primary.url });
    const via = {
      baseUrl: direct.server.baseUrl,
      bearer: await direct.server.token([Scopes.segmentManage, Scopes.segmentRead]),
    };
    try {
      const written = await call('PUT', `${SEGMENTS}/rr-direct`, {
        via,
        body: { name: { en: 'Direct' }, status: 'ACTIVE', siteCode: 'main' },
      });
      expect([written.status, written.token]).toEqual([201, null]);
      expect((await call('GET', `${SEGMENTS}/rr-direct`, { via, token: '0/1' })).status).toBe(200);
      expect((await call('GET', `${SEGMENTS}/rr-direct`, { via, token: 'x' })).status).toBe(400);
    } finally {
      await direct.server.close();
    }
  });
});
