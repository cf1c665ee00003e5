// Opens the KhaoSat database: a read-only health check first (integrity, schema version,
// protective triggers), and only then a writable connection with durable pragmas and pending
// migrations. A missing or empty file beside traces of earlier data is refused, not started fresh.
import { existsSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { ServiceError } from '../../shared/contract/errors';
import { asStorageError, isDamageError } from './errors';
import { findEarlierData } from './history';
import { assertNotTooNew, migrate, readUserVersion, type Migration, MIGRATIONS } from './migrations';
import { missingProtectiveTriggers } from './protection';
import type { Database } from './types';
import { keepWalEvidence } from './wal-evidence';

export { isDamageError } from './errors';

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
  /** Time stamp for the `-wal` evidence copy (tests pass a fake clock). */
  now?: () => Date;
}

function connect(path: string, opts: Pick<OpenDatabaseOptions, 'nativeBinding'>, readonly: boolean): Database {
  return new BetterSqlite3(path, {
    readonly,
    fileMustExist: readonly,
    ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
  });
}

/** True when `path` is a file with at least one byte (a 0-byte file holds no database). */
export function hasDatabaseContent(path: string): boolean {
  try {
    const st = statSync(path);
    return st.isFile() && st.size > 0;
  } catch {
    return false;
  }
}

/**
 * Runs `fn` on a read-only connection and closes it; the empty `-wal`/`-shm` files that opening
 * a WAL database read-only creates are removed again, so the folder is left as it was found.
 */
export function withReadOnlyDatabase<T>(path: string, opts: Pick<OpenDatabaseOptions, 'nativeBinding'>, fn: (db: Database) => T): T {
  const sidecars = [`${path}-wal`, `${path}-shm`];
  const before = sidecars.map((f) => existsSync(f));
  let db: Database | null = null;
  try {
    db = connect(path, opts, true);
    return fn(db);
  } finally {
    db?.close();
    sidecars.forEach((f, i) => {
      if (!before[i] && existsSync(f) && (f.endsWith('-shm') || statSync(f).size === 0)) rmSync(f, { force: true });
    });
  }
}

export interface HealthReport {
  integrity: string[];
  schemaVersion: number;
  missingTriggers: string[];
}

/** Integrity, schema version and protective triggers of an open connection, without writing. */
export function checkHealth(db: Database, opts: Pick<OpenDatabaseOptions, 'busyTimeoutMs' | 'nativeBinding'> & { migrations?: readonly Migration[] } = {}): HealthReport {
  const migrations = opts.migrations ?? MIGRATIONS;
  db.pragma(`busy_timeout = ${Math.trunc(opts.busyTimeoutMs ?? 5000)}`);
  let integrity: string[];
  try {
    integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (err) {
    if (isDamageError(err)) integrity = [(err as Error).message];
    else throw err;
  }
  const problems = integrity.filter((m) => m !== 'ok');
  let schemaVersion: number;
  try {
    schemaVersion = readUserVersion(db);
  } catch (err) {
    // A file too damaged to read its header is reported by the integrity result above.
    if (problems.length > 0 && isDamageError(err)) schemaVersion = 0;
    else throw err;
  }
  const tooNew = schemaVersion > migrations.length;
  return {
    integrity: problems.length > 0 ? problems : ['ok'],
    schemaVersion,
    missingTriggers: problems.length > 0 || tooNew ? [] : missingProtectiveTriggers(db, schemaVersion, migrations, opts.nativeBinding),
  };
}

/** The refusal for a health report, or nothing when the file may be opened for writing. */
function assertHealthy(report: HealthReport, migrations: readonly Migration[]): void {
  if (report.integrity[0] !== 'ok') throw new ServiceError('database_damaged', report.integrity.slice(0, 5).join('; '));
  assertNotTooNew(report.schemaVersion, migrations);
  if (report.missingTriggers.length > 0) {
    throw new ServiceError('database_unprotected', `missing or altered triggers: ${report.missingTriggers.join(', ')}`);
  }
}

/**
 * Runs the health check on a read-only connection, so a damaged file, one from a newer KhaoSat or
 * one whose protective triggers are gone is refused before a single byte of it is written.
 */
function preflight(path: string, opts: OpenDatabaseOptions, migrations: readonly Migration[]): void {
  withReadOnlyDatabase(path, opts, (db) => assertHealthy(checkHealth(db, { ...opts, migrations }), migrations));
}

function openReadOnly(path: string, opts: OpenDatabaseOptions, migrations: readonly Migration[]): Database {
  const db = connect(path, opts, true);
  try {
    const report = checkHealth(db, { ...opts, migrations });
    if (report.integrity[0] !== 'ok') throw new ServiceError('database_damaged', report.integrity.slice(0, 5).join('; '));
    assertNotTooNew(report.schemaVersion, migrations);
    db.pragma('foreign_keys = ON');
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

export function openDatabase(path: string, opts: OpenDatabaseOptions = {}): Database {
  try {
    return open(path, opts);
  } catch (err) {
    // SQLite's damaged / read-only / disk-full / I/O codes become the contract's codes.
    throw asStorageError(err);
  }
}

function open(path: string, opts: OpenDatabaseOptions): Database {
  const migrations = opts.migrations ?? MIGRATIONS;
  const inMemory = path === ':memory:' || path === '';
  const hasContent = !inMemory && hasDatabaseContent(path);

  if (opts.readonly) {
    if (!hasContent) throw new ServiceError('not_found', `no database at ${path}`);
    return openReadOnly(path, opts, migrations);
  }

  if (!inMemory) {
    // Before anything can replay (and possibly truncate) a leftover -wal, keep a copy of it.
    keepWalEvidence(path, opts.now ? { now: opts.now } : {});
    if (!hasContent) {
      const traces = findEarlierData(path);
      if (traces.length > 0) {
        throw new ServiceError('database_missing', `${path} is ${existsSync(path) ? 'empty' : 'missing'}; found ${traces.join('; ')}`);
      }
    }
  }

  if (hasContent) preflight(path, opts, migrations);

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
