// An analyst's key folder, as `khaosat keys generate` makes it: an Ed25519 signing key (signs
// survey packages) and an age X25519 identity (decrypts batches), each with its public half.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import { generateAgeKeyPair, recipientFingerprint } from './age';
import {
  readAgeIdentityFile,
  readAgeRecipientFile,
  readSigningKeyFile,
  signingKeyFileProtection,
  writeAgeIdentityFile,
  writeAgeRecipientFile,
  writeSigningKeyFile,
  writeSigningPublicKeyFile,
} from './key-files';
import type { KeyProtector } from './key-protector';
import { generateSigningKey, type SigningKey } from './signing';

export const ANALYST_KEY_FILES = {
  signingKey: 'signing.key',
  signingPublicKey: 'signing.pub',
  encryptionKey: 'encryption.key',
  encryptionPublicKey: 'encryption.pub',
} as const;

export interface AnalystKeySummary {
  dir: string;
  signing: { publicKey: string; fingerprint: string; protection: KeyProtector['kind'] };
  encryption: { recipient: string; fingerprint: string };
  files: typeof ANALYST_KEY_FILES;
}

/** Makes both key pairs in `dir` (created 0700 if missing); refuses if any of the files exists. */
export async function generateAnalystKeys(dir: string, protector: KeyProtector, now: Date = new Date()): Promise<AnalystKeySummary> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const name of Object.values(ANALYST_KEY_FILES)) {
    const path = join(dir, name);
    if (await stat(path).then(() => true, () => false)) throw new ServiceError('key_exists', path);
  }
  const signing = generateSigningKey();
  const age = await generateAgeKeyPair();
  await writeSigningKeyFile(join(dir, ANALYST_KEY_FILES.signingKey), signing, protector);
  await writeSigningPublicKeyFile(join(dir, ANALYST_KEY_FILES.signingPublicKey), signing);
  await writeAgeIdentityFile(join(dir, ANALYST_KEY_FILES.encryptionKey), age.identity, now);
  await writeAgeRecipientFile(join(dir, ANALYST_KEY_FILES.encryptionPublicKey), age.recipient);
  return {
    dir,
    signing: { publicKey: signing.publicKeyHex, fingerprint: signing.fingerprint, protection: protector.kind },
    encryption: { recipient: age.recipient, fingerprint: recipientFingerprint(age.recipient) },
    files: ANALYST_KEY_FILES,
  };
}

/** The protection of the folder's signing key, so the caller knows whether to ask for a passphrase. */
export function analystSigningKeyProtection(dir: string): Promise<KeyProtector['kind']> {
  return signingKeyFileProtection(join(dir, ANALYST_KEY_FILES.signingKey));
}

/** What `package create` needs: the unlocked signing key and the recipient batches go to. */
export async function loadAnalystSigningKeys(dir: string, protector: KeyProtector): Promise<{ signing: SigningKey; recipient: string }> {
  const signing = await readSigningKeyFile(join(dir, ANALYST_KEY_FILES.signingKey), protector);
  const { recipient } = await readAgeRecipientFile(join(dir, ANALYST_KEY_FILES.encryptionPublicKey));
  return { signing, recipient };
}

/** What `import` needs: the age identity that opens batches. */
export function loadAnalystIdentity(dir: string): Promise<string> {
  return readAgeIdentityFile(join(dir, ANALYST_KEY_FILES.encryptionKey));
}
