import { ALL_SCOPES, TENANT_PATTERN } from '@cs/contracts';
import { resolve } from 'node:path';

/** An OAuth client the built-in token issuer knows. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** Scopes the client may request; `*` for all. */
  scopes: string[] | '*';
  /** Tenants the client may request tokens for; `*` for any. */
  tenants: string[] | '*';
  /** Whether it may mint customer tokens (`customer_id=...` in the scope string). */
  customerTokens: boolean;
}

export interface AppConfig {
  production: boolean;
  host: string;
  port: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `pretty`: readable lines (the default when stdout is a terminal); `json`: one JSON object per line (otherwise). */
  logFormat: LogFormat;
  /** Folder for the embedded Postgres cluster and the issuer's signing key. */
  dataDir: string;
  db: {
    /** Absent: start the embedded Postgres. */
    url?: string;
    /**
     * `DATABASE_REPLICA_URLS`: streaming replicas of `url` that serve the reads of lists, gets, searches, matches and
     * category trees (database/read-replicas.ts); empty: every statement goes to `url`.
     */
    replicaUrls: string[];
    poolSize: number;
    /** Timeout of every statement of a write transaction. */
    statementTimeoutMs: number;
    /** Timeout of every other statement (the reads): the connections' default, at most `statementTimeoutMs`. */
    readStatementTimeoutMs: number;
    /** How long a request waits for a free connection before it fails with 503. */
    acquireTimeoutMs: number;
    runMigrations: boolean;
    /** How long start-up waits for the database to accept connections (retrying with backoff) before it gives up. */
    connectTimeoutMs: number;
  };
  /** NATS JetStream as an event sink (apps/api/src/app/events/nats): on when `servers` is not empty. */
  nats: {
    /** `NATS_URL`: one or more comma-separated `nats://[user:password@]host:port` addresses. */
    servers: string[];
    /** The JetStream stream the events go to; created (capturing `<subjectPrefix>.>`) when it does not exist. */
    stream: string;
    /** Subjects are `<subjectPrefix>.<tenant>.<event type>`. */
    subjectPrefix: string;
  };
  auth: {
    /** Expected `iss` of every token. */
    issuer: string;
    /** Expected `aud`, when set. */
    audience?: string;
    /** Remote JWKS for tokens of an external issuer; absent means the built-in issuer's keys. */
    jwksUrl?: string;
    issuerEnabled: boolean;
    tokenTtlSeconds: number;
    signingKeyFile: string;
    clients: OAuthClient[];
  };
  http: {
    bodyLimitBytes: number;
    /** JSON bodies nested deeper than this are rejected with 400 before they are parsed. */
    maxJsonDepth: number;
    /**
     * Objects and arrays one JSON body may hold (413 beyond it, before it is parsed): each costs about
     * 64 bytes of heap once parsed, so without a cap 10 MB of `[{},{},...]` would take 200 MB.
     */
    maxJsonContainers: number;
    /**
     * Bytes of request bodies admitted at once (Content-Length, or the body limit for a chunked body),
     * reserved before the body is read and released when the answer is sent. A body that does not fit
     * waits unread for `bodyBudgetWaitMs`, then gets 503. A maximal bulk costs about 4 times its size in heap.
     */
    bodyBudgetBytes: number;
    bodyBudgetWaitMs: number;
    /** The request headers must arrive within this (then 408), the whole request within `requestTimeoutMs`. */
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    /** A connection without any traffic for this long is closed, also while its answer is prepared (so longer than the slowest request). */
    idleTimeoutMs: number;
    /** How long an idle kept-alive connection stays open for the next request. */
    keepAliveTimeoutMs: number;
    /** Larger request headers get 431. */
    maxHeaderBytes: number;
    /**
     * Which proxies' `X-Forwarded-For` to believe for the client address (rate limiting by IP, logs):
     * all (`true`), none (`false`), a hop count, or a list of proxy addresses/CIDRs.
     */
    trustProxy: boolean | number | string[];
    corsOrigins: string[];
    swaggerEnabled: boolean;
    /** Tenant of the `tenant=<tenant>` pseudo-scope offered by Swagger UI's Authorize dialog. */
    swaggerTenant: string;
    /** Requests per client (token subject, else IP address) and window; `max` 0 turns limiting off. */
    rateLimit: { max: number; windowMs: number };
  };
  /** Redis, when `url` is set: the rate-limit counters shared by every replica. */
  redis: {
    /** `redis://[user:password@]host:port[/db]` or `rediss://` (TLS). */
    url?: string;
    /** Prefix of every key the service writes, so several deployments can share one Redis. */
    keyPrefix: string;
  };
  /** How long a SIGTERM/SIGINT may take to finish in-flight requests before the process exits anyway. */
  shutdownTimeoutMs: number;
  /** Prometheus metrics (apps/api/src/app/metrics), served without a token at `GET /metrics`. */
  metrics: {
    enabled: boolean;
    /** Serve them on this port of `host` (0: a free one) instead of the service's port; absent: on the service's port. */
    port?: number;
  };
  events: {
    /** Whether this process runs the relay (sequencer, sinks, retention); off on replicas that should only serve. */
    relay: boolean;
    /**
     * Connections of the relay's own pool (beside `db.poolSize`), so its few short statements never queue behind
     * the requests for a connection: that queue, not the relay's work, set the latency of events under load.
     */
    relayPoolSize: number;
    /** Delivered events older than this are deleted. */
    retentionDays: number;
    /** The relay's fallback poll, for when a notification is missed; also the feed's re-check while it waits. */
    pollIntervalMs: number;
    /**
     * How often every process looks for validity boundaries that came due (segments/validity-announcer.ts); a
     * boundary this process wrote is announced at its instant, one another process wrote within this interval.
     */
    validityPollIntervalMs: number;
    /** Longest `wait` of the feed's long poll. */
    feedMaxWaitSeconds: number;
    /** Long polls waiting at once; beyond it the feed answers 503. */
    feedMaxWaiters: number;
  };
  /**
   * The in-memory read model of match, category trees and item lists (item-assignments/read-model.service.ts):
   * `enabled` false answers them with the plain statements only (the reference, and the bench's baseline).
   */
  readModel: {
    enabled: boolean;
    /**
     * `READ_MODEL_MAX_MB`: estimated heap for models and cached answers, all tenants together; the default fits beside
     * the body budget within `npm start`'s 192 MB heap (a model costs about 200 bytes per segment, item, category and
     * product category).
     */
    maxBytes: number;
  };
  /** Webhook deliveries (apps/api/src/app/webhooks); the worker runs where the relay runs (`events.relay`). */
  webhooks: {
    /** Allows `http` and loopback, link-local and private addresses: for local use and the tests only. */
    allowPrivate: boolean;
    /** The wait before each retry after a failed attempt; after the last one the delivery is given up. */
    retryScheduleMs: number[];
    /** How long one attempt may take, connection and response together. */
    attemptTimeoutMs: number;
    /** How long the previous secret still signs (beside the new one) after a rotation. */
    secretOverlapMs: number;
    /** An endpoint whose attempts all failed for this long is disabled. */
    disableAfterMs: number;
    /** Attempts in flight in this process, all endpoints together. */
    concurrency: number;
    /** Attempts in flight to one endpoint, across all replicas (their leases are rows). */
    endpointConcurrency: number;
  };
}

/** The documented client for local use: every scope, any tenant, customer tokens allowed. */
export const DEV_CLIENT: OAuthClient = {
  clientId: 'dev-client',
  clientSecret: 'dev-secret',
  scopes: '*',
  tenants: '*',
  customerTokens: true,
};

type Env = Record<string, string | undefined>;

const DAY_MS = 86_400_000;
const DURATION_UNITS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: DAY_MS };

/** `500ms`, `5s`, `30m`, `2h`, `5d` in milliseconds; undefined when it is not such a duration. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,9})(ms|s|m|h|d)$/.exec(text);
  return match ? Number(match[1]) * DURATION_UNITS[match[2]] : undefined;
}

/** JetStream stream names: no whitespace, no `.`, `*`, `>`, path separators (they name files on the server). */
const NATS_STREAM_NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** One or more subject tokens joined by `.`, without wildcards, so that `<prefix>.>` captures exactly ours. */
const NATS_SUBJECT_PREFIX = /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/;
/** Printable ASCII without spaces: shown in `redis-cli` and monitoring as written. */
const REDIS_KEY_PREFIX = /^[!-~]{1,100}$/;

export const LOG_FORMATS = ['pretty', 'json'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** `LOG_FORMAT` when it is valid, else readable lines for a terminal and JSON for anything else (a pipe, a collector). */
export function logFormatOf(env: Env, stdoutIsTerminal: boolean): LogFormat {
  const chosen = env.LOG_FORMAT?.trim();
  return (LOG_FORMATS as readonly string[]).includes(chosen ?? '')
    ? (chosen as LogFormat)
    : stdoutIsTerminal
      ? 'pretty'
      : 'json';
}

/**
 * Reads and validates the configuration from the environment. Every invalid setting is
 * reported by name; start-up stops with all of them in one message. `stdoutIsTerminal` decides
 * the log format when `LOG_FORMAT` is not set.
 */
export function loadConfig(env: Env = process.env, stdoutIsTerminal = process.stdout.isTTY === true): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const production = read.oneOf('NODE_ENV', ['development', 'production', 'test'], 'development') === 'production';
  const dataDir = resolve(read.string('DATA_DIR', '.data'));
  const port = read.integer('PORT', 3000, 0, 65535);
  const issuerEnabled = read.boolean('AUTH_ISSUER_ENABLED', !production);
  const statementTimeoutMs = read.integer('DB_STATEMENT_TIMEOUT_MS', 10_000, 100, 3_600_000);
  const readStatementTimeoutMs = read.integer(
    'DB_READ_STATEMENT_TIMEOUT_MS',
    Math.min(3_000, statementTimeoutMs),
    100,
    3_600_000,
  );
  if (readStatementTimeoutMs > statementTimeoutMs)
    problems.push(`DB_READ_STATEMENT_TIMEOUT_MS: must not exceed DB_STATEMENT_TIMEOUT_MS (${statementTimeoutMs})`);
  const jwksUrl = read.optionalUrl('AUTH_JWKS_URL');
  if (!issuerEnabled && !jwksUrl) problems.push('AUTH_JWKS_URL: required when AUTH_ISSUER_ENABLED is false');
  // Traces (app/tracing/tracing.ts) start before this is read, and their exporter reads the OTEL_* variables
  // itself; one that would take no span anywhere (the exporter only drops what it cannot send) stops start-up here.
  read.optionalUrl('OTEL_EXPORTER_OTLP_ENDPOINT');
  read.optionalUrl('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT');

  const config: AppConfig = {
    production,
    host: read.string('HOST', '0.0.0.0'),
    port,
    logLevel: read.oneOf('LOG_LEVEL', ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], 'info'),
    logFormat: read.oneOf('LOG_FORMAT', LOG_FORMATS, stdoutIsTerminal ? 'pretty' : 'json'),
    dataDir,
    db: {
      url: read.optionalUrl('DATABASE_URL'),
      replicaUrls: read.postgresUrls('DATABASE_REPLICA_URLS'),
      poolSize: read.integer('DB_POOL_SIZE', 10, 1, 500),
      statementTimeoutMs,
      readStatementTimeoutMs,
      acquireTimeoutMs: read.integer('DB_ACQUIRE_TIMEOUT_MS', 3_000, 10, 600_000),
      runMigrations: read.boolean('DB_RUN_MIGRATIONS', true),
      connectTimeoutMs: read.integer('DB_CONNECT_TIMEOUT_MS', 60_000, 0, 3_600_000),
    },
    nats: {
      servers: read.natsServers('NATS_URL'),
      stream: read.matching('NATS_STREAM', 'CUSTOMER_SEGMENT_EVENTS', NATS_STREAM_NAME, 'a stream name'),
      subjectPrefix: read.matching('NATS_SUBJECT_PREFIX', 'customer-segments', NATS_SUBJECT_PREFIX, 'a subject prefix'),
    },
    auth: {
      issuer: read.string('AUTH_ISSUER', 'urn:customer-segments:local-issuer'),
      audience: env.AUTH_AUDIENCE || undefined,
      jwksUrl,
      issuerEnabled,
      tokenTtlSeconds: read.integer('AUTH_TOKEN_TTL_SECONDS', 14_399, 10, 86_400),
      signingKeyFile: resolve(read.string('AUTH_SIGNING_KEY_FILE', resolve(dataDir, 'auth', 'signing-key.json'))),
      clients: read.clients('AUTH_CLIENTS', issuerEnabled && !production ? [DEV_CLIENT] : []),
    },
    http: {
      bodyLimitBytes: read.integer('HTTP_BODY_LIMIT_BYTES', 10 * 1024 * 1024, 1024, 100 * 1024 * 1024),
      maxJsonDepth: read.integer('HTTP_MAX_JSON_DEPTH', 64, 4, 1000),
      maxJsonContainers: read.integer('HTTP_MAX_JSON_CONTAINERS', 100_000, 100, 10_000_000),
      bodyBudgetBytes: read.integer('HTTP_BODY_BUDGET_BYTES', 20 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      bodyBudgetWaitMs: read.integer('HTTP_BODY_BUDGET_WAIT_MS', 10_000, 0, 600_000),
      headersTimeoutMs: read.integer('HTTP_HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
      requestTimeoutMs: read.integer('HTTP_REQUEST_TIMEOUT_MS', 30_000, 100, 3_600_000),
      idleTimeoutMs: read.integer('HTTP_IDLE_TIMEOUT_MS', 120_000, 1000, 3_600_000),
      keepAliveTimeoutMs: read.integer('HTTP_KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
      maxHeaderBytes: read.integer('HTTP_MAX_HEADER_BYTES', 16 * 1024, 1024, 1024 * 1024),
      trustProxy: read.trustProxy('HTTP_TRUST_PROXY', true),
      corsOrigins: read.list('CORS_ORIGINS'),
      swaggerEnabled: read.boolean('SWAGGER_ENABLED', true),
      swaggerTenant: read.tenant('SWAGGER_TENANT', 'mytenant'),
      rateLimit: {
        max: read.integer('RATE_LIMIT_MAX', 0, 0, 1_000_000),
        windowMs: read.integer('RATE_LIMIT_WINDOW_MS', 60_000, 100, 86_400_000),
      },
    },
    redis: {
      url: read.optionalUrl('REDIS_URL', ['redis:', 'rediss:']),
      keyPrefix: read.matching('REDIS_KEY_PREFIX', 'customer-segments:', REDIS_KEY_PREFIX, 'a key prefix'),
    },
    shutdownTimeoutMs: read.integer('SHUTDOWN_TIMEOUT_MS', 15_000, 100, 600_000),
    metrics: {
      enabled: read.boolean('METRICS_ENABLED', true),
      port: read.optionalInteger('METRICS_PORT', 0, 65535),
    },
    events: {
      relay: read.boolean('EVENTS_RELAY', true),
      relayPoolSize: read.integer('EVENTS_RELAY_POOL_SIZE', 2, 1, 20),
      retentionDays: read.integer('EVENTS_RETENTION_DAYS', 30, 1, 3650),
      pollIntervalMs: read.integer('EVENTS_POLL_INTERVAL_MS', 1_000, 10, 600_000),
      validityPollIntervalMs: read.integer('EVENTS_VALIDITY_POLL_INTERVAL_MS', 5_000, 10, 600_000),
      feedMaxWaitSeconds: read.integer('EVENTS_FEED_MAX_WAIT_SECONDS', 30, 1, 300),
      feedMaxWaiters: read.integer('EVENTS_FEED_MAX_WAITERS', 100, 1, 100_000),
    },
    readModel: {
      enabled: read.boolean('READ_MODEL_ENABLED', true),
      maxBytes: read.integer('READ_MODEL_MAX_MB', 48, 1, 65_536) * 1024 * 1024,
    },
    webhooks: {
      allowPrivate: read.boolean('WEBHOOKS_ALLOW_PRIVATE', false),
      retryScheduleMs: read.durations('WEBHOOKS_RETRY_SCHEDULE', '5s,5m,30m,2h,5h,10h,14h,20h,24h'),
      attemptTimeoutMs: read.duration('WEBHOOKS_ATTEMPT_TIMEOUT', '15s', 100, 120_000),
      secretOverlapMs: read.duration('WEBHOOKS_SECRET_OVERLAP', '24h', 0, 30 * DAY_MS),
      disableAfterMs: read.duration('WEBHOOKS_DISABLE_AFTER', '5d', 1_000, 365 * DAY_MS),
      concurrency: read.integer('WEBHOOKS_CONCURRENCY', 256, 1, 10_000),
      endpointConcurrency: read.integer('WEBHOOKS_ENDPOINT_CONCURRENCY', 16, 1, 1_000),
    },
  };
  if (config.db.replicaUrls.length && !config.db.url)
    problems.push('DATABASE_REPLICA_URLS: needs DATABASE_URL (the replicas stream from that server)');
  const { http } = config;
  if (http.bodyBudgetBytes < http.bodyLimitBytes)
    problems.push(
      'HTTP_BODY_BUDGET_BYTES: must be at least HTTP_BODY_LIMIT_BYTES, or a maximal body could never be admitted',
    );
  if (http.bodyBudgetWaitMs >= http.requestTimeoutMs)
    problems.push('HTTP_BODY_BUDGET_WAIT_MS: must be less than HTTP_REQUEST_TIMEOUT_MS, which the wait counts towards');
  if (http.headersTimeoutMs > http.requestTimeoutMs)
    problems.push('HTTP_HEADERS_TIMEOUT_MS: must not exceed HTTP_REQUEST_TIMEOUT_MS');
  if (config.events.feedMaxWaitSeconds * 1000 >= http.idleTimeoutMs)
    problems.push('EVENTS_FEED_MAX_WAIT_SECONDS: must be less than HTTP_IDLE_TIMEOUT_MS, which would cut a long poll');
  if (config.metrics.port !== undefined && config.metrics.port !== 0 && config.metrics.port === port)
    problems.push('METRICS_PORT: must differ from PORT (unset it to serve the metrics on PORT)');
  if (problems.length) throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return config;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  tenant(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    if (!TENANT_PATTERN.test(value)) this.problems.push(`${name}: not a valid tenant name, got '${value}'`);
    return value;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
      this.problems.push(`${name}: expected an integer from ${min} to ${max}, got '${value}'`);
      return fallback;
    }
    return parsed;
  }

  /** Like `integer`, but undefined when unset. */
  optionalInteger(name: string, min: number, max: number): number | undefined {
    return this.raw(name) === undefined ? undefined : this.integer(name, min, min, max);
  }

  /** A duration such as `250ms`, `5s`, `30m`, `2h`, `5d`, in milliseconds, from `min` to `max`. */
  duration(name: string, fallback: string, min: number, max: number): number {
    const value = this.raw(name) ?? fallback;
    const parsed = parseDuration(value);
    if (parsed !== undefined && parsed >= min && parsed <= max) return parsed;
    this.problems.push(
      `${name}: expected a duration (e.g. 500ms, 5s, 30m, 2h, 5d) from ${min} to ${max} ms, got '${value}'`,
    );
    return 0; // never used: the problem ends loadConfig
  }

  /** A comma-separated list of 1 to 20 durations, each from 0 to 30 days. */
  durations(name: string, fallback: string): number[] {
    const value = this.raw(name) ?? fallback;
    const parsed = value.split(',').map((part) => parseDuration(part.trim()));
    if (parsed.length <= 20 && parsed.every((ms) => ms !== undefined && ms <= 30 * DAY_MS)) return parsed as number[];
    this.problems.push(
      `${name}: expected 1 to 20 comma-separated durations (e.g. 5s,5m,2h) of at most 30d, got '${value}'`,
    );
    return []; // never used: the problem ends loadConfig
  }

  boolean(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.problems.push(`${name}: expected true or false, got '${value}'`);
    return fallback;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name}: expected one of ${allowed.join(', ')}, got '${value}'`);
    return fallback;
  }

  /** `fallback` when unset; otherwise the value, which must match `pattern` (`what` names the expected form). */
  matching(name: string, fallback: string, pattern: RegExp, what: string): string {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!pattern.test(value)) this.problems.push(`${name}: not ${what}, got '${value}'`);
    return value;
  }

  /** Comma-separated NATS server addresses (`nats://` or `tls://` URLs, or `host:port`). */
  natsServers(name: string): string[] {
    const servers = this.list(name);
    for (const server of servers) {
      let url: URL | undefined;
      try {
        url = new URL(server.includes('://') ? server : `nats://${server}`);
      } catch {
        url = undefined;
      }
      // The message leaves the value out: it may hold credentials.
      if (!url?.hostname || !['nats:', 'tls:'].includes(url.protocol))
        this.problems.push(`${name}: expected comma-separated nats://host:port addresses`);
    }
    return servers;
  }

  /** Comma-separated `postgres://` (or `postgresql://`) URLs; the message leaves the values out: they hold passwords. */
  postgresUrls(name: string): string[] {
    const urls = this.list(name);
    urls.forEach((url, index) => {
      if (urlProblem(url, ['postgres:', 'postgresql:']))
        this.problems.push(`${name}: entry ${index + 1} is not a postgres://host:port/database URL`);
    });
    return urls;
  }

  /** A URL (of one of `protocols`, when given); the message leaves the value out: it may hold credentials. */
  optionalUrl(name: string, protocols?: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    const problem = urlProblem(value, protocols);
    if (!problem) return value;
    this.problems.push(
      problem === 'invalid'
        ? `${name}: not a valid URL`
        : `${name}: expected a ${protocols?.map((protocol) => `${protocol}//`).join(' or ')} URL`,
    );
    return undefined;
  }

  trustProxy(name: string, fallback: boolean): boolean | number | string[] {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (value === 'true' || value === 'false') return value === 'true';
    if (/^\d+$/.test(value)) return Number(value);
    return this.list(name);
  }

  list(name: string): string[] {
    return (this.raw(name) ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean);
  }

  clients(name: string, fallback: OAuthClient[]): OAuthClient[] {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    try {
      const parsed: unknown = JSON.parse(value);
      if (!Array.isArray(parsed)) throw new Error('not an array');
      return parsed.map((entry, index) => parseClient(entry, index));
    } catch (error) {
      this.problems.push(`${name}: expected a JSON array of clients (${(error as Error).message})`);
      return fallback;
    }
  }
}

/** Why `value` is no URL of one of `protocols` (of any, when not given); undefined when it is one. */
function urlProblem(value: string, protocols?: string[]): 'invalid' | 'protocol' | undefined {
  if (!URL.canParse(value)) return 'invalid';
  return protocols && !protocols.includes(new URL(value).protocol) ? 'protocol' : undefined;
}

function parseClient(entry: unknown, index: number): OAuthClient {
  const candidate = entry as Partial<OAuthClient> | null;
  const where = `client ${index}`;
  if (!candidate || typeof candidate.clientId !== 'string' || typeof candidate.clientSecret !== 'string') {
    throw new Error(`${where}: clientId and clientSecret are required strings`);
  }
  const scopes = candidate.scopes ?? '*';
  if (
    scopes !== '*' &&
    !(Array.isArray(scopes) && scopes.every((s) => (ALL_SCOPES as readonly string[]).includes(s)))
  ) {
    throw new Error(`${where}: scopes must be '*' or a list of known scopes`);
  }
  const tenants = candidate.tenants ?? '*';
  if (tenants !== '*' && !(Array.isArray(tenants) && tenants.every((t) => typeof t === 'string'))) {
    throw new Error(`${where}: tenants must be '*' or a list of tenant names`);
  }
  return {
    clientId: candidate.clientId,
    clientSecret: candidate.clientSecret,
    scopes,
    tenants,
    customerTokens: candidate.customerTokens === true,
  };
}
