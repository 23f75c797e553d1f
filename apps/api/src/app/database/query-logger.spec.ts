import { QueryFailedError } from 'typeorm';
import { QueryLogger, statementKind, statementName } from './query-logger';

describe('QueryLogger', () => {
  const lines: unknown[] = [];
  const logger = new QueryLogger({
    log: (line: unknown) => lines.push(line),
    warn: (line: unknown) => lines.push(line),
    error: (line: unknown) => lines.push(line),
  });
  beforeEach(() => (lines.length = 0));

  it('writes a failed statement as one entry: name, fingerprint and error fields, no values', () => {
    const sql = 'INSERT INTO customer_assignment (tenant, customer_id, mixins) VALUES ($1, $2, $3)';
    const driverError = Object.assign(new Error('invalid input syntax for type json: "secret-mixin"'), {
      code: '22P02',
      severity: 'ERROR',
      routine: 'json_ereport_error',
      detail: 'Token "secret-mixin" is invalid.',
    });
    logger.logQueryError(new QueryFailedError(sql, ['t1', 'customer-42', '{secret-mixin'], driverError), sql);
    expect(lines).toEqual([
      {
        msg: 'statement failed',
        statement: expect.stringMatching(/^INSERT customer_assignment#[0-9a-f]{10}$/),
        code: '22P02',
        severity: 'ERROR',
        routine: 'json_ereport_error',
      },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/secret-mixin|customer-42|VALUES/);
  });

  it('names an error without Postgres fields by its class', () => {
    logger.logQueryError(new TypeError('boom'), 'SELECT 1');
    expect(lines).toEqual([
      { msg: 'statement failed', statement: expect.stringMatching(/^SELECT#/), error: 'TypeError' },
    ]);
  });

  it('keeps successful statements out of the log', () => {
    logger.logQuery();
    expect(lines).toEqual([]);
  });
});

describe('statementName', () => {
  it('names the table written, else the first table read, and fingerprints the text', () => {
    expect(
      statementName(
        'WITH input AS (SELECT value FROM jsonb_array_elements($1::jsonb)) INSERT INTO item_assignment SELECT * FROM input',
      ),
    ).toMatch(/^WITH item_assignment#/);
    expect(statementName('SELECT s.id FROM segment s WHERE s.tenant = $1')).toMatch(/^SELECT segment#/);
    expect(statementName('SELECT  1')).toBe(statementName('SELECT 1'));
    expect(statementName('SELECT 1')).not.toBe(statementName('SELECT 2'));
    expect(statementName('SELECT  1')).toMatch(/^SELECT#[0-9a-f]{10}$/);
  });

  it('names a row lock by the table read, not as a write', () => {
    const locking =
      'WITH c AS (SELECT * FROM event_sink_cursor WHERE tenant = $1 FOR UPDATE SKIP LOCKED) SELECT * FROM c';
    expect(statementKind(locking)).toBe('WITH event_sink_cursor');
    expect(statementKind('SELECT id FROM segment s WHERE s.tenant = $1 FOR NO KEY UPDATE OF s')).toBe('SELECT segment');
    expect(statementKind('UPDATE webhook_endpoint SET disabled = true')).toBe('UPDATE webhook_endpoint');
    expect(statementKind('\n  DELETE\n FROM outbox WHERE position < $1')).toBe('DELETE outbox');
  });
});
