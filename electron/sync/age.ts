// age (https://age-encryption.org/v1) through the age-encryption package, by age's authors:
// X25519 identities and recipients for batch payloads, scrypt passphrases for key files.
// Debian's `age` decrypts what this writes, which the tests check.
import { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { AgeRecipientSchema, formatFingerprint } from '../../shared/formats/common';
import { sha256Hex } from './hash';

/** age's default scrypt work factor (log2 N), as the `age` tool uses it. */
export const AGE_SCRYPT_WORK_FACTOR = 18;

const IDENTITY_PATTERN = /^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/;

export interface AgeKeyPair {
  identity: string;
  recipient: string;
}

export async function generateAgeKeyPair(): Promise<AgeKeyPair> {
  const identity = await generateX25519Identity();
  return { identity, recipient: await identityToRecipient(identity) };
}

export function isAgeIdentity(text: string): boolean {
  return IDENTITY_PATTERN.test(text);
}

export function isAgeRecipient(text: string): boolean {
  return AgeRecipientSchema.safeParse(text).success;
}

/**
 * The fingerprint of an age recipient: SHA-256 over its text (`age1…`, ASCII), shown like the
 * signing keys' fingerprints. age writes recipients in one canonical form (lower-case Bech32),
 * so one recipient has one fingerprint.
 */
export function recipientFingerprint(recipient: string): string {
  return formatFingerprint(sha256Hex(Buffer.from(recipient, 'ascii')));
}

export async function recipientOf(identity: string): Promise<string> {
  return identityToRecipient(identity);
}

export async function encryptToRecipient(recipient: string, plaintext: Uint8Array): Promise<Uint8Array> {
  if (!isAgeRecipient(recipient)) throw new Error('not an age X25519 recipient (age1…)');
  const e = new Encrypter();
  e.addRecipient(recipient);
  return e.encrypt(plaintext);
}

/** Decrypts with an X25519 identity; throws (age's error) when it is not for this identity or damaged. */
export async function decryptWithIdentity(identity: string, ciphertext: Uint8Array): Promise<Uint8Array> {
  const d = new Decrypter();
  d.addIdentity(identity);
  return d.decrypt(ciphertext);
}

export async function encryptWithPassphrase(passphrase: string, plaintext: Uint8Array, workFactor = AGE_SCRYPT_WORK_FACTOR): Promise<Uint8Array> {
  const e = new Encrypter();
  e.setPassphrase(passphrase);
  e.setScryptWorkFactor(workFactor);
  return e.encrypt(plaintext);
}

export async function decryptWithPassphrase(passphrase: string, ciphertext: Uint8Array): Promise<Uint8Array> {
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  return d.decrypt(ciphertext);
}
