// Shapes shared by the file formats: keys, hashes, times, and the fingerprint people read aloud.
// The hashing itself happens in Node (electron/sync); these are the pure parts.
import { z } from 'zod';

/** A 32-byte public key (Ed25519 or X25519), lower-case hex. */
export const PublicKeyHexSchema = z.string().regex(/^[0-9a-f]{64}$/, '32-byte key in lower-case hex');

/** Lower-case hex SHA-256. */
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 in lower-case hex');

/**
 * A fingerprint people read aloud and compare: the first 128 bits of SHA-256 over the raw key,
 * upper-case hex in eight groups of four, e.g. `4F2A-9C1B-07D3-…`. 128 bits keep a forged key
 * with the same fingerprint out of reach (a second preimage costs about 2^128 hashes).
 */
export const FingerprintSchema = z
  .string()
  .regex(/^[0-9A-F]{4}(-[0-9A-F]{4}){7}$/, 'fingerprint such as 4F2A-9C1B-07D3-55E0-A1B2-C3D4-E5F6-0718');

export const FINGERPRINT_HEX_CHARS = 32;

/** The display form of a SHA-256 digest given in hex (only its first 128 bits are shown). */
export function formatFingerprint(sha256Hex: string): string {
  if (!/^[0-9a-fA-F]{64}$/.test(sha256Hex)) throw new Error('formatFingerprint needs a SHA-256 in hex');
  const head = sha256Hex.slice(0, FINGERPRINT_HEX_CHARS).toUpperCase();
  return head.match(/.{4}/g)!.join('-');
}

/** An age X25519 recipient (`age1…`, Bech32, lower case). */
export const AgeRecipientSchema = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'age X25519 recipient (age1…)');

/** A UTC time as `Date#toISOString` writes it, e.g. 2026-12-01T08:30:00.000Z. */
export const UtcTimeSchema = z.iso.datetime({ offset: false, local: false });
