import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isPoolExhausted, isTransient, pgErrorCode, pgErrorKind } from './pg-errors';

const failed = (code: string) => new QueryFailedError('SELECT 1', [], Object.assign(new Error(code), { code }));

describe('pgErrorCode', () => {
  it("reads the driver error's code first, then the error's own", () => {
    expect(pgErrorCode(failed('23505'))).toBe('23505');
    expect(pgErrorCode({ code: '08006', driverError: { code: '40P01' } })).toBe('40P01');
    expect(pgErrorCode(Object.assign(new Error('refused'), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(pgErrorCode(new Error('no code'))).toBeUndefined();
    expect(pgErrorCode(undefined)).toBeUndefined();
    expect(pgErrorCode({ code: 42 })).toBeUndefined();
  });
});

describe('pgErrorKind', () => {
  it.each([
    ['40001', 'retryable'],
    ['40P01', 'retryable'],
    ['57014', 'unavailable'],
    ['57P01', 'unavailable'],
    ['53300', 'unavailable'],
    ['55P03', 'unavailable'],
    ['08006', 'unavailable'],
    ['23505', 'unique-violation'],
    ['23503', 'foreign-key-violation'],
    ['23502', 'not-null-or-check-violation'],
    ['23514', 'not-null-or-check-violation'],
    ['22P02', 'invalid-text'],
    ['22021', 'data-exception'],
    ['22003', 'data-exception'],
    ['54000', 'program-limit'],
    ['42601', undefined],
  ])('classifies %s as %s', (code, kind) => {
    expect(pgErrorKind(failed(code))).toBe(kind);
  });

  it('takes socket codes, released connections, an exhausted pool and lost-connection messages as unavailable', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE'])
      expect(pgErrorKind(Object.assign(new Error(code), { code }))).toBe('unavailable');
    expect(pgErrorKind(new QueryRunnerProviderAlreadyReleasedError())).toBe('unavailable');
    expect(pgErrorKind(new QueryRunnerAlreadyReleasedError())).toBe('unavailable');
    expect(pgErrorKind(new Error('timeout exceeded when trying to connect'))).toBe('unavailable');
    expect(pgErrorKind(new Error('Connection terminated unexpectedly'))).toBe('unavailable');
    expect(pgErrorKind(new Error('the database system is shutting down'))).toBe('unavailable');
    expect(pgErrorKind(new Error('Client has encountered a connection error and is not queryable'))).toBe(
      'unavailable',
    );
  });

  it('knows nothing of other errors', () => {
    expect(pgErrorKind(new Error('boom'))).toBeUndefined();
    expect(pgErrorKind(Object.assign(new Error('missing'), { code: 'ENOENT' }))).toBeUndefined();
    expect(pgErrorKind('text')).toBeUndefined();
    expect(pgErrorKind(null)).toBeUndefined();
  });
});

describe('isTransient', () => {
  it('holds for the kinds that are no fault of the statement', () => {
    expect(isTransient('retryable')).toBe(true);
    expect(isTransient('unavailable')).toBe(true);
    expect(isTransient('unique-violation')).toBe(false);
    expect(isTransient(undefined)).toBe(false);
  });
});

describe('isPoolExhausted', () => {
  it("recognises pg's acquire timeout only", () => {
    expect(isPoolExhausted(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isPoolExhausted(new Error('Connection terminated'))).toBe(false);
    expect(isPoolExhausted(undefined)).toBe(false);
  });
});
