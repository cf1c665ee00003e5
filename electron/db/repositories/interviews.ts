// Interviews: one row per interview for life (UUID), with revision, status and who/where/what.
import type { InterviewStatus } from '../../../shared/contract/schemas';
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
}

export type InterviewSummaryRow = InterviewRow & { answer_count: number };

export interface NewInterview {
  id: string;
  deviceId: string;
  surveyorId: number;
  surveyId: string;
  formVersion: string;
  unitCode: string;
  createdAt: string;
}

export interface InterviewFilter {
  surveyorId: number | null;
  status: InterviewStatus | null;
  limit: number;
}

const SUMMARY_COLUMNS = `i.*, (SELECT count(*) FROM answers a WHERE a.interview_id = i.id) AS answer_count`;

export function createInterviewsRepo(db: Database) {
  const insert = db.prepare<NewInterview>(`
    INSERT INTO interviews (id, revision, status, device_id, surveyor_id, survey_id, form_version,
                            unit_code, created_at, updated_at, completed_at)
    VALUES (@id, 0, 'draft', @deviceId, @surveyorId, @surveyId, @formVersion, @unitCode,
            @createdAt, @createdAt, NULL)`);
  const byId = db.prepare<[string], InterviewRow>('SELECT * FROM interviews WHERE id = ?');
  const summaryById = db.prepare<[string], InterviewSummaryRow>(
    `SELECT ${SUMMARY_COLUMNS} FROM interviews i WHERE i.id = ?`,
  );
  // NULL filters mean "any"; the indexes from migration 2 serve both the surveyor and status cases.
  const list = db.prepare<InterviewFilter, InterviewSummaryRow>(`
    SELECT ${SUMMARY_COLUMNS} FROM interviews i
    WHERE (@surveyorId IS NULL OR i.surveyor_id = @surveyorId)
      AND (@status IS NULL OR i.status = @status)
    ORDER BY i.updated_at DESC, i.id
    LIMIT @limit`);
  const touch = db.prepare<[string, string]>('UPDATE interviews SET updated_at = ? WHERE id = ?');
  const setStatus = db.prepare<[InterviewStatus, string, string | null, string]>(
    'UPDATE interviews SET status = ?, updated_at = ?, completed_at = coalesce(?, completed_at) WHERE id = ?',
  );

  return {
    insert: (row: NewInterview): void => {
      insert.run(row);
    },
    findById: (id: string): InterviewRow | undefined => byId.get(id),
    summaryById: (id: string): InterviewSummaryRow | undefined => summaryById.get(id),
    list: (filter: InterviewFilter): InterviewSummaryRow[] => list.all(filter),
    touch: (id: string, updatedAt: string): void => {
      touch.run(updatedAt, id);
    },
    setStatus: (id: string, status: InterviewStatus, at: string, completedAt: string | null): void => {
      setStatus.run(status, at, completedAt, id);
    },
  };
}
