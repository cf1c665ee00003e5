// A throw-away PostgreSQL server for the analyst store's tests: Debian's `postgresql` binaries,
// `initdb` in a temp folder, `pg_ctl start` on a free loopback port (and a socket in the same
// folder), one fresh database per call of `createDatabase`, stopped and removed by `stop`. The
// server refuses to run as root, so as root it runs as the `postgres` user that the package
// creates. Where the binaries are missing the tests are skipped with the reason printed — except
// in CI (CI=true), where a missing PostgreSQL fails the run instead.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/17/bin'];

export interface PgServer {
  /** A new empty database on the server: its postgres:// URL. */
  createDatabase(name: string): Promise<string>;
  stop(): void;
}

/** The binaries folder, or why PostgreSQL cannot be used here. */
export function findPostgres(): { bin: string } | { missing: string } {
  const bin = BIN_DIRS.find((d) => existsSync(join(d, 'initdb')) && existsSync(join(d, 'pg_ctl')));
  if (!bin) return { missing: `PostgreSQL server binaries not found in ${BIN_DIRS.join(', ')} (apt-get install postgresql)` };
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) {
    return { missing: 'running as root and there is no postgres user to run the server as' };
  }
  return { bin };
}

/**
 * Whether the PostgreSQL half of a suite runs: true, or false after printing why it is skipped.
 * In CI a missing server is an error, never a skip.
 */
export function postgresAvailable(): boolean {
  const found = findPostgres();
  if ('bin' in found) return true;
  if (process.env.CI === 'true') throw new Error(`CI=true and PostgreSQL is missing: ${found.missing} (.ci/run installs it)`);
  console.warn(`[analyst store] PostgreSQL tests skipped: ${found.missing}`);
  return false;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startPostgres(): Promise<PgServer> {
  const found = findPostgres();
  if (!('bin' in found)) throw new Error(found.missing);
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-pg-'));
  const run = (tool: string, args: string[]) => {
    const cmd = join(found.bin, tool);
    // runuser keeps the argument list as is (no shell quoting) and needs no password as root.
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    return execFileSync(file, argv, { stdio: 'pipe', encoding: 'utf8', timeout: 60_000 });
  };
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // fsync off: a test cluster is thrown away, and durability is not what these tests measure.
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c max_connections=40`;
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const base = `postgres://postgres@127.0.0.1:${port}`;
  let stopped = false;
  return {
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: `${base}/postgres` });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
      return `${base}/${name}`;
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
