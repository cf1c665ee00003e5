// `khaosat user add` where a new user trips: no data folder yet, --db naming a folder or a
// missing folder, a surveyor as the first user, PIN rules and spaces from stdin.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { createCore } from '../../../electron/services';

let dir: string;
beforeAll(() => void (dir = mkdtempSync(join(tmpdir(), 'khaosat-useradd-'))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo(secret: string, env: NodeJS.ProcessEnv = { KHAOSAT_DATA_DIR: join(dir, 'data') }) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => secret, env, cwd: dir };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const SUPERVISOR = ['--role', 'supervisor', '--code', 'GS01', '--name', 'Giám sát'];

describe('khaosat user add on a laptop where the app never ran', () => {
  it('creates the default data folder and the database in it', async () => {
    const dataDir = join(dir, 'fresh', 'KhaoSat');
    const t = fakeIo('48213957', { KHAOSAT_DATA_DIR: dataDir });
    expect(await runCli(['user', 'add', ...SUPERVISOR], t.io), t.err()).toBe(0);
    expect(existsSync(join(dataDir, 'khaosat.sqlite'))).toBe(true);
  });

  it('--db naming a folder says so and suggests a file in it', async () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder);
    const t = fakeIo('48213957');
    expect(await runCli(['user', 'add', '--db', folder, ...SUPERVISOR], t.io)).toBe(1);
    expect(t.err()).toContain(`${folder} là một thư mục`);
    expect(t.err()).toContain(`is a folder, not a database file (for example: --db ${join(folder, 'khaosat.sqlite')})`);
    expect(t.err().trim().split('\n')).toHaveLength(1);
  });

  it('--db in a folder that does not exist names the folder and creates nothing', async () => {
    const missing = join(dir, 'no-such-folder');
    const t = fakeIo('48213957');
    expect(await runCli(['user', 'add', '--db', join(missing, 'k.sqlite'), ...SUPERVISOR], t.io)).toBe(1);
    expect(t.err()).toContain(`the folder ${missing} does not exist`);
    expect(t.err()).toContain('không tồn tại');
    expect(existsSync(missing)).toBe(false);
  });

  it('a file that is not a database is a clear refusal, never "unexpected error"', async () => {
    const notDb = join(dir, 'notes.sqlite');
    writeFileSync(notDb, 'just some text, not SQLite\n'.repeat(200));
    const t = fakeIo('48213957');
    expect(await runCli(['user', 'add', '--db', notDb, ...SUPERVISOR], t.io)).toBe(1);
    expect(t.err()).not.toMatch(/unexpected/i);
    expect(t.err()).toMatch(/ \/ /);
  });
});

describe('khaosat user add rules', () => {
  it('refuses a surveyor as the first user, saying the first user must be a supervisor', async () => {
    const db = join(dir, 'first.sqlite');
    const t = fakeIo('5829');
    expect(await runCli(['user', 'add', '--db', db, '--role', 'surveyor', '--code', 'DTV01', '--name', 'A'], t.io)).toBe(1);
    expect(t.err()).toContain('người dùng đầu tiên phải là giám sát viên');
    expect(t.err()).toContain('the first user must be a supervisor');
    const core = createCore({ dbPath: db });
    try {
      expect(core.services.users.list()).toEqual([]);
    } finally {
      core.close();
    }
  });

  it('trims spaces around a piped PIN, and the trimmed PIN signs in', async () => {
    const db = join(dir, 'trim.sqlite');
    expect(await runCli(['user', 'add', '--db', db, ...SUPERVISOR], fakeIo('48213957').io)).toBe(0);
    const t = fakeIo('  5829 \t');
    expect(await runCli(['user', 'add', '--db', db, '--role', 'surveyor', '--code', 'DTV01', '--name', 'A'], t.io), t.err()).toBe(0);
    const core = createCore({ dbPath: db, scryptParams: { N: 2 ** 10, r: 8, p: 1 } });
    try {
      expect((await core.handlers['session:signIn']({ code: 'DTV01', secret: '5829' }, { session: { user: null } })).code).toBe('DTV01');
    } finally {
      core.close();
    }
  });

  it('says which PIN rule is broken, in both languages: too long, trivial, too short for a supervisor', async () => {
    const db = join(dir, 'rules.sqlite');
    const cases: [string, string[], RegExp][] = [
      ['5829174630125', ['--role', 'supervisor'], /Mã PIN quá dài.* \/ The PIN is too long/],
      ['12345678', ['--role', 'supervisor'], /quá dễ đoán.* \/ .*too easy to guess/],
      ['5829', ['--role', 'supervisor'], /ít nhất 8 chữ số.* \/ .*at least 8 digits/],
    ];
    for (const [pin, role, expected] of cases) {
      const t = fakeIo(pin);
      expect(await runCli(['user', 'add', '--db', db, ...role, '--code', 'GS01', '--name', 'A'], t.io)).toBe(1);
      expect(t.err()).toMatch(expected);
    }
    expect(existsSync(db)).toBe(false);
  });

  it('a bad user code names the option, the field and the rule, never zod\'s wording', async () => {
    const t = fakeIo('48213957');
    expect(await runCli(['user', 'add', '--db', join(dir, 'x.sqlite'), '--role', 'supervisor', '--code', 'ĐTV 01', '--name', 'A'], t.io)).toBe(2);
    expect(t.err()).toContain('--code: Mã người dùng: chỉ chữ không dấu, số, _ . - / User code: only unaccented letters, digits, _ . -');
    const missing = fakeIo('48213957');
    expect(await runCli(['user', 'add', '--db', join(dir, 'x.sqlite'), '--code', 'GS01', '--name', 'A'], missing.io)).toBe(2);
    expect(missing.err()).toContain('--role: Vai trò: chưa có / Role: is missing');
  });
});
