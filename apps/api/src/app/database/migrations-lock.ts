import { Client } from 'pg';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { dataSourceOptions } from './data-source';

/**
 * The session advisory lock (one-key form) held while migrations are applied, so that processes starting
 * together on one database apply them once: the first takes it, the others wait, then find nothing pending.
 * Apart from the service's other advisory locks: the retry lock 7_300_417_001 (transactions.ts), the
 * two-key classes 7_301/7_302 (memberships.ts) and the hashed names of the per-tenant and worker locks.
 */
export const MIGRATIONS_LOCK_KEY = 7_300_417_000;

export interface ApplyMigrationsOptions {
  /** TypeORM's logger for the migrations (undefined: TypeORM's own, silent). */
  logger: TypeOrmLogger | undefined;
  /** Called once when another process holds the lock, before waiting for it. */
  onWait?: () => void;
}

/**
 * Applies the pending migrations (each in its own transaction, with the write statement timeout) while
 * holding `MIGRATIONS_LOCK_KEY` on a connection of its own; returns the names of those it applied. The
 * lock is a session lock, so a process that dies while holding it releases it with its connection.
 */
export async function applyMigrations(
  db: Parameters<typeof dataSourceOptions>[0],
  options: ApplyMigrationsOptions,
): Promise<string[]> {
  const lock = new Client({ connectionString: db.url, application_name: 'customer-segments migrations lock' });
  // A connection that breaks while the lock is held gives it up early; each migration still commits or rolls
  // back whole (one transaction each), so the worst case is a concurrent start that fails and is restarted.
  // The listener keeps such a break from crashing the process.
  lock.on('error', () => undefined);
  await lock.connect();
  try {
    const { rows } = await lock.query<{ taken: boolean }>('SELECT pg_try_advisory_lock($1) AS taken', [
      MIGRATIONS_LOCK_KEY,
    ]);
    if (!rows[0].taken) {
      options.onWait?.();
      await lock.query('SELECT pg_advisory_lock($1)', [MIGRATIONS_LOCK_KEY]);
    }
    const dataSource = new DataSource({
      ...dataSourceOptions({ ...db, runMigrations: false }, []),
      logger: options.logger,
      logging: false,
    });
    await dataSource.initialize();
    try {
      return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Ending the session releases the lock.
    await lock.end().catch(() => undefined);
  }
}
