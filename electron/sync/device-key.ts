// This laptop's signing key: made on first use, kept in one owner-only key file whose secret is
// wrapped by the KeyProtector main chooses (safeStorage in the app, a passphrase for the CLI
// and the preview host). Later opens unlock the same key; a key file is never replaced.
import { stat } from 'node:fs/promises';
import { readSigningKeyFile, readSigningKeyFilePublic, writeSigningKeyFile } from './key-files';
import type { KeyProtector } from './key-protector';
import { generateSigningKey, type SigningKey } from './signing';

export const DEVICE_KEY_FILE = 'device-signing.key';

export async function openDeviceSigningKey(path: string, protector: KeyProtector): Promise<{ key: SigningKey; created: boolean }> {
  const exists = await stat(path).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  if (exists) return { key: await readSigningKeyFile(path, protector), created: false };
  const key = generateSigningKey();
  // If another process made the key meanwhile, writing refuses (key_exists) rather than replace it.
  await writeSigningKeyFile(path, key, protector);
  return { key, created: true };
}

/**
 * The fingerprint of this laptop's key as its file records it (no secret is unlocked), or null
 * when the key has not been made yet. What a supervisor reads aloud to the analyst.
 */
export async function readDeviceKeyFingerprint(path: string): Promise<string | null> {
  const exists = await stat(path).then(() => true, (error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return false;
    throw error;
  });
  return exists ? (await readSigningKeyFilePublic(path)).fingerprint : null;
}
