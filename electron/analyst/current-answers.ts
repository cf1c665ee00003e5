// The stored answers of counted interviews, as the report and the exports read them: the rows of
// `answers` that belong to an interview's stored revision that counts (counted.ts: `current`, or
// the version of a conflict the analyst chose), for a page of interview ids. One query for both, so they never disagree on
// which answers count.
import { isCounted } from './counted';
import type { AnalystDb } from './store';

/** Interview ids per query: keeps the IN list well under SQLite's and PostgreSQL's limits. */
export const IDS_PER_SELECT = 1_000;

export interface CurrentAnswerRow {
  interview_id: string;
  path: string;
  /** JSON text of the value. */
  value: string;
  missing: string | null;
}

/**
 * The counted revision's answers of `interviewIds` (at most IDS_PER_SELECT), ordered by interview
 * then path; only `paths` when given (the report reads just the index questions).
 */
export async function currentAnswers(db: AnalystDb, interviewIds: readonly string[], options: { paths?: readonly string[] } = {}): Promise<CurrentAnswerRow[]> {
  if (interviewIds.length === 0) return [];
  if (interviewIds.length > IDS_PER_SELECT) throw new Error(`currentAnswers: at most ${IDS_PER_SELECT} interviews per query`);
  let query = db
    .selectFrom('answers')
    .innerJoin('interviews', (j) =>
      j.onRef('interviews.id', '=', 'answers.interview_id').onRef('interviews.revision', '=', 'answers.revision').onRef('interviews.content_hash', '=', 'answers.content_hash'),
    )
    .select(['answers.interview_id', 'answers.path', 'answers.value', 'answers.missing'])
    .where(isCounted)
    .where('answers.interview_id', 'in', [...interviewIds]);
  if (options.paths) {
    if (options.paths.length === 0) return [];
    query = query.where('answers.path', 'in', [...options.paths]);
  }
  return query.orderBy('answers.interview_id').orderBy('answers.path').execute();
}
