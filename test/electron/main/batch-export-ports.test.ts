// The desktop app's batch-export ports: the device key wrapped by safeStorage when it really
// encrypts (not basic_text), else by KHAOSAT_DEVICE_KEY_PASSPHRASE, else refused; the folder
// dialog (cancel → null); the analyst's recipient from KHAOSAT_ANALYST_RECIPIENT.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceKeyProtector, mainBatchExportPorts, mainDeviceFingerprint, type FolderDialog, type MainSafeStorage } from '../../../electron/main/batch-export-ports';
import { signingKeyFileProtection } from '../../../electron/sync/key-files';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
const RECIPIENT = readFileSync(join(__dirname, '../../fixtures/sync/analyst-age.pub'), 'utf8').trim();

/** A keychain that "encrypts" by reversing and tagging, enough to tell it was used. */
function keychain(available: boolean, backend?: string): MainSafeStorage & { used: number } {
  const k = {
    used: 0,
    isEncryptionAvailable: () => available,
    ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
    encryptString: (t: string) => {
      k.used++;
      return Buffer.from(`kc:${[...t].reverse().join('')}`);
    },
    decryptString: (b: Buffer) => {
      k.used++;
      return [...b.toString().slice(3)].reverse().join('');
    },
  };
  return k;
}

const noDialog: FolderDialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }) };

describe('main batch-export ports', () => {
  it('chooses safeStorage, but not its basic_text fallback; then the passphrase; else nothing', () => {
    expect(deviceKeyProtector(keychain(true, 'gnome_libsecret'), {})?.kind).toBe('safe-storage');
    expect(deviceKeyProtector(keychain(true), {})?.kind).toBe('safe-storage');
    expect(deviceKeyProtector(keychain(true, 'basic_text'), {})).toBeNull();
    expect(deviceKeyProtector(keychain(false), { KHAOSAT_DEVICE_KEY_PASSPHRASE: 'tam chu so dai' })?.kind).toBe('age-passphrase');
    expect(deviceKeyProtector(keychain(false), {})).toBeNull();
  });

  it('the device key is made once in userData under the keychain and opened again to the same key', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'khaosat-main-key-'));
    dirs.push(userData);
    const kc = keychain(true, 'kwallet5');
    const ports = mainBatchExportPorts({ safeStorage: kc, dialog: noDialog, userData, env: {} });
    const first = await ports.deviceKey!();
    const second = await ports.deviceKey!();
    expect(second.fingerprint).toBe(first.fingerprint);
    expect(kc.used).toBe(2);
    expect(await signingKeyFileProtection(join(userData, 'device-signing.key'))).toBe('safe-storage');
  });

  it('without a keychain or passphrase the key is refused with key_unavailable naming the variable', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'khaosat-main-key-'));
    dirs.push(userData);
    const ports = mainBatchExportPorts({ safeStorage: keychain(false), dialog: noDialog, userData, env: {} });
    await expect(ports.deviceKey!()).rejects.toMatchObject({ code: 'key_unavailable', message: expect.stringContaining('KHAOSAT_DEVICE_KEY_PASSPHRASE') });
  });

  it('the fingerprint for app:status: made with the key on first run under the keychain, then read from the file without unlocking it', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'khaosat-main-key-'));
    dirs.push(userData);
    const kc = keychain(true, 'kwallet5');
    const first = await mainDeviceFingerprint({ safeStorage: kc, userData, env: {} })();
    expect(first).toMatch(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/);
    expect(kc.used).toBe(1);
    // Later: the file's public half answers, the keychain is not asked (it could even be gone).
    const gone = keychain(false);
    expect(await mainDeviceFingerprint({ safeStorage: gone, userData, env: {} })()).toBe(first);
    expect(gone.used).toBe(0);
    // The key batch export signs with is the same one.
    expect((await mainBatchExportPorts({ safeStorage: kc, dialog: noDialog, userData, env: {} }).deviceKey!()).fingerprint).toBe(first);
  });

  it('no keychain and no passphrase: no fingerprint and no key file', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'khaosat-main-key-'));
    dirs.push(userData);
    expect(await mainDeviceFingerprint({ safeStorage: keychain(true, 'basic_text'), userData, env: {} })()).toBeNull();
    expect(existsSync(join(userData, 'device-signing.key'))).toBe(false);
  });

  it('the folder dialog: cancelled → null, chosen → the folder; the recipient from the environment', async () => {
    let answer = { canceled: true, filePaths: [] as string[] };
    const asked: unknown[] = [];
    const dialog: FolderDialog = { showOpenDialog: async (o) => (asked.push(o), answer) };
    const ports = mainBatchExportPorts({ safeStorage: keychain(false), dialog, userData: '/nowhere', env: { KHAOSAT_ANALYST_RECIPIENT: RECIPIENT } });
    expect(await ports.chooseFolder()).toBeNull();
    answer = { canceled: false, filePaths: ['/media/usb'] };
    expect(await ports.chooseFolder()).toBe('/media/usb');
    expect(asked[0]).toMatchObject({ properties: ['openDirectory', 'createDirectory'] });
    expect(ports.recipientFor('hids')).toBe(RECIPIENT);
    const none = mainBatchExportPorts({ safeStorage: keychain(false), dialog, userData: '/nowhere', env: {} });
    expect(none.recipientFor('hids')).toBeNull();
    const bad = mainBatchExportPorts({ safeStorage: keychain(false), dialog, userData: '/nowhere', env: { KHAOSAT_ANALYST_RECIPIENT: 'age1bad' } });
    expect(() => bad.recipientFor('hids')).toThrow(/not an age recipient/);
  });
});
