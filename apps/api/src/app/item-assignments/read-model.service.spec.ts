import { Logger } from '@nestjs/common';
import { loadConfig } from '../config/config';
import { prepareJson } from '../common/revalidation';
import { Metrics } from '../metrics/metrics';
import {
  CatalogModelData,
  ModelRow,
  ReadModelRepository,
  ReadStateRow,
  SegmentsModelData,
} from './read-model.repository';
import { ReadModel } from './read-model.service';

/**
 * The tables as the repository would read them: generations that tests move, and a log of the loads. (The statements
 * themselves are covered by read-generations.db.spec.ts; this is the service's caching.)
 */
class Tables {
  segments = 'g1';
  catalog = 'g1';
  loads: string[] = [];
  failNextLoad = false;
  /** Runs just before a load answers: a commit that lands between a read's state and its load. */
  beforeLoadAnswers?: () => void | Promise<void>;

  readonly repository = {
    state: async (): Promise<ReadStateRow> => ({
      now: 0,
      segments: this.segments,
      catalog: this.catalog,
      customerSegments: null,
    }),
    loadSegments: async (): Promise<ModelRow<SegmentsModelData>> => {
      this.loads.push(`segments@${this.segments}`);
      if (this.failNextLoad) {
        this.failNextLoad = false;
        throw new Error('canceling statement due to statement timeout');
      }
      this.beforeLoadAnswers?.();
      return {
        generation: this.segments,
        rows: '1',
        model: { segments: [['s', 'main', true, null, null]], items: [] },
      };
    },
    loadCatalog: async (): Promise<ModelRow<CatalogModelData>> => {
      this.loads.push(`catalog@${this.catalog}`);
      return { generation: this.catalog, rows: '0', model: { categories: [], productCategories: [] } };
    },
  } as unknown as ReadModelRepository;
}

const setUp = (env: Record<string, string> = {}) => {
  const tables = new Tables();
  const readModel = new ReadModel(tables.repository, new Metrics({ processMetrics: false }), loadConfig(env));
  const segmentsOfARead = async (tenant = 't1') => (await readModel.open(tenant))?.segments();
  return { tables, readModel, segmentsOfARead };
};

describe('ReadModel', () => {
  it('loads a part once per generation, once for all the reads waiting for it', async () => {
    const { tables, segmentsOfARead } = setUp();
    const [first, second] = await Promise.all([segmentsOfARead(), segmentsOfARead()]);
    expect(first).toBeDefined();
    expect(second).toBe(first);
    expect(await segmentsOfARead()).toBe(first);
    expect(tables.loads).toEqual(['segments@g1']);
    tables.segments = 'g2';
    const third = await segmentsOfARead();
    expect(third).not.toBe(first);
    expect(third?.generation).toBe('g2');
    expect(tables.loads).toEqual(['segments@g1', 'segments@g2']);
  });

  it("uses a model newer than the read's state only when that read loaded it", async () => {
    const { tables, segmentsOfARead } = setUp();
    // A commit between the read's state (g1) and its load: the read still uses what it loaded (g2).
    tables.beforeLoadAnswers = () => {
      tables.segments = 'g2';
    };
    expect((await segmentsOfARead())?.generation).toBe('g2');
    tables.beforeLoadAnswers = undefined;
    // Another read at g2 takes it as it is, without a load of its own.
    expect((await segmentsOfARead())?.generation).toBe('g2');
    expect(tables.loads).toEqual(['segments@g1']);
  });

  it('serves a tenant whose load failed from the database until its generation changes', async () => {
    const { tables, segmentsOfARead } = setUp();
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    tables.failNextLoad = true;
    expect(await segmentsOfARead()).toBeUndefined();
    expect(await segmentsOfARead()).toBeUndefined();
    expect(tables.loads).toEqual(['segments@g1']);
    expect(warn.mock.calls).toEqual([[expect.stringMatching(/^Loading a read model \(segments\) failed \(canceling/)]]);
    warn.mockRestore();
    // A tenant whose data does not change is tried again 30 s later.
    const now = Date.now();
    const clock = jest.spyOn(Date, 'now').mockReturnValue(now + 30_001);
    expect(await segmentsOfARead()).toBeDefined();
    clock.mockRestore();
    tables.failNextLoad = true;
    tables.segments = 'g2';
    expect(await segmentsOfARead()).toBeUndefined();
    expect(await segmentsOfARead()).toBeUndefined();
    tables.segments = 'g3';
    expect(await segmentsOfARead()).toBeDefined();
    expect(tables.loads).toEqual(['segments@g1', 'segments@g1', 'segments@g2', 'segments@g3']);
  });

  it('serves reads from the statements while two loads of other parts run', async () => {
    const { tables, segmentsOfARead } = setUp();
    let release = () => undefined as void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    tables.beforeLoadAnswers = () => gate;
    const slow = [segmentsOfARead('t1'), segmentsOfARead('t2')];
    expect(await segmentsOfARead('t3')).toBeUndefined();
    release();
    expect(await Promise.all(slow)).toEqual([expect.anything(), expect.anything()]);
    expect(await segmentsOfARead('t3')).toBeDefined();
  });

  it('caches an answer under both generations, and only when they held while it was computed', async () => {
    const { tables, readModel } = setUp();
    let computed = 0;
    const answer = async (key: string, during?: () => void) => {
      const snapshot = await readModel.open('t1');
      const [, source] =
        (await snapshot?.answer([key], async () => {
          during?.();
          return prepareJson({ computed: ++computed });
        })) ?? [];
      return source;
    };
    expect(await answer('trees')).toBe('database');
    expect(await answer('trees')).toBe('answer');
    tables.catalog = 'g2';
    expect(await answer('trees')).toBe('database');
    // A commit while the answer is computed: answered, but not kept under the generations it started from.
    expect(await answer('items', () => (tables.segments = 'g3'))).toBe('database');
    tables.segments = 'g1';
    expect(await answer('items')).toBe('database');
    expect(await answer('items')).toBe('answer');
    expect(computed).toBe(4);
  });

  it('does nothing with READ_MODEL_ENABLED=false', async () => {
    const { tables, segmentsOfARead } = setUp({ READ_MODEL_ENABLED: 'false' });
    expect(await segmentsOfARead()).toBeUndefined();
    expect(tables.loads).toEqual([]);
  });

  it('keeps answers within a quarter of READ_MODEL_MAX_MB, least recently used first out, apart from the models', async () => {
    const { tables, readModel, segmentsOfARead } = setUp({ READ_MODEL_MAX_MB: '4' });
    const model = await segmentsOfARead();
    const bytes = Buffer.alloc(400 * 1024, 'x').toString();
    const answer = async (key: string) => {
      const snapshot = await readModel.open('t1');
      return (await snapshot?.answer([key], async () => prepareJson(bytes)))?.[1];
    };
    await answer('a');
    await answer('b');
    expect(await answer('a')).toBe('answer');
    await answer('c'); // evicts b, the least recently used
    expect(await answer('a')).toBe('answer');
    expect(await answer('b')).toBe('database');
    for (const key of ['d', 'e', 'f', 'g']) await answer(key);
    expect(await segmentsOfARead()).toBe(model);
    expect(tables.loads).toEqual(['segments@g1']);
  });
});
