// How a private key is kept at rest: a small port with three implementations. The app plugs in
// Electron's safeStorage (OS keychain / DPAPI / libsecret) from main; the CLI and the preview host
// wrap the key with a passphrase (an age file with age's scrypt passphrase recipient, so no
// home-made construction, and `age -d` can open it); `plainProtector` leaves it in an owner-only
// file, as age-keygen and ssh-keygen without a passphrase do.
import { ServiceError } from '../../shared/contract/errors';
import { AGE_SCRYPT_WORK_FACTOR, decryptWithPassphrase, encryptWithPassphrase } from './age';

export const KEY_PROTECTIONS = ['none', 'age-passphrase', 'safe-storage'] as const;
export type KeyProtection = (typeof KEY_PROTECTIONS)[number];

export interface KeyProtector {
  readonly kind: KeyProtection;
  protect(secret: Uint8Array): Promise<Buffer>;
  /** Throws ServiceError `key_wrong_passphrase` or `key_unavailable` when it cannot. */
  unprotect(wrapped: Uint8Array): Promise<Buffer>;
}

export function plainProtector(): KeyProtector {
  return {
    kind: 'none',
    protect: async (secret) => Buffer.from(secret),
    unprotect: async (wrapped) => Buffer.from(wrapped),
  };
}

export const MIN_PASSPHRASE_LENGTH = 8;

/**
 * Passphrase wrapping with age's scrypt recipient. `workFactor` is log2 of scrypt's N (age's own
 * default, 18, unless a test asks for less); the reader takes it from the file, up to age's cap.
 */
export function passphraseProtector(passphrase: string, options: { workFactor?: number } = {}): KeyProtector {
  const normalised = passphrase.normalize('NFC');
  return {
    kind: 'age-passphrase',
    protect: async (secret) => {
      if ([...normalised].length < MIN_PASSPHRASE_LENGTH) throw new ServiceError('weak_secret', `a key passphrase needs at least ${MIN_PASSPHRASE_LENGTH} characters`);
      return Buffer.from(await encryptWithPassphrase(normalised, secret, options.workFactor ?? AGE_SCRYPT_WORK_FACTOR));
    },
    unprotect: async (wrapped) => {
      try {
        return Buffer.from(await decryptWithPassphrase(normalised, wrapped));
      } catch (error) {
        throw new ServiceError('key_wrong_passphrase', (error as Error).message);
      }
    },
  };
}

/** The part of Electron's `safeStorage` this needs (main passes the real one in). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function safeStorageProtector(safeStorage: SafeStorageLike): KeyProtector {
  const available = () => {
    if (!safeStorage.isEncryptionAvailable()) throw new ServiceError('key_unavailable', 'the system keychain (safeStorage) is not available');
  };
  return {
    kind: 'safe-storage',
    protect: async (secret) => {
      available();
      return safeStorage.encryptString(Buffer.from(secret).toString('base64'));
    },
    unprotect: async (wrapped) => {
      available();
      let text: string;
      try {
        text = safeStorage.decryptString(Buffer.from(wrapped));
      } catch (error) {
        throw new ServiceError('key_unavailable', `the system keychain could not unlock the key (${(error as Error).message})`);
      }
      return Buffer.from(text, 'base64');
    },
  };
}
