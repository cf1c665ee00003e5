// The signed container both file formats share (byte layout in docs/file-formats.md):
//
//   magic (8) | format version (u16 BE) | signer public key (32) | manifest length (u32 BE)
//   | manifest (canonical JSON, UTF-8) | Ed25519 signature (64) | body
//
// The signature covers every byte before it, so the signer's key, the format version and the
// manifest are checked before any JSON is parsed; the manifest then commits to the body by
// size and SHA-256. Readers take the whole file as bytes, parse nothing before the signature
// checks, and write nothing.
import { ServiceError, type ErrorCode } from '../../shared/contract/errors';
import { canonicalJson, parseCanonicalJson } from '../../shared/formats/canonical-json';
import { ED25519_PUBLIC_KEY_BYTES, ED25519_SIGNATURE_BYTES, verifySignature, type SigningKey } from './signing';

export const MAGIC_BYTES = 8;
export const HEADER_BYTES = MAGIC_BYTES + 2 + ED25519_PUBLIC_KEY_BYTES + 4;

export interface ContainerKind {
  /** 8 bytes: 4 ASCII letters then \r\n\x1a\n, which shows text-mode mangling the way PNG's does. */
  magic: Buffer;
  version: number;
  maxFileBytes: number;
  maxManifestBytes: number;
  errors: { damaged: ErrorCode; badSignature: ErrorCode };
  /** Named in error details: 'survey package' or 'batch'. */
  label: string;
}

export function magicOf(letters: string): Buffer {
  if (!/^[A-Z]{4}$/.test(letters)) throw new Error('magic needs 4 capital letters');
  return Buffer.concat([Buffer.from(letters, 'ascii'), Buffer.from([0x0d, 0x0a, 0x1a, 0x0a])]);
}

export interface OpenedContainer {
  signerPublicKey: Buffer;
  /** The manifest exactly as signed. */
  manifestBytes: Buffer;
  signature: Buffer;
  /** Parsed manifest (canonical JSON checked, schema not yet). */
  manifest: unknown;
  body: Buffer;
}

export function writeContainer(kind: ContainerKind, manifest: unknown, body: Uint8Array, key: SigningKey): Buffer {
  const manifestBytes = Buffer.from(canonicalJson(manifest), 'utf8');
  if (manifestBytes.length > kind.maxManifestBytes) throw new Error(`${kind.label} manifest larger than ${kind.maxManifestBytes} bytes`);
  const header = Buffer.alloc(HEADER_BYTES);
  kind.magic.copy(header, 0);
  header.writeUInt16BE(kind.version, MAGIC_BYTES);
  key.publicKey.copy(header, MAGIC_BYTES + 2);
  header.writeUInt32BE(manifestBytes.length, MAGIC_BYTES + 2 + ED25519_PUBLIC_KEY_BYTES);
  const signed = Buffer.concat([header, manifestBytes]);
  const signature = key.sign(signed);
  const file = Buffer.concat([signed, signature, body]);
  if (file.length > kind.maxFileBytes) throw new Error(`${kind.label} larger than ${kind.maxFileBytes} bytes`);
  return file;
}

/**
 * Splits and authenticates a container: size bounds, magic, version, signature over header and
 * manifest, canonical JSON. Every failure is a ServiceError with the kind's specific code.
 * The body is returned unchecked: its size and hash are in the manifest, for the caller.
 */
export function openContainer(kind: ContainerKind, bytes: Uint8Array): OpenedContainer {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (detail: string) => new ServiceError(kind.errors.damaged, detail);
  if (file.length > kind.maxFileBytes) throw damaged(`${kind.label} larger than ${kind.maxFileBytes} bytes`);
  if (file.length < HEADER_BYTES || !file.subarray(0, MAGIC_BYTES).equals(kind.magic)) {
    throw damaged(`not a KhaoSat ${kind.label} (wrong magic bytes)`);
  }
  const version = file.readUInt16BE(MAGIC_BYTES);
  if (version > kind.version) throw new ServiceError('format_too_new', `${kind.label} format version ${version}; this KhaoSat reads up to ${kind.version}`);
  if (version !== kind.version) throw damaged(`${kind.label} format version ${version} is not one KhaoSat ever wrote`);
  const signerPublicKey = Buffer.from(file.subarray(MAGIC_BYTES + 2, MAGIC_BYTES + 2 + ED25519_PUBLIC_KEY_BYTES));
  const manifestLength = file.readUInt32BE(MAGIC_BYTES + 2 + ED25519_PUBLIC_KEY_BYTES);
  if (manifestLength > kind.maxManifestBytes) throw damaged(`manifest length ${manifestLength} over the limit of ${kind.maxManifestBytes}`);
  const signatureAt = HEADER_BYTES + manifestLength;
  if (file.length < signatureAt + ED25519_SIGNATURE_BYTES) throw damaged(`${kind.label} is truncated (${file.length} bytes)`);
  const signed = file.subarray(0, signatureAt);
  const signature = Buffer.from(file.subarray(signatureAt, signatureAt + ED25519_SIGNATURE_BYTES));
  if (!verifySignature(signerPublicKey, signed, signature)) {
    throw new ServiceError(kind.errors.badSignature, `the Ed25519 signature does not match the ${kind.label}'s header and manifest`);
  }
  const manifestBytes = Buffer.from(file.subarray(HEADER_BYTES, signatureAt));
  // Signed, so this is what the signer wrote; still refuse anything but one canonical spelling.
  const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let manifestText: string;
  try {
    manifestText = text.decode(manifestBytes);
  } catch {
    throw damaged('manifest is not valid UTF-8');
  }
  const parsed = parseCanonicalJson(manifestText);
  if (!parsed.ok) throw damaged(`manifest: ${parsed.reason}`);
  return {
    signerPublicKey,
    manifestBytes,
    signature,
    manifest: parsed.value,
    // A view, not a copy: a batch can be large.
    body: file.subarray(signatureAt + ED25519_SIGNATURE_BYTES),
  };
}

/** The manifest's schema-issue list as one detail line: `path: problem; …`. */
export function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join('.') || '(manifest)'}: ${i.message}`)
    .join('; ');
}
