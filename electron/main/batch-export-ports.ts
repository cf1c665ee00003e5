// What the desktop app plugs into batch export (thin; the work is in services/batches.ts):
// - this laptop's signing key in <userData>/device-signing.key, wrapped by Electron's safeStorage
//   (DPAPI, Keychain, libsecret). Linux without a keyring makes safeStorage fall back to a fixed
//   password (backend `basic_text`): that counts as unavailable, and the key is wrapped with
//   KHAOSAT_DEVICE_KEY_PASSPHRASE instead, or export is refused (key_unavailable) with that hint;
// - the folder chooser: dialog.showOpenDialog for a folder (cancel → nothing written);
// - the analyst's recipient: KHAOSAT_ANALYST_RECIPIENT until survey package install supplies it.
import { join } from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import { DEVICE_KEY_PASSPHRASE_ENV, recipientFromEnv, type BatchExportPorts, type RecipientSource } from '../services/batches';
import { DEVICE_KEY_FILE, openDeviceSigningKey, readDeviceKeyFingerprint } from '../sync/device-key';
import { passphraseProtector, safeStorageProtector, type KeyProtector, type SafeStorageLike } from '../sync/key-protector';

export interface MainSafeStorage extends SafeStorageLike {
  /** Linux only in Electron; absent elsewhere. */
  getSelectedStorageBackend?: () => string;
}

export interface FolderDialog {
  showOpenDialog(options: { title: string; properties: ('openDirectory' | 'createDirectory')[] }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

/** safeStorage when it really encrypts; else the configured passphrase; else null. */
export function deviceKeyProtector(safeStorage: MainSafeStorage, env: NodeJS.ProcessEnv): KeyProtector | null {
  const backend = safeStorage.getSelectedStorageBackend?.();
  if (safeStorage.isEncryptionAvailable() && backend !== 'basic_text') return safeStorageProtector(safeStorage);
  const passphrase = env[DEVICE_KEY_PASSPHRASE_ENV];
  return passphrase ? passphraseProtector(passphrase) : null;
}

export function mainBatchExportPorts(deps: {
  safeStorage: MainSafeStorage;
  dialog: FolderDialog;
  userData: string;
  env: NodeJS.ProcessEnv;
}): Partial<BatchExportPorts> & { recipientFor: RecipientSource; chooseFolder: () => Promise<string | null> } {
  return {
    deviceKey: async () => {
      const protector = deviceKeyProtector(deps.safeStorage, deps.env);
      if (!protector) throw new ServiceError('key_unavailable', `no system keychain; set ${DEVICE_KEY_PASSPHRASE_ENV} to protect this laptop's key with a passphrase`);
      return (await openDeviceSigningKey(join(deps.userData, DEVICE_KEY_FILE), protector)).key;
    },
    chooseFolder: async () => {
      const chosen = await deps.dialog.showOpenDialog({
        title: 'Chọn thư mục để xuất lô dữ liệu / Choose the folder to export batches to',
        properties: ['openDirectory', 'createDirectory'],
      });
      return chosen.canceled || chosen.filePaths.length === 0 ? null : chosen.filePaths[0]!;
    },
    recipientFor: recipientFromEnv(deps.env),
  };
}

/**
 * The fingerprint `app:status` shows: read from the key file's public half; on first run (no
 * file yet) the key is made now when safeStorage or a passphrase can protect it, so a supervisor
 * can read it to the analyst before the first export. Null when it cannot be made yet.
 */
export function mainDeviceFingerprint(deps: { safeStorage: MainSafeStorage; userData: string; env: NodeJS.ProcessEnv }): () => Promise<string | null> {
  const path = join(deps.userData, DEVICE_KEY_FILE);
  return async () => {
    const recorded = await readDeviceKeyFingerprint(path);
    if (recorded) return recorded;
    const protector = deviceKeyProtector(deps.safeStorage, deps.env);
    return protector ? (await openDeviceSigningKey(path, protector)).key.fingerprint : null;
  };
}
