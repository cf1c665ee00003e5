// Online backups to a second folder while the app keeps writing (SQLite's backup API), keeping
// only the newest few so the backup folder cannot fill the disk.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './types';

const PREFIX = 'khaosat-backup-';
const SUFFIX = '.sqlite';

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
  for (const old of listBackups(dir).slice(0, -keep)) rmSync(join(dir, old), { force: true });
  return target;
}

/** Backup file names in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
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
