// Opening the database: a damaged file is refused before anything is written to it; read-only
// opens never write; online backups keep the newest few.
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/contract/errors';
import { backupDatabase, listBackups, scheduleBackups } from '../../../electron/db/backup';
import { openDatabase } from '../../../electron/db/open';
import { removeTempDirs, tempDir } from './fixtures/temp';

afterEach(removeTempDirs);

function errorOf(fn: () => unknown): ServiceError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  throw new Error('expected a ServiceError, nothing was thrown');
}

/** A real database of several hundred pages, closed cleanly (no WAL left). */
function buildDatabase(path: string): void {
  const db = openDatabase(path);
  db.exec(`INSERT INTO surveys VALUES ('hids', 'HIDS', '2025-07-01T00:00:00.000Z')`);
  const insert = db.prepare(`INSERT INTO units (code, type, name_vi, name_en, survey_id) VALUES (?, 'ward', ?, ?, 'hids')`);
  db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`U${i}`, `Phường số ${i} `.repeat(10), `Ward ${i}`);
  })();
  db.close();
}

function overwritePages(path: string, firstPage: number, count: number): void {
  const pageSize = 4096;
  const fd = openSync(path, 'r+');
  const junk = Buffer.alloc(pageSize * count);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) & 0xff;
  writeSync(fd, junk, 0, junk.length, pageSize * firstPage);
  closeSync(fd);
}

describe('openDatabase', () => {
  it('a database with corrupted pages is refused as damaged and left byte-for-byte unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'damaged.sqlite');
    buildDatabase(path);
    expect(statSync(path).size).toBeGreaterThan(4096 * 40);
    overwritePages(path, 20, 6);
    const bytes = readFileSync(path);
    const files = readdirSync(dir).sort();

    const err = errorOf(() => openDatabase(path));
    expect(err.code).toBe('database_damaged');
    expect(err.message.length).toBeGreaterThan('database_damaged'.length); // carries the detail
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(files);

    // Read-only opening refuses the same way.
    expect(errorOf(() => openDatabase(path, { readonly: true })).code).toBe('database_damaged');
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('a file that is not a database at all is refused as damaged and not overwritten', () => {
    const path = join(tempDir(), 'notes.sqlite');
    const text = Buffer.from('Đây không phải cơ sở dữ liệu. '.repeat(500));
    writeFileSync(path, text);
    expect(errorOf(() => openDatabase(path)).code).toBe('database_damaged');
    expect(readFileSync(path).equals(text)).toBe(true);
  });

  it('a healthy database passes the check and opens for writing', () => {
    const path = join(tempDir(), 'ok.sqlite');
    buildDatabase(path);
    const db = openDatabase(path);
    expect(db.prepare('SELECT count(*) AS n FROM units').get()).toEqual({ n: 3000 });
    db.close();
  });

  it('a read-only open never writes and refuses writes', () => {
    const path = join(tempDir(), 'ro.sqlite');
    buildDatabase(path);
    const bytes = readFileSync(path);
    const db = openDatabase(path, { readonly: true });
    expect(db.readonly).toBe(true);
    expect(() => db.exec(`DELETE FROM quotas`)).toThrow(/readonly/);
    db.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('a read-only open of a missing file is not_found and creates nothing', () => {
    const path = join(tempDir(), 'missing.sqlite');
    expect(errorOf(() => openDatabase(path, { readonly: true })).code).toBe('not_found');
    expect(existsSync(path)).toBe(false);
  });

  it('backupDatabase writes an openable copy and keeps only the newest N', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'live.sqlite'));
    db.exec(`INSERT INTO surveys VALUES ('hids', 'HIDS', '2025-07-01T00:00:00.000Z')`);
    const backups = join(dir, 'backups');
    let t = Date.parse('2025-07-01T00:00:00.000Z');
    const paths: string[] = [];
    for (let i = 0; i < 5; i++) {
      paths.push(await backupDatabase(db, backups, { keep: 3, now: () => new Date((t += 60_000)) }));
    }
    db.close();
    expect(listBackups(backups)).toEqual(paths.slice(-3).map((p) => p.slice(backups.length + 1)));
    const copy = openDatabase(paths[4]!, { readonly: true });
    expect(copy.prepare('SELECT id FROM surveys').all()).toEqual([{ id: 'hids' }]);
    copy.close();
  });

  it('two backups in the same millisecond both survive, in order', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'live.sqlite'));
    const same = () => new Date('2025-07-01T00:00:00.000Z');
    const a = await backupDatabase(db, join(dir, 'b'), { now: same });
    const b = await backupDatabase(db, join(dir, 'b'), { now: same });
    db.close();
    expect(a).not.toBe(b);
    expect(listBackups(join(dir, 'b'))).toEqual([a, b].map((p) => p.slice(join(dir, 'b').length + 1)));
  });

  it('scheduled backups keep coming until stopped, and stop when told', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'live.sqlite'));
    const target = join(dir, 'scheduled');
    const errors: unknown[] = [];
    const stop = scheduleBackups(db, target, { intervalMs: 10, keep: 10, onError: (e) => errors.push(e) });
    while (!existsSync(target) || listBackups(target).length < 2) await new Promise((r) => setTimeout(r, 10));
    stop();
    await new Promise((r) => setTimeout(r, 50)); // let an in-flight backup finish
    const count = listBackups(target).length;
    await new Promise((r) => setTimeout(r, 50));
    expect(listBackups(target).length).toBe(count);
    expect(errors).toEqual([]);
    db.close();
  });
});
