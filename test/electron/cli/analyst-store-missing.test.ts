// The commands that read an analyst store (`report`, `export`) refuse a SQLite file that is not
// there, with one line naming it and saying how a store is made; they create nothing, so a
// mistyped --db leaves no empty store behind. (`import` makes new stores: its own tests start from none.)
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';

const dir = mkdtempSync(join(tmpdir(), 'khaosat-missing-store-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env: {}, cwd: dir };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('a --db file that does not exist', () => {
  it.each([
    ['report', ['report', '--db', 'analyst.sqlte', '--format', 'table']],
    ['export', ['export', '--db', 'analyst.sqlte', '--format', 'csv', '--out', 'out']],
  ])('khaosat %s: exit 1, names the file and khaosat import, creates nothing', async (_name, args) => {
    const t = fakeIo();
    expect(await runCli(args, t.io)).toBe(1);
    const path = join(dir, 'analyst.sqlte');
    expect(t.err()).toContain(`there is no analyst store ${path}; import batches first: khaosat import`);
    expect(t.err()).toContain(`không có kho dữ liệu phân tích ${path}`);
    expect(t.out()).toBe('');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });
});
