// `khaosat import`: each batch file is verified (signature, device key), decrypted with the
// analyst's age identity, validated, then applied in one transaction with its ledger entry. A
// refused file writes only its arrival row (status rejected, the reason) and no data; the other
// files go on. Files are taken in name order; the result does not depend on it (rules.ts).
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { BATCH_LIMITS, type BatchManifest } from '../../shared/formats/batch';
import { BATCH_EXTENSION, checkBatchSigner, decryptBatch, readBatchManifest, type OpenedBatch } from '../sync/batch';
import { isAgeIdentity, recipientOf } from '../sync/age';
import { readFileBounded } from '../sync/bounded-read';
import { sha256Hex } from '../sync/hash';
import { applyArrival } from './apply';
import { BatchRefusal, refusalOf } from './reasons';
import { emptyCounts, sequenceGaps, type ArrivalCounts } from './rules';
import type { AnalystStore } from './store';
import { formKeepsParadata } from './paradata';
import { answerNamesOf, validateRecords, type KnownForm } from './validate';

export interface BatchImportEntry {
  file: string;
  status: 'imported' | 'unchanged' | 'rejected' | 'duplicate';
  reason?: string;
  device: string | null;
  sequence: number | null;
  interviews: ArrivalCounts;
}

export interface ImportReport {
  batches: BatchImportEntry[];
  gaps: { device: string; missing: number[] }[];
  /** Survey/form versions met in the batches that the store has no form for (schema-only check). */
  formsUnknown: { survey: string; formVersion: string }[];
}

export interface ImportOptions {
  /** The analyst's age identity (AGE-SECRET-KEY-1…). */
  identity: string;
  now?: () => Date;
  onProgress?: (done: number, total: number, file: string) => void;
}

/** Files as given, folders as their `.ksbatch` files (not recursive), in name order. */
export function listBatchFiles(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      // A missing path is reported by the import as an unreadable file.
    }
    if (isFolder) {
      files.push(...readdirSync(path).filter((n) => n.endsWith(BATCH_EXTENSION)).sort().map((n) => join(path, n)));
    } else files.push(path);
  }
  return files;
}

/** A file read and opened, or why not (never a rejected promise: it may wait while another batch is applied). */
type Opening =
  | { manifest: BatchManifest; fileSha256: string; opened: OpenedBatch }
  | { manifest?: BatchManifest; fileSha256: string | null; error: unknown };

async function openFile(store: AnalystStore, path: string, identity: { identity: string; recipient?: string }): Promise<Opening> {
  let manifest: BatchManifest | undefined;
  let fileSha256: string | null = null;
  try {
    const bytes = await readFileBounded(path, BATCH_LIMITS.fileBytes, 'batch_damaged');
    fileSha256 = sha256Hex(bytes);
    // Read and verified once: the manifest names the device, whose recorded key is then pinned.
    const envelope = readBatchManifest(bytes);
    manifest = envelope.manifest;
    const known = await store.device(manifest.device.id);
    if (known) checkBatchSigner(envelope, Buffer.from(known.public_key, 'hex'));
    const opened = await decryptBatch(envelope, identity.identity, identity.recipient ? { recipient: identity.recipient } : {});
    return { manifest, fileSha256, opened };
  } catch (error) {
    return { manifest, fileSha256, error };
  }
}

export async function importBatchFiles(store: AnalystStore, files: readonly string[], options: ImportOptions): Promise<ImportReport> {
  const now = options.now ?? (() => new Date());
  const forms = new Map<string, KnownForm | null>();
  const unknown = new Map<string, { survey: string; formVersion: string }>();
  const batches: BatchImportEntry[] = [];

  async function loadForms(manifest: BatchManifest): Promise<void> {
    for (const s of manifest.surveys) {
      for (const v of s.formVersions) {
        const key = `${s.id}\u0000${v}`;
        if (forms.has(key)) continue;
        const row = await store.form(s.id, v);
        const form = row ? (JSON.parse(row.form) as Parameters<typeof answerNamesOf>[0]) : null;
        forms.set(key, form ? { surveyId: s.id, formVersion: v, answerNames: answerNamesOf(form), keepsParadata: formKeepsParadata(form) } : null);
        if (!row) unknown.set(key, { survey: s.id, formVersion: v });
      }
    }
  }

  // Reading, verifying and decrypting the next file (file reads and WebCrypto run off the main
  // thread) goes on while the current one is applied. The device key looked up for the next file
  // may miss a device the current batch registers; applyArrival checks the key again inside its
  // transaction, so a known device with another key is refused all the same.
  // The identity's recipient, derived once (an X25519 multiplication) rather than per file.
  const keys = { identity: options.identity, recipient: isAgeIdentity(options.identity) ? await recipientOf(options.identity) : undefined };
  const opening = (path: string): Promise<Opening> => openFile(store, path, keys);
  let next = files.length > 0 ? opening(files[0]!) : undefined;
  for (const [i, path] of files.entries()) {
    options.onProgress?.(i, files.length, path);
    const file = basename(path);
    const current = await next!;
    next = i + 1 < files.length ? opening(files[i + 1]!) : undefined;
    const { manifest, fileSha256 } = current;
    try {
      if ('error' in current) throw current.error;
      await loadForms(current.opened.manifest);
      validateRecords(current.opened.interviews, (survey, version) => forms.get(`${survey}\u0000${version}`) ?? undefined);
      const result = await applyArrival(store, { fileName: file, fileSha256: fileSha256!, manifest: manifest!, records: current.opened.interviews, receivedAt: now().toISOString(), keepsParadata: (survey, version) => forms.get(`${survey}\u0000${version}`)?.keepsParadata });
      batches.push({ file, status: result.status, ...(result.reason ? { reason: result.reason } : {}), device: manifest!.device.id, sequence: manifest!.sequence, interviews: result.counts });
    } catch (error) {
      const refusal: BatchRefusal = refusalOf(error);
      await store.db
        .insertInto('batch_arrivals')
        .values({
          file_name: file,
          file_sha256: fileSha256,
          batch_id: manifest?.batchId ?? null,
          device_id: manifest?.device.id ?? null,
          sequence: manifest?.sequence ?? null,
          status: 'rejected',
          reason: refusal.message,
          counts: null,
          received_at: now().toISOString(),
        })
        .execute();
      batches.push({ file, status: 'rejected', reason: refusal.message, device: manifest?.device.id ?? null, sequence: manifest?.sequence ?? null, interviews: emptyCounts() });
    }
  }
  options.onProgress?.(files.length, files.length, '');
  const accepted = await store.db
    .selectFrom('batch_arrivals')
    .select(['device_id', 'sequence'])
    .where('status', 'in', ['imported', 'unchanged'])
    .execute();
  return {
    batches,
    gaps: sequenceGaps(accepted.filter((a): a is { device_id: string; sequence: number } => a.device_id !== null && a.sequence !== null)),
    formsUnknown: [...unknown.values()],
  };
}
