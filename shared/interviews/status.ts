// The one table of interview status transitions: which action moves an interview from which
// status to which, who may take it, and whether it starts a new revision. Services, the UI and
// the docs read it from here, so the life cycle cannot be told two ways.
import type { Role } from '../contract/roles';
import type { InterviewStatus } from '../contract/schemas';

export const INTERVIEW_ACTIONS = ['complete', 'close', 'approve', 'reject', 'reopen'] as const;
export type InterviewAction = (typeof INTERVIEW_ACTIONS)[number];

export interface Transition {
  action: InterviewAction;
  from: InterviewStatus;
  to: InterviewStatus;
  /** Who may take it (the main process also checks that a surveyor owns the interview). */
  by: Role;
  /** A completed interview opened again is a new revision: analysts replace the older one on import. */
  newRevision: boolean;
  /** The audit log's action name. */
  audit: string;
}

export const TRANSITIONS: readonly Transition[] = [
  { action: 'complete', from: 'draft', to: 'completed', by: 'surveyor', newRevision: false, audit: 'interview_completed' },
  { action: 'close', from: 'draft', to: 'completed', by: 'surveyor', newRevision: false, audit: 'interview_closed' },
  { action: 'approve', from: 'completed', to: 'approved', by: 'supervisor', newRevision: false, audit: 'interview_approved' },
  { action: 'reject', from: 'completed', to: 'rejected', by: 'supervisor', newRevision: false, audit: 'interview_rejected' },
  { action: 'reopen', from: 'rejected', to: 'draft', by: 'surveyor', newRevision: true, audit: 'interview_reopened' },
];

/** Statuses in which answers may change. */
export const EDITABLE_STATUSES: ReadonlySet<InterviewStatus> = new Set<InterviewStatus>(['draft']);

/** The transition for `action` from `from`, or null when the action is not allowed there. */
export function transitionFor(action: InterviewAction, from: InterviewStatus): Transition | null {
  return TRANSITIONS.find((t) => t.action === action && t.from === from) ?? null;
}
