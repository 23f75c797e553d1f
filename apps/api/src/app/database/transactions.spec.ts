import { Logger } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { toErrorBody } from '../filters/error-mapping';
import { Transactions } from './transactions';

const failure = (code: string) => new QueryFailedError('UPDATE ...', [], Object.assign(new Error(code), { code }));

function setup(outcomes: Array<Error | 'ok'>) {
  const statements: Array<{ attempt: number; sql: string }> = [];
  let attempt = 0;
  const dataSource = {
    transaction: async <T>(work: (tx: unknown) => Promise<T>): Promise<T> => {
      attempt++;
      const current = attempt;
      return work({ query: async (sql: string) => statements.push({ attempt: current, sql }) });
    },
  };
  const transactions = new Transactions(dataSource as never);
  const work = async (tx: { query(sql: string): Promise<unknown> }) => {
    await tx.query('UPDATE ...');
    const outcome = outcomes[attempt - 1] ?? 'ok';
    if (outcome !== 'ok') throw outcome;
    return attempt;
  };
  return { transactions, work, statements, attempts: () => attempt };
}

describe('Transactions.run', () => {
  let warnings: jest.SpyInstance;
  beforeEach(() => {
    jest.spyOn(Math, 'random').mockReturnValue(0);
    warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
  });
  afterEach(() => jest.restoreAllMocks());

  it('runs again after deadlocks and serialisation failures, one retry at a time (advisory lock from the second attempt on)', async () => {
    const { transactions, work, statements } = setup([failure('40P01'), failure('40001'), 'ok']);
    await expect(transactions.run(work as never)).resolves.toBe(3);
    expect(statements.filter((statement) => statement.sql.includes('pg_advisory_xact_lock')).map((statement) => statement.attempt)).toEqual([2, 3]);
    expect(warnings.mock.calls).toEqual([['Transaction attempt 1 failed with 40P01; retrying'], ['Transaction attempt 2 failed with 40001; retrying']]);
  });

  it('gives up after eight attempts with an error the filter answers as 503', async () => {
    const { transactions, work, attempts } = setup(Array.from({ length: 10 }, () => failure('40P01')));
    const error = await transactions.run(work as never).catch((thrown: unknown) => thrown);
    expect(attempts()).toBe(8);
    expect(toErrorBody(error)).toMatchObject({ code: 503 });
  });

  it('does not repeat other failures', async () => {
    const { transactions, work, attempts } = setup([failure('23505')]);
    await expect(transactions.run(work as never)).rejects.toBeInstanceOf(QueryFailedError);
    expect(attempts()).toBe(1);
  });
});
