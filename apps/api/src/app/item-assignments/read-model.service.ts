import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import { AppConfig } from '../config/config';
import { PreparedJson } from '../common/revalidation';
import { describeFailure } from '../database/pg-errors';
import { Metrics } from '../metrics/metrics';
import { CustomerView } from '../segments/segment-visibility';
import { CatalogModel, SegmentSelection, SegmentsModel } from './read-model';
import { ModelRow, ReadModelRepository, ReadPart, ReadStateRow } from './read-model.repository';

/** Estimated heap per model row (measured loosely; a bound, not a count). Answers count their bytes and key. */
const BYTES_PER_ROW = 200;

/** What the storefront reads are served from, as counted by `customer_segments_read_model_reads_total`. */
export type ReadSource = 'model' | 'answer' | 'database';

/** A cached part: its model, or only its generation when it was too large for the bound. */
type PartEntry = SegmentsModel | CatalogModel | { generation: string };

interface CacheEntry {
  value: unknown;
  bytes: number;
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
 * Models and answers share one bound (`READ_MODEL_MAX_MB`, estimated), least recently used first out; a tenant
 * whose part alone would not fit is served by the plain statements, as is one whose load failed (a statement timeout,
 * a lost connection), until its generation changes. Nothing is kept across restarts.
 */
@Injectable()
export class ReadModel {
  private readonly logger = new Logger(ReadModel.name);
  private readonly enabled: boolean;
  private readonly maxBytes: number;
  private readonly cache = new Map<string, CacheEntry>();
  private cachedBytes = 0;
  private readonly loading = new Map<string, Promise<PartEntry>>();

  constructor(
    private readonly repository: ReadModelRepository,
    private readonly metrics: Metrics,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.enabled = config.readModel.enabled;
    this.maxBytes = config.readModel.maxBytes;
  }

  /** The state a read of `tenant` starts from; undefined when the read model is off. */
  async open(tenant: string, customer?: CustomerView): Promise<ReadSnapshot | undefined> {
    if (!this.enabled) return undefined;
    return new ReadSnapshot(this, tenant, await this.repository.state(tenant, customer));
  }

  /** Counts how a read was served. */
  served(read: 'match' | 'trees' | 'items', source: ReadSource): void {
    this.metrics.readModelReads.inc({ read, source });
  }

  /** The part at `generation`, or one loaded after the call; undefined when it exceeds the bound. */
  async part(tenant: string, part: ReadPart, generation: string): Promise<SegmentsModel | CatalogModel | undefined> {
    const key = `${part}\0${tenant}`;
    let entry = this.touch(key) as PartEntry | undefined;
    if (entry?.generation !== generation) {
      // A load in flight may already be at this generation; if not, load again (after this read's state).
      const inFlight = this.loading.get(key);
      entry = inFlight && (await inFlight);
      if (entry?.generation !== generation) entry = await this.load(tenant, part, key, generation);
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
    const fullKey = JSON.stringify([snapshot.tenant, snapshot.state.segments, snapshot.state.catalog, ...key]);
    const cached = this.touch(fullKey);
    if (cached !== undefined) return [cached as T, 'answer'];
    const value = await compute();
    const after = await this.repository.state(snapshot.tenant);
    if (after.segments === snapshot.state.segments && after.catalog === snapshot.state.catalog)
      this.store(fullKey, value, value.body.length + fullKey.length * 2);
    return [value, 'database'];
  }

  private load(tenant: string, part: ReadPart, key: string, generation: string): Promise<PartEntry> {
    const maxRows = Math.floor(this.maxBytes / BYTES_PER_ROW);
    const rows =
      part === 'segments'
        ? this.repository.loadSegments(tenant, maxRows)
        : this.repository.loadCatalog(tenant, maxRows);
    const load = rows
      .then((row): PartEntry => {
        // Too large: remembered at its generation, so that the reads go to the database without trying again.
        const entry = row.model ? toModel(part, row) : { generation: row.generation };
        this.store(key, entry, row.model ? Number(row.rows) * BYTES_PER_ROW : BYTES_PER_ROW);
        return entry;
      })
      .catch((error: unknown): PartEntry => {
        this.logger.warn(
          `Loading a read model (${part}) failed (${describeFailure(error)}); its tenant's reads use the statements until its data changes`,
        );
        const entry = { generation };
        this.store(key, entry, BYTES_PER_ROW);
        return entry;
      })
      .finally(() => {
        if (this.loading.get(key) === load) this.loading.delete(key);
      });
    this.loading.set(key, load);
    return load;
  }

  /** The entry under `key`, now the most recently used; undefined when absent. */
  private touch(key: string): unknown {
    const entry = this.cache.get(key);
    if (!entry) return undefined;
    this.cache.delete(key);
    this.cache.set(key, entry);
    return entry.value;
  }

  private store(key: string, value: unknown, bytes: number): void {
    const previous = this.cache.get(key);
    if (previous) {
      this.cache.delete(key);
      this.cachedBytes -= previous.bytes;
    }
    if (bytes > this.maxBytes) return;
    this.cache.set(key, { value, bytes });
    this.cachedBytes += bytes;
    for (const [oldest, entry] of this.cache) {
      if (this.cachedBytes <= this.maxBytes) break;
      this.cache.delete(oldest);
      this.cachedBytes -= entry.bytes;
    }
  }
}

function toModel(part: ReadPart, row: ModelRow<unknown>): SegmentsModel | CatalogModel {
  if (part === 'segments') {
    const { segments, items } = row.model as { segments: never[]; items: never[] };
    return new SegmentsModel(row.generation, segments, items);
  }
  const { categories, productCategories } = row.model as { categories: never[]; productCategories: never[] };
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
