// A `-wal` file left beside the database (the app was killed, the laptop lost power) is evidence:
// the first writable open replays it into the main file and SQLite may silently drop a damaged
// tail. Before that open, a copy goes to `wal-evidence/<time>/` with the main file's size and
// modification time, so a lost answer can still be investigated. Only the newest few are kept.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const WAL_EVIDENCE_DIR = 'wal-evidence';
export const WAL_EVIDENCE_KEPT = 5;

export interface WalEvidenceInfo {
  database: string;
  database_size: number | null;
  database_mtime: string | null;
  wal_size: number;
  wal_mtime: string;
  copied_at: string;
}

/** Folder names are `<ISO time, filename-safe>-<counter>-<database file name>`, so they sort by time. */
function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

/**
 * Copies `<db>-wal` aside when it exists; returns the evidence folder, or null when there was no
 * `-wal`. Keeps the newest `keep` folders for this database file name.
 */
export function keepWalEvidence(dbPath: string, opts: { now?: () => Date; keep?: number } = {}): string | null {
  const wal = `${dbPath}-wal`;
  if (!existsSync(wal)) return null;
  const now = (opts.now ?? (() => new Date()))();
  const name = basename(dbPath);
  const root = join(dirname(dbPath), WAL_EVIDENCE_DIR);
  // The zero-padded counter keeps two copies in one millisecond apart and in order.
  const folderFor = (n: number) => join(root, `${stampOf(now)}-${String(n).padStart(3, '0')}-${name}`);
  let n = 0;
  while (existsSync(folderFor(n))) n++;
  const folder = folderFor(n);
  mkdirSync(folder, { recursive: true });
  const walStat = statSync(wal);
  copyFileSync(wal, join(folder, `${name}-wal`));
  const main = existsSync(dbPath) ? statSync(dbPath) : null;
  const info: WalEvidenceInfo = {
    database: dbPath,
    database_size: main?.size ?? null,
    database_mtime: main?.mtime.toISOString() ?? null,
    wal_size: walStat.size,
    wal_mtime: walStat.mtime.toISOString(),
    copied_at: now.toISOString(),
  };
  writeFileSync(join(folder, 'info.json'), `${JSON.stringify(info, null, 2)}\n`);
  const keep = Math.max(1, opts.keep ?? WAL_EVIDENCE_KEPT);
  for (const old of walEvidenceFolders(dbPath).slice(0, -keep)) rmSync(join(root, old), { recursive: true, force: true });
  return folder;
}

/** Evidence folder names for this database file, oldest first. */
export function walEvidenceFolders(dbPath: string): string[] {
  const root = join(dirname(dbPath), WAL_EVIDENCE_DIR);
  if (!existsSync(root)) return [];
  const name = basename(dbPath);
  return readdirSync(root)
    .filter((f) => f.endsWith(`-${name}`) && /^\d{4}-\d{2}-\d{2}T/.test(f))
    .sort();
}
