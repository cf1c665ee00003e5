// The desktop app's batch-export ports: the device key wrapped by safeStorage when it really
// encrypts (not basic_text), else by KHAOSAT_DEVICE_KEY_PASSPHRASE, else refused; the folder
// dialog (cancel → null); the analyst's recipient from KHAOSAT_ANALYST_RECIPIENT.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { deviceKeyProtector, mainBatchExportPorts, type FolderDialog, type MainSafeStorage } from '../../../electron/main/batch-export-ports';
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
