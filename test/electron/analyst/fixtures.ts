// Batches for the analyst store's tests, written by the real format code (writeBatch) with
// generated device keys and a generated analyst age identity; and stores on both dialects.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  BATCH_FORMAT,
  BATCH_FORMAT_VERSION,
  BATCH_PAYLOAD_COMPRESSION,
  BATCH_PAYLOAD_ENCRYPTION,
  BATCH_PAYLOAD_FORMAT,
  outcomeCounts,
  surveysOf,
  type BatchManifest,
  type InterviewRecord,
} from '../../../shared/formats/batch';
import { canonicalJson } from '../../../shared/formats/canonical-json';
import { encryptToRecipient, generateAgeKeyPair, recipientFingerprint } from '../../../electron/sync/age';
import { BATCH_CONTAINER, batchFileName, writeBatch } from '../../../electron/sync/batch';
import { writeContainer } from '../../../electron/sync/container';
import { sha256Hex } from '../../../electron/sync/hash';
import { generateSigningKey, type SigningKey } from '../../../electron/sync/signing';
import { openAnalystStore, type AnalystDb, type AnalystStore } from '../../../electron/analyst/store';
import { postgresAvailable, startPostgres, type PgServer } from './pg-harness';

export interface Device {
  id: string;
  label: string;
  key: SigningKey;
}

export function makeDevice(label: string, id: string = randomUUID()): Device {
  return { id, label, key: generateSigningKey() };
}

export async function makeAnalyst(): Promise<{ identity: string; recipient: string }> {
  return generateAgeKeyPair();
}

export function record(device: Device, id: string, revision: number, overrides: Partial<InterviewRecord> = {}): InterviewRecord {
  return {
    id,
    revision,
    surveyId: 'hids-2026',
    formVersion: '2026.1',
    deviceId: device.id,
    surveyorCode: 'DTV01',
    unitCode: '26734',
    outcome: 'completed',
    createdAt: '2026-11-30T09:00:00.000Z',
    completedAt: '2026-11-30T09:20:00.000Z',
    approvedAt: '2026-11-30T17:00:00.000Z',
    answers: [
      { path: 'ACC1', value: 4, missing: null, savedAt: '2026-11-30T09:01:00.000Z' },
      { path: 'ACC2', value: null, missing: 'dont_know', savedAt: '2026-11-30T09:02:00.000Z' },
    ],
    paradata: [{ at: '2026-11-30T09:00:30.000Z', event: 'shown', path: 'ACC1', detail: null }],
    ...overrides,
  };
}

/** Writes a batch file into `dir` and returns its path. */
export async function batchFile(
  dir: string,
  device: Device,
  sequence: number,
  records: InterviewRecord[],
  recipient: string,
  batchId: string = randomUUID(),
): Promise<string> {
  const written = await writeBatch({ batchId, deviceId: device.id, sequence, createdAt: '2026-11-30T18:00:00.000Z', recipient, interviews: records }, device.key);
  // The batch id in the name keeps two batches of one sequence apart (a test may make both).
  const path = join(dir, batchFileName(['hids-2026'], device.label, sequence).replace(/\.ksbatch$/, `-${batchId.slice(0, 8)}.ksbatch`));
  writeFileSync(path, written.bytes);
  return path;
}

/**
 * A batch file signed by `device` whose records skip the writer's checks (a laptop with a bug, or
 * a forged one): the manifest lists each record's real content hash, so only the reader's own
 * checks of the records can refuse it.
 */
export async function uncheckedBatchFile(dir: string, device: Device, sequence: number, records: object[], recipient: string): Promise<string> {
  const batchId = randomUUID();
  const sorted = [...records].sort((a, b) => (String((a as { id: unknown }).id) < String((b as { id: unknown }).id) ? -1 : 1));
  const texts = sorted.map((r) => canonicalJson(r));
  const plaintext = `{"batchId":"${batchId}","format":"${BATCH_PAYLOAD_FORMAT}","formatVersion":${BATCH_FORMAT_VERSION},"interviews":[${texts.join(',')}]}`;
  const ciphertext = Buffer.from(await encryptToRecipient(recipient, gzipSync(Buffer.from(plaintext, 'utf8'))));
  const summary = sorted as unknown as InterviewRecord[];
  const manifest: BatchManifest = {
    format: BATCH_FORMAT,
    formatVersion: BATCH_FORMAT_VERSION,
    batchId,
    device: { id: device.id, publicKey: device.key.publicKeyHex, fingerprint: device.key.fingerprint },
    sequence,
    createdAt: '2026-11-30T18:00:00.000Z',
    surveys: surveysOf(summary),
    interviews: summary.map((r, i) => ({ id: r.id, revision: r.revision, contentHash: sha256Hex(Buffer.from(texts[i]!, 'utf8')) })),
    outcomes: outcomeCounts(summary),
    recipient: { age: recipient, fingerprint: recipientFingerprint(recipient) },
    payload: { encryption: BATCH_PAYLOAD_ENCRYPTION, compression: BATCH_PAYLOAD_COMPRESSION, size: ciphertext.length, sha256: sha256Hex(ciphertext) },
  };
  const path = join(dir, batchFileName(['hids-2026'], device.label, sequence).replace(/\.ksbatch$/, `-${batchId.slice(0, 8)}.ksbatch`));
  writeFileSync(path, writeContainer(BATCH_CONTAINER, manifest, ciphertext, device.key));
  return path;
}

/**
 * Registers a form version directly, for tests that need a known form without a signed package
 * (survey hids-2026, version 2026.1, signer X unless told).
 */
export async function registerForm(
  db: AnalystDb,
  form: object,
  opts: { survey?: string; version?: string; signer?: string; at?: string } = {},
): Promise<void> {
  await db
    .insertInto('forms')
    .values({
      survey_id: opts.survey ?? 'hids-2026',
      form_version: opts.version ?? '2026.1',
      form: JSON.stringify(form),
      signer_fingerprint: opts.signer ?? 'X',
      registered_at: opts.at ?? '2026-12-01T00:00:00.000Z',
    })
    .execute();
}

export type StoreKind = 'sqlite' | 'postgres';

/** Fresh stores of one kind for a suite: `open()` gives a new empty store each time. */
export function storeFactory(kind: StoreKind) {
  const dir = mkdtempSync(join(tmpdir(), `khaosat-analyst-${kind}-`));
  let server: PgServer | undefined;
  let count = 0;
  const opened: AnalystStore[] = [];
  return {
    dir,
    /** A new empty target (SQLite path or postgres:// URL) that nothing has opened yet. */
    async target(): Promise<string> {
      count++;
      if (kind === 'postgres') {
        server ??= await startPostgres();
        return server.createDatabase(`analyst_${count}`);
      }
      return join(dir, `analyst-${count}.sqlite`);
    },
    async open(target?: string): Promise<AnalystStore> {
      const store = await openAnalystStore(target ?? (await this.target()));
      opened.push(store);
      return store;
    },
    async cleanup(): Promise<void> {
      for (const s of opened) await s.close().catch(() => undefined);
      server?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const STORE_KINDS: StoreKind[] = postgresAvailable() ? ['sqlite', 'postgres'] : ['sqlite'];

/** Every table's rows in a fixed order, for comparing two stores. */
export async function snapshot(store: AnalystStore) {
  const { db } = store;
  return {
    devices: await db.selectFrom('devices').selectAll().orderBy('id').execute(),
    interviews: await db.selectFrom('interviews').selectAll().orderBy('id').orderBy('revision').orderBy('content_hash').execute(),
    answers: await db.selectFrom('answers').selectAll().orderBy('interview_id').orderBy('revision').orderBy('content_hash').orderBy('path').execute(),
    forms: await db.selectFrom('forms').selectAll().orderBy('survey_id').orderBy('form_version').execute(),
    paradata: await db.selectFrom('paradata').selectAll().orderBy('interview_id').orderBy('revision').orderBy('content_hash').orderBy('seq').execute(),
  };
}
