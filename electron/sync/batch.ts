// Batches (.ksbatch), laptop → analyst. The manifest (who, which sequence, which interviews at
// which revision and content hash) is signed with the laptop's Ed25519 key and readable by
// anyone; the interview records are one gzipped JSON payload encrypted with age to the analyst's
// recipient, and the manifest commits to the payload's size and SHA-256. Opening checks the
// signature and the payload hash before decrypting, then every record against the manifest.
//
// age picks a random file key per encryption, so writing the same input twice gives different
// bytes: re-exporting a past batch byte-identically means keeping (and re-writing) its bytes.
import { createHash } from 'node:crypto';
import { ServiceError } from '../../shared/contract/errors';
import { canonicalJson, isCanonicalTextOf } from '../../shared/formats/canonical-json';
import { isPlainInterviewRecord } from '../../shared/formats/interview-record-check';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  BATCH_LIMITS,
  BATCH_PAYLOAD_COMPRESSION,
  BATCH_PAYLOAD_ENCRYPTION,
  BatchManifestSchema,
  InterviewRecordSchema,
  outcomeCounts,
  surveysOf,
  type BatchManifest,
  type InterviewRecord,
} from '../../shared/formats/batch';
import { isAgeIdentity, isAgeRecipient, recipientFingerprint, recipientOf } from './age';
import { describeIssues, magicOf, openContainer, writeContainer, type ContainerKind } from './container';
import { sha256Hex } from './hash';
import { PAYLOAD_TAIL, PayloadRecordSplitter, PayloadShapeError, payloadHead } from './payload-json';
import { AgeDecryptError, ageDecryptGunzip, gzipAgeEncrypt } from './payload-stream';
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

/**
 * The same, with the records as a (lazy) sequence already in id order: a generator can read each
 * record from the database when the stream wants it, so only one record is in memory at a time.
 */
export interface StreamedBatchInput extends Omit<BatchInput, 'interviews'> {
  interviews: Iterable<InterviewRecord>;
}

export interface WrittenBatch {
  bytes: Buffer;
  manifest: BatchManifest;
  /** SHA-256 of the whole file, for the outgoing ledger. */
  fileSha256: string;
}

export async function writeBatch(input: BatchInput, deviceKey: SigningKey): Promise<WrittenBatch> {
  const records = [...input.interviews].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return writeBatchStreamed({ ...input, interviews: records }, deviceKey);
}

/**
 * Writes a batch from records in id order, one at a time: each is checked, made canonical once
 * (its text hashed for the manifest and streamed into the payload), gzipped and age-encrypted as
 * it goes. What stays in memory is the ciphertext (about a tenth of the JSON) and the manifest's
 * per-interview lines; the file's bytes are the same as if the payload had been built whole.
 */
export async function writeBatchStreamed(input: StreamedBatchInput, deviceKey: SigningKey): Promise<WrittenBatch> {
  if (!isAgeRecipient(input.recipient)) throw new Error('recipient must be an age X25519 recipient (age1…)');
  const entries: BatchManifest['interviews'] = [];
  const summaries: Pick<InterviewRecord, 'surveyId' | 'formVersion' | 'outcome'>[] = [];
  let jsonBytes = 0;
  const counted = (bytes: Buffer): Buffer => {
    jsonBytes += bytes.length;
    if (jsonBytes > BATCH_LIMITS.payloadJsonBytes) throw new Error(`batch payload larger than ${BATCH_LIMITS.payloadJsonBytes} bytes`);
    return bytes;
  };
  function* plaintext(): Generator<Buffer> {
    yield counted(Buffer.from(payloadHead(input.batchId), 'utf8'));
    let previous: string | null = null;
    for (const record of input.interviews) {
      // The quick check passes what the schema would accept; only the rest pays for zod's walk
      // (a copy of every answer and paradata event: most of the export's garbage).
      if (!isPlainInterviewRecord(record as unknown)) {
        const checked = InterviewRecordSchema.safeParse(record);
        if (!checked.success) throw new Error(`interview ${record.id}: ${describeIssues(checked.error.issues)}`);
      }
      if (record.deviceId !== input.deviceId) throw new Error(`interview ${record.id} was made on device ${record.deviceId}, not ${input.deviceId}`);
      if (previous !== null && !(previous < record.id)) {
        throw new Error(previous === record.id ? `interview ${record.id} appears twice` : `interview ${record.id} comes after ${previous}: records must be in id order`);
      }
      previous = record.id;
      const text = Buffer.from(canonicalJson(record), 'utf8');
      entries.push({ id: record.id, revision: record.revision, contentHash: sha256Hex(text) });
      summaries.push({ surveyId: record.surveyId, formVersion: record.formVersion, outcome: record.outcome });
      if (entries.length > 1) yield counted(Buffer.from(','));
      yield counted(text);
    }
    yield counted(Buffer.from(PAYLOAD_TAIL, 'utf8'));
  }
  const chunks: Uint8Array[] = [];
  const hash = createHash('sha256');
  for await (const chunk of gzipAgeEncrypt(plaintext(), input.recipient)) {
    hash.update(chunk);
    chunks.push(chunk);
  }
  const ciphertext = Buffer.concat(chunks);
  chunks.length = 0;
  const manifest: BatchManifest = {
    format: BATCH_FORMAT,
    formatVersion: BATCH_FORMAT_VERSION,
    batchId: input.batchId,
    device: { id: input.deviceId, publicKey: deviceKey.publicKeyHex, fingerprint: deviceKey.fingerprint },
    sequence: input.sequence,
    createdAt: input.createdAt,
    surveys: surveysOf(summaries),
    interviews: entries,
    outcomes: outcomeCounts(summaries),
    recipient: { age: input.recipient, fingerprint: recipientFingerprint(input.recipient) },
    payload: { encryption: BATCH_PAYLOAD_ENCRYPTION, compression: BATCH_PAYLOAD_COMPRESSION, size: ciphertext.length, sha256: hash.digest('hex') },
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
  if (options.pinnedDeviceKey) checkSigner(opened.signerPublicKey, options.pinnedDeviceKey);
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

function checkSigner(signer: Buffer, pinned: Uint8Array): void {
  if (!signer.equals(Buffer.from(pinned))) {
    throw new ServiceError('batch_foreign_signer', `signed by ${keyFingerprint(signer)}, expected ${keyFingerprint(pinned)}`);
  }
}

/**
 * The device-key pin on an envelope already read (readBatchManifest without a pin): for a reader
 * that looks the device up by the manifest's device id first, without reading the file twice.
 */
export function checkBatchSigner(envelope: BatchEnvelope, pinnedDeviceKey: Uint8Array): void {
  checkSigner(envelope.device.publicKey, pinnedDeviceKey);
}

export interface DecryptBatchOptions {
  /** The identity's own recipient (age1…), when the caller has derived it once for many files. */
  recipient?: string;
}

export interface OpenedBatch extends BatchEnvelope {
  /** In the manifest's order, each checked against its manifest entry. */
  interviews: InterviewRecord[];
}

function sameJson(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

/**
 * Verifies, then decrypts with the analyst's identity, then checks every record. The payload is
 * decrypted, gunzipped and parsed as a stream, one record at a time (each hashed, checked against
 * its manifest line and its schema as it arrives): what stays in memory is the file's bytes and
 * the checked records, never the payload's whole JSON text. Nothing is returned unless all of it
 * checked out.
 */
export async function openBatch(bytes: Uint8Array, identity: string, options: ReadBatchOptions = {}): Promise<OpenedBatch> {
  return decryptBatch(readBatchManifest(bytes, options), identity);
}

/** openBatch's second half: decrypts and checks the records of an envelope readBatchManifest verified. */
export async function decryptBatch(envelope: BatchEnvelope, identity: string, options: DecryptBatchOptions = {}): Promise<OpenedBatch> {
  const { manifest } = envelope;
  if (!isAgeIdentity(identity)) throw new Error('identity must be an age X25519 identity (AGE-SECRET-KEY-1…)');
  const ours = options.recipient ?? (await recipientOf(identity));
  if (ours !== manifest.recipient.age) {
    throw new ServiceError('batch_undecryptable', `encrypted for ${manifest.recipient.fingerprint}, this key is ${recipientFingerprint(ours)}`);
  }
  const damaged = (detail: string) => new ServiceError('batch_damaged', `payload: ${detail}`);
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  const splitter = new PayloadRecordSplitter();
  const records: InterviewRecord[] = [];
  const take = (text: Buffer): void => {
    const i = records.length;
    const entry = manifest.interviews[i];
    if (!entry) throw damaged(`holds more than the ${manifest.interviews.length} interviews the manifest lists`);
    let raw: unknown;
    let json: string;
    try {
      json = utf8.decode(text);
      raw = JSON.parse(json);
    } catch (error) {
      throw damaged(`interview ${i + 1} is not UTF-8 JSON (${(error as Error).message})`);
    }
    // Hash the record's canonical JSON, built from the record as it arrived (before the schema
    // rebuilds it). The writer sends each record as its canonical text, so when the text is
    // already canonical its own bytes are hashed; building the text again is the fallback.
    let hash: string;
    try {
      hash = sha256Hex(isCanonicalTextOf(raw, json) ? text : Buffer.from(canonicalJson(raw), 'utf8'));
    } catch (error) {
      throw damaged(`interview ${i + 1}: ${(error as Error).message}`);
    }
    // The quick check passes what the schema would accept as it is; the schema judges the rest.
    let record: InterviewRecord;
    if (isPlainInterviewRecord(raw)) record = raw;
    else {
      const parsed = InterviewRecordSchema.safeParse(raw);
      if (!parsed.success) throw damaged(`interview ${i + 1}: ${describeIssues(parsed.error.issues)}`);
      record = parsed.data;
    }
    if (record.id !== entry.id || record.revision !== entry.revision || hash !== entry.contentHash) {
      throw damaged(`interview ${i + 1} (${record.id} revision ${record.revision}) does not match the manifest`);
    }
    if (record.deviceId !== manifest.device.id) throw damaged(`interview ${record.id} names device ${record.deviceId}`);
    records.push(record);
  };
  const chunks = ageDecryptGunzip(envelope.payload, identity, BATCH_LIMITS.payloadJsonBytes);
  for (;;) {
    let next: IteratorResult<Buffer>;
    try {
      next = await chunks.next();
    } catch (error) {
      if (error instanceof AgeDecryptError) throw new ServiceError('batch_undecryptable', error.message);
      throw damaged(`not gzip, or larger than ${BATCH_LIMITS.payloadJsonBytes} bytes once unpacked (${(error as Error).message})`);
    }
    if (next.done) break;
    try {
      const texts = splitter.push(next.value);
      if (splitter.batchId !== null && splitter.batchId !== manifest.batchId) throw damaged(`belongs to batch ${splitter.batchId}, not ${manifest.batchId}`);
      for (const text of texts) take(text);
    } catch (error) {
      await chunks.return(undefined);
      if (error instanceof PayloadShapeError) throw damaged(error.message);
      throw error;
    }
  }
  try {
    splitter.end();
  } catch (error) {
    throw damaged((error as Error).message);
  }
  if (records.length !== manifest.interviews.length) throw damaged(`holds ${records.length} interviews, the manifest lists ${manifest.interviews.length}`);
  if (!sameJson(surveysOf(records), manifest.surveys)) throw damaged('surveys and form versions differ from the manifest');
  if (!sameJson(outcomeCounts(records), manifest.outcomes)) throw damaged('outcome counts differ from the manifest');
  return { ...envelope, interviews: records };
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
