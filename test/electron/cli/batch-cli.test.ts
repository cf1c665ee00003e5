// `khaosat batch export|list|reexport` on a laptop database: the device key beside the database
// (plain with a note, or wrapped by a configured passphrase), the recipient from --keys or
// --recipient, a clear message when nothing is due, byte-identical re-export.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { signingKeyFileProtection } from '../../../electron/sync/key-files';
import { openBatch, readBatchManifest } from '../../../electron/sync/batch';
import { createCore } from '../../../electron/services';
import { FAST_SCRYPT, session, setUpStaff } from '../services/helpers';

const root = mkdtempSync(join(tmpdir(), 'khaosat-batch-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const FIXTURES = join(__dirname, '../../fixtures/sync');
const IDENTITY = readFileSync(join(FIXTURES, 'analyst-age.key'), 'utf8').trim().split('\n').pop()!;
const RECIPIENT = readFileSync(join(FIXTURES, 'analyst-age.pub'), 'utf8').trim();

function fakeIo(env: NodeJS.ProcessEnv = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env, cwd: root };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

/** A laptop database in its own folder with `approved` approved interviews. */
async function laptop(name: string, approved: number): Promise<string> {
  const dir = join(root, name);
  mkdirSync(dir);
  const dbPath = join(dir, 'khaosat.sqlite');
  const core = createCore({ dbPath, scryptParams: FAST_SCRYPT });
  const staff = await setUpStaff(core);
  for (let i = 0; i < approved; i++) {
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: false }, session(staff.surveyorA));
    core.services.interviews.review(staff.supervisor, { interviewId: iv.id, action: 'approve' });
  }
  core.close();
  return dbPath;
}

describe('khaosat batch', () => {
  it('export → list → reexport, byte-identical; nothing due says so and writes nothing', async () => {
    const db = await laptop('a', 2);
    // --keys names an analyst's key folder as `khaosat keys generate` writes it (encryption.pub).
    mkdirSync(join(root, 'keys'));
    writeFileSync(join(root, 'keys', 'encryption.pub'), `${RECIPIENT}\n`);
    const t = fakeIo();
    expect(await runCli(['batch', 'export', '--db', db, '--keys', 'keys', '--out', 'out-a', '--json'], t.io), t.err()).toBe(0);
    const { batches } = JSON.parse(t.out()) as { batches: { sequence: number; path: string; fileName: string; fileSha256: string }[] };
    expect(batches).toHaveLength(1);
    expect(batches[0]!.sequence).toBe(1);
    const bytes = readFileSync(batches[0]!.path);
    expect((await openBatch(bytes, IDENTITY)).interviews).toHaveLength(2);
    // A new device key was made beside the database, plain, owner-only, and the CLI said so.
    const keyPath = join(root, 'a', 'device-signing.key');
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(await signingKeyFileProtection(keyPath)).toBe('none');
    expect(t.err()).toContain('without a passphrase');

    const again = fakeIo();
    expect(await runCli(['batch', 'export', '--db', db, '--recipient', RECIPIENT, '--out', 'out-a'], again.io)).toBe(0);
    expect(again.out()).toContain('Nothing to export');
    expect(readdirSync(join(root, 'out-a'))).toEqual([batches[0]!.fileName]);

    const list = fakeIo();
    expect(await runCli(['batch', 'list', '--db', db, '--json'], list.io)).toBe(0);
    expect(JSON.parse(list.out())).toMatchObject({ batches: [{ sequence: 1, interviewCount: 2, fileSha256: batches[0]!.fileSha256 }], pending: [] });

    const re = fakeIo();
    expect(await runCli(['batch', 'reexport', '--db', db, '--seq', '1', '--out', 'again'], re.io)).toBe(0);
    const copy = readFileSync(join(root, 'again', batches[0]!.fileName));
    expect(copy.equals(bytes)).toBe(true);
    expect(createHash('sha256').update(copy).digest('hex')).toBe(batches[0]!.fileSha256);
  });

  it('batch list names the laptop: its label, id and signing-key fingerprint (the one batches carry), or that the key is not made yet', async () => {
    const db = await laptop('fp', 1);
    const before = fakeIo();
    expect(await runCli(['batch', 'list', '--db', db], before.io)).toBe(0);
    expect(before.out()).toMatch(/^Máy \/ device: KS-[0-9A-F]{8} \([0-9a-f-]{36}\)\n/);
    expect(before.out()).toContain('chưa tạo, sẽ tạo khi xuất lô đầu tiên / not made yet, made at the first export');
    const t = fakeIo();
    expect(await runCli(['batch', 'export', '--db', db, '--recipient', RECIPIENT, '--out', 'out-fp', '--json'], t.io)).toBe(0);
    const path = (JSON.parse(t.out()) as { batches: { path: string }[] }).batches[0]!.path;
    const manifest = readBatchManifest(readFileSync(path)).manifest;
    const list = fakeIo();
    expect(await runCli(['batch', 'list', '--db', db, '--json'], list.io)).toBe(0);
    const device = (JSON.parse(list.out()) as { device: { id: string; label: string; fingerprint: string } }).device;
    expect(device).toEqual({ id: manifest.device.id, label: `KS-${manifest.device.id.replace(/-/g, '').slice(0, 8).toUpperCase()}`, fingerprint: manifest.device.fingerprint });
    const table = fakeIo();
    expect(await runCli(['batch', 'list', '--db', db], table.io)).toBe(0);
    expect(table.out()).toContain(`Vân tay khóa ký / signing-key fingerprint: ${manifest.device.fingerprint}\n`);
  });

  it('with KHAOSAT_DEVICE_KEY_PASSPHRASE the device key is wrapped; without it later the export is refused clearly', async () => {
    const db = await laptop('b', 1);
    const env = { KHAOSAT_DEVICE_KEY_PASSPHRASE: 'mot hai ba bon nam' };
    const t = fakeIo(env);
    expect(await runCli(['batch', 'export', '--db', db, '--recipient', RECIPIENT, '--out', 'out-b'], t.io)).toBe(0);
    expect(await signingKeyFileProtection(join(root, 'b', 'device-signing.key'))).toBe('age-passphrase');
    expect(t.err()).toBe('');
    // A second laptop-b interview later: the key needs its passphrase.
    const core = createCore({ dbPath: db, scryptParams: FAST_SCRYPT });
    const sup = core.services.users.current(1)!;
    const dtv = core.services.users.current(2)!;
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: false }, session(dtv));
    core.services.interviews.review(sup, { interviewId: iv.id, action: 'approve' });
    core.close();
    const refused = fakeIo();
    expect(await runCli(['batch', 'export', '--db', db, '--recipient', RECIPIENT, '--out', 'out-b'], refused.io)).toBe(1);
    expect(refused.err()).toContain('KHAOSAT_DEVICE_KEY_PASSPHRASE');
    expect(readdirSync(join(root, 'out-b'))).toHaveLength(1);
    const ok = fakeIo(env);
    expect(await runCli(['batch', 'export', '--db', db, '--recipient', RECIPIENT, '--out', 'out-b'], ok.io)).toBe(0);
    expect(readdirSync(join(root, 'out-b'))).toHaveLength(2);
  });

  it('usage errors: no recipient, a bad recipient, a bad --seq', async () => {
    const db = await laptop('c', 0);
    const none = fakeIo();
    expect(await runCli(['batch', 'export', '--db', db, '--out', 'x'], none.io)).toBe(2);
    expect(none.err()).toContain('--recipient');
    const bad = fakeIo();
    expect(await runCli(['batch', 'export', '--db', db, '--out', 'x', '--recipient', 'age1nope'], bad.io)).toBe(2);
    const seq = fakeIo();
    expect(await runCli(['batch', 'reexport', '--db', db, '--out', 'x', '--seq', '0'], seq.io)).toBe(2);
    const missing = fakeIo();
    expect(await runCli(['batch', 'reexport', '--db', db, '--out', 'x', '--seq', '4'], missing.io)).toBe(1);
  });
});
