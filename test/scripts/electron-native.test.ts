// `node scripts/electron-native.mjs` (run by `npm start`) without an Electron binary: it says how
// to get one, in one line, and stops within seconds without compiling or touching the Node build.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const NODE_BUILD = join(ROOT, 'node_modules', 'better-sqlite3', 'build');

function fingerprint(file: string) {
  return { sha256: createHash('sha256').update(readFileSync(file)).digest('hex'), mtimeMs: statSync(file).mtimeMs };
}

function workspaces(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.startsWith('khaosat-electron-native-'));
}

// The script's temporary folder goes here, so the test can see that none was made.
const tmp = mkdtempSync(join(tmpdir(), 'khaosat-native-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

test('without the Electron binary: a short bilingual message, exit 1, no compile, node_modules untouched', () => {
  const addon = join(NODE_BUILD, 'Release', 'better_sqlite3.node');
  const gypi = join(NODE_BUILD, 'config.gypi');
  const before = { addon: fingerprint(addon), gypi: fingerprint(gypi) };
  const stampBefore = existsSync(join(ROOT, '.electron-native', 'stamp.json'));

  const started = Date.now();
  // On machines that do have Electron, an override pointing at an empty folder makes it missing,
  // exactly as the electron package resolves ELECTRON_OVERRIDE_DIST_PATH.
  const run = spawnSync(process.execPath, ['scripts/electron-native.mjs'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: join(tmp, 'no-electron'), TMPDIR: tmp },
    timeout: 60_000,
  });
  const seconds = (Date.now() - started) / 1000;

  expect(run.status).toBe(1);
  const lines = run.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^\[electron-native\] Chưa có Electron: .* \/ Electron binary missing: .*npm install.*npx install-electron/);
  expect(run.stdout).not.toMatch(/building/);
  // Seconds, not the minutes a compile takes (generous for a loaded shared machine).
  expect(seconds).toBeLessThan(30);
  expect(workspaces(tmp)).toEqual([]);
  expect(existsSync(join(ROOT, '.electron-native', 'stamp.json'))).toBe(stampBefore);
  expect(fingerprint(addon)).toEqual(before.addon);
  expect(fingerprint(gypi)).toEqual(before.gypi);
  expect(readFileSync(gypi, 'utf8')).not.toMatch(/"runtime": "electron"/);
}, 90_000);
