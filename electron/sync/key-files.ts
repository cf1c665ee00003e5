// Key files on disk. A signing key file is canonical JSON naming the algorithm, the public key,
// its fingerprint and how the secret is protected; the secret (the 32-byte Ed25519 seed) is
// wrapped by a KeyProtector. Secret files are written owner-only (0600), atomically, and never
// over an existing file. The analyst's encryption key is a plain age identity file, as
// age-keygen writes it, so Debian's `age -d -i` reads it too.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { ServiceError } from '../../shared/contract/errors';
import { canonicalJson } from '../../shared/formats/canonical-json';
import { FingerprintSchema, PublicKeyHexSchema } from '../../shared/formats/common';
import { isAgeIdentity, isAgeRecipient, recipientFingerprint, recipientOf } from './age';
import { writeFileAtomic } from './atomic-write';
import { KEY_PROTECTIONS, type KeyProtector } from './key-protector';
import { keyFingerprint, signingKeyFromSeed, type SigningKey } from './signing';

export const SIGNING_KEY_FORMAT = 'khaosat-signing-key';
export const SIGNING_PUBLIC_KEY_FORMAT = 'khaosat-signing-public-key';
const MAX_KEY_FILE_BYTES = 64 * 1024;

const SigningKeyFileSchema = z.strictObject({
  format: z.literal(SIGNING_KEY_FORMAT),
  formatVersion: z.literal(1),
  algorithm: z.literal('Ed25519'),
  publicKey: PublicKeyHexSchema,
  fingerprint: FingerprintSchema,
  protection: z.enum(KEY_PROTECTIONS),
  /** The protected seed, base64. */
  secret: z.string().max(MAX_KEY_FILE_BYTES).regex(/^[A-Za-z0-9+/]*={0,2}$/),
});

const SigningPublicKeyFileSchema = z.strictObject({
  format: z.literal(SIGNING_PUBLIC_KEY_FORMAT),
  formatVersion: z.literal(1),
  algorithm: z.literal('Ed25519'),
  publicKey: PublicKeyHexSchema,
  fingerprint: FingerprintSchema,
});

function rethrowExists(path: string) {
  return (error: unknown): never => {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ServiceError('key_exists', path);
    throw error;
  };
}

async function readSmallFile(path: string, secret = false): Promise<Buffer> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    throw new ServiceError('not_found', `${path}: ${(error as NodeJS.ErrnoException).code ?? 'cannot read'}`);
  }
  if (info.size > MAX_KEY_FILE_BYTES) throw new ServiceError('key_damaged', `${path}: larger than a key file can be`);
  // As ssh does: a secret others can read is refused rather than used (POSIX modes only; on
  // Windows the profile folder's ACL is what protects it).
  if (secret && process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new ServiceError('key_exposed', `${path}: mode ${(info.mode & 0o777).toString(8)}, expected 600`);
  }
  return readFile(path);
}

function parseJsonFile<T>(path: string, bytes: Buffer, schema: z.ZodType<T>): T {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new ServiceError('key_damaged', `${path}: not JSON`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ServiceError('key_damaged', `${path}: ${parsed.error.issues[0]?.message ?? 'unexpected content'}`);
  return parsed.data;
}

/** Writes `key` to `path` (0600, atomic, refusing an existing file), its secret wrapped by `protector`. */
export async function writeSigningKeyFile(path: string, key: SigningKey, protector: KeyProtector): Promise<void> {
  const file = {
    format: SIGNING_KEY_FORMAT,
    formatVersion: 1,
    algorithm: 'Ed25519',
    publicKey: key.publicKeyHex,
    fingerprint: key.fingerprint,
    protection: protector.kind,
    secret: (await protector.protect(key.exportSeed())).toString('base64'),
  };
  await writeFileAtomic(path, Buffer.from(`${canonicalJson(file)}\n`), { mode: 0o600 }).catch(rethrowExists(path));
}

/** Reads and unlocks a signing key file; the unwrapped seed must give the recorded public key. */
export async function readSigningKeyFile(path: string, protector: KeyProtector): Promise<SigningKey> {
  const file = parseJsonFile(path, await readSmallFile(path, true), SigningKeyFileSchema);
  if (file.protection !== protector.kind) {
    throw new ServiceError('key_unavailable', `${path} is protected by ${file.protection}, not ${protector.kind}`);
  }
  const seed = await protector.unprotect(Buffer.from(file.secret, 'base64'));
  let key: SigningKey;
  try {
    key = signingKeyFromSeed(seed);
  } catch {
    throw new ServiceError('key_damaged', `${path}: the secret is not an Ed25519 seed`);
  } finally {
    seed.fill(0);
  }
  if (key.publicKeyHex !== file.publicKey || key.fingerprint !== file.fingerprint) {
    throw new ServiceError('key_damaged', `${path}: the secret does not belong to the recorded public key`);
  }
  return key;
}

/**
 * The public half a signing key file records, without unlocking its secret (for showing the
 * fingerprint before any passphrase or keychain is at hand). The fingerprint is recomputed from
 * the public key; the secret is checked against it whenever the key is opened to sign.
 */
export async function readSigningKeyFilePublic(path: string): Promise<{ publicKey: Buffer; fingerprint: string }> {
  const file = parseJsonFile(path, await readSmallFile(path), SigningKeyFileSchema);
  const publicKey = Buffer.from(file.publicKey, 'hex');
  if (keyFingerprint(publicKey) !== file.fingerprint) throw new ServiceError('key_damaged', `${path}: fingerprint does not match the key`);
  return { publicKey, fingerprint: file.fingerprint };
}

/** The protection recorded in a signing key file (to choose the protector before unlocking). */
export async function signingKeyFileProtection(path: string): Promise<KeyProtector['kind']> {
  return parseJsonFile(path, await readSmallFile(path), SigningKeyFileSchema).protection;
}

export async function writeSigningPublicKeyFile(path: string, key: Pick<SigningKey, 'publicKeyHex' | 'fingerprint'>): Promise<void> {
  const file = { format: SIGNING_PUBLIC_KEY_FORMAT, formatVersion: 1, algorithm: 'Ed25519', publicKey: key.publicKeyHex, fingerprint: key.fingerprint };
  await writeFileAtomic(path, Buffer.from(`${canonicalJson(file)}\n`), { mode: 0o644 }).catch(rethrowExists(path));
}

export async function readSigningPublicKeyFile(path: string): Promise<{ publicKey: Buffer; fingerprint: string }> {
  const file = parseJsonFile(path, await readSmallFile(path), SigningPublicKeyFileSchema);
  const publicKey = Buffer.from(file.publicKey, 'hex');
  if (keyFingerprint(publicKey) !== file.fingerprint) throw new ServiceError('key_damaged', `${path}: fingerprint does not match the key`);
  return { publicKey, fingerprint: file.fingerprint };
}

/** An age identity file as age-keygen writes it: comments, then the identity line. */
export async function writeAgeIdentityFile(path: string, identity: string, createdAt: Date): Promise<void> {
  const recipient = await recipientOf(identity);
  const text = `# created: ${createdAt.toISOString()}\n# public key: ${recipient}\n${identity}\n`;
  await writeFileAtomic(path, Buffer.from(text, 'ascii'), { mode: 0o600 }).catch(rethrowExists(path));
}

/** The one identity in an age identity file (comment and blank lines skipped). */
export async function readAgeIdentityFile(path: string): Promise<string> {
  const lines = (await readSmallFile(path, true)).toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (lines.length !== 1 || !isAgeIdentity(lines[0]!)) throw new ServiceError('key_damaged', `${path}: expected one AGE-SECRET-KEY-1… line`);
  return lines[0]!;
}

export async function writeAgeRecipientFile(path: string, recipient: string): Promise<void> {
  await writeFileAtomic(path, Buffer.from(`${recipient}\n`, 'ascii'), { mode: 0o644 }).catch(rethrowExists(path));
}

export async function readAgeRecipientFile(path: string): Promise<{ recipient: string; fingerprint: string }> {
  const lines = (await readSmallFile(path)).toString('utf8').split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
  if (lines.length !== 1 || !isAgeRecipient(lines[0]!)) throw new ServiceError('key_damaged', `${path}: expected one age1… line`);
  return { recipient: lines[0]!, fingerprint: recipientFingerprint(lines[0]!) };
}
