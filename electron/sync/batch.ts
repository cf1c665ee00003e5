// Batches (.ksbatch), laptop → analyst. The manifest (who, which sequence, which interviews at
// which revision and content hash) is signed with the laptop's Ed25519 key and readable by
// anyone; the interview records are one gzipped JSON payload encrypted with age to the analyst's
// recipient, and the manifest commits to the payload's size and SHA-256. Opening checks the
// signature and the payload hash before decrypting, then every record against the manifest.
//
// age picks a random file key per encryption, so writing the same input twice gives different
// bytes: re-exporting a past batch byte-identically means keeping (and re-writing) its bytes.
import { gunzipSync, gzipSync } from 'node:zlib';
import { ServiceError } from '../../shared/contract/errors';
import { canonicalJson } from '../../shared/formats/canonical-json';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  BATCH_LIMITS,
  BATCH_PAYLOAD_COMPRESSION,
  BATCH_PAYLOAD_ENCRYPTION,
  BATCH_PAYLOAD_FORMAT,
  BatchManifestSchema,
  BatchPayloadSchema,
  InterviewRecordSchema,
  outcomeCounts,
  surveysOf,
  type BatchManifest,
  type InterviewRecord,
} from '../../shared/formats/batch';
import { decryptWithIdentity, encryptToRecipient, isAgeIdentity, isAgeRecipient, recipientFingerprint, recipientOf } from './age';
import { describeIssues, magicOf, openContainer, writeContainer, type ContainerKind } from './container';
import { sha256Hex } from './hash';
import { keyFingerprint, type SigningKey } from './signing';

export const BATCH_EXTENSION = '.ksbatch';

export const BATCH_CONTAINER: ContainerKind = {
  magic: magicOf('KSBT'),
  version: BATCH_FORMAT_VERSION,
  maxFileBytes: BATCH_LIMITS.fileBytes,
  maxManifestBytes: BATCH_LIMITS.manifestBytes,
  errors: { damaged: 'batch_damaged', badSignature: 'batch_bad_signature' },
  label: 'batch',
};

/** SHA-256 of an interview record's canonical JSON: what the manifest lists per interview. */
export function interviewContentHash(record: InterviewRecord): string {
  return sha256Hex(Buffer.from(canonicalJson(record), 'utf8'));
}

export interface BatchInput {
  batchId: string;
  deviceId: string;
  /** 1, 2, 3… per device, from the outgoing ledger. */
  sequence: number;
  createdAt: string;
  /** The analyst's age recipient, from the survey package. */
  recipient: string;
  interviews: InterviewRecord[];
}

export interface WrittenBatch {
  bytes: Buffer;
  manifest: BatchManifest;
  /** SHA-256 of the whole file, for the outgoing ledger. */
  fileSha256: string;
}

export async function writeBatch(input: BatchInput, deviceKey: SigningKey): Promise<WrittenBatch> {
  if (!isAgeRecipient(input.recipient)) throw new Error('recipient must be an age X25519 recipient (age1…)');
  const records = [...input.interviews].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  records.forEach((record, i) => {
    const checked = InterviewRecordSchema.safeParse(record);
    if (!checked.success) throw new Error(`interview ${record.id}: ${describeIssues(checked.error.issues)}`);
    if (record.deviceId !== input.deviceId) throw new Error(`interview ${record.id} was made on device ${record.deviceId}, not ${input.deviceId}`);
    if (i > 0 && records[i - 1]!.id === record.id) throw new Error(`interview ${record.id} appears twice`);
  });
  // Each record is made canonical once: its text is hashed for the manifest and spliced into the
  // payload, whose own keys (batchId < format < formatVersion < interviews) are already in order.
  const texts = records.map((r) => canonicalJson(r));
  const payload = `{"batchId":${canonicalJson(input.batchId)},"format":"${BATCH_PAYLOAD_FORMAT}","formatVersion":${BATCH_FORMAT_VERSION},"interviews":[${texts.join(',')}]}`;
  const json = Buffer.from(payload, 'utf8');
  if (json.length > BATCH_LIMITS.payloadJsonBytes) throw new Error(`batch payload larger than ${BATCH_LIMITS.payloadJsonBytes} bytes`);
  // Level 1: nearly all of the gain on this repetitive JSON, for a fraction of level 6's time.
  const compressed = gzipSync(json, { level: 1 });
  const ciphertext = Buffer.from(await encryptToRecipient(input.recipient, compressed));
  const manifest: BatchManifest = {
    format: BATCH_FORMAT,
    formatVersion: BATCH_FORMAT_VERSION,
    batchId: input.batchId,
    device: { id: input.deviceId, publicKey: deviceKey.publicKeyHex, fingerprint: deviceKey.fingerprint },
    sequence: input.sequence,
    createdAt: input.createdAt,
    surveys: surveysOf(records),
    interviews: records.map((r, i) => ({ id: r.id, revision: r.revision, contentHash: sha256Hex(Buffer.from(texts[i]!, 'utf8')) })),
    outcomes: outcomeCounts(records),
    recipient: { age: input.recipient, fingerprint: recipientFingerprint(input.recipient) },
    payload: { encryption: BATCH_PAYLOAD_ENCRYPTION, compression: BATCH_PAYLOAD_COMPRESSION, size: ciphertext.length, sha256: sha256Hex(ciphertext) },
  };
  const checked = BatchManifestSchema.safeParse(manifest);
  if (!checked.success) throw new Error(`batch manifest: ${describeIssues(checked.error.issues)}`);
  const bytes = writeContainer(BATCH_CONTAINER, manifest, ciphertext, deviceKey);
  return { bytes, manifest, fileSha256: sha256Hex(bytes) };
}

export interface BatchEnvelope {
  manifest: BatchManifest;
  manifestBytes: Buffer;
  signature: Buffer;
  device: { publicKey: Buffer; fingerprint: string };
  /** The age ciphertext (a view into the file's bytes). */
  payload: Buffer;
  /** SHA-256 of the whole file. */
  fileSha256: string;
}

export interface ReadBatchOptions {
  /** The key recorded for this manifest's device on the analyst's side; another is refused. */
  pinnedDeviceKey?: Uint8Array;
}

/**
 * Everything that can be checked without the analyst's key: signature, optional device pin,
 * manifest schema, and the payload's size and SHA-256. Decrypts nothing.
 */
export function readBatchManifest(bytes: Uint8Array, options: ReadBatchOptions = {}): BatchEnvelope {
  const opened = openContainer(BATCH_CONTAINER, bytes);
  if (options.pinnedDeviceKey && !opened.signerPublicKey.equals(Buffer.from(options.pinnedDeviceKey))) {
    throw new ServiceError(
      'batch_foreign_signer',
      `signed by ${keyFingerprint(opened.signerPublicKey)}, expected ${keyFingerprint(options.pinnedDeviceKey)}`,
    );
  }
  const parsed = BatchManifestSchema.safeParse(opened.manifest);
  if (!parsed.success) throw new ServiceError('batch_damaged', `manifest: ${describeIssues(parsed.error.issues)}`);
  const manifest = parsed.data;
  if (manifest.device.publicKey !== opened.signerPublicKey.toString('hex') || manifest.device.fingerprint !== keyFingerprint(opened.signerPublicKey)) {
    throw new ServiceError('batch_damaged', 'the manifest names another device key than the one that signed it');
  }
  if (manifest.recipient.fingerprint !== recipientFingerprint(manifest.recipient.age)) {
    throw new ServiceError('batch_damaged', 'the recipient fingerprint does not match the recipient');
  }
  if (opened.body.length !== manifest.payload.size) {
    throw new ServiceError('batch_damaged', `payload holds ${opened.body.length} bytes, the manifest says ${manifest.payload.size}`);
  }
  if (sha256Hex(opened.body) !== manifest.payload.sha256) throw new ServiceError('batch_damaged', 'payload does not match its SHA-256');
  return {
    manifest,
    manifestBytes: opened.manifestBytes,
    signature: opened.signature,
    device: { publicKey: opened.signerPublicKey, fingerprint: keyFingerprint(opened.signerPublicKey) },
    payload: opened.body,
    fileSha256: sha256Hex(bytes),
  };
}

export interface OpenedBatch extends BatchEnvelope {
  /** In the manifest's order, each checked against its manifest entry. */
  interviews: InterviewRecord[];
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/** Verifies, then decrypts with the analyst's age identity, then checks every record. */
export async function openBatch(bytes: Uint8Array, identity: string, options: ReadBatchOptions = {}): Promise<OpenedBatch> {
  const envelope = readBatchManifest(bytes, options);
  const { manifest } = envelope;
  if (!isAgeIdentity(identity)) throw new Error('identity must be an age X25519 identity (AGE-SECRET-KEY-1…)');
  const ours = await recipientOf(identity);
  if (ours !== manifest.recipient.age) {
    throw new ServiceError('batch_undecryptable', `encrypted for ${manifest.recipient.fingerprint}, this key is ${recipientFingerprint(ours)}`);
  }
  let compressed: Uint8Array;
  try {
    compressed = await decryptWithIdentity(identity, envelope.payload);
  } catch (error) {
    throw new ServiceError('batch_undecryptable', (error as Error).message);
  }
  const damaged = (detail: string) => new ServiceError('batch_damaged', `payload: ${detail}`);
  let plaintext: Buffer;
  try {
    plaintext = gunzipSync(compressed, { maxOutputLength: BATCH_LIMITS.payloadJsonBytes });
  } catch (error) {
    throw damaged(`not gzip, or larger than ${BATCH_LIMITS.payloadJsonBytes} bytes once unpacked (${(error as Error).message})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch (error) {
    throw damaged(`not UTF-8 JSON (${(error as Error).message})`);
  }
  // Hash the records as they arrived, before the schema rebuilds them.
  const rawRecords = (raw as { interviews?: unknown })?.interviews;
  if (!Array.isArray(rawRecords) || rawRecords.length !== manifest.interviews.length) {
    throw damaged(`holds ${Array.isArray(rawRecords) ? rawRecords.length : 'no'} interviews, the manifest lists ${manifest.interviews.length}`);
  }
  const hashes = rawRecords.map((r, i) => {
    try {
      return sha256Hex(Buffer.from(canonicalJson(r), 'utf8'));
    } catch (error) {
      throw damaged(`interview ${i + 1}: ${(error as Error).message}`);
    }
  });
  const parsed = BatchPayloadSchema.safeParse(raw);
  if (!parsed.success) throw damaged(describeIssues(parsed.error.issues));
  const payload = parsed.data;
  if (payload.batchId !== manifest.batchId) throw damaged(`belongs to batch ${payload.batchId}, not ${manifest.batchId}`);
  payload.interviews.forEach((record, i) => {
    const entry = manifest.interviews[i]!;
    if (record.id !== entry.id || record.revision !== entry.revision || hashes[i] !== entry.contentHash) {
      throw damaged(`interview ${i + 1} (${record.id} revision ${record.revision}) does not match the manifest`);
    }
    if (record.deviceId !== manifest.device.id) throw damaged(`interview ${record.id} names device ${record.deviceId}`);
  });
  if (!sameJson(surveysOf(payload.interviews), manifest.surveys)) throw damaged('surveys and form versions differ from the manifest');
  if (!sameJson(outcomeCounts(payload.interviews), manifest.outcomes)) throw damaged('outcome counts differ from the manifest');
  return { ...envelope, interviews: payload.interviews };
}

/**
 * The file name a batch is exported under: survey(s), device label, sequence, e.g.
 * `hids-2026_LAPTOP-07_000042.ksbatch`. Characters outside [A-Za-z0-9.-] become `-`.
 */
export function batchFileName(surveyIds: readonly string[], deviceLabel: string, sequence: number): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 40) || 'x';
  const surveys = [...surveyIds].sort().map(safe).join('+').slice(0, 80);
  return `${surveys}_${safe(deviceLabel)}_${String(sequence).padStart(6, '0')}${BATCH_EXTENSION}`;
}
