// Reads the supervisor's review needs beyond one interview: the session paradata of a survey's
// completed interviews (for its median duration) and a unit's names.
import type { Database } from '../types';

export interface SessionEventRow {
  interview_id: string;
  created_at: string;
  completed_at: string | null;
  /** Null for an interview without session paradata (LEFT JOIN). */
  at: string | null;
  event: string | null;
}

export interface UnitNameRow {
  name_vi: string;
  name_en: string | null;
}

export function createReviewRepo(db: Database) {
  // Interviews finished with outcome completed, in any status after (completed, approved, rejected):
  // all are questionnaires gone through on this laptop. LEFT JOIN keeps those without paradata.
  const sessionEvents = db.prepare<[string], SessionEventRow>(`
    SELECT i.id AS interview_id, i.created_at, i.completed_at, p.at, p.event
    FROM interviews i
    LEFT JOIN paradata p ON p.interview_id = i.id AND p.event IN ('created', 'reopened', 'completed', 'closed')
    WHERE i.survey_id = ? AND i.outcome = 'completed' AND i.completed_at IS NOT NULL
    ORDER BY i.id, p.id`);
  // A unit of the survey's own frame first, else of the general frame.
  const unitName = db.prepare<[string, string], UnitNameRow>(`
    SELECT name_vi, name_en FROM units WHERE code = ? AND (survey_id = ? OR survey_id IS NULL)
    ORDER BY survey_id IS NULL LIMIT 1`);
  return {
    sessionEvents: (surveyId: string): SessionEventRow[] => sessionEvents.all(surveyId),
    unitName: (surveyId: string, code: string): UnitNameRow | undefined => unitName.get(code, surveyId),
  };
}
