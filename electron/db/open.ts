// Opens the KhaoSat database: a read-only health check first (integrity, schema version), and
// only then a writable connection with durable pragmas and pending migrations.
import { existsSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { ServiceError } from '../../shared/contract/errors';
import { assertNotTooNew, migrate, readUserVersion, type Migration, MIGRATIONS } from './migrations';
import type { Database } from './types';

export interface OpenDatabaseOptions {
  /** Open for reading only: no pragmas that write, no migrations. */
  readonly?: boolean;
  /**
   * Path to a better-sqlite3 `.node` binary. The Electron main process passes a build made for
   * Electron's ABI (kept in its own folder by @electron/rebuild) so that `npm test` under plain
   * Node (default binary) and `npm start` under Electron can share one checkout.
   */
  nativeBinding?: string;
  busyTimeoutMs?: number;
  /** Tests only: a different migration list. */
  migrations?: readonly Migration[];
}

const DAMAGE_CODES = new Set(['SQLITE_CORRUPT', 'SQLITE_NOTADB', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_SEQUENCE', 'SQLITE_CORRUPT_VTAB']);

/** True for SQLite's "the file is damaged" errors (SQLITE_CORRUPT*, SQLITE_NOTADB). */
export function isDamageError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (DAMAGE_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

function connect(path: string, opts: OpenDatabaseOptions, readonly: boolean): Database {
  return new BetterSqlite3(path, {
    readonly,
    fileMustExist: readonly,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
}

/**
 * Runs `integrity_check` and the version check on a read-only connection, so a damaged file or
 * one from a newer KhaoSat is refused before a single byte of it is written. Returns the
 * connection (still read-only) for callers that only want to read.
 */
function preflight(path: string, opts: OpenDatabaseOptions, migrations: readonly Migration[]): Database {
  const sidecars = [`${path}-wal`, `${path}-shm`];
  const sidecarsBefore = sidecars.map((f) => existsSync(f));
  try {
    return checkReadOnly(path, opts, migrations);
  } catch (err) {
    // A read-only connection to a WAL database leaves empty -wal/-shm files behind; on refusal,
    // remove the ones this check created so the folder is left exactly as it was found.
    sidecars.forEach((f, i) => {
      if (!sidecarsBefore[i] && existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f, { force: true });
    });
    throw err;
  }
}

function checkReadOnly(path: string, opts: OpenDatabaseOptions, migrations: readonly Migration[]): Database {
  let db: Database;
  try {
    db = connect(path, opts, true);
  } catch (err) {
    if (isDamageError(err)) throw new ServiceError('database_damaged', (err as Error).message);
    throw err;
  }
  try {
    db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
    let problems: string[];
    try {
      const rows = db.pragma('integrity_check') as { integrity_check: string }[];
      problems = rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    } catch (err) {
      if (isDamageError(err)) throw new ServiceError('database_damaged', (err as Error).message);
      throw err;
    }
    if (problems.length > 0) {
      throw new ServiceError('database_damaged', problems.slice(0, 5).join('; '));
    }
    assertNotTooNew(readUserVersion(db), migrations);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function openDatabase(path: string, opts: OpenDatabaseOptions = {}): Database {
  const migrations = opts.migrations ?? MIGRATIONS;
  const inMemory = path === ':memory:' || path === '';
  const hasContent = !inMemory && existsSync(path) && statSync(path).size > 0;

  if (opts.readonly) {
    if (!hasContent) throw new ServiceError('not_found', `no database at ${path}`);
    const db = preflight(path, opts, migrations);
    db.pragma('foreign_keys = ON');
    return db;
  }

  if (hasContent) preflight(path, opts, migrations).close();

  const db = connect(path, opts, false);
  try {
    db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
    if (!inMemory) db.pragma('journal_mode = WAL');
    // FULL: in WAL mode every commit fsyncs the log, so an acknowledged answer survives power loss.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, { migrations });
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}
