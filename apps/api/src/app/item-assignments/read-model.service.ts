import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';
import { PreparedJson } from '../common/revalidation';
import { describeFailure } from '../database/pg-errors';
import { Metrics } from '../metrics/metrics';
import { CustomerView } from '../segments/segment-visibility';
import { CatalogModel, SegmentSelection, SegmentsModel } from './read-model';
import {
  CatalogModelData,
  ModelRow,
  ReadModelRepository,
  ReadPart,
  ReadStateRow,
  SegmentsModelData,
} from './read-model.repository';

/** Estimated heap per model row (measured: 114-230 bytes); a bound, not a count. */
const BYTES_PER_ROW = 200;
/** Estimated heap of one cached answer beside its body: the map entry, its objects, the tag, the key's digest. */
const BYTES_PER_ANSWER = 512;
/** Share of `READ_MODEL_MAX_MB` for the models; the rest holds answers, so a flood of answers never evicts a model. */
const MODEL_SHARE = 0.75;
/** Loads at once, all tenants together: each holds its JSON text, its tuples and its model until it ends. */
const MAX_LOADS = 2;
/** How long a failed load keeps its tenant's reads on the statements before one is tried again. */
const RETRY_FAILED_LOAD_MS = 30_000;

/** What the storefront reads are served from, as counted by `customer_segments_read_model_reads_total`. */
export type ReadSource = 'model' | 'answer' | 'database';

/**
 * A cached part: its model, or only its generation when it was too large for the bound, or (until `retryAt`) when
 * its load failed.
 */
type PartEntry = SegmentsModel | CatalogModel | { generation: string; retryAt?: number };

/** Values with an estimated size, within `maxBytes` together; least recently used first out. */
class BoundedLru<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private bytes = 0;

  constructor(readonly maxBytes: number) {}

  /** The value under `key`, now the most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, bytes: number): void {
    const previous = this.entries.get(key);
    if (previous) {
      this.entries.delete(key);
      this.bytes -= previous.bytes;
    }
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.bytes;
    }
  }
}

/**
 * The read model of the storefront's hot reads (match, category trees, item lists): per tenant, the segments part and
 * the catalog part in memory (read-model.ts), and the answers of the trees and lists, keyed by what they depend on.
 *
 * Every read starts with one round trip (`READ_STATE_SQL`, through the request's data source, so a replica's reads
 * compare with that replica): the database's now, the read generations of both parts, and a customer's segments. A
 * model serves the read only when its generation equals the read's (the tables then hold exactly what it was loaded
 * from), or when this read loaded it itself (after its round trip, so it holds every change the read must see).
 * Anything else loads the part again, once for all the reads that want it at the same time. A cached answer is keyed
 * by both generations and the segments the read covers (computed at the read's now, so validity windows open and
 * close at their instant, without a write); it is stored only when a second look at the generations after computing
 * it shows that nothing changed meanwhile.
 *
 * Memory: `READ_MODEL_MAX_MB` (estimated), three quarters for models and one for answers, each least recently used
 * first out. A part larger than half the models' share (so that both parts of a tenant fit together) is not loaded:
 * its tenant is served by the plain statements, as is one whose load failed (a statement timeout, a lost connection)
 * for the next 30 s, and any read that finds `MAX_LOADS` loads of other parts running. Nothing is kept across restarts.
 */
@Injectable()
export class ReadModel {
  private readonly logger = new Logger(ReadModel.name);
  private readonly enabled: boolean;
  private readonly models: BoundedLru<PartEntry>;
  private readonly answers: BoundedLru<PreparedJson>;
  private readonly loading = new Map<string, Promise<PartEntry>>();

  constructor(
    private readonly repository: ReadModelRepository,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.enabled = config.readModel.enabled;
    this.models = new BoundedLru(Math.floor(config.readModel.maxBytes * MODEL_SHARE));
    this.answers = new BoundedLru(config.readModel.maxBytes - this.models.maxBytes);
  }

  /** The state a read of `tenant` starts from; undefined when the read model is off. */
  async open(tenant: string, customer?: CustomerView): Promise<ReadSnapshot | undefined> {
    if (!this.enabled) return undefined;
    return new ReadSnapshot(this, tenant, await this.repository.state(tenant, customer));
  }

  /**
   * A tree or list answer: cached under the segments `selection` covers at the read's now and `key`, and computed on a
   * miss by `compute` with those segments' ids; `compute()` without ids (the statement with the request's own scope)
   * when the read model is off or does not hold the tenant.
   */
  async selectedAnswer<T extends PreparedJson>(
    read: 'trees' | 'items',
    tenant: string,
    view: CustomerView | undefined,
    selection: Omit<SegmentSelection, 'customerSegments'>,
    key: unknown[],
    compute: (segmentIds?: string[]) => Promise<T>,
  ): Promise<T> {
    const snapshot = await this.open(tenant, view);
    const segments = await snapshot?.segments();
    if (!snapshot || !segments) {
      if (snapshot) this.served(read, 'database');
      return compute();
    }
    const segmentIds = snapshot.select(segments, selection);
    const [answer, source] = await snapshot.answer([read, segmentIds, ...key], () => compute(segmentIds));
    this.served(read, source);
    return answer;
  }

  /** Counts how a read was served. */
  served(read: 'match' | 'trees' | 'items', source: ReadSource): void {
    this.metrics.readModelReads.inc({ read, source });
  }

  /** The part at `generation`, or one loaded after the call; undefined when the statements must serve the read. */
  async part(tenant: string, part: ReadPart, generation: string): Promise<SegmentsModel | CatalogModel | undefined> {
    const key = `${part}\0${tenant}`;
    let entry = this.models.get(key);
    if (!isCurrent(entry, generation)) {
      // A load in flight may already be at this generation; if not, load again (after this read's state).
      const inFlight = this.loading.get(key);
      if (inFlight) entry = await inFlight;
      if (!isCurrent(entry, generation)) {
        if (this.loading.size >= MAX_LOADS && !this.loading.has(key)) return undefined;
        entry = await this.load(tenant, part, key, generation);
      }
    }
    return entry instanceof SegmentsModel || entry instanceof CatalogModel ? entry : undefined;
  }

  /**
   * The cached answer under `key` (both generations of `snapshot` are added to it), or `compute`'s, then cached if the
   * generations were the same after computing it.
   */
  async answer<T extends PreparedJson>(
    snapshot: ReadSnapshot,
    key: unknown[],
    compute: () => Promise<T>,
  ): Promise<[T, ReadSource]> {
    // A digest: a key can list every segment of the tenant.
    const digest = createHash('sha256')
      .update(JSON.stringify([snapshot.tenant, snapshot.state.segments, snapshot.state.catalog, ...key]))
      .digest('base64');
    const cached = this.answers.get(digest);
    if (cached !== undefined) return [cached as T, 'answer'];
    const value = await compute();
    const after = await this.repository.state(snapshot.tenant);
    if (after.segments === snapshot.state.segments && after.catalog === snapshot.state.catalog)
      this.answers.set(digest, value, value.body.length + BYTES_PER_ANSWER);
    return [value, 'database'];
  }

  /** Loads a part and caches it; `generation` is the reading's, under which a failure is remembered. */
  private load(tenant: string, part: ReadPart, key: string, generation: string): Promise<PartEntry> {
    const maxRows = Math.floor(this.models.maxBytes / 2 / BYTES_PER_ROW);
    const rows =
      part === 'segments'
        ? this.repository.loadSegments(tenant, maxRows)
        : this.repository.loadCatalog(tenant, maxRows);
    const load = rows
      .then((row): PartEntry => {
        // Too large: remembered at its generation, so that the reads go to the database without trying again.
        const entry = row.model ? toModel(part, row) : { generation: row.generation };
        this.models.set(key, entry, row.model ? Number(row.rows) * BYTES_PER_ROW : BYTES_PER_ROW);
        return entry;
      })
      .catch((error: unknown): PartEntry => {
        this.logger.warn(
          `Loading a read model (${part}) failed (${describeFailure(error)}); its tenant's reads use the statements for ${RETRY_FAILED_LOAD_MS / 1000} s`,
        );
        const entry = { generation, retryAt: Date.now() + RETRY_FAILED_LOAD_MS };
        this.models.set(key, entry, BYTES_PER_ROW);
        return entry;
      })
      .finally(() => {
        if (this.loading.get(key) === load) this.loading.delete(key);
      });
    this.loading.set(key, load);
    return load;
  }
}

/** Whether `entry` answers reads at `generation`: a model or marker of it, and no failure whose wait is over. */
function isCurrent(entry: PartEntry | undefined, generation: string): entry is PartEntry {
  if (entry?.generation !== generation) return false;
  return !('retryAt' in entry) || entry.retryAt === undefined || entry.retryAt > Date.now();
}

function toModel(part: ReadPart, row: ModelRow<unknown>): SegmentsModel | CatalogModel {
  if (part === 'segments') {
    const { segments, items } = row.model as SegmentsModelData;
    return new SegmentsModel(row.generation, segments, items);
  }
  const { categories, productCategories } = row.model as CatalogModelData;
  return new CatalogModel(row.generation, categories, productCategories);
}

/** One read's view: its state (now, generations, a customer's segments) and the models that serve it. */
export class ReadSnapshot {
  readonly now: number;
  readonly customerSegments?: ReadonlySet<string>;

  constructor(
    private readonly model: ReadModel,
    readonly tenant: string,
    readonly state: ReadStateRow,
  ) {
    this.now = state.now;
    if (state.customerSegments) this.customerSegments = new Set(state.customerSegments);
  }

  async segments(): Promise<SegmentsModel | undefined> {
    const part = await this.model.part(this.tenant, 'segments', this.state.segments);
    return part instanceof SegmentsModel ? part : undefined;
  }

  async catalog(): Promise<CatalogModel | undefined> {
    const part = await this.model.part(this.tenant, 'catalog', this.state.catalog);
    return part instanceof CatalogModel ? part : undefined;
  }

  /** The ids of the segments in `selection` at this read's now, limited to the customer's when the read has one. */
  select(segments: SegmentsModel, selection: Omit<SegmentSelection, 'customerSegments'>): string[] {
    return segments.select(this.now, { ...selection, customerSegments: this.customerSegments });
  }

  answer<T extends PreparedJson>(key: unknown[], compute: () => Promise<T>): Promise<[T, ReadSource]> {
    return this.model.answer(this, key, compute);
  }
}
