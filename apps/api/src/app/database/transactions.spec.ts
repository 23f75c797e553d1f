import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { toErrorBody } from '../filters/error-mapping';
import { BadRequestError } from '../errors/domain-errors';
import { Metrics } from '../metrics/metrics';
import { compareLockKeys, lockOrder } from './lock-order';
import { bulkLockKey, Transactions } from './transactions';

const failure = (code: string) => new QueryFailedError('UPDATE ...', [], Object.assign(new Error(code), { code }));

function setup(outcomes: Array<Error | 'ok'>) {
  const statements: Array<{ attempt: number; sql: string }> = [];
  let attempt = 0;
  // Each query runner is one attempt: its statements are recorded under that attempt's number.
  const dataSource = {
    createQueryRunner: () => {
      const current = ++attempt;
      const query = async (sql: string) => statements.push({ attempt: current, sql });
      return { query, manager: { query }, release: async () => undefined };
    },
  };
  const metrics = new Metrics({ processMetrics: false });
  const transactions = new Transactions(
    dataSource as never,
    { db: { statementTimeoutMs: 10_000 } } as never,
    toErrorBody,
    metrics,
  );
  const work = async (tx: { query(sql: string): Promise<unknown> }) => {
    await tx.query('UPDATE ...');
    const outcome = outcomes[attempt - 1] ?? 'ok';
    if (outcome !== 'ok') throw outcome;
    return attempt;
  };
  const retries = async () =>
    Object.fromEntries(
      (await metrics.transactionRetries.get()).values.map((sample) => [sample.labels.code, sample.value]),
    );
  return { transactions, work, statements, attempts: () => attempt, retries };
}

describe('Transactions.run', () => {
  let warnings: jest.SpyInstance;
  beforeEach(() => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
  });
  afterEach(() => jest.restoreAllMocks());

  it('runs again after deadlocks and serialisation failures, one retry at a time (advisory lock from the second attempt on)', async () => {
    const { transactions, work, statements, retries } = setup([
      failure('40P01'),
      failure('40001'),
      failure('40P01'),
      'ok',
    ]);
    await expect(transactions.run(work as never)).resolves.toBe(4);
    expect(await retries()).toEqual({ '40P01': 2, '40001': 1 });
    expect(
      statements
        .filter((statement) => statement.sql.includes('pg_advisory_xact_lock'))
        .map((statement) => statement.attempt),
    ).toEqual([2, 3, 4]);
    expect(warnings.mock.calls).toEqual([
      ['Transaction attempt 1 failed with 40P01; retrying'],
      ['Transaction attempt 2 failed with 40001; retrying'],
      ['Transaction attempt 3 failed with 40P01; retrying'],
    ]);
  });

  it('starts each transaction with its statement timeout in the same round trip, and commits', async () => {
    const { transactions, work, statements } = setup(['ok']);
    await transactions.run(work as never);
    expect(statements.map((statement) => statement.sql)).toEqual([
      'BEGIN; SET LOCAL statement_timeout = 10000',
      'UPDATE ...',
      'COMMIT',
    ]);
  });

  it('gives up after eight attempts with an error the filter answers as 503', async () => {
    const { transactions, work, attempts } = setup(Array.from({ length: 10 }, () => failure('40P01')));
    const error = await transactions.run(work as never).catch((thrown: unknown) => thrown);
    expect(attempts()).toBe(8);
    expect(toErrorBody(error)).toMatchObject({ code: 503 });
  });

  it('does not repeat other failures', async () => {
    const { transactions, work, attempts, retries } = setup([failure('23505')]);
    await expect(transactions.run(work as never)).rejects.toBeInstanceOf(QueryFailedError);
    expect(attempts()).toBe(1);
    expect(await retries()).toEqual({});
  });
});

describe('Transactions.bulk', () => {
  it('applies the items in lock order (stable: a repeated key keeps its request order) and answers in request order', async () => {
    const { transactions } = setup([]);
    const applied: number[] = [];
    const items = ['b', 'a', { not: 'an id' }, 'b', 'c', 'a'];
    const results = await transactions.bulk(items, bulkLockKey.itself, async (_tx, item, index) => {
      applied.push(index);
      if (typeof item !== 'string') throw new BadRequestError('not an id');
      return { code: 204, id: item };
    });
    expect(applied).toEqual([2, 1, 5, 0, 3, 4]);
    expect(results.map((result) => [result.index, result.code, result.id])).toEqual([
      [0, 204, 'b'],
      [1, 204, 'a'],
      [2, 400, undefined],
      [3, 204, 'b'],
      [4, 204, 'c'],
      [5, 204, 'a'],
    ]);
  });

  it('orders object items by their key fields, an absent optional part counting as the empty text', () => {
    const key = bulkLockKey.fields('customerId', 'legalEntityId');
    expect([{ customerId: 'c1', legalEntityId: 'le' }, { customerId: 'c1' }, { customerId: 7 }, 'c0'].map(key)).toEqual(
      [['c1', 'le'], ['c1', ''], undefined, undefined],
    );
  });
});

describe('lock order', () => {
  it('compares texts by code point, like COLLATE "C" on UTF-8 text (a character above U+FFFF after U+FFFD)', () => {
    const texts = ['\u{1F600}', '\uFFFD', 'b', 'B', 'a', 'aa', ''];
    expect(lockOrder(texts, (text) => [text]).map((index) => texts[index])).toEqual([
      '',
      'B',
      'a',
      'aa',
      'b',
      '\uFFFD',
      '\u{1F600}',
    ]);
    expect(compareLockKeys(['a', 'b'], ['a', 'c'])).toBeLessThan(0);
  });
});
