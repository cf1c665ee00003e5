// The form's `audit` question (ODK's form audit log): whether a form has one, and which of its
// parameters a laptop honours. One reading of the parameters for the laptop (what the paradata
// records), the analyst store (whether it keeps the paradata) and the export (audit.csv columns).
import { listQuestions, type FormModel, type QuestionNode } from './model';

/** pyxform's rule: the audit question is named `audit` (the compiler refuses any other name). */
export const AUDIT_QUESTION = 'audit';

export interface AuditSettings {
  /** `track-changes=true`: old-value / new-value columns, and the laptop records the new value. */
  trackChanges: boolean;
  /** `identify-user=true`: a `user` column (the surveyor's code). */
  identifyUser: boolean;
  /** `track-changes-reasons=on-form-edit`: a `change-reason` column. */
  changeReasons: boolean;
  /**
   * `location-priority` (with its interval and age): ODK adds latitude, longitude and accuracy
   * columns. A laptop has no GPS, so they stay empty (the compiler warns `not_collected`).
   */
  location: boolean;
}

/** The form's audit question (at most one, named `audit`), or undefined. */
export function auditQuestionOf(form: Pick<FormModel, 'children'>): QuestionNode | undefined {
  return listQuestions(form).find((q) => q.type === 'audit');
}

const isTrue = (v: string | undefined): boolean => (v ?? '').toLowerCase() === 'true';

/** What the form's audit question asks for, or null when the form has none (no audit log). */
export function auditSettingsOf(form: Pick<FormModel, 'children'>): AuditSettings | null {
  const q = auditQuestionOf(form);
  if (!q) return null;
  const p = q.parameters ?? {};
  return {
    trackChanges: isTrue(p['track-changes']),
    identifyUser: isTrue(p['identify-user']),
    changeReasons: (p['track-changes-reasons'] ?? '').toLowerCase() === 'on-form-edit',
    location: p['location-priority'] !== undefined,
  };
}
