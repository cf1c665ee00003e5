// This laptop's signing key for the command line (and the preview host): the key file beside the
// database (`device-signing.key`), owner-only. Made on first use: wrapped with a passphrase when
// one is configured (KHAOSAT_DEVICE_KEY_PASSPHRASE, or `--passphrase` read from standard input),
// else plain with a note that only the file's 0600 mode protects it. Opened later with the
// protection its file records; a key the app wrapped with safeStorage is opened by the app only.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import { DEVICE_KEY_PASSPHRASE_ENV } from '../services/batches';
import { DEVICE_KEY_FILE, openDeviceSigningKey } from '../sync/device-key';

export { DEVICE_KEY_PASSPHRASE_ENV };
import { signingKeyFileProtection } from '../sync/key-files';
import { passphraseProtector, plainProtector, type KeyProtector } from '../sync/key-protector';
import type { SigningKey } from '../sync/signing';


export function deviceKeyPathFor(dbPath: string): string {
  return join(dirname(dbPath), DEVICE_KEY_FILE);
}

export interface DeviceKeySource {
  dbPath: string;
  env: NodeJS.ProcessEnv;
  /** Asked only when a passphrase is needed and the environment has none. */
  askPassphrase: (() => Promise<string>) | null;
  /** Told once when a new key is kept without a passphrase. */
  note: (text: string) => void;
}

async function passphrase(source: DeviceKeySource): Promise<string | null> {
  const fromEnv = source.env[DEVICE_KEY_PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  return source.askPassphrase ? source.askPassphrase() : null;
}

export async function openCliDeviceKey(source: DeviceKeySource): Promise<{ key: SigningKey; created: boolean; path: string }> {
  const path = deviceKeyPathFor(source.dbPath);
  let protector: KeyProtector;
  if (existsSync(path)) {
    const kind = await signingKeyFileProtection(path);
    if (kind === 'safe-storage') {
      throw new ServiceError('key_unavailable', `${path} is protected by the desktop app's keychain (safeStorage); export from the app`);
    }
    if (kind === 'age-passphrase') {
      const p = await passphrase(source);
      if (!p) throw new ServiceError('key_wrong_passphrase', `${path} needs its passphrase (${DEVICE_KEY_PASSPHRASE_ENV} or --passphrase)`);
      protector = passphraseProtector(p);
    } else protector = plainProtector();
  } else {
    const p = await passphrase(source);
    protector = p ? passphraseProtector(p) : plainProtector();
  }
  const opened = await openDeviceSigningKey(path, protector);
  if (opened.created && protector.kind === 'none') {
    source.note(
      `Đã tạo khóa ký của máy ${path} không có cụm mật khẩu: chỉ quyền tệp 0600 bảo vệ nó (đặt ${DEVICE_KEY_PASSPHRASE_ENV} hoặc dùng --passphrase để bọc khóa).\n` +
        `Created this laptop's signing key ${path} without a passphrase: only its 0600 file mode protects it (set ${DEVICE_KEY_PASSPHRASE_ENV} or use --passphrase to wrap it).\n`,
    );
  }
  return { ...opened, path };
}
