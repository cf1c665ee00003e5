// The outgoing batch ledger (migration 6): which batches this laptop exported, in sequence, with
// their bytes, and which interview revisions each holds. An approved interview is due for export
// while no batch holds it at its current revision; the ledger is the only record of "exported".
import type { Outcome } from '../../../shared/contract/schemas';
import type { Database } from '../types';

export interface BatchOutRow {
  batch_id: string;
  device_id: string;
  sequence: number;
  file_name: string;
  file_sha256: string;
  size: number;
  interview_count: number;
  created_at: string;
  exported_by: number | null;
}

export interface NewBatchOut extends Omit<BatchOutRow, 'size'> {
  bytes: Buffer;
  interviews: readonly { interviewId: string; revision: number; contentHash: string }[];
}

/** An approved interview waiting to travel, with what its record needs beyond answers and paradata. */
export interface DueInterviewRow {
  id: string;
  revision: number;
  survey_id: string;
  form_version: string;
  device_id: string;
  surveyor_code: string;
  unit_code: string;
  outcome: Outcome | null;
  created_at: string;
  completed_at: string | null;
  approved_at: string | null;
}

export function createBatchesRepo(db: Database) {
  const nextSequence = db.prepare<[string], { next: number }>(
    'SELECT coalesce(max(sequence), 0) + 1 AS next FROM batches_out WHERE device_id = ?',
  );
  const insert = db.prepare<Omit<BatchOutRow, 'size'> & { bytes: Buffer }>(`
    INSERT INTO batches_out (batch_id, device_id, sequence, file_name, file_sha256, size, bytes, interview_count, created_at, exported_by)
    VALUES (@batch_id, @device_id, @sequence, @file_name, @file_sha256, length(@bytes), @bytes, @interview_count, @created_at, @exported_by)`);
  const insertInterview = db.prepare<[string, string, number, string]>(
    'INSERT INTO batch_interviews_out (batch_id, interview_id, revision, content_hash) VALUES (?, ?, ?, ?)',
  );
  const COLUMNS = 'batch_id, device_id, sequence, file_name, file_sha256, size, interview_count, created_at, exported_by';
  const list = db.prepare<[], BatchOutRow>(`SELECT ${COLUMNS} FROM batches_out ORDER BY device_id, sequence`);
  const bySequence = db.prepare<[string, number], BatchOutRow & { bytes: Buffer }>(
    `SELECT ${COLUMNS}, bytes FROM batches_out WHERE device_id = ? AND sequence = ?`,
  );
  const interviewsOf = db.prepare<[string], { interview_id: string; revision: number; content_hash: string }>(
    'SELECT interview_id, revision, content_hash FROM batch_interviews_out WHERE batch_id = ? ORDER BY interview_id',
  );
  // The approval time is the audit log's (the interview row keeps only its latest update).
  const due = db.prepare<{ surveyId: string | null }, DueInterviewRow>(`
    SELECT i.id, i.revision, i.survey_id, i.form_version, i.device_id, u.code AS surveyor_code, i.unit_code,
           i.outcome, i.created_at, i.completed_at,
           (SELECT max(a.at) FROM audit_log a
             WHERE a.entity = 'interview' AND a.entity_id = i.id AND a.action = 'interview_approved') AS approved_at
    FROM interviews i JOIN users u ON u.id = i.surveyor_id
    WHERE i.status = 'approved'
      AND (@surveyId IS NULL OR i.survey_id = @surveyId)
      AND NOT EXISTS (SELECT 1 FROM batch_interviews_out b WHERE b.interview_id = i.id AND b.revision >= i.revision)
    ORDER BY i.survey_id, i.id`);
  const stillDue = db.prepare<[string, number], { ok: number }>(`
    SELECT 1 AS ok FROM interviews i
    WHERE i.id = ? AND i.revision = ? AND i.status = 'approved'
      AND NOT EXISTS (SELECT 1 FROM batch_interviews_out b WHERE b.interview_id = i.id AND b.revision >= i.revision)`);
  const exportedRevision = db.prepare<[string], { revision: number | null }>(
    'SELECT max(revision) AS revision FROM batch_interviews_out WHERE interview_id = ?',
  );

  return {
    nextSequence: (deviceId: string): number => nextSequence.get(deviceId)!.next,
    /** The batch and its interviews; the caller runs this inside its transaction. */
    record: (batch: NewBatchOut): void => {
      insert.run({
        batch_id: batch.batch_id,
        device_id: batch.device_id,
        sequence: batch.sequence,
        file_name: batch.file_name,
        file_sha256: batch.file_sha256,
        bytes: batch.bytes,
        interview_count: batch.interview_count,
        created_at: batch.created_at,
        exported_by: batch.exported_by,
      });
      for (const i of batch.interviews) insertInterview.run(batch.batch_id, i.interviewId, i.revision, i.contentHash);
    },
    list: (): BatchOutRow[] => list.all(),
    bySequence: (deviceId: string, sequence: number): (BatchOutRow & { bytes: Buffer }) | undefined => bySequence.get(deviceId, sequence),
    interviewsOf: (batchId: string) => interviewsOf.all(batchId),
    /** Approved interviews no batch holds at their current revision, by survey then id. */
    due: (surveyId: string | null = null): DueInterviewRow[] => due.all({ surveyId }),
    stillDue: (interviewId: string, revision: number): boolean => stillDue.get(interviewId, revision) !== undefined,
    exportedRevision: (interviewId: string): number | null => exportedRevision.get(interviewId)?.revision ?? null,
  };
}
