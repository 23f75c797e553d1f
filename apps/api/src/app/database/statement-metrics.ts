import { DataSource, EntitySubscriberInterface } from 'typeorm';
import { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { AfterQueryEvent } from 'typeorm/subscriber/event/QueryEvent';
import { Metrics } from '../metrics/metrics';
import { statementKind, statementName } from './query-logger';
import { ReplicatedDataSource } from './read-replicas';

/**
 * SQL texts that get a name of their own in the statement histogram. The service's statements are fixed texts (a few
 * hundred), but list filters and the criteria of automatic segments compose texts of their own; past this many the
 * rest are labelled by verb and table only (`SELECT customer`), so the series stay bounded.
 */
export const NAMED_STATEMENTS = 500;

/** The histogram label of each SQL text: `statementName`, computed once per text, for the first `max` texts. */
export class StatementLabels {
  private readonly names = new Map<string, string>();

  constructor(private readonly max = NAMED_STATEMENTS) {}

  of(sql: string): string {
    const known = this.names.get(sql);
    if (known !== undefined) return known;
    if (this.names.size >= this.max) return statementKind(sql);
    const name = statementName(sql);
    this.names.set(sql, name);
    return name;
  }
}

/**
 * Reports a data source's pool as `pool` (connections, idle, in use, waiting; read at scrape time), and its read
 * replicas' as `replica-<n>`, and times its statements: TypeORM's `afterQuery` event carries every successful
 * statement's duration (in whole milliseconds); the replicas time the reads they serve themselves.
 */
export function watchDataSource(metrics: Metrics, pool: string, dataSource: DataSource, labels: StatementLabels): void {
  const time = (sql: string, ms: number) => metrics.statementDuration.observe({ statement: labels.of(sql) }, ms / 1000);
  metrics.watchPool(pool, () => (dataSource.isInitialized ? (dataSource.driver as PostgresDriver).master : undefined));
  const timer: EntitySubscriberInterface = {
    afterQuery: (event: AfterQueryEvent<unknown>) => {
      if (event.success && event.executionTime !== undefined) time(event.query, event.executionTime);
    },
  };
  dataSource.subscribers.push(timer);
  if (dataSource instanceof ReplicatedDataSource) dataSource.replicas.watch(metrics, time);
}
