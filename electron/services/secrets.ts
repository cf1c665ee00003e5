// Hashing of PINs and passwords with scrypt. The cost parameters are stored next to each hash,
// so they can be raised for new secrets later without breaking sign-in for existing users.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ServiceError } from '../../shared/contract/errors';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** ~16 MiB and a few tens of ms per hash on the field laptops: slow for guessing, fine for a human. */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 14, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export interface HashedSecret {
  hash: Buffer;
  salt: Buffer;
  params: ScryptParams;
}

function derive(secret: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    // Node's default cap (32 MiB) would reject raised parameters; allow what they need, with room.
    maxmem: 256 * params.N * params.r * params.p + 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scrypt(secret.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** A PIN is 4–12 digits; anything else is a password of at least 8 characters. */
export function assertStrongSecret(secret: string): void {
  const isPin = /^[0-9]{4,12}$/.test(secret);
  const isPassword = !/^[0-9]*$/.test(secret) && [...secret].length >= 8;
  if (!isPin && !isPassword) throw new ServiceError('weak_secret');
}

export async function hashSecret(secret: string, params: ScryptParams = DEFAULT_SCRYPT_PARAMS): Promise<HashedSecret> {
  const salt = randomBytes(SALT_LENGTH);
  return { hash: await derive(secret, salt, params), salt, params };
}

/** Constant-time comparison against a stored hash, using the parameters it was made with. */
export async function verifySecret(secret: string, stored: HashedSecret): Promise<boolean> {
  const candidate = await derive(secret, stored.salt, stored.params);
  return candidate.length === stored.hash.length && timingSafeEqual(candidate, stored.hash);
}
