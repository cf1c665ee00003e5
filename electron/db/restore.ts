// Restoring a backup over a missing, empty or damaged database. The backup is verified
// (integrity_check, schema version, protective triggers) before anything is touched; the files it
// replaces are moved into `kept/<time>/`, never deleted; the copy is written to a temporary
// file, fsynced and renamed into place, so a crash leaves either the old state or the new one.
import { closeSync, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import { backupTakenAt, listBackups } from './backup';
import { backupsDirFor, KEPT_DIR } from './history';
import { MIGRATIONS, type Migration } from './migrations';
import { checkHealth, hasDatabaseContent, withReadOnlyDatabase } from './open';

export interface RestoreOptions {
  /** Default: `<database folder>/backups`. */
  backupsDir?: string;
  nativeBinding?: string;
  now?: () => Date;
  migrations?: readonly Migration[];
}

export interface BackupInfo {
  name: string;
  path: string;
  /** ISO time from the backup's name (when it was taken), or null for a file named otherwise. */
  takenAt: string | null;
  sizeBytes: number;
  usable: boolean;
  schemaVersion: number | null;
  /** Why it cannot be restored (damaged, too new, not a KhaoSat database…); null when usable. */
  problem: string | null;
}

/** At most this many backups are listed and verified (newest first). */
export const MAX_LISTED_BACKUPS = 50;

type Verdict = { ok: true; schemaVersion: number } | { ok: false; schemaVersion: number | null; problem: string };

/** Opens a backup read-only (leaving no trace) and checks it could replace the database. */
export function verifyBackup(path: string, opts: RestoreOptions = {}): Verdict {
  const migrations = opts.migrations ?? MIGRATIONS;
  if (!hasDatabaseContent(path)) return { ok: false, schemaVersion: null, problem: 'empty or not a file' };
  try {
    return withReadOnlyDatabase(path, opts, (db): Verdict => {
      const health = checkHealth(db, { ...opts, migrations });
      const v = health.schemaVersion;
      if (health.integrity[0] !== 'ok') return { ok: false, schemaVersion: v, problem: `integrity_check: ${health.integrity.slice(0, 3).join('; ')}` };
      if (v === 0) return { ok: false, schemaVersion: v, problem: 'not a KhaoSat database (schema version 0)' };
      if (v > migrations.length) return { ok: false, schemaVersion: v, problem: `written by a newer KhaoSat (schema version ${v})` };
      if (health.missingTriggers.length > 0) return { ok: false, schemaVersion: v, problem: `missing triggers: ${health.missingTriggers.join(', ')}` };
      const device = db.prepare('SELECT count(*) AS n FROM device').get() as { n: number };
      if (device.n !== 1) return { ok: false, schemaVersion: v, problem: 'no device row' };
      return { ok: true, schemaVersion: v };
    });
  } catch (err) {
    return { ok: false, schemaVersion: null, problem: (err as Error).message };
  }
}

/** The backups beside `dbPath`, newest first, each verified. */
export function describeBackups(dbPath: string, opts: RestoreOptions = {}): BackupInfo[] {
  const dir = opts.backupsDir ?? backupsDirFor(dbPath);
  return listBackups(dir)
    .reverse()
    .slice(0, MAX_LISTED_BACKUPS)
    .map((name) => {
      const path = join(dir, name);
      const verdict = verifyBackup(path, opts);
      return {
        name,
        path,
        takenAt: backupTakenAt(name)?.toISOString() ?? null,
        sizeBytes: statSync(path).size,
        usable: verdict.ok,
        schemaVersion: verdict.schemaVersion,
        problem: verdict.ok ? null : verdict.problem,
      };
    });
}

export type DatabaseState = 'missing' | 'empty' | 'healthy' | 'damaged' | 'unprotected' | 'too_new';

/** What is at `dbPath` now, read without writing. */
export function databaseState(dbPath: string, opts: RestoreOptions = {}): DatabaseState {
  if (!existsSync(dbPath)) return 'missing';
  if (!hasDatabaseContent(dbPath)) return 'empty';
  const migrations = opts.migrations ?? MIGRATIONS;
  try {
    return withReadOnlyDatabase(dbPath, opts, (db) => {
      const h = checkHealth(db, { ...opts, migrations });
      if (h.integrity[0] !== 'ok') return 'damaged';
      if (h.schemaVersion > migrations.length) return 'too_new';
      return h.missingTriggers.length > 0 ? 'unprotected' : 'healthy';
    });
  } catch {
    return 'damaged';
  }
}

export interface RestoreResult {
  restored: string;
  takenAt: string | null;
  /** Where the replaced files went; null when there was nothing to move. */
  keptIn: string | null;
}

function fsyncPath(path: string, flags: string): void {
  const fd = openSync(path, flags);
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function chooseBackup(dbPath: string, from: string | undefined, opts: RestoreOptions): { path: string; name: string } {
  const dir = opts.backupsDir ?? backupsDirFor(dbPath);
  if (from === undefined) {
    const usable = describeBackups(dbPath, opts).find((b) => b.usable);
    if (!usable) throw new ServiceError('backup_unusable', `no usable backup in ${dir}`);
    return usable;
  }
  // A bare name must be one of the listed backups (the UI sends names); a path (the CLI's
  // --from) is taken as given and verified like any other.
  const isName = basename(from) === from;
  if (isName && !listBackups(dir).includes(from)) throw new ServiceError('not_found', `no backup named ${from} in ${dir}`);
  const path = isName ? join(dir, from) : from;
  if (!existsSync(path)) throw new ServiceError('not_found', `no backup at ${path}`);
  const verdict = verifyBackup(path, opts);
  if (!verdict.ok) throw new ServiceError('backup_unusable', `${path}: ${verdict.problem}`);
  return { path, name: basename(path) };
}

/**
 * Puts a verified backup in place of a missing, empty, damaged or unprotected database. A healthy
 * database is never replaced (recovery_not_needed), nor one from a newer KhaoSat.
 */
export function restoreBackup(dbPath: string, from?: string, opts: RestoreOptions = {}): RestoreResult {
  const state = databaseState(dbPath, opts);
  if (state === 'healthy') throw new ServiceError('recovery_not_needed', `${dbPath} opens without problems`);
  if (state === 'too_new') throw new ServiceError('database_too_new', `${dbPath} was written by a newer KhaoSat`);
  const chosen = chooseBackup(dbPath, from, opts);

  const temp = `${dbPath}.restoring`;
  rmSync(temp, { force: true });
  copyFileSync(chosen.path, temp);
  fsyncPath(temp, 'r+');

  const now = (opts.now ?? (() => new Date()))();
  const remains = ['', '-wal', '-shm', '-journal'].map((s) => `${dbPath}${s}`).filter((f) => existsSync(f));
  let keptIn: string | null = null;
  if (remains.length > 0) {
    const root = join(dirname(dbPath), KEPT_DIR);
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    let n = 0;
    while (existsSync(join(root, `${stamp}-${String(n).padStart(3, '0')}`))) n++;
    keptIn = join(root, `${stamp}-${String(n).padStart(3, '0')}`);
    mkdirSync(keptIn, { recursive: true });
    for (const f of remains) renameSync(f, join(keptIn, basename(f)));
  }
  renameSync(temp, dbPath);
  // The rename is only durable once the folder's entry is on disk.
  try {
    fsyncPath(dirname(dbPath), 'r');
  } catch {
    // Some platforms (Windows) cannot open a folder for fsync; the rename is still atomic there.
  }
  return { restored: chosen.name, takenAt: backupTakenAt(chosen.name)?.toISOString() ?? null, keptIn };
}
