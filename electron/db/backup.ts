// Online backups to a second folder while the app keeps writing (SQLite's backup API), keeping
// only the newest few so the backup folder cannot fill the disk, but never the copies of an
// earlier database: those may be all that is left of data the current file replaced.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './types';

const PREFIX = 'khaosat-backup-';
const SUFFIX = '.sqlite';
/** The backups folder's name beside the database (`<data folder>/backups`). */
export const BACKUPS_DIR = 'backups';

export interface BackupOptions {
  /** How many backups to keep (default 5). */
  keep?: number;
  now?: () => Date;
}

/** Writes a consistent copy into `dir` and prunes older copies; returns the new file's path. */
export async function backupDatabase(db: Database, dir: string, opts: BackupOptions = {}): Promise<string> {
  const keep = Math.max(1, opts.keep ?? 5);
  mkdirSync(dir, { recursive: true });
  // A sortable, filename-safe timestamp; the zero-padded counter keeps two backups in one ms apart and in order.
  const stamp = (opts.now ?? (() => new Date()))().toISOString().replace(/[:.]/g, '-');
  const existing = listBackups(dir);
  const nameFor = (n: number) => `${PREFIX}${stamp}-${String(n).padStart(3, '0')}${SUFFIX}`;
  let n = 0;
  while (existing.includes(nameFor(n))) n++;
  const name = nameFor(n);
  const target = join(dir, name);
  await db.backup(target);
  for (const old of backupsToPrune(listBackups(dir), keep, databaseCreatedAt(db))) rmSync(join(dir, old), { force: true });
  return target;
}

/**
 * Which backups rotation deletes: the oldest of this database's own copies beyond `keep`. A copy
 * taken before the live database was created belongs to an earlier database (the file was lost,
 * emptied or replaced) and is never deleted here; with no known creation time nothing older than
 * the newest `keep` is protected beyond the count.
 */
export function backupsToPrune(names: readonly string[], keep: number, createdAt: Date | null): string[] {
  const own = names.filter((n) => {
    const taken = backupTakenAt(n);
    return createdAt === null || taken === null || taken.getTime() >= createdAt.getTime();
  });
  return own.slice(0, -Math.max(1, keep));
}

/** When the live database was created: the device row written at its first open. */
export function databaseCreatedAt(db: Database): Date | null {
  try {
    const row = db.prepare('SELECT created_at FROM device').get() as { created_at?: unknown } | undefined;
    const at = typeof row?.created_at === 'string' ? new Date(row.created_at) : null;
    return at && !Number.isNaN(at.getTime()) ? at : null;
  } catch {
    return null;
  }
}

/** The time in a backup's name (`khaosat-backup-2025-07-01T08-00-00-000Z-000.sqlite`), or null. */
export function backupTakenAt(name: string): Date | null {
  const m = /^khaosat-backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-\d+\.sqlite$/.exec(name);
  if (!m) return null;
  const at = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Backup file names in `dir`, oldest first (none when the folder does not exist). */
export function listBackups(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.startsWith(PREFIX) && f.endsWith(SUFFIX))
    .sort();
}

/**
 * Backs up every `intervalMs` until the returned function is called. A failed backup is reported
 * through `onError` and does not stop the schedule (the next one may succeed, e.g. stick replugged).
 */
export function scheduleBackups(
  db: Database,
  dir: string,
  opts: BackupOptions & { intervalMs: number; onError?: (err: unknown) => void },
): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running || !db.open) return;
    running = true;
    backupDatabase(db, dir, opts)
      .catch((err: unknown) => opts.onError?.(err))
      .finally(() => {
        running = false;
      });
  }, opts.intervalMs);
  // A pending backup must never keep the process alive on quit.
  timer.unref();
  return () => clearInterval(timer);
}
