// Answers, one row per interview and question path; saving the same path again replaces it.
import type { MissingKind } from '../../../shared/contract/schemas';
import type { Database } from '../types';

export interface AnswerRow {
  interview_id: string;
  path: string;
  /** JSON text of the value. */
  value: string;
  missing: MissingKind | null;
  saved_at: string;
}

export function createAnswersRepo(db: Database) {
  const upsert = db.prepare<AnswerRow>(`
    INSERT INTO answers (interview_id, path, value, missing, saved_at)
    VALUES (@interview_id, @path, @value, @missing, @saved_at)
    ON CONFLICT (interview_id, path) DO UPDATE
      SET value = excluded.value, missing = excluded.missing, saved_at = excluded.saved_at`);
  const forInterview = db.prepare<[string], AnswerRow>(
    'SELECT * FROM answers WHERE interview_id = ? ORDER BY path',
  );
  const get = db.prepare<[string, string], AnswerRow>('SELECT * FROM answers WHERE interview_id = ? AND path = ?');
  const count = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM answers WHERE interview_id = ?');
  return {
    upsert: (row: AnswerRow): void => {
      upsert.run(row);
    },
    get: (interviewId: string, path: string): AnswerRow | undefined => get.get(interviewId, path),
    countForInterview: (interviewId: string): number => count.get(interviewId)?.n ?? 0,
    forInterview: (interviewId: string): AnswerRow[] => forInterview.all(interviewId),
  };
}
