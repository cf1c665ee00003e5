// The desktop app's analyst ports: Electron's open dialog for the key folder, the files or folder
// to import (batch and package files only) and the export folder (cancel → null); the store from
// KHAOSAT_ANALYST_DB; the decryption key protected by safeStorage, else the passphrase, else none.
import { describe, expect, it } from 'vitest';
import { mainAnalystPorts, type OpenDialog } from '../../../electron/main/analyst-ports';
import type { MainSafeStorage } from '../../../electron/main/batch-export-ports';

const keychain = (available: boolean): MainSafeStorage => ({
  isEncryptionAvailable: () => available,
  encryptString: (t: string) => Buffer.from(t),
  decryptString: (b: Buffer) => b.toString(),
});

function recordingDialog(answer: { canceled: boolean; filePaths: string[] }) {
  const asked: Parameters<OpenDialog['showOpenDialog']>[0][] = [];
  const dialog: OpenDialog = {
    showOpenDialog: async (o) => {
      asked.push(o);
      return answer;
    },
  };
  return { dialog, asked };
}

describe('main analyst ports', () => {
  it('asks the open dialog for a folder, for batch files, and for a folder to export into', async () => {
    const { dialog, asked } = recordingDialog({ canceled: false, filePaths: ['/media/usb/a.ksbatch', '/media/usb/b.ksbatch'] });
    const ports = mainAnalystPorts({ safeStorage: keychain(true), dialog, env: {} });
    expect(await ports.chooseKeyFolder!()).toBe('/media/usb/a.ksbatch');
    expect(await ports.chooseImport!('files')).toEqual(['/media/usb/a.ksbatch', '/media/usb/b.ksbatch']);
    expect(await ports.chooseImport!('folder')).toEqual(['/media/usb/a.ksbatch', '/media/usb/b.ksbatch']);
    expect(await ports.chooseExportFolder!()).toBe('/media/usb/a.ksbatch');
    expect(asked.map((a) => a.properties)).toEqual([['openDirectory'], ['openFile', 'multiSelections'], ['openDirectory'], ['openDirectory', 'createDirectory']]);
    expect(asked[1]!.filters).toEqual([{ name: 'KhaoSat', extensions: ['ksbatch', 'kspkg'] }]);
    expect(asked.every((a) => / \/ /.test(a.title))).toBe(true);
  });

  it('a cancelled dialog is null everywhere', async () => {
    const { dialog } = recordingDialog({ canceled: true, filePaths: [] });
    const ports = mainAnalystPorts({ safeStorage: keychain(true), dialog, env: {} });
    expect([await ports.chooseKeyFolder!(), await ports.chooseImport!('files'), await ports.chooseExportFolder!()]).toEqual([null, null, null]);
  });

  it('the store and the key protection come from the environment and the keychain', () => {
    const { dialog } = recordingDialog({ canceled: true, filePaths: [] });
    expect(mainAnalystPorts({ safeStorage: keychain(true), dialog, env: {} }).target).toBeUndefined();
    expect(mainAnalystPorts({ safeStorage: keychain(true), dialog, env: { KHAOSAT_ANALYST_DB: 'postgres://ha@db:5432/khaosat' } }).target).toBe('postgres://ha@db:5432/khaosat');
    expect(mainAnalystPorts({ safeStorage: keychain(true), dialog, env: {} }).keyProtector!()?.kind).toBe('safe-storage');
    expect(mainAnalystPorts({ safeStorage: keychain(false), dialog, env: { KHAOSAT_DEVICE_KEY_PASSPHRASE: 'mot cum mat khau' } }).keyProtector!()?.kind).toBe('age-passphrase');
    expect(mainAnalystPorts({ safeStorage: keychain(false), dialog, env: {} }).keyProtector!()).toBeNull();
  });
});
