// A leftover -wal is evidence: before the first writable open replays it, a copy goes to
// wal-evidence/<time>/ with the main file's size and time, and only the newest few are kept.
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { keepWalEvidence, WAL_EVIDENCE_DIR, walEvidenceFolders, type WalEvidenceInfo } from '../../../electron/db/wal-evidence';
import { removeTempDirs, tempDir } from './fixtures/temp';

afterEach(removeTempDirs);

/** A database file and its -wal as a crash leaves them (the writer never closed). */
function crashImage(dir: string): string {
  const live = join(dir, 'live.sqlite');
  openDatabase(live).close();
  const writer = new BetterSqlite3(live);
  writer.pragma('wal_autocheckpoint = 0');
  writer.exec(`INSERT INTO surveys VALUES ('hids', 'HIDS', '2025-07-01T00:00:00.000Z')`);
  const path = join(dir, 'khaosat.sqlite');
  copyFileSync(live, path);
  copyFileSync(`${live}-wal`, `${path}-wal`);
  writer.close();
  return path;
}

describe('-wal evidence', () => {
  it('the first writable open copies a leftover -wal aside, with the main file size and time', () => {
    const dir = tempDir();
    const path = crashImage(dir);
    const wal = readFileSync(`${path}-wal`);
    expect(wal.length).toBeGreaterThan(0);
    const main = statSync(path);

    const db = openDatabase(path, { now: () => new Date('2025-07-02T03:04:05.678Z') });
    // The data in the -wal was replayed…
    expect(db.prepare('SELECT id FROM surveys').all()).toEqual([{ id: 'hids' }]);
    db.close();

    // …and the copy taken before is the -wal as it was found.
    const folders = walEvidenceFolders(path);
    expect(folders).toEqual(['2025-07-02T03-04-05-678Z-000-khaosat.sqlite']);
    const folder = join(dir, WAL_EVIDENCE_DIR, folders[0]!);
    expect(readFileSync(join(folder, 'khaosat.sqlite-wal')).equals(wal)).toBe(true);
    const info = JSON.parse(readFileSync(join(folder, 'info.json'), 'utf8')) as WalEvidenceInfo;
    expect(info).toMatchObject({
      database: path,
      database_size: main.size,
      database_mtime: main.mtime.toISOString(),
      wal_size: wal.length,
      copied_at: '2025-07-02T03:04:05.678Z',
    });
  });

  it('no -wal, no copy; a read-only open never makes one', () => {
    const dir = tempDir();
    const path = join(dir, 'k.sqlite');
    openDatabase(path).close();
    openDatabase(path).close();
    expect(existsSync(join(dir, WAL_EVIDENCE_DIR))).toBe(false);
    const crashed = crashImage(tempDir());
    openDatabase(crashed, { readonly: true }).close();
    expect(walEvidenceFolders(crashed)).toEqual([]);
  });

  it('keeps the newest five copies', () => {
    const dir = tempDir();
    const path = join(dir, 'k.sqlite');
    writeFileSync(path, 'x');
    writeFileSync(`${path}-wal`, 'y');
    const made: string[] = [];
    for (let i = 0; i < 8; i++) made.push(keepWalEvidence(path, { now: () => new Date(Date.UTC(2025, 6, 1, 0, i)) })!);
    expect(readdirSync(join(dir, WAL_EVIDENCE_DIR)).sort()).toEqual(made.slice(-5).map((f) => basename(f)).sort());
  });
});
