import { createTestDatabase, freePort, ScratchDatabase } from '@cs/postgres';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { report } from './harness';
import {
  buildService,
  logEntries,
  PostgresProcess,
  spawnService,
  startPostgresProcess,
  waitForOutput,
} from './processes';

/**
 * What the built service prints from its start to its stop, and how it waits for its database: the
 * console a person or a log collector sees (`npm start`, `docker compose up`).
 */
const INFO = 30;
const PASSWORD = 'pw-startup-7f3a9c';
const ATTEMPT_LINE =
  /^Waiting for the database startup at 127\.0\.0\.1:\d+: attempt (\d+) failed \(.+\); next in \d+ ms$/;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reliability: start-up of the built service', () => {
  const folders: string[] = [];
  const folder = (prefix: string) => {
    const made = mkdtempSync(join(tmpdir(), prefix));
    chmodSync(made, 0o755); // a cluster runs as the `postgres` user when the tests run as root
    folders.push(made);
    return made;
  };
  let database: ScratchDatabase;

  beforeAll(async () => {
    buildService();
    database = await createTestDatabase();
  }, 120_000);
  afterAll(async () => {
    await database.drop();
    for (const made of folders) rmSync(made, { recursive: true, force: true });
  });

  describe('waiting for the database', () => {
    let clusterDir: string;
    let port: number;
    let postgres: PostgresProcess | undefined;

    beforeAll(async () => {
      // A cluster of its own with a role whose password is easy to spot; stopped until a test starts it.
      clusterDir = folder('cs-startup-pg-');
      port = await freePort();
      postgres = await startPostgresProcess(clusterDir, port);
      const admin = new Client({ connectionString: postgres.url });
      await admin.connect();
      await admin.query(`CREATE ROLE startup LOGIN PASSWORD '${PASSWORD}'`);
      await admin.query('CREATE DATABASE startup OWNER startup');
      await admin.end();
      await postgres.stop();
      postgres = undefined;
    }, 120_000);
    afterAll(() => postgres?.stop());

    const databaseUrl = () => `postgres://startup:${PASSWORD}@127.0.0.1:${port}/startup`;

    it('waits for a Postgres that comes up later, one line per attempt, then starts', async () => {
      const service = await spawnService({
        DATABASE_URL: databaseUrl(),
        DATA_DIR: folder('cs-startup-'),
        LOG_LEVEL: 'info',
      });
      try {
        // Two failed attempts, then the server comes up (as a database container does after the API's).
        await waitForOutput(service, /attempt 2 failed/, 20_000);
        const downFor = Date.now();
        postgres = await startPostgresProcess(clusterDir, port);
        await service.listening(60_000);
        const entries = logEntries(service.output());
        const attempts = entries.filter((entry) => ATTEMPT_LINE.test(entry.msg));
        report(
          [
            'DATABASE_URL whose Postgres comes up after the service',
            ...attempts.map((entry) => `  ${entry.msg}`),
            `  serving ${Date.now() - downFor} ms after the server was started`,
          ].join('\n'),
        );
        expect(attempts.length).toBeGreaterThanOrEqual(2);
        expect(attempts.map((entry) => Number(ATTEMPT_LINE.exec(entry.msg)?.[1]))).toEqual(
          attempts.map((_, index) => index + 1),
        );
        expect(attempts.every((entry) => entry.level === 40)).toBe(true);
        expect((await fetch(`${service.baseUrl}/health/ready`)).status).toBe(200);
        expect(service.output()).not.toContain(PASSWORD);
      } finally {
        service.child.kill('SIGTERM');
        expect(await service.exited).toEqual({ code: 0, signal: null });
        await postgres?.stop();
        postgres = undefined;
      }
    }, 120_000);

    it('gives up after DB_CONNECT_TIMEOUT_MS on a Postgres that never comes: one line, exit 1', async () => {
      const startedAt = Date.now();
      const service = await spawnService({
        DATABASE_URL: databaseUrl(),
        DATA_DIR: folder('cs-startup-'),
        DB_CONNECT_TIMEOUT_MS: '2000',
      });
      const { code } = await service.exited;
      const took = Date.now() - startedAt;
      const messages = logEntries(service.output()).map((entry) => entry.msg);
      report(['DATABASE_URL whose Postgres never comes (2 s)', ...messages.map((line) => `  ${line}`)].join('\n'));
      expect(code).toBe(1);
      expect(messages.slice(0, -1).every((line) => ATTEMPT_LINE.test(line))).toBe(true);
      expect(messages.length).toBeGreaterThanOrEqual(3);
      expect(messages.at(-1)).toMatch(
        new RegExp(
          String.raw`^Could not start: The database startup at 127\.0\.0\.1:\d+ did not accept connections ` +
            String.raw`within 2000 ms \(DB_CONNECT_TIMEOUT_MS; \d+ attempts\): connect ECONNREFUSED`,
        ),
      );
      expect(took).toBeLessThan(15_000);
      expect(service.output()).not.toContain(PASSWORD);
    }, 60_000);

    it('fails at once, naming the cause, when the server refuses the credentials', async () => {
      postgres = await startPostgresProcess(clusterDir, port);
      try {
        const service = await spawnService({
          DATABASE_URL: `postgres://startup:wrong-${PASSWORD}@127.0.0.1:${port}/startup`,
          DATA_DIR: folder('cs-startup-'),
        });
        expect(await service.exited).toEqual({ code: 1, signal: null });
        const messages = logEntries(service.output()).map((entry) => entry.msg);
        expect(messages).toEqual([
          expect.stringMatching(
            new RegExp(
              String.raw`^Could not start: The database startup at 127\.0\.0\.1:\d+ refused the connection: ` +
                'password authentication failed for user "startup"$',
            ),
          ),
        ]);
        expect(service.output()).not.toContain(PASSWORD);
      } finally {
        await postgres.stop();
        postgres = undefined;
      }
    }, 60_000);
  });

  describe('the console', () => {
    it('JSON: one start line at info, no route mapping, no health probes; the requests and the stop', async () => {
      const service = await spawnService({
        DATABASE_URL: database.url,
        DATA_DIR: folder('cs-startup-'),
        LOG_LEVEL: 'info',
      });
      await service.listening(60_000);
      for (let probe = 0; probe < 3; probe++) {
        expect((await fetch(`${service.baseUrl}/health`)).status).toBe(200);
        expect((await fetch(`${service.baseUrl}/health/ready`)).status).toBe(200);
      }
      expect((await fetch(`${service.baseUrl}/customer-segment/acme/segments`)).status).toBe(401);
      await sleep(200); // the child's stdout reaches us asynchronously
      service.child.kill('SIGTERM');
      expect(await service.exited).toEqual({ code: 0, signal: null });

      const entries = logEntries(service.output()); // every line is JSON
      report(
        ['The console of a start and stop (JSON, LOG_LEVEL=info)', ...entries.map((entry) => `  ${entry.msg}`)].join(
          '\n',
        ),
      );
      const target = new URL(database.url);
      const [host, port, name] = [target.hostname, Number(target.port), target.pathname.slice(1)];
      const url = service.baseUrl;
      expect(entries.map((entry) => entry.msg)).toEqual([
        expect.stringMatching(/^Listening on /),
        'request completed',
        'SIGTERM: finishing in-flight requests, then stopping',
        'Stopped',
      ]);
      const { migrations } = entries[0].start as { migrations: { applied: number; appliedNow: number } };
      expect(entries[0].msg).toBe(
        `Listening on ${url} (Swagger UI: ${url}/api-docs); database ${name} at ${host}:${port}; ` +
          `all ${migrations.applied} migrations applied (${migrations.appliedNow || 'none'} now)`,
      );
      expect(entries.every((entry) => entry.level === INFO && typeof entry.time === 'string')).toBe(true);
      expect(entries[0].start).toEqual({
        url,
        swaggerUrl: `${url}/api-docs`,
        database: { host, port, database: name },
        migrations: { applied: expect.any(Number), appliedNow: expect.any(Number), pending: 0 },
      });
      expect(entries[1]).toMatchObject({
        req: { method: 'GET', url: '/customer-segment/acme/segments' },
        res: { statusCode: 401 },
      });
      expect(service.output()).not.toMatch(/Mapped \{|successfully started|InstanceLoader|\/health/);
    }, 60_000);

    it('pretty (LOG_FORMAT=pretty): readable lines without JSON, the start line first', async () => {
      const service = await spawnService({
        DATABASE_URL: database.url,
        DATA_DIR: folder('cs-startup-'),
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'pretty',
      });
      await service.listening(60_000);
      expect((await fetch(`${service.baseUrl}/health/ready`)).status).toBe(200);
      expect((await fetch(`${service.baseUrl}/customer-segment/acme/segments`)).status).toBe(401);
      await sleep(200);
      service.child.kill('SIGTERM');
      expect(await service.exited).toEqual({ code: 0, signal: null });

      const lines = service.output().split('\n').filter(Boolean);
      report(['The console of a start and stop (LOG_FORMAT=pretty)', ...lines.map((line) => `  ${line}`)].join('\n'));
      const time = String.raw`\[\d\d:\d\d:\d\d\.\d{3}\]`;
      expect(lines).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${time} INFO: Listening on ${service.baseUrl} \\(Swagger UI: ${service.baseUrl}/api-docs\\); ` +
              String.raw`database \w+ at 127\.0\.0\.1:\d+; all \d+ migrations applied \(\w+ now\)$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(`^${time} INFO: request completed: GET /customer-segment/acme/segments 401 \\d+ ms$`),
        ),
        expect.stringMatching(new RegExp(`^${time} INFO: SIGTERM: finishing in-flight requests, then stopping$`)),
        expect.stringMatching(new RegExp(`^${time} INFO: Stopped$`)),
      ]);
    }, 60_000);

    it("LOG_LEVEL=debug: Nest's own lines (modules, every mapped route) are there, at debug", async () => {
      const service = await spawnService({
        DATABASE_URL: database.url,
        DATA_DIR: folder('cs-startup-'),
        LOG_LEVEL: 'debug',
      });
      await service.listening(60_000);
      service.child.kill('SIGTERM');
      expect(await service.exited).toEqual({ code: 0, signal: null });
      const nest = logEntries(service.output()).filter((entry) =>
        ['InstanceLoader', 'RouterExplorer', 'NestApplication'].includes(entry.context as string),
      );
      expect(nest.filter((entry) => /^Mapped \{/.test(entry.msg)).length).toBeGreaterThan(20);
      expect(nest.map((entry) => entry.level)).toEqual(nest.map(() => 20));
    }, 60_000);

    it('a port in use: one line naming PORT, exit 1, nothing claims it started', async () => {
      const taken: Server = createServer();
      const port = await freePort();
      await new Promise<void>((resolve) => taken.listen(port, '127.0.0.1', resolve));
      try {
        const service = await spawnService({
          DATABASE_URL: database.url,
          DATA_DIR: folder('cs-startup-'),
          LOG_LEVEL: 'info',
          PORT: String(port),
        });
        expect(await service.exited).toEqual({ code: 1, signal: null });
        const entries = logEntries(service.output());
        report(['Start on a port in use', ...entries.map((entry) => `  ${entry.msg}`)].join('\n'));
        expect(entries.map((entry) => [entry.level, entry.msg])).toEqual([
          [50, `Could not start: port ${port} is in use; set PORT to a free one`],
        ]);
        expect(service.output()).not.toMatch(/successfully started|Listening on|"stack"/);
      } finally {
        await new Promise((resolve) => taken.close(resolve));
      }
    }, 60_000);
  });

  it('reads .env of its working directory, the environment winning over it', async () => {
    const workdir = folder('cs-startup-env-');
    writeFileSync(
      join(workdir, '.env'),
      [
        '# settings of this folder',
        `DATABASE_URL=${database.url}`,
        'SWAGGER_ENABLED=false',
        'PORT=1', // the environment's PORT wins
        '',
      ].join('\n'),
    );
    // Without DATA_DIR: the default `.data` of the working directory holds the signing key.
    const service = await spawnService({}, { cwd: workdir });
    try {
      await service.listening(60_000);
      const start = logEntries(service.output()).find((entry) => entry.msg.startsWith('Listening on'));
      expect(start?.msg).toContain(
        `Listening on ${service.baseUrl} (Swagger UI: off); database ${new URL(database.url).pathname.slice(1)}`,
      );
      expect((await fetch(`${service.baseUrl}/api-docs-json`)).status).toBe(404);
    } finally {
      service.child.kill('SIGTERM');
      expect(await service.exited).toEqual({ code: 0, signal: null });
    }
  }, 60_000);
});
