// The `khaosat` command: help, version, usage errors, `user add` (PIN from stdin), `doctor`.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { createCore } from '../../../electron/services';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;

function fakeIo(secret = '', cwd = dir) {
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

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'khaosat-cli-'));
  if (!existsSync(join(ROOT, 'dist/electron/cli.cjs'))) execFileSync('node', ['scripts/build-node.mjs'], { cwd: ROOT });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('khaosat CLI', () => {
  it('--help lists every subcommand with its usage', async () => {
    const t = fakeIo();
    expect(await runCli(['--help'], t.io)).toBe(0);
    expect(t.out()).toContain('khaosat user add --db FILE --role surveyor|supervisor|analyst --code C --name N');
    expect(t.out()).toContain('khaosat doctor [--db FILE] [--json]');
    // Each usage on its own line, summary below: no line padded out to the longest usage.
    expect(t.out().split('\n').filter((l) => / $/.test(l))).toEqual([]);
  });

  it('an unknown command or option is a usage error with exit code 2 and one line', async () => {
    const t = fakeIo();
    expect(await runCli(['frobnicate'], t.io)).toBe(2);
    expect(t.err().trim().split('\n')).toHaveLength(1);
    const u = fakeIo();
    expect(await runCli(['doctor', '--bogus'], u.io)).toBe(2);
    expect(u.err()).toMatch(/bogus/);
  });

  it('user add reads the PIN from stdin, stores only a hash, and the user can sign in', async () => {
    const db = join(dir, 'users.sqlite');
    expect(await runCli(['user', 'add', '--db', db, '--role', 'supervisor', '--code', 'GS07', '--name', 'Giám sát'], fakeIo('48213957').io)).toBe(0);
    const t = fakeIo('4320');
    expect(await runCli(['user', 'add', '--db', db, '--role', 'surveyor', '--code', 'DTV07', '--name', 'Trần Thị Bảy', '--json'], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ code: 'DTV07', name: 'Trần Thị Bảy', role: 'surveyor', active: true });
    const core = createCore({ dbPath: db });
    try {
      const session = { user: null };
      const user = await core.handlers['session:signIn']({ code: 'DTV07', secret: '4320' }, { session });
      expect(user.code).toBe('DTV07');
      const raw = JSON.stringify(core.db.prepare('select * from users').all());
      expect(raw).not.toContain('4320');
    } finally {
      core.close();
    }
  });

  it('user add refuses a bad role, a missing PIN and a duplicate code with clear reasons', async () => {
    const db = join(dir, 'dupes.sqlite');
    const bad = fakeIo('1239');
    expect(await runCli(['user', 'add', '--db', db, '--role', 'admin', '--code', 'X1', '--name', 'X'], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/--role/);
    const empty = fakeIo('');
    expect(await runCli(['user', 'add', '--db', db, '--role', 'surveyor', '--code', 'X1', '--name', 'X'], empty.io)).toBe(1);
    expect(empty.err()).toMatch(/standard input/);
    const long = fakeIo('x'.repeat(129));
    expect(await runCli(['user', 'add', '--db', db, '--role', 'surveyor', '--code', 'X1', '--name', 'X'], long.io)).toBe(1);
    expect(long.err()).toMatch(/too long/);
    expect(long.err()).not.toMatch(/standard input/);
    expect(await runCli(['user', 'add', '--db', db, '--role', 'supervisor', '--code', 'GS1', '--name', 'G'], fakeIo('48213957').io)).toBe(0);
    expect(await runCli(['user', 'add', '--db', db, '--role', 'surveyor', '--code', 'X1', '--name', 'X'], fakeIo('1239').io)).toBe(0);
    const dup = fakeIo('1239');
    expect(await runCli(['user', 'add', '--db', db, '--role', 'surveyor', '--code', 'X1', '--name', 'Y'], dup.io)).toBe(1);
    expect(dup.err()).toMatch(/already exists/);
  });

  it('the built `khaosat doctor --json` on a healthy database lists its checks, all ok, and changes nothing', () => {
    const db = join(dir, 'healthy.sqlite');
    createCore({ dbPath: db }).close();
    const bytes = readFileSync(db);
    const files = readdirSync(dir).sort();
    const run = spawnSync('node', [join(ROOT, 'bin/khaosat.cjs'), 'doctor', '--db', db, '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ ok: true, journal_mode: 'wal', integrity: 'ok', missing_triggers: [] });
    expect(report.schema_version).toBe(report.code_schema_version);
    expect(report.checks.map((c: { name: string }) => c.name)).toEqual([
      'integrity_check',
      'schema_version',
      'triggers',
      'foreign_key_check',
      'journal_mode',
      'backups',
    ]);
    expect(readFileSync(db).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(files);
  });

  it.each([
    ['a path that does not exist', (p: string) => p],
    ['an empty file', (p: string) => (writeFileSync(p, ''), p)],
  ])('doctor on %s says "no database here", exits 1, and leaves no file behind', async (_what, make) => {
    const sub = mkdtempSync(join(dir, 'typo-'));
    const db = make(join(sub, 'typo.sqlite'));
    const before = readdirSync(sub).sort();
    const table = fakeIo();
    expect(await runCli(['doctor', '--db', db], table.io)).toBe(1);
    expect(table.err()).toMatch(/Không có cơ sở dữ liệu ở đây \/ no database here/);
    const json = fakeIo();
    expect(await runCli(['doctor', '--db', db, '--json'], json.io)).toBe(1);
    expect(JSON.parse(json.out())).toMatchObject({ ok: false, error: 'no_database', messageEn: 'no database here' });
    expect(readdirSync(sub).sort()).toEqual(before);
  });

  it('doctor on a database with a leftover -wal (a crash) reads it without replaying, copying or creating anything', async () => {
    const sub = mkdtempSync(join(dir, 'crash-'));
    const live = join(sub, 'live.sqlite');
    createCore({ dbPath: live }).close();
    const writer = new BetterSqlite3(live);
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec(`INSERT INTO surveys VALUES ('hids', 'HIDS', '2025-07-01T00:00:00.000Z')`);
    const db = join(sub, 'khaosat.sqlite');
    copyFileSync(live, db);
    copyFileSync(`${live}-wal`, `${db}-wal`);
    writer.close();
    rmSync(live);
    const main = readFileSync(db);
    const wal = readFileSync(`${db}-wal`);
    const t = fakeIo();
    expect(await runCli(['doctor', '--db', db, '--json'], t.io)).toBe(0);
    expect(JSON.parse(t.out())).toMatchObject({ ok: true, integrity: 'ok' });
    expect(readFileSync(db).equals(main)).toBe(true);
    expect(readFileSync(`${db}-wal`).equals(wal)).toBe(true);
    expect(readdirSync(sub).sort()).toEqual(['khaosat.sqlite', 'khaosat.sqlite-wal']);
  });

  it('doctor reports a dropped protective trigger and exits 1', async () => {
    const db = join(dir, 'unprotected.sqlite');
    const core = createCore({ dbPath: db });
    core.db.exec('DROP TRIGGER paradata_no_replace');
    core.close();
    const t = fakeIo();
    expect(await runCli(['doctor', '--db', db], t.io)).toBe(1);
    expect(t.out()).toMatch(/triggers\s+failed\s+database_unprotected: missing or altered paradata_no_replace/);
    expect(t.err()).toMatch(/paradata_no_replace/);
  });

  it('doctor on a damaged file exits 1 with one line and does not touch the file', () => {
    const db = join(dir, 'damaged.sqlite');
    const damaged = Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xab)]);
    writeFileSync(db, damaged);
    const run = spawnSync('node', [join(ROOT, 'bin/khaosat.cjs'), 'doctor', '--db', db], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/database_damaged/);
    expect(readFileSync(db).equals(damaged)).toBe(true);
    expect(existsSync(`${db}-wal`)).toBe(false);
  });

  it('--version prints the package version', () => {
    const run = spawnSync('node', [join(ROOT, 'bin/khaosat.cjs'), '--version'], { encoding: 'utf8' });
    expect(run.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});
