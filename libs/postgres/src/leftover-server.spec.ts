import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearLeftoverServer } from './leftover-server';

describe('a postmaster.pid left in the data folder', () => {
  let databaseDir: string;
  let notices: string[];
  const pidFile = () => join(databaseDir, 'postmaster.pid');
  const clear = () => clearLeftoverServer(databaseDir, (line) => notices.push(line));

  beforeEach(() => {
    databaseDir = mkdtempSync(join(tmpdir(), 'cs-leftover-'));
    notices = [];
  });
  afterEach(() => rmSync(databaseDir, { recursive: true, force: true }));

  it('is not there: nothing to do', async () => {
    await clear();
    expect(notices).toEqual([]);
  });

  it('names an ended process: kept for Postgres, which replaces it and recovers', async () => {
    const ended = spawn('true');
    await once(ended, 'exit');
    writeFileSync(pidFile(), `${ended.pid}\n${databaseDir}\n`);
    await clear();
    expect(notices).toEqual([
      `The previous Postgres server on this data folder (PID ${ended.pid}) did not shut down cleanly; Postgres recovers from its write-ahead log`,
    ]);
    expect(existsSync(pidFile())).toBe(true);
  });

  it('names a live process that is no Postgres server of the folder: removed', async () => {
    writeFileSync(pidFile(), `${process.pid}\n${databaseDir}\n`);
    await clear();
    expect(notices).toEqual([
      `Removed the postmaster.pid of a previous Postgres server on this data folder: its PID ${process.pid} is no running server of the folder now`,
    ]);
    expect(existsSync(pidFile())).toBe(false);
  });

  it('names a server of the folder whose parent still runs: refused, the server is left alone', async () => {
    // Looks like a postmaster on /proc: argv[0] `postgres`, `-D <folder>`; `; true` keeps sh from exec-ing sleep.
    const server = spawn('sh', ['-c', 'sleep 30; true', '-D', databaseDir], { argv0: 'postgres', stdio: 'ignore' });
    try {
      writeFileSync(pidFile(), `${server.pid}\n${databaseDir}\n`);
      await expect(clear()).rejects.toThrow(
        `The data folder ${databaseDir} is in use by the Postgres server (PID ${server.pid}) of the running process ${process.pid}`,
      );
      expect(server.exitCode).toBeNull();
      expect(existsSync(pidFile())).toBe(true);
    } finally {
      server.kill('SIGKILL');
    }
  });
});
