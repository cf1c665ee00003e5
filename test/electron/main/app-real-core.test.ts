// The shell over the real core on a temp userData folder: the window's page reaches a real
// handler, and a damaged database file stops the app before anything is written.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import type { Result } from '../../../shared/contract';
import { startApp } from '../../../electron/main/app';
import { createCore } from '../../../electron/services';
import { createFakeElectron, fake } from './fake-electron';

vi.mock('electron', async () => (await import('./fake-electron')).electronModule());

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-shell-'));
  dirs.push(dir);
  return dir;
}

test('the app page calls app:status on the real core; the database is closed on quit', async () => {
  const userData = tempDir();
  fake.current = createFakeElectron({ userData });
  const shell = startApp({ createCore });
  await shell.started;
  const { world, module } = fake.current;
  const listener = world.ipcHandlers.get('app:status') as unknown as (e: unknown, p: unknown) => Promise<Result<unknown>>;
  const result = await listener({ sender: world.windows[0]!.webContents, senderFrame: { url: 'app://khaosat/' } }, {});
  expect(result).toMatchObject({ ok: true, value: { version: '0.1.0', needsSetup: true, user: null } });
  module.app.emit('will-quit', {});
});

test('a damaged database file shows the bilingual dialog and is left byte-for-byte unchanged', async () => {
  const userData = tempDir();
  const file = join(userData, 'khaosat.sqlite');
  const garbage = Buffer.from('SQLite format 3\0'.padEnd(4096, 'x'));
  writeFileSync(file, garbage);
  fake.current = createFakeElectron({ userData });
  await startApp({ createCore }).started;
  const { world } = fake.current;
  expect(world.exitCode).toBe(1);
  expect(world.errorBoxes[0]?.content).toContain('Tệp dữ liệu bị hỏng');
  expect(world.errorBoxes[0]?.content).toContain('The database file is damaged');
  expect(world.windows).toHaveLength(0);
  expect(readFileSync(file).equals(garbage)).toBe(true);
});
