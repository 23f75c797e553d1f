import { chownSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report } from './harness';
import { buildService, postgresProcessesIn, request, Service, startService } from './processes';

/**
 * The default set-up (`npm start`: embedded Postgres, no DATABASE_URL) for a user who is not root, as
 * on a developer's machine or in a container with a non-root user. The tests run as root, so the
 * service is started as `nobody`; its data folder is the only place it may write.
 */
const NOBODY = { uid: 65534, gid: 65534 };
const runsAsRoot = process.getuid?.() === 0;

(runsAsRoot ? describe : describe.skip)('reliability: the embedded default as a user who is not root', () => {
  let dataDir: string;
  let service: Service | undefined;

  beforeAll(() => {
    buildService();
    dataDir = mkdtempSync(join(tmpdir(), 'cs-unprivileged-'));
    chownSync(dataDir, NOBODY.uid, NOBODY.gid);
  }, 120_000);
  afterAll(async () => {
    if (service?.process.child.exitCode === null) {
      service.process.child.kill('SIGTERM');
      await service.process.exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('initialises and runs its own Postgres, owned by that user, and serves', async () => {
    const startedAt = Date.now();
    service = await startService({ DATA_DIR: dataDir }, { user: NOBODY });
    const readyMs = Date.now() - startedAt;
    expect(
      await request(service, 'POST', '/segments', { id: 'mine', name: { en: 'mine' }, siteCode: 'main' }),
    ).toMatchObject({
      status: 201,
    });
    expect(await request(service, 'GET', '/segments/mine')).toMatchObject({ status: 200 });

    const owners = postgresProcessesIn(dataDir).map((pid) =>
      Number(/^Uid:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]),
    );
    report(
      [
        `Embedded default as uid ${NOBODY.uid} (the tests run as root)`,
        `  serving ${readyMs} ms after the start (initdb included); Postgres processes: ${owners.length}, uids ${[...new Set(owners)].join(', ')}`,
      ].join('\n'),
    );
    expect(owners.length).toBeGreaterThan(0);
    expect(new Set(owners)).toEqual(new Set([NOBODY.uid]));
    expect(statSync(join(dataDir, 'pg', 'PG_VERSION')).uid).toBe(NOBODY.uid);
    expect(service.process.output()).not.toContain('Failed to create and initialize a new user');

    service.process.child.kill('SIGTERM');
    expect(await service.process.exited).toEqual({ code: 0, signal: null });
    expect(postgresProcessesIn(dataDir)).toEqual([]);
  }, 120_000);
});
