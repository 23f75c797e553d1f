import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AsyncLocalStorage } from 'node:async_hooks';
import { Pool, PoolConfig } from 'pg';
import { DataSource, DataSourceOptions, QueryFailedError, QueryRunner } from 'typeorm';
import { BadRequestError } from '../errors/domain-errors';
import { Metrics } from '../metrics/metrics';
import { describeFailure, isPoolExhausted, pgErrorCode, pgErrorKind } from './pg-errors';
import { QueryLogger } from './query-logger';

/**
 * Streaming replicas serve the reads of the routes marked `@ReplicaReads()` (lists, gets, searches, match,
 * category trees); every other statement, and everything inside a transaction, goes to the primary.
 *
 * Read-your-writes: with replicas, the answer of a request that committed carries `X-Consistency-Token`, the
 * primary's WAL position after the commit. A read sending it back is served by a replica only once that replica
 * has replayed the position, else by the primary. Each replica's last known replay position is kept (it only
 * grows), so a read without a token, or with one the replica is known to have passed, costs no extra round
 * trip; a newer token costs one look at the replica (`pg_last_wal_replay_lsn()`), shared by the reads asking
 * at the same time. A replica that cannot be reached is left alone and probed in the background (1 s, doubling
 * to 30 s) until it answers; its reads go to the primary meanwhile.
 */
export const CONSISTENCY_TOKEN_HEADER = 'X-Consistency-Token';

/** How the OpenAPI document describes the request header on the routes that read from replicas. */
export const CONSISTENCY_TOKEN_DOCS =
  "The `X-Consistency-Token` of an earlier write's answer (a WAL position such as `0/16B3748`): the read then " +
  'sees that write. Only answered, and needed, where the service reads from streaming replicas; malformed: 400.';

/** Fastify route config of the routes marked `@ReplicaReads()` (common/routes.ts). */
export interface ReplicaReadsRouteConfig {
  replicaReads?: true;
}

/** The WAL position after the commit, read in the same round trip as the commit. */
export const COMMIT_WITH_POSITION = 'COMMIT; SELECT pg_current_wal_insert_lsn()::text AS lsn';
const REPLAYED_SQL = 'SELECT pg_last_wal_replay_lsn()::text AS lsn';

const PROBE_FIRST_MS = 1_000;
const PROBE_MAX_MS = 30_000;

/** A WAL position as Postgres writes it (`16/B374D848`) as a number; undefined when the text is none. */
export function parseLsn(text: string): bigint | undefined {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/i.exec(text);
  return match ? (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`) : undefined;
}

/** What the statements of one request need to know about replicas (set by `registerConsistencyToken`). */
interface RequestReads {
  /** The route only reads: its statements outside transactions may go to a replica. */
  readonly fromReplica: boolean;
  /** The request's consistency token: a replica must have replayed this position. */
  readonly after?: bigint;
  /** Where its reads go, chosen by the first one (undefined: the primary), so that all of them see one state. */
  replica?: Promise<Replica | undefined>;
  /** The WAL position after its last commit, answered as the consistency token. */
  committed?: { text: string; position: bigint };
}

const requestReads = new AsyncLocalStorage<RequestReads>();

/** Notes a commit of the current request (`Transactions`), whose answer then carries the position as its token. */
export function recordCommit(lsn: string): void {
  const reads = requestReads.getStore();
  const position = parseLsn(lsn);
  if (reads && position !== undefined && !(reads.committed && reads.committed.position >= position))
    reads.committed = { text: lsn, position };
}

/** One replica: its pool, whether it answers, and the furthest WAL position it is known to have replayed. */
class Replica {
  up = true;
  /** Only grows; -1 until first read (or when the server is no standby: it answers no replay position). */
  replayed = -1n;
  private looking?: Promise<bigint>;
  private probeDelayMs = PROBE_FIRST_MS;
  private probeTimer?: NodeJS.Timeout;
  /** Set by `close`: a probe in flight then fails on the ended pool, and must not schedule the next one. */
  private closed = false;

  constructor(
    /** `host:port`, never the credentials. */
    readonly name: string,
    readonly pool: Pool,
    private readonly logger: Logger,
  ) {
    // A pooled idle connection that breaks (the server went away) must not crash the process.
    pool.on('error', (error) => this.markDown(error));
  }

  /** Asks the replica how far it has replayed; concurrent callers share one look. */
  lookAtReplay(): Promise<bigint> {
    this.looking ??= this.readReplayed()
      .catch((error: unknown) => {
        this.markDown(error);
        return this.replayed;
      })
      .finally(() => (this.looking = undefined));
    return this.looking;
  }

  private async readReplayed(): Promise<bigint> {
    const { rows } = await this.pool.query<{ lsn: string | null }>(REPLAYED_SQL);
    const position = parseLsn(rows[0]?.lsn ?? '');
    if (position !== undefined && position > this.replayed) this.replayed = position;
    return this.replayed;
  }

  markDown(error: unknown): void {
    if (!this.up) return;
    this.up = false;
    this.logger.warn(
      `Read replica ${this.name} is unreachable (${describeFailure(error)}); its reads go to the primary meanwhile`,
    );
    this.scheduleProbe();
  }

  private scheduleProbe(): void {
    if (this.closed) return;
    this.probeTimer = setTimeout(() => {
      this.readReplayed().then(
        () => {
          this.up = true;
          this.probeDelayMs = PROBE_FIRST_MS;
          this.logger.log(`Read replica ${this.name} answers again`);
        },
        () => {
          this.probeDelayMs = Math.min(PROBE_MAX_MS, this.probeDelayMs * 2);
          this.scheduleProbe();
        },
      );
    }, this.probeDelayMs);
    this.probeTimer.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.probeTimer);
    await this.pool.end();
  }
}

/** What a failed replica statement means: the replica is out of reach, a retry on the primary helps, or neither. */
export function failover(error: unknown): 'replica-down' | 'primary' | undefined {
  // Every pooled connection of the replica busy: this read goes to the primary, but the replica is not down (marking
  // it so would move all reads to the primary, and back off its probe, in exactly the burst replicas are for).
  if (isPoolExhausted(error)) return 'primary';
  const kind = pgErrorKind(error);
  // A statement timeout is the statement's own cost: the primary would take as long.
  if (kind === 'unavailable' && pgErrorCode(error) !== '57014') return 'replica-down';
  // A hot standby cancels reads that conflict with the replay of the primary's changes (40001).
  return kind === 'retryable' ? 'primary' : undefined;
}

/** The replicas of `DATABASE_REPLICA_URLS`, and which one serves a read. */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private turn = 0;
  private timeStatement?: (sql: string, ms: number) => void;

  constructor(
    urls: string[],
    pool: PoolConfig,
    private readonly queryLogger: QueryLogger,
    logger = new Logger(ReadReplicas.name),
  ) {
    this.replicas = urls.map((url) => {
      const { hostname, port } = new URL(url);
      return new Replica(`${hostname}:${port || 5432}`, new Pool({ ...pool, connectionString: url }), logger);
    });
  }

  /** The rows of a read outside transactions: from a replica if the request may read from one, else `primary()`. */
  async query<T>(sql: string, parameters: unknown[] | undefined, primary: () => Promise<T>): Promise<T> {
    const reads = requestReads.getStore();
    if (!reads?.fromReplica) return primary();
    const replica = await (reads.replica ??= this.choose(reads.after));
    if (!replica) return primary();
    try {
      const started = performance.now();
      const { rows } = await replica.pool.query(sql, parameters);
      this.timeStatement?.(sql, performance.now() - started);
      return rows as T;
    } catch (error) {
      const next = failover(error);
      if (next === undefined) {
        this.queryLogger.logQueryError(error as Error, sql);
        throw new QueryFailedError(sql, parameters, error as Error);
      }
      if (next === 'replica-down') replica.markDown(error);
      reads.replica = Promise.resolve(undefined);
      return primary();
    }
  }

  /**
   * Reports each replica's pool as `replica-<n>` (in the order of DATABASE_REPLICA_URLS: no addresses in labels),
   * and times the reads they serve with `timeStatement`, as TypeORM's `afterQuery` times the primary's.
   */
  watch(metrics: Metrics, timeStatement: (sql: string, ms: number) => void): void {
    this.replicas.forEach((replica, index) => metrics.watchPool(`replica-${index + 1}`, () => replica.pool));
    this.timeStatement = timeStatement;
  }

  /** A replica that answers (and has replayed `after`, when given), taking turns; undefined: the primary. */
  private async choose(after?: bigint): Promise<Replica | undefined> {
    const up = this.replicas.filter((replica) => replica.up);
    const ready = after === undefined ? up : up.filter((replica) => replica.replayed >= after);
    if (ready.length) return ready[this.turn++ % ready.length];
    if (!up.length) return undefined;
    // The one look this read may take: at the replica furthest ahead.
    const ahead = up.reduce((best, replica) => (replica.replayed > best.replayed ? replica : best));
    return (await ahead.lookAtReplay()) >= (after as bigint) && ahead.up ? ahead : undefined;
  }

  async close(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.close()));
  }
}

/**
 * The service's DataSource when replicas are configured: statements outside transactions go through
 * `ReadReplicas` (which sends only those of replica-read routes to a replica); a transaction's statements
 * carry their query runner and stay on the primary.
 */
export class ReplicatedDataSource extends DataSource {
  constructor(
    options: DataSourceOptions,
    readonly replicas: ReadReplicas,
  ) {
    super(options);
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's own signature
  override query<T = any>(sql: string, parameters?: any[], queryRunner?: QueryRunner): Promise<T> {
    if (queryRunner) return super.query<T>(sql, parameters, queryRunner);
    return this.replicas.query(sql, parameters, () => super.query<T>(sql, parameters));
  }

  override async destroy(): Promise<void> {
    await super.destroy();
    await this.replicas.close();
  }
}

/** The consistency token of a request to a replica-read route; a malformed one is a 400 naming the header. */
function consistencyToken(request: FastifyRequest): bigint | undefined {
  const value = request.headers[CONSISTENCY_TOKEN_HEADER.toLowerCase()];
  if (value === undefined) return undefined;
  const position = typeof value === 'string' ? parseLsn(value.trim()) : undefined;
  if (position === undefined)
    throw new BadRequestError(
      `The ${CONSISTENCY_TOKEN_HEADER} header must be a token from an earlier answer, such as 0/16B3748.`,
    );
  return position;
}

/** The `RequestReads` of each request in progress (with replicas), for the answer's consistency token. */
const readsOfRequest = new WeakMap<object, RequestReads>();

/**
 * The consistency token's hooks. On replica-read routes the request's token is checked (a malformed one is a 400).
 * With replicas every request then runs in its `RequestReads`, and the answer of a request that committed carries
 * its own token; without them only the check runs. Callback hooks, not a Nest interceptor or async hooks: an
 * interceptor cost a fifth of a short read's throughput (GET one segment: 3,044 req/s without it, 2,399 with it).
 */
export function registerConsistencyToken(fastify: FastifyInstance, replicated: boolean): void {
  fastify.addHook('preHandler', (request, _reply, done) => {
    const fromReplica = (request.routeOptions.config as ReplicaReadsRouteConfig | undefined)?.replicaReads === true;
    let after: bigint | undefined;
    try {
      after = fromReplica ? consistencyToken(request) : undefined;
    } catch (error) {
      return done(error as Error);
    }
    if (!replicated) return done();
    const reads: RequestReads = { fromReplica, after };
    readsOfRequest.set(request.raw, reads);
    // The handler runs inside `done`, so every statement it sends sees the request's reads.
    requestReads.run(reads, done);
  });
  if (!replicated) return;
  fastify.addHook('onSend', (request, reply, payload, done) => {
    const committed = readsOfRequest.get(request.raw)?.committed;
    if (committed) void reply.header(CONSISTENCY_TOKEN_HEADER, committed.text);
    done(null, payload);
  });
}
