// Applying one verified, decrypted and validated batch: the ledger entry, the device, every
// interview revision and its answers, in one transaction. Re-checks duplicates, sequence reuse
// and the device key inside the transaction, so two imports at once cannot both win.
import type { BatchManifest, InterviewRecord } from '../../shared/formats/batch';
import { BatchRefusal, reasonText } from './reasons';
import { emptyCounts, revisionKey, statusesOf, verdictOf, type ArrivalCounts, type RevisionKey } from './rules';
import type { AnalystStore, AnalystTrx } from './store';
import type { Insertable } from 'kysely';
import type { AnswerTable, BatchStatus, InterviewTable, ParadataTable, RevisionStatus } from './schema';
import { keepsParadata } from './paradata';

export interface ArrivalInput {
  fileName: string;
  fileSha256: string;
  manifest: BatchManifest;
  /** In the manifest's order (each already checked against its manifest entry). */
  records: InterviewRecord[];
  receivedAt: string;
  /**
   * Whether the store keeps the paradata of this form version: true when it has an `audit`
   * question, false when it has none, undefined when the caller did not find the form (looked up
   * again inside the transaction, so a form registered meanwhile is seen).
   */
  keepsParadata?: (surveyId: string, formVersion: string) => boolean | undefined;
}

export interface ArrivalResult {
  status: Exclude<BatchStatus, 'rejected'>;
  reason?: string;
  counts: ArrivalCounts;
}

// Rows per multi-row insert: SQLite allows 32,766 bound values, PostgreSQL 65,535.
const ANSWER_ROWS_PER_INSERT = 2_000;
const INTERVIEW_ROWS_PER_INSERT = 1_000;
const PARADATA_ROWS_PER_INSERT = 2_000;
const IDS_PER_SELECT = 1_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** An accepted arrival of the same file or the same batch id: the batch is already in. */
async function alreadyAccepted(trx: AnalystTrx, input: ArrivalInput) {
  return trx
    .selectFrom('batch_arrivals')
    .select(['arrival', 'file_name'])
    .where('status', 'in', ['imported', 'unchanged'])
    .where((eb) => eb.or([eb('file_sha256', '=', input.fileSha256), eb('batch_id', '=', input.manifest.batchId)]))
    .orderBy('arrival')
    .executeTakeFirst();
}

export async function applyArrival(store: AnalystStore, input: ArrivalInput): Promise<ArrivalResult> {
  const { manifest } = input;
  return store.inImportTransaction(async (trx) => {
    const ledger = (status: BatchStatus, counts: ArrivalCounts | null, reason: string | null) =>
      trx
        .insertInto('batch_arrivals')
        .values({
          file_name: input.fileName,
          file_sha256: input.fileSha256,
          batch_id: manifest.batchId,
          device_id: manifest.device.id,
          sequence: manifest.sequence,
          status,
          reason,
          counts: counts ? JSON.stringify(counts) : null,
          received_at: input.receivedAt,
        })
        .execute();

    const earlier = await alreadyAccepted(trx, input);
    if (earlier) {
      const reason = reasonText('batch_duplicate', `arrival ${earlier.arrival}, ${earlier.file_name}`);
      await ledger('duplicate', null, reason);
      return { status: 'duplicate', reason, counts: emptyCounts() };
    }
    const sameSequence = await trx
      .selectFrom('batch_arrivals')
      .select(['batch_id'])
      .where('status', 'in', ['imported', 'unchanged'])
      .where('device_id', '=', manifest.device.id)
      .where('sequence', '=', manifest.sequence)
      .executeTakeFirst();
    if (sameSequence) {
      throw new BatchRefusal('batch_sequence_reused', `sequence ${manifest.sequence} of device ${manifest.device.id} was batch ${sameSequence.batch_id}, this is ${manifest.batchId}`);
    }

    const device = await trx.selectFrom('devices').selectAll().where('id', '=', manifest.device.id).executeTakeFirst();
    if (!device) {
      await trx
        .insertInto('devices')
        .values({ id: manifest.device.id, public_key: manifest.device.publicKey, fingerprint: manifest.device.fingerprint, first_seen_at: input.receivedAt })
        .execute();
    } else if (device.public_key !== manifest.device.publicKey) {
      throw new BatchRefusal('batch_foreign_signer', `device ${device.id} is recorded with key ${device.fingerprint}, this batch is signed by ${manifest.device.fingerprint}`);
    }

    // Everything stored for these interviews, by id.
    const stored = new Map<string, (RevisionKey & { status: string; batch_id: string })[]>();
    for (const ids of chunks(input.records.map((r) => r.id), IDS_PER_SELECT)) {
      const rows = await trx.selectFrom('interviews').select(['id', 'revision', 'content_hash', 'status', 'batch_id']).where('id', 'in', ids).execute();
      for (const row of rows) {
        const list = stored.get(row.id) ?? [];
        list.push(row);
        stored.set(row.id, list);
      }
    }

    const counts = emptyCounts();
    const newRows: Insertable<InterviewTable>[] = [];
    const newAnswers: Insertable<AnswerTable>[] = [];
    const newParadata: Insertable<ParadataTable>[] = [];
    const kept = new Map<string, boolean>();
    for (const s of manifest.surveys) {
      for (const v of s.formVersions) kept.set(`${s.id}\u0000${v}`, input.keepsParadata?.(s.id, v) ?? (await keepsParadata(trx, s.id, v)));
    }
    const statusUpdates: { id: string; key: RevisionKey; status: RevisionStatus }[] = [];
    const batchIdUpdates: { id: string; key: RevisionKey }[] = [];
    input.records.forEach((record, i) => {
      const contentHash = manifest.interviews[i]!.contentHash;
      const incoming = { revision: record.revision, content_hash: contentHash };
      const existing = stored.get(record.id) ?? [];
      const verdict = verdictOf(existing, incoming);
      counts[verdict]++;
      if (verdict === 'unchanged') {
        // Which batch first carried a content must not depend on arrival order: keep the least id.
        const same = existing.find((r) => r.revision === incoming.revision && r.content_hash === contentHash)!;
        if (manifest.batchId < same.batch_id) batchIdUpdates.push({ id: record.id, key: incoming });
        return;
      }
      const statuses = statusesOf([...existing, incoming]);
      for (const row of existing) {
        const status = statuses.get(revisionKey(row))!;
        if (status !== row.status) statusUpdates.push({ id: record.id, key: row, status });
      }
      newRows.push(interviewRow(record, contentHash, statuses.get(revisionKey(incoming))!, manifest.batchId));
      for (const a of record.answers) {
        newAnswers.push({
          interview_id: record.id,
          revision: record.revision,
          content_hash: contentHash,
          path: a.path,
          value: JSON.stringify(a.value),
          missing: a.missing,
          saved_at: a.savedAt,
        });
      }
      if (kept.get(`${record.surveyId}\u0000${record.formVersion}`) ?? true) {
        record.paradata.forEach((e, seq) => {
          newParadata.push({
            interview_id: record.id,
            revision: record.revision,
            content_hash: contentHash,
            seq,
            at: e.at,
            event: e.event,
            path: e.path,
            detail: e.detail === null ? null : JSON.stringify(e.detail),
          });
        });
      }
    });

    for (const rows of chunks(newRows, INTERVIEW_ROWS_PER_INSERT)) await trx.insertInto('interviews').values(rows).execute();
    for (const rows of chunks(newAnswers, ANSWER_ROWS_PER_INSERT)) await trx.insertInto('answers').values(rows).execute();
    for (const rows of chunks(newParadata, PARADATA_ROWS_PER_INSERT)) await trx.insertInto('paradata').values(rows).execute();
    for (const u of statusUpdates) {
      await trx
        .updateTable('interviews')
        .set({ status: u.status })
        .where('id', '=', u.id)
        .where('revision', '=', u.key.revision)
        .where('content_hash', '=', u.key.content_hash)
        .execute();
    }
    for (const u of batchIdUpdates) {
      await trx
        .updateTable('interviews')
        .set({ batch_id: manifest.batchId })
        .where('id', '=', u.id)
        .where('revision', '=', u.key.revision)
        .where('content_hash', '=', u.key.content_hash)
        .execute();
    }
    const status = counts.unchanged === input.records.length ? 'unchanged' : 'imported';
    await ledger(status, counts, null);
    return { status, counts };
  });
}

function interviewRow(record: InterviewRecord, contentHash: string, status: RevisionStatus, batchId: string): Insertable<InterviewTable> {
  return {
    id: record.id,
    revision: record.revision,
    content_hash: contentHash,
    status,
    device_id: record.deviceId,
    surveyor_code: record.surveyorCode,
    unit_code: record.unitCode,
    survey_id: record.surveyId,
    form_version: record.formVersion,
    outcome: record.outcome,
    created_at: record.createdAt,
    completed_at: record.completedAt,
    approved_at: record.approvedAt,
    batch_id: batchId,
  };
}
