// `khaosat backup list|restore`: a lost database is refused by the other commands, the backups
// are listed newest first with their verdict, and restore brings the data back.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../electron/cli/io';
import { runCli } from '../../../electron/cli/main';
import { backupDatabase, listBackups } from '../../../electron/db/backup';
import { createCore } from '../../../electron/services';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function fakeIo(cwd: string, secret = '') {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    readSecret: async () => secret,
    env: { KHAOSAT_DATA_DIR: join(cwd, 'data') },
    cwd,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

async function lostDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-backup-cli-'));
  dirs.push(dir);
  const db = join(dir, 'khaosat.sqlite');
  const core = createCore({ dbPath: db, scryptParams: { N: 2 ** 10, r: 8, p: 1 } });
  await core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'Giám Sát', secret: '24681357' }, { session: { user: null } });
  for (let i = 0; i < 3; i++) await backupDatabase(core.db, join(dir, 'backups'), { now: () => new Date(Date.UTC(2025, 6, 1, 8, 15 * (i + 1))) });
  core.close();
  writeFileSync(db, '');
  return { dir, db };
}

describe('khaosat backup', () => {
  it('other commands refuse a lost database; list shows the backups; restore brings the data back', async () => {
    const { dir, db } = await lostDatabase();

    const add = fakeIo(dir, '13572468');
    expect(await runCli(['user', 'add', '--db', db, '--role', 'surveyor', '--code', 'DTV09', '--name', 'X'], add.io)).toBe(1);
    expect(add.err()).toMatch(/The database file is missing or empty.*restore a backup/);

    const doctor = fakeIo(dir);
    expect(await runCli(['doctor', '--db', db], doctor.io)).toBe(1);
    expect(doctor.err()).toMatch(/no database here.*khaosat backup list/);

    const list = fakeIo(dir);
    expect(await runCli(['backup', 'list', '--db', db, '--json'], list.io)).toBe(0);
    const listed = JSON.parse(list.out());
    expect(listed.database_state).toBe('empty');
    expect(listed.backups.map((b: { takenAt: string }) => b.takenAt)).toEqual([
      '2025-07-01T08:45:00.000Z',
      '2025-07-01T08:30:00.000Z',
      '2025-07-01T08:15:00.000Z',
    ]);
    expect(listed.backups.every((b: { usable: boolean }) => b.usable)).toBe(true);
    const table = fakeIo(dir);
    expect(await runCli(['backup', 'list', '--db', db], table.io)).toBe(0);
    expect(table.out()).toMatch(/khaosat-backup-2025-07-01T08-45-00-000Z-000\.sqlite\s+2025-07-01T08:45:00.000Z\s+[\d.]+ MB\s+có \/ yes/);

    const restore = fakeIo(dir);
    expect(await runCli(['backup', 'restore', '--db', db, '--json'], restore.io)).toBe(0);
    const result = JSON.parse(restore.out());
    expect(result).toMatchObject({ restored: listBackups(join(dir, 'backups')).at(-1), takenAt: '2025-07-01T08:45:00.000Z' });
    expect(readdirSync(result.keptIn)).toEqual(['khaosat.sqlite']);

    const again = fakeIo(dir, '13572468');
    expect(await runCli(['user', 'add', '--db', db, '--role', 'surveyor', '--code', 'DTV09', '--name', 'X'], again.io)).toBe(0);
    const core = createCore({ dbPath: db });
    expect(core.services.users.list().map((u) => u.code).sort()).toEqual(['DTV09', 'GS01']);
    core.close();

    const twice = fakeIo(dir);
    expect(await runCli(['backup', 'restore', '--db', db], twice.io)).toBe(1);
    expect(twice.err()).toMatch(/nothing to restore/);
  });

  it('--from a damaged file is refused and nothing changes', async () => {
    const { dir, db } = await lostDatabase();
    const bad = join(dir, 'bad.sqlite');
    writeFileSync(bad, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xab)]));
    const before = readdirSync(dir).sort();
    const t = fakeIo(dir);
    expect(await runCli(['backup', 'restore', '--db', db, '--from', bad], t.io)).toBe(1);
    expect(t.err()).toMatch(/This backup is damaged or cannot be used/);
    expect(readdirSync(dir).sort()).toEqual(before);
  });
});
