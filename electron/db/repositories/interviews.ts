// Interviews: one row per interview for life (UUID), with revision, status, outcome and
// who/where/what; the serial number is assigned by the database (migration 4's trigger).
import type { InterviewStatus, Outcome } from '../../../shared/contract/schemas';
import type { Database } from '../types';

export interface InterviewRow {
  id: string;
  revision: number;
  status: InterviewStatus;
  device_id: string;
  surveyor_id: number;
  survey_id: string;
  form_version: string;
  unit_code: string;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
  serial: number;
  outcome: Outcome | null;
  respondent_ref: string | null;
  consent: 0 | 1;
  current_path: string | null;
  comment: string | null;
}

export type InterviewSummaryRow = InterviewRow & { answer_count: number; form_hash: string | null };

export interface NewInterview {
  id: string;
  deviceId: string;
  surveyorId: number;
  surveyId: string;
  formVersion: string;
  unitCode: string;
  createdAt: string;
  respondentRef: string | null;
  consent: 0 | 1;
}

export interface InterviewFilter {
  surveyorId: number | null;
  status: InterviewStatus | null;
  surveyId: string | null;
  unitCode: string | null;
  limit: number;
}

const SUMMARY_COLUMNS = `i.*,
  (SELECT count(*) FROM answers a WHERE a.interview_id = i.id) AS answer_count,
  (SELECT fv.hash FROM form_versions fv WHERE fv.survey_id = i.survey_id AND fv.version = i.form_version) AS form_hash`;

export function createInterviewsRepo(db: Database) {
  const insert = db.prepare<NewInterview>(`
    INSERT INTO interviews (id, revision, status, device_id, surveyor_id, survey_id, form_version,
                            unit_code, created_at, updated_at, completed_at, respondent_ref, consent)
    VALUES (@id, 0, 'draft', @deviceId, @surveyorId, @surveyId, @formVersion, @unitCode,
            @createdAt, @createdAt, NULL, @respondentRef, @consent)`);
  const byId = db.prepare<[string], InterviewRow>('SELECT * FROM interviews WHERE id = ?');
  const summaryById = db.prepare<[string], InterviewSummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM interviews i WHERE i.id = ?`,
  );
  // NULL filters mean "any"; the indexes from migration 2 serve both the surveyor and status cases.
  const list = db.prepare<InterviewFilter, InterviewSummaryRow>(`
    SELECT ${SUMMARY_COLUMNS} FROM interviews i
    WHERE (@surveyorId IS NULL OR i.surveyor_id = @surveyorId)
      AND (@status IS NULL OR i.status = @status)
      AND (@surveyId IS NULL OR i.survey_id = @surveyId)
      AND (@unitCode IS NULL OR i.unit_code = @unitCode)
    ORDER BY i.updated_at DESC, i.id
    LIMIT @limit`);
  // ${last-saved#…}: the same surveyor's interview of the same form version, created before this
  // one, whose latest answer was saved last. Fixed once this interview exists, so the renderer
  // and the main process's completion check read the same previous interview.
  const previous = db.prepare<{ id: string; surveyorId: number; surveyId: string; formVersion: string; createdAt: string }, { id: string }>(`
    SELECT i.id FROM interviews i
    WHERE i.surveyor_id = @surveyorId AND i.survey_id = @surveyId AND i.form_version = @formVersion
      AND i.id <> @id AND i.created_at <= @createdAt
      AND EXISTS (SELECT 1 FROM answers a WHERE a.interview_id = i.id)
    ORDER BY (SELECT max(a.saved_at) FROM answers a WHERE a.interview_id = i.id) DESC, i.created_at DESC, i.id
    LIMIT 1`);
  const touch = db.prepare<[string, string]>('UPDATE interviews SET updated_at = ? WHERE id = ?');
  const setCurrentPath = db.prepare<[string, string, string]>('UPDATE interviews SET current_path = ?, updated_at = ? WHERE id = ?');
  const finish = db.prepare<{ status: InterviewStatus; outcome: Outcome; at: string; id: string }>(
    'UPDATE interviews SET status = @status, outcome = @outcome, completed_at = @at, updated_at = @at WHERE id = @id',
  );
  const review = db.prepare<[InterviewStatus, string | null, string, string]>(
    'UPDATE interviews SET status = ?, comment = ?, updated_at = ? WHERE id = ?',
  );
  // Reopened: a draft again with the next revision; outcome and completion belong to the next completion.
  const reopen = db.prepare<[string, string]>(
    "UPDATE interviews SET status = 'draft', revision = revision + 1, outcome = NULL, completed_at = NULL, updated_at = ? WHERE id = ?",
  );

  return {
    insert: (row: NewInterview): void => {
      insert.run(row);
    },
    findById: (id: string): InterviewRow | undefined => byId.get(id),
    summaryById: (id: string): InterviewSummaryRow | undefined => summaryById.get(id),
    list: (filter: InterviewFilter): InterviewSummaryRow[] => list.all(filter),
    /** The surveyor's previous interview of the same form version (for `${last-saved#…}`), if any. */
    previousOf: (row: InterviewRow): string | undefined =>
      previous.get({ id: row.id, surveyorId: row.surveyor_id, surveyId: row.survey_id, formVersion: row.form_version, createdAt: row.created_at })?.id,
    touch: (id: string, updatedAt: string): void => {
      touch.run(updatedAt, id);
    },
    setCurrentPath: (id: string, path: string, at: string): void => {
      setCurrentPath.run(path, at, id);
    },
    /** complete/close: the record is finished with an outcome. */
    finish: (id: string, status: InterviewStatus, outcome: Outcome, at: string): void => {
      finish.run({ status, outcome, at, id });
    },
    /** approve/reject by a supervisor; the comment is the latest one (null clears it). */
    review: (id: string, status: InterviewStatus, comment: string | null, at: string): void => {
      review.run(status, comment, at, id);
    },
    reopen: (id: string, at: string): void => {
      reopen.run(at, id);
    },
  };
}
