// Batch export: every approved interview that no batch holds at its current revision leaves in
// one batch per survey, signed with this laptop's key and encrypted for the survey's analyst.
// Order matters for crash safety: the file is written under a temporary name, fsynced and
// renamed (writeFileAtomic), and only then, in one transaction, the outgoing ledger records it —
// sequence, file name, SHA-256, the bytes themselves, the interviews at their revisions. A crash
// before that commit leaves nothing recorded, so the same interviews are exported again.
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ServiceError } from '../../shared/contract/errors';
import type { User } from '../../shared/contract/schemas';
import type { InterviewRecord } from '../../shared/formats/batch';
import type { DueInterviewRow } from '../db/repositories/batches';
import { isAgeRecipient } from '../sync/age';
import { batchFileName, readBatchManifest, writeBatchStreamed } from '../sync/batch';
import { isTemporaryNameOf, writeFileAtomic } from '../sync/atomic-write';
import type { SigningKey } from '../sync/signing';
import { assertActorStillAllowed } from './actor';
import { nowIso, type ServiceContext } from './context';

/** Who exports: a signed-in supervisor (app, preview host) or the operator at the command line (null). */
export type Exporter = User | null;

/** The analyst's age recipient of a survey (from its survey package), or null when there is none. */
export type RecipientSource = (surveyId: string) => string | null;

export interface BatchExportPorts {
  /** This laptop's signing key (opened, or made on first use, by the face). */
  deviceKey: () => Promise<SigningKey>;
  /** Tests: called after the temporary file is fsynced, before its rename. */
  beforePlace?: (tempPath: string) => Promise<void> | void;
  /** Tests: called after the rename, before the ledger transaction. */
  beforeRecord?: (path: string) => Promise<void> | void;
}

export interface ExportedBatch {
  sequence: number;
  batchId: string;
  surveyId: string;
  fileName: string;
  path: string;
  fileSha256: string;
  size: number;
  interviews: { id: string; revision: number }[];
}

export interface BatchSummary {
  sequence: number;
  batchId: string;
  fileName: string;
  fileSha256: string;
  size: number;
  interviewCount: number;
  createdAt: string;
  exportedBy: number | null;
}

/** The label in batch file names: short, stable, readable aloud (the device id's first 8 hex digits). */
export function deviceLabelOf(deviceId: string): string {
  return `KS-${deviceId.replace(/-/g, '').slice(0, 8).toUpperCase()}`;
}

export function createBatchService(ctx: ServiceContext, ports: BatchExportPorts) {
  const { db, repos } = ctx;
  const label = deviceLabelOf(ctx.deviceId);

  function recordOf(row: DueInterviewRow): InterviewRecord {
    if (row.outcome === null) throw new Error(`approved interview ${row.id} has no outcome`);
    return {
      id: row.id,
      revision: row.revision,
      surveyId: row.survey_id,
      formVersion: row.form_version,
      deviceId: row.device_id,
      surveyorCode: row.surveyor_code,
      unitCode: row.unit_code,
      outcome: row.outcome,
      createdAt: row.created_at,
      completedAt: row.completed_at,
      approvedAt: row.approved_at,
      answers: repos.answers.forInterview(row.id).map((a) => ({ path: a.path, value: JSON.parse(a.value), missing: a.missing, savedAt: a.saved_at })),
      paradata: repos.paradata.forInterview(row.id).map((p) => ({
        at: p.at,
        event: p.event,
        path: p.path,
        detail: p.detail === null ? null : JSON.parse(p.detail),
      })),
    };
  }

  /**
   * Due interviews grouped by survey, read in one snapshot: the rows only (a few hundred bytes
   * each); answers and paradata are read record by record while the batch streams out.
   */
  const readDue = db.transaction((): Map<string, DueInterviewRow[]> => {
    const bySurvey = new Map<string, DueInterviewRow[]>();
    for (const row of repos.batches.due()) {
      const list = bySurvey.get(row.survey_id) ?? [];
      list.push(row);
      bySurvey.set(row.survey_id, list);
    }
    return bySurvey;
  });

  /**
   * One record, read in its own small transaction so it is consistent with itself; an interview
   * that changed since the snapshot stops the export (the ledger transaction checks again).
   */
  const readRecord = db.transaction((row: DueInterviewRow): InterviewRecord => {
    if (!repos.batches.stillDue(row.id, row.revision)) throw new ServiceError('export_conflict', `interview ${row.id} revision ${row.revision} changed meanwhile`);
    return recordOf(row);
  });

  /**
   * The records in id order (`due()` sorts by survey, then id), read lazily: the batch writer pulls
   * the next one only when gzip and age want more, so one record at a time is in memory. Not an
   * open better-sqlite3 iterator: the pull crosses awaits, and an open iterator would keep the
   * connection busy for every other caller in main meanwhile.
   */
  function* recordsOf(rows: readonly DueInterviewRow[]): Generator<InterviewRecord> {
    for (const row of rows) yield readRecord(row);
  }

  function checkExporter(actor: Exporter): void {
    if (actor) assertActorStillAllowed(repos, actor, ['supervisor']);
  }

  /** Temporary files a crash left beside this batch's final name. */
  async function removeLeftovers(path: string, dir: string): Promise<void> {
    const names = await readdir(dir).catch(() => [] as string[]);
    await Promise.all(names.filter((n) => isTemporaryNameOf(path, n)).map((n) => rm(join(dir, n), { force: true })));
  }

  /**
   * A file already under the final name is replaced only when it is this device's unrecorded
   * batch of the same sequence: what a crash after the rename, before the ledger commit, leaves.
   * Anything else is someone's file and is left alone.
   */
  async function isUnrecordedOwnBatch(path: string, key: SigningKey, sequence: number): Promise<boolean> {
    try {
      const envelope = readBatchManifest(await readFile(path), { pinnedDeviceKey: key.publicKey });
      return envelope.manifest.sequence === sequence && envelope.manifest.device.id === ctx.deviceId && !repos.batches.bySequence(ctx.deviceId, sequence);
    } catch {
      return false;
    }
  }

  async function exportOne(actor: Exporter, key: SigningKey, surveyId: string, rows: DueInterviewRow[], outDir: string, recipient: string): Promise<ExportedBatch> {
    const sequence = repos.batches.nextSequence(ctx.deviceId);
    const batchId = randomUUID();
    const createdAt = nowIso(ctx);
    const written = await writeBatchStreamed({ batchId, deviceId: ctx.deviceId, sequence, createdAt, recipient, interviews: recordsOf(rows) }, key);
    const fileName = batchFileName([surveyId], label, sequence);
    const path = join(outDir, fileName);
    await removeLeftovers(path, outDir);
    const place = (overwrite: boolean) => writeFileAtomic(path, written.bytes, { overwrite, ...(ports.beforePlace ? { beforePlace: ports.beforePlace } : {}) });
    try {
      await place(false);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!(await isUnrecordedOwnBatch(path, key, sequence))) throw new ServiceError('batch_file_exists', path);
      await place(true);
    }
    if (ports.beforeRecord) await ports.beforeRecord(path);
    try {
      db.transaction(() => {
        checkExporter(actor);
        // Another export, or a change to an interview, while the file was being written.
        if (repos.batches.nextSequence(ctx.deviceId) !== sequence) throw new ServiceError('export_conflict', `sequence ${sequence} was taken meanwhile`);
        for (const r of written.manifest.interviews) {
          if (!repos.batches.stillDue(r.id, r.revision)) throw new ServiceError('export_conflict', `interview ${r.id} revision ${r.revision} changed meanwhile`);
        }
        repos.batches.record({
          batch_id: batchId,
          device_id: ctx.deviceId,
          sequence,
          file_name: fileName,
          file_sha256: written.fileSha256,
          bytes: written.bytes,
          interview_count: rows.length,
          created_at: createdAt,
          exported_by: actor?.id ?? null,
          interviews: written.manifest.interviews.map((i) => ({ interviewId: i.id, revision: i.revision, contentHash: i.contentHash })),
        });
        repos.audit.append({
          at: createdAt,
          userId: actor?.id ?? null,
          action: 'batch_exported',
          entity: 'batch',
          entityId: batchId,
          detail: { sequence, surveyId, fileName, fileSha256: written.fileSha256, interviews: rows.length, by: actor ? 'supervisor' : 'operator' },
        });
      }).immediate();
    } catch (error) {
      // Nothing recorded: the file we just placed must not pass for an exported batch.
      await rm(path, { force: true });
      throw error;
    }
    ctx.afterCommit();
    return {
      sequence,
      batchId,
      surveyId,
      fileName,
      path,
      fileSha256: written.fileSha256,
      size: written.bytes.length,
      interviews: written.manifest.interviews.map((i) => ({ id: i.id, revision: i.revision })),
    };
  }

  return {
    /** How many approved interviews wait for export, per survey. */
    pending(): { surveyId: string; interviews: number }[] {
      const counts = new Map<string, number>();
      for (const r of repos.batches.due()) counts.set(r.survey_id, (counts.get(r.survey_id) ?? 0) + 1);
      return [...counts].map(([surveyId, interviews]) => ({ surveyId, interviews }));
    },

    /**
     * One batch per survey with approved interviews not yet exported at their revision, into
     * `outDir`. Returns the batches written (none: nothing was due, no file is written).
     * Every survey's recipient is resolved before anything is written.
     */
    async export(actor: Exporter, input: { outDir: string; recipientFor: RecipientSource }): Promise<ExportedBatch[]> {
      checkExporter(actor);
      const due = readDue();
      const recipients = new Map<string, string>();
      for (const surveyId of due.keys()) {
        // The recipient named in the survey package the analyst signed wins; the face's own source
        // (--keys/--recipient, KHAOSAT_ANALYST_RECIPIENT) serves surveys installed without one.
        const recipient = ctx.repos.packages.signer(surveyId)?.recipient ?? input.recipientFor(surveyId);
        if (!recipient) throw new ServiceError('analyst_key_missing', `survey ${surveyId}`);
        recipients.set(surveyId, recipient);
      }
      if (due.size === 0) return [];
      const key = await ports.deviceKey();
      const exported: ExportedBatch[] = [];
      for (const [surveyId, rows] of due) exported.push(await exportOne(actor, key, surveyId, rows, input.outDir, recipients.get(surveyId)!));
      return exported;
    },

    list(): BatchSummary[] {
      return repos.batches.list().filter((b) => b.device_id === ctx.deviceId).map((b) => ({
        sequence: b.sequence,
        batchId: b.batch_id,
        fileName: b.file_name,
        fileSha256: b.file_sha256,
        size: b.size,
        interviewCount: b.interview_count,
        createdAt: b.created_at,
        exportedBy: b.exported_by,
      }));
    },

    /**
     * Writes a past batch again from its stored bytes: byte-identical, same name and sequence
     * (age would encrypt a re-made batch differently). An existing file is replaced only if it
     * holds exactly these bytes already.
     */
    async reexport(actor: Exporter, input: { sequence: number; outDir: string }): Promise<ExportedBatch> {
      checkExporter(actor);
      const row = repos.batches.bySequence(ctx.deviceId, input.sequence);
      if (!row) throw new ServiceError('not_found', `batch ${input.sequence} of this device`);
      const path = join(input.outDir, row.file_name);
      try {
        await writeFileAtomic(path, row.bytes);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const existing = await readFile(path);
        if (!existing.equals(row.bytes)) throw new ServiceError('batch_file_exists', path);
      }
      repos.audit.append({
        at: nowIso(ctx),
        userId: actor?.id ?? null,
        action: 'batch_reexported',
        entity: 'batch',
        entityId: row.batch_id,
        detail: { sequence: row.sequence, fileName: row.file_name },
      });
      const manifest = readBatchManifest(row.bytes).manifest;
      return {
        sequence: row.sequence,
        batchId: row.batch_id,
        surveyId: manifest.surveys.map((s) => s.id).join('+'),
        fileName: row.file_name,
        path,
        fileSha256: row.file_sha256,
        size: row.size,
        interviews: manifest.interviews.map((i) => ({ id: i.id, revision: i.revision })),
      };
    },
  };
}

export type BatchService = ReturnType<typeof createBatchService>;

/** Wraps this laptop's signing key with a passphrase where no system keychain does (CLI, preview host, Linux without a keyring). */
export const DEVICE_KEY_PASSPHRASE_ENV = 'KHAOSAT_DEVICE_KEY_PASSPHRASE';

/** The environment variable faces read the analyst's recipient from until survey packages supply it. */
export const ANALYST_RECIPIENT_ENV = 'KHAOSAT_ANALYST_RECIPIENT';

/** KHAOSAT_ANALYST_RECIPIENT for every survey (null when unset); a malformed value is refused when used. */
export function recipientFromEnv(env: NodeJS.ProcessEnv): RecipientSource {
  const value = env[ANALYST_RECIPIENT_ENV]?.trim();
  return () => {
    if (!value) return null;
    if (!isAgeRecipient(value)) throw new ServiceError('analyst_key_missing', `${ANALYST_RECIPIENT_ENV} is not an age recipient (age1…)`);
    return value;
  };
}
