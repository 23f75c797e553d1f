import { statementName } from './query-logger';
import { StatementLabels } from './statement-metrics';

describe('StatementLabels', () => {
  it('names each SQL text as statementName does, for the first `max` texts, then by verb and table only', () => {
    const labels = new StatementLabels(2);
    const first = 'SELECT id FROM segment WHERE tenant = $1';
    const second = 'INSERT INTO outbox (tenant) VALUES ($1)';
    expect(labels.of(first)).toBe(statementName(first));
    expect(labels.of(second)).toBe(statementName(second));
    // Past the bound: a composed text (a filter, a criteria) gets no fingerprint, so the label set stays bounded.
    expect(labels.of('SELECT id FROM customer WHERE tenant = $1 AND email = $2')).toBe('SELECT customer');
    expect(labels.of('SELECT id FROM customer WHERE tenant = $1 AND id = $2')).toBe('SELECT customer');
    // The texts named before keep their names.
    expect(labels.of(first)).toBe(statementName(first));
  });
});
