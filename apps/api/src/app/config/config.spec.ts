import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEV_CLIENT, loadConfig, logFormatOf } from './config';
import { loadEnvFile } from './env-file';

describe('loadConfig', () => {
  it('has working local defaults: embedded database, built-in issuer with the dev client, Swagger on', () => {
    const config = loadConfig({});
    expect(config.db.url).toBeUndefined();
    expect(config.auth.issuerEnabled).toBe(true);
    expect(config.auth.clients).toEqual([DEV_CLIENT]);
    expect(config.http.swaggerEnabled).toBe(true);
    expect(config.port).toBe(3000);
  });

  it('turns the built-in issuer off in production and then requires a JWKS URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_JWKS_URL/);
    const config = loadConfig({ NODE_ENV: 'production', AUTH_JWKS_URL: 'https://idp.example.com/jwks' });
    expect(config.auth.issuerEnabled).toBe(false);
    expect(config.auth.clients).toEqual([]);
  });

  it('names every invalid setting in one message', () => {
    expect(() =>
      loadConfig({
        PORT: 'eighty',
        DB_POOL_SIZE: '0',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'not a url',
        AUTH_CLIENTS: '{',
      }),
    ).toThrow(/PORT[\s\S]*LOG_LEVEL[\s\S]*DATABASE_URL[\s\S]*DB_POOL_SIZE[\s\S]*AUTH_CLIENTS/);
  });

  it('reads the read replicas as a list of postgres URLs, never quoting one in a message', () => {
    expect(loadConfig({}).db.replicaUrls).toEqual([]);
    const urls = 'postgres://u:p@replica-1:5432/db, postgresql://replica-2/db';
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: urls })).toThrow(/DATABASE_REPLICA_URLS: needs DATABASE_URL/);
    const primary = 'postgres://u:p@primary:5432/db';
    expect(loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: urls }).db.replicaUrls).toEqual([
      'postgres://u:p@replica-1:5432/db',
      'postgresql://replica-2/db',
    ]);
    const invalid = () =>
      loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgres://a/db,mysql://u:secret@b/db' });
    expect(invalid).toThrow(/DATABASE_REPLICA_URLS: entry 2 is not a postgres:\/\/host:port\/database URL/);
    expect(invalid).not.toThrow(/secret/);
  });

  it('refuses an OTLP endpoint for traces that is no URL, naming the variable but not the value', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).not.toThrow();
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'no collector' })).toThrow(
      /^ {2}OTEL_EXPORTER_OTLP_ENDPOINT: not a valid URL$/m,
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://[bad' })).toThrow(
      /OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: not a valid URL/,
    );
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'no collector' })).not.toThrow(/no collector/);
  });

  it('leaves rate limiting off and caps JSON nesting by default, and reads the hardening settings', () => {
    const defaults = loadConfig({});
    expect(defaults.http.rateLimit).toEqual({ max: 0, windowMs: 60_000 });
    expect(defaults.http.maxJsonDepth).toBe(64);
    expect(defaults.http.corsOrigins).toEqual([]);
    const config = loadConfig({
      RATE_LIMIT_MAX: '100',
      RATE_LIMIT_WINDOW_MS: '1000',
      HTTP_MAX_JSON_DEPTH: '16',
      SHUTDOWN_TIMEOUT_MS: '5000',
      CORS_ORIGINS: 'https://a.example, https://b.example',
    });
    expect(config.http.rateLimit).toEqual({ max: 100, windowMs: 1000 });
    expect(config.http.maxJsonDepth).toBe(16);
    expect(defaults.http.maxJsonContainers).toBe(100_000);
    expect(loadConfig({ HTTP_MAX_JSON_CONTAINERS: '5000' }).http.maxJsonContainers).toBe(5000);
    expect(() => loadConfig({ HTTP_MAX_JSON_CONTAINERS: '10' })).toThrow(/HTTP_MAX_JSON_CONTAINERS/);
    expect(config.shutdownTimeoutMs).toBe(5000);
    expect(config.http.corsOrigins).toEqual(['https://a.example', 'https://b.example']);
    expect(() => loadConfig({ RATE_LIMIT_MAX: '-1', HTTP_MAX_JSON_DEPTH: '1' })).toThrow(
      /HTTP_MAX_JSON_DEPTH[\s\S]*RATE_LIMIT_MAX/,
    );
    expect(defaults.http.trustProxy).toBe(true);
    expect(loadConfig({ HTTP_TRUST_PROXY: 'false' }).http.trustProxy).toBe(false);
    expect(loadConfig({ HTTP_TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ HTTP_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).http.trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
  });

  it('serves metrics on the service port by default, or on METRICS_PORT, or not at all', () => {
    expect(loadConfig({}).metrics).toEqual({ enabled: true, port: undefined });
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ enabled: true, port: 9464 });
    expect(loadConfig({ METRICS_ENABLED: 'false' }).metrics.enabled).toBe(false);
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT: expected an integer from 0 to 65535/);
    expect(() => loadConfig({ PORT: '9464', METRICS_PORT: '9464' })).toThrow(/METRICS_PORT: must differ from PORT/);
  });

  it('bounds what requests may hold in memory and how long they may take to arrive', () => {
    const defaults = loadConfig({}).http;
    expect(defaults).toMatchObject({
      bodyLimitBytes: 10 * 1024 * 1024,
      bodyBudgetBytes: 20 * 1024 * 1024,
      bodyBudgetWaitMs: 10_000,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      idleTimeoutMs: 120_000,
      keepAliveTimeoutMs: 5_000,
      maxHeaderBytes: 16 * 1024,
    });
    const config = loadConfig({
      HTTP_BODY_BUDGET_BYTES: '52428800',
      HTTP_BODY_BUDGET_WAIT_MS: '2000',
      HTTP_HEADERS_TIMEOUT_MS: '3000',
      HTTP_REQUEST_TIMEOUT_MS: '4000',
      HTTP_IDLE_TIMEOUT_MS: '90000',
      HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
      HTTP_MAX_HEADER_BYTES: '32768',
    }).http;
    expect(config).toMatchObject({
      bodyBudgetBytes: 52_428_800,
      bodyBudgetWaitMs: 2000,
      headersTimeoutMs: 3000,
      requestTimeoutMs: 4000,
      idleTimeoutMs: 90_000,
      keepAliveTimeoutMs: 1000,
      maxHeaderBytes: 32_768,
    });
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '10', HTTP_MAX_HEADER_BYTES: 'big' })).toThrow(
      /HTTP_REQUEST_TIMEOUT_MS[\s\S]*HTTP_MAX_HEADER_BYTES/,
    );
  });

  it('refuses limits that contradict each other', () => {
    // A maximal body must fit into the budget, the budget wait must end before the request timeout cuts the request.
    expect(() => loadConfig({ HTTP_BODY_BUDGET_BYTES: '1048576' })).toThrow(
      /HTTP_BODY_BUDGET_BYTES: must be at least HTTP_BODY_LIMIT_BYTES/,
    );
    expect(
      loadConfig({ HTTP_BODY_BUDGET_BYTES: '1048576', HTTP_BODY_LIMIT_BYTES: '1048576' }).http.bodyBudgetBytes,
    ).toBe(1_048_576);
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '5000' })).toThrow(
      /HTTP_BODY_BUDGET_WAIT_MS: must be less than HTTP_REQUEST_TIMEOUT_MS[\s\S]*HTTP_HEADERS_TIMEOUT_MS: must not exceed/,
    );
  });

  it('bounds reads by DB_READ_STATEMENT_TIMEOUT_MS: 3 s by default, never longer than DB_STATEMENT_TIMEOUT_MS', () => {
    expect(loadConfig({}).db).toMatchObject({ statementTimeoutMs: 10_000, readStatementTimeoutMs: 3_000 });
    expect(loadConfig({ DB_STATEMENT_TIMEOUT_MS: '1000' }).db).toMatchObject({
      statementTimeoutMs: 1_000,
      readStatementTimeoutMs: 1_000,
    });
    expect(loadConfig({ DB_READ_STATEMENT_TIMEOUT_MS: '500' }).db.readStatementTimeoutMs).toBe(500);
    expect(() => loadConfig({ DB_STATEMENT_TIMEOUT_MS: '1000', DB_READ_STATEMENT_TIMEOUT_MS: '2000' })).toThrow(
      /DB_READ_STATEMENT_TIMEOUT_MS: must not exceed DB_STATEMENT_TIMEOUT_MS/,
    );
  });

  it('reads clients from JSON', () => {
    const config = loadConfig({
      AUTH_CLIENTS: JSON.stringify([
        { clientId: 'a', clientSecret: 'b', scopes: ['customersegment.segment_read'], tenants: ['acme'] },
      ]),
    });
    expect(config.auth.clients).toEqual([
      {
        clientId: 'a',
        clientSecret: 'b',
        scopes: ['customersegment.segment_read'],
        tenants: ['acme'],
        customerTokens: false,
      },
    ]);
    expect(() =>
      loadConfig({ AUTH_CLIENTS: JSON.stringify([{ clientId: 'a', clientSecret: 'b', scopes: ['nope'] }]) }),
    ).toThrow(/AUTH_CLIENTS/);
  });

  it('checks the tenant offered by Swagger UI', () => {
    expect(loadConfig({}).http.swaggerTenant).toBe('mytenant');
    expect(loadConfig({ SWAGGER_TENANT: 'acme' }).http.swaggerTenant).toBe('acme');
    expect(() => loadConfig({ SWAGGER_TENANT: 'Not A Tenant' })).toThrow(/SWAGGER_TENANT/);
  });

  it('writes readable lines to a terminal and JSON elsewhere, unless LOG_FORMAT says which', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'colourful' })).toThrow(/LOG_FORMAT: expected one of pretty, json/);
    // What an invalid configuration is reported in: the valid LOG_FORMAT, else the terminal's choice.
    expect(logFormatOf({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormatOf({ LOG_FORMAT: 'colourful' }, true)).toBe('pretty');
    expect(logFormatOf({}, false)).toBe('json');
  });

  it('waits up to DB_CONNECT_TIMEOUT_MS (60 s by default) for the database', () => {
    expect(loadConfig({}).db.connectTimeoutMs).toBe(60_000);
    expect(loadConfig({ DB_CONNECT_TIMEOUT_MS: '0' }).db.connectTimeoutMs).toBe(0);
    expect(() => loadConfig({ DB_CONNECT_TIMEOUT_MS: '-1' })).toThrow(/DB_CONNECT_TIMEOUT_MS/);
  });

  it('has no NATS sink without NATS_URL, and reads its servers, stream and subject prefix', () => {
    expect(loadConfig({}).nats).toEqual({
      servers: [],
      stream: 'CUSTOMER_SEGMENT_EVENTS',
      subjectPrefix: 'customer-segments',
    });
    const nats = loadConfig({
      NATS_URL: 'nats://a.example:4222, tls://b.example:4443,c.example:4222',
      NATS_STREAM: 'SEGMENT_EVENTS_2',
      NATS_SUBJECT_PREFIX: 'acme.segments',
    }).nats;
    expect(nats).toEqual({
      servers: ['nats://a.example:4222', 'tls://b.example:4443', 'c.example:4222'],
      stream: 'SEGMENT_EVENTS_2',
      subjectPrefix: 'acme.segments',
    });
  });

  it('refuses NATS settings that are no address, stream name or subject prefix, and never shows the URL', () => {
    for (const url of ['http://user:s3cret@nats.example:4222', 'nats://user:s3cret@', 'nats://a.example:4222,::'])
      expect(() => loadConfig({ NATS_URL: url })).toThrow(
        /^Invalid configuration:\n {2}NATS_URL: expected comma-separated nats:\/\/host:port addresses$/,
      );
    for (const stream of ['with space', 'a.b', 'a*', 'a>', 'a/b', 'x'.repeat(65)])
      expect(() => loadConfig({ NATS_STREAM: stream })).toThrow(/NATS_STREAM: not a stream name/);
    for (const prefix of ['a.*', 'a.>', '.a', 'a.', 'a..b', 'a b'])
      expect(() => loadConfig({ NATS_SUBJECT_PREFIX: prefix })).toThrow(/NATS_SUBJECT_PREFIX: not a subject prefix/);
  });

  it('uses no Redis without REDIS_URL, and takes only redis:// and rediss:// URLs, never showing them', () => {
    expect(loadConfig({}).redis).toEqual({ url: undefined, keyPrefix: 'customer-segments:' });
    expect(loadConfig({ REDIS_URL: 'rediss://:pw@cache.example:6380/2', REDIS_KEY_PREFIX: 'shop-a:' }).redis).toEqual({
      url: 'rediss://:pw@cache.example:6380/2',
      keyPrefix: 'shop-a:',
    });
    expect(() => loadConfig({ REDIS_URL: 'http://:s3cret@cache.example' })).toThrow(
      /^Invalid configuration:\n {2}REDIS_URL: expected a redis:\/\/ or rediss:\/\/ URL$/,
    );
    expect(() => loadConfig({ REDIS_URL: 's3cret' })).toThrow(/REDIS_URL: not a valid URL$/);
    for (const prefix of ['with space', 'x'.repeat(101), 'ä'])
      expect(() => loadConfig({ REDIS_KEY_PREFIX: prefix })).toThrow(/REDIS_KEY_PREFIX: not a key prefix/);
  });
});

describe('loadConfig: events', () => {
  it('runs the relay with 30 days of retention by default, and reads the event settings', () => {
    expect(loadConfig({}).events).toEqual({
      relay: true,
      relayPoolSize: 2,
      retentionDays: 30,
      pollIntervalMs: 1_000,
      validityPollIntervalMs: 5_000,
      feedMaxWaitSeconds: 30,
      feedMaxWaiters: 100,
    });
    const config = loadConfig({
      EVENTS_RELAY: 'false',
      EVENTS_RELAY_POOL_SIZE: '3',
      EVENTS_RETENTION_DAYS: '7',
      EVENTS_POLL_INTERVAL_MS: '250',
      EVENTS_VALIDITY_POLL_INTERVAL_MS: '500',
      EVENTS_FEED_MAX_WAIT_SECONDS: '10',
      EVENTS_FEED_MAX_WAITERS: '5',
    }).events;
    expect(config).toEqual({
      relay: false,
      relayPoolSize: 3,
      retentionDays: 7,
      pollIntervalMs: 250,
      validityPollIntervalMs: 500,
      feedMaxWaitSeconds: 10,
      feedMaxWaiters: 5,
    });
    expect(() => loadConfig({ EVENTS_RELAY: 'sometimes', EVENTS_RETENTION_DAYS: '0' })).toThrow(
      /EVENTS_RELAY[\s\S]*EVENTS_RETENTION_DAYS/,
    );
    expect(() => loadConfig({ EVENTS_FEED_MAX_WAIT_SECONDS: '200', HTTP_IDLE_TIMEOUT_MS: '60000' })).toThrow(
      /EVENTS_FEED_MAX_WAIT_SECONDS: must be less than HTTP_IDLE_TIMEOUT_MS/,
    );
  });
});

describe('loadConfig: read model', () => {
  it('is on with a 48 MB bound by default, and reads both settings', () => {
    expect(loadConfig({}).readModel).toEqual({ enabled: true, maxBytes: 48 * 1024 * 1024 });
    expect(loadConfig({ READ_MODEL_ENABLED: 'false', READ_MODEL_MAX_MB: '512' }).readModel).toEqual({
      enabled: false,
      maxBytes: 512 * 1024 * 1024,
    });
    expect(() => loadConfig({ READ_MODEL_ENABLED: 'maybe', READ_MODEL_MAX_MB: '0' })).toThrow(
      /READ_MODEL_ENABLED[\s\S]*READ_MODEL_MAX_MB/,
    );
  });
});

describe('loadConfig: webhooks', () => {
  it('retries on the documented schedule and reads durations with their units', () => {
    const h = 3_600_000;
    expect(loadConfig({}).webhooks).toEqual({
      allowPrivate: false,
      retryScheduleMs: [5_000, 300_000, 1_800_000, 2 * h, 5 * h, 10 * h, 14 * h, 20 * h, 24 * h],
      attemptTimeoutMs: 15_000,
      secretOverlapMs: 24 * h,
      disableAfterMs: 5 * 24 * h,
      concurrency: 256,
      endpointConcurrency: 16,
    });
    const config = loadConfig({
      WEBHOOKS_ALLOW_PRIVATE: 'true',
      WEBHOOKS_RETRY_SCHEDULE: '100ms, 1s,2m',
      WEBHOOKS_ATTEMPT_TIMEOUT: '2s',
      WEBHOOKS_SECRET_OVERLAP: '0s',
      WEBHOOKS_DISABLE_AFTER: '1h',
    }).webhooks;
    expect(config).toMatchObject({
      allowPrivate: true,
      retryScheduleMs: [100, 1_000, 120_000],
      attemptTimeoutMs: 2_000,
      secretOverlapMs: 0,
      disableAfterMs: h,
    });
    expect(() =>
      loadConfig({ WEBHOOKS_RETRY_SCHEDULE: '5s,soon', WEBHOOKS_ATTEMPT_TIMEOUT: '10m', WEBHOOKS_DISABLE_AFTER: '5' }),
    ).toThrow(/WEBHOOKS_RETRY_SCHEDULE[\s\S]*WEBHOOKS_ATTEMPT_TIMEOUT[\s\S]*WEBHOOKS_DISABLE_AFTER/);
  });
});

describe('loadEnvFile', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'cs-env-file-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads .env of the folder into the environment; the real environment wins', () => {
    writeFileSync(join(folder, '.env'), '# local settings\nFROM_FILE=file\nFROM_BOTH="file"\nEMPTY=\n');
    const env: Record<string, string | undefined> = { FROM_BOTH: 'environment', EMPTY: '' };
    expect(loadEnvFile(folder, env)).toBe(join(folder, '.env'));
    expect(env).toEqual({ FROM_FILE: 'file', FROM_BOTH: 'environment', EMPTY: '' });
  });

  it('does nothing without a .env', () => {
    const env = {};
    expect(loadEnvFile(folder, env)).toBeUndefined();
    expect(env).toEqual({});
  });
});
