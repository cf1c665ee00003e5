// Ed25519 signing keys (Node's crypto, no other library): generate, load from the 32-byte seed,
// sign, verify, and the fingerprint people compare. Ed25519 signatures are deterministic, so the
// same key and message always give the same 64 bytes (the test vectors rely on it).
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { formatFingerprint } from '../../shared/formats/common';
import { sha256Hex } from './hash';

export const ED25519_PUBLIC_KEY_BYTES = 32;
export const ED25519_SEED_BYTES = 32;
export const ED25519_SIGNATURE_BYTES = 64;

/** A private signing key in memory. The seed is only reachable through `exportSeed`. */
export interface SigningKey {
  readonly publicKey: Buffer;
  readonly publicKeyHex: string;
  readonly fingerprint: string;
  sign(message: Uint8Array): Buffer;
  /** The 32-byte secret seed, for wrapping into a key file. Handle with care. */
  exportSeed(): Buffer;
}

/** The fingerprint of a raw 32-byte public key: SHA-256, first 128 bits, `XXXX-XXXX-…`. */
export function keyFingerprint(rawPublicKey: Uint8Array): string {
  return formatFingerprint(sha256Hex(rawPublicKey));
}

function b64url(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64url');
}

function rawPublicKeyOf(key: KeyObject): Buffer {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return Buffer.from(jwk.x, 'base64url');
}

function wrap(privateKey: KeyObject): SigningKey {
  const jwk = privateKey.export({ format: 'jwk' });
  if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || typeof jwk.d !== 'string') throw new Error('not an Ed25519 private key');
  const publicKey = rawPublicKeyOf(createPublicKey(privateKey));
  return {
    publicKey,
    publicKeyHex: publicKey.toString('hex'),
    fingerprint: keyFingerprint(publicKey),
    sign: (message) => sign(null, message, privateKey),
    exportSeed: () => Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url'),
  };
}

export function generateSigningKey(): SigningKey {
  return wrap(generateKeyPairSync('ed25519').privateKey);
}

/** The key whose secret is this 32-byte seed (RFC 8032's private key). */
export function signingKeyFromSeed(seed: Uint8Array): SigningKey {
  if (seed.length !== ED25519_SEED_BYTES) throw new Error(`an Ed25519 seed has ${ED25519_SEED_BYTES} bytes`);
  // Node's JWK import wants the public half too; PKCS#8 (RFC 8410: a fixed 16-byte prefix and
  // the seed) takes the seed alone and Node derives the public key from it.
  const pkcs8 = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  const key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  return wrap(key);
}

/** True when `signature` is a valid Ed25519 signature of `message` by the raw `publicKey`. */
export function verifySignature(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== ED25519_PUBLIC_KEY_BYTES || signature.length !== ED25519_SIGNATURE_BYTES) return false;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: b64url(publicKey) }, format: 'jwk' });
  } catch {
    return false;
  }
  try {
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}
