// Traces of an earlier database in the data folder. A missing or empty khaosat.sqlite beside
// backups, a leftover -wal or set-aside files is not a first run but lost data: opening it fresh
// would show first-run setup and let backup rotation delete the good copies.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { BACKUPS_DIR, listBackups } from './backup';
import { walEvidenceFolders } from './wal-evidence';

/** Where a restore moves the damaged, empty or leftover files it replaces (never deleted). */
export const KEPT_DIR = 'kept';

/** The backups folder the app and the CLI use for a database file: `<its folder>/backups`. */
export function backupsDirFor(dbPath: string): string {
  return join(dirname(dbPath), BACKUPS_DIR);
}

function nonEmptyDir(path: string): boolean {
  try {
    return statSync(path).isDirectory() && readdirSync(path).length > 0;
  } catch {
    return false;
  }
}

/** What in the data folder shows that a database lived at `dbPath` before; empty on a first run. */
export function findEarlierData(dbPath: string): string[] {
  const traces: string[] = [];
  const backups = backupsDirFor(dbPath);
  const count = existsSync(backups) ? listBackups(backups).length : 0;
  if (count > 0) traces.push(`${count} backup(s) in ${backups}`);
  for (const suffix of ['-wal', '-journal']) {
    const side = `${dbPath}${suffix}`;
    if (existsSync(side) && statSync(side).size > 0) traces.push(`${basename(side)} (${statSync(side).size} bytes)`);
  }
  const evidence = walEvidenceFolders(dbPath).length;
  if (evidence > 0) traces.push(`${evidence} -wal copies in ${join(dirname(dbPath), 'wal-evidence')}`);
  const kept = join(dirname(dbPath), KEPT_DIR);
  if (nonEmptyDir(kept)) traces.push(`files set aside in ${kept}`);
  return traces;
}
