// Hashing of PINs and passwords with scrypt. The cost parameters are stored next to each hash,
// so they can be raised for new secrets later without breaking sign-in for existing users.
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { ServiceError } from '../../shared/contract/errors';
import type { Role } from '../../shared/contract/roles';
import { checkSecret, SECRET_RULE_MESSAGES } from '../../shared/users/secrets';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/**
 * 64 MiB and ~250 ms per hash on a 2-core machine (measured: N=2^15 r=16 p=1 took 227–249 ms,
 * against 70 ms for the earlier N=2^14 r=8): slow for offline guessing from a copied database,
 * still a short wait for a person signing in. Older hashes keep the parameters stored with them.
 */
export const DEFAULT_SCRYPT_PARAMS: ScryptParams = { N: 2 ** 15, r: 16, p: 1 };
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

/** Refuses a new secret that breaks a rule of shared/users/secrets.ts for this role, naming the rule. */
export function assertAcceptableSecret(secret: string, role: Role): void {
  const rule = checkSecret(secret, role);
  if (!rule) return;
  const m = SECRET_RULE_MESSAGES[rule];
  throw new ServiceError('weak_secret', rule, { issues: [{ path: 'secret', problem: rule, message: m.vi, messageEn: m.en }] });
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

/**
 * The two scrypt operations the user service needs, injectable so a test can count derivations
 * (an unknown code must cost one, like a known one) without measuring time.
 */
export interface SecretHasher {
  hash: (secret: string, params: ScryptParams) => Promise<HashedSecret>;
  verify: (secret: string, stored: HashedSecret) => Promise<boolean>;
}

export const scryptHasher: SecretHasher = { hash: hashSecret, verify: verifySecret };
