// The shell over the real core on a temp userData folder: the window's page reaches a real
// handler, a damaged database file stops the app before anything is written, and a lost one opens
// the recovery handlers.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, expect, test, vi } from 'vitest';
import type { Result } from '../../../shared/contract';
import { startApp } from '../../../electron/main/app';
import { backupDatabase } from '../../../electron/db/backup';
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

test('a lost database opens the recovery handlers: status lists the backups, restore brings the data back', async () => {
  const userData = tempDir();
  const file = join(userData, 'khaosat.sqlite');
  // A laptop that ran: a supervisor, then a backup, then the file emptied.
  const first = createCore({ dbPath: file, scryptParams: { N: 1024, r: 8, p: 1 } });
  await first.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'Giám Sát', secret: '24681357' }, { session: { user: null } });
  const backup = await backupDatabase(first.db, join(userData, 'backups'), { now: () => new Date('2025-07-01T08:15:00.000Z') });
  first.close();
  writeFileSync(file, '');

  fake.current = createFakeElectron({ userData });
  const shell = startApp({ createCore: (o) => createCore({ ...o, scryptParams: { N: 1024, r: 8, p: 1 } }) });
  await shell.started;
  const { world, module } = fake.current;
  expect(world.errorBoxes).toHaveLength(0);
  expect(world.windows).toHaveLength(1);
  const call = (op: string, payload: unknown, url = 'app://khaosat/') =>
    (world.ipcHandlers.get(op) as unknown as (e: unknown, p: unknown) => Promise<Result<unknown>>)(
      { sender: world.windows[0]!.webContents, senderFrame: { url } },
      payload,
    );

  expect(await call('app:status', {})).toMatchObject({ ok: false, error: { code: 'database_missing' } });
  expect(await call('session:signIn', { code: 'GS01', secret: '24681357' })).toMatchObject({ ok: false, error: { code: 'database_missing' } });
  // The same guard: a foreign page and a path instead of a name are refused.
  expect(await call('recovery:status', {}, 'https://evil.example/')).toMatchObject({ ok: false, error: { code: 'foreign_sender' } });
  expect(await call('recovery:restore', { name: '../khaosat.sqlite' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });

  const status = await call('recovery:status', {});
  expect(status).toMatchObject({
    ok: true,
    value: { needed: true, reason: 'database_missing', backups: [{ name: basename(backup), takenAt: '2025-07-01T08:15:00.000Z', usable: true, problem: null }] },
  });

  expect(await call('recovery:restore', { name: basename(backup) })).toEqual({ ok: true, value: { restored: basename(backup), takenAt: '2025-07-01T08:15:00.000Z' } });
  expect(await call('app:status', {})).toMatchObject({ ok: true, value: { needsSetup: false } });
  expect(await call('session:signIn', { code: 'GS01', secret: '24681357' })).toMatchObject({ ok: true, value: { code: 'GS01' } });
  // Once the database is open, restoring over it is refused.
  expect(await call('recovery:restore', { name: basename(backup) })).toMatchObject({ ok: false, error: { code: 'recovery_not_needed' } });
  expect(await call('recovery:status', {})).toMatchObject({ ok: true, value: { needed: false, backups: [] } });
  // The emptied file was kept aside, not deleted.
  const kept = readdirSync(join(userData, 'kept'));
  expect(kept).toHaveLength(1);
  expect(readdirSync(join(userData, 'kept', kept[0]!))).toEqual(['khaosat.sqlite']);
  module.app.emit('will-quit', {});
});

test('the camera and microphone are granted to the window only while a surveyor is signed in on it', async () => {
  const userData = tempDir();
  const file = join(userData, 'khaosat.sqlite');
  const scryptParams = { N: 1024, r: 8, p: 1 };
  const first = createCore({ dbPath: file, scryptParams });
  const supervisor = await first.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'Giám Sát', secret: '24681357' }, { session: { user: null } });
  await first.handlers['user:create']({ code: 'DT01', name: 'Điều Tra', secret: '135790', role: 'surveyor' }, { session: { user: supervisor } });
  first.close();

  fake.current = createFakeElectron({ userData });
  await startApp({ createCore: (o) => createCore({ ...o, scryptParams }) }).started;
  const { world, module } = fake.current;
  const window = world.windows[0]!.webContents;
  const call = (op: string, payload: unknown) =>
    (world.ipcHandlers.get(op) as unknown as (e: unknown, p: unknown) => Promise<Result<unknown>>)({ sender: window, senderFrame: { url: 'app://khaosat/' } }, payload);
  const ask = (contents: unknown, permission = 'media', mediaTypes = ['video', 'audio']) => {
    let granted: boolean | undefined;
    world.permissionRequestHandler!(
      ...([contents, permission, (g: boolean) => (granted = g), { requestingUrl: 'app://khaosat/index.html', isMainFrame: true, mediaTypes }] as never[]),
    );
    return granted;
  };
  const checks = (contents: unknown) =>
    world.permissionCheckHandler!(...([contents, 'media', 'app://khaosat', { requestingUrl: 'app://khaosat/index.html', isMainFrame: true, mediaType: 'video' }] as never[]));

  expect(ask(window)).toBe(false);
  expect(await call('session:signIn', { code: 'GS01', secret: '24681357' })).toMatchObject({ ok: true });
  expect(ask(window)).toBe(false); // a supervisor does not answer interviews
  expect(await call('session:signOut', {})).toMatchObject({ ok: true });
  expect(await call('session:signIn', { code: 'DT01', secret: '135790' })).toMatchObject({ ok: true });
  expect(ask(window)).toBe(true);
  expect(checks(window)).toBe(true);
  expect(ask(window, 'display-capture', ['video'])).toBe(false);
  expect(ask(window, 'geolocation')).toBe(false);
  expect(ask({}, 'media')).toBe(false); // other contents than the window's
  expect(checks(null)).toBe(false);
  expect(await call('session:signOut', {})).toMatchObject({ ok: true });
  expect(ask(window)).toBe(false);
  expect(checks(window)).toBe(false);
  module.app.emit('will-quit', {});
});
