// Public shapes of the form runtime: options, the record snapshot, statuses and the input error
// thrown when a caller names a question, instance or code the form does not have.
import type { AnswerValue } from '../../contract/schemas';
import type { MissingKind } from '../../forms/model';

export type { AnswerValue, MissingKind };

export interface RuntimeOptions {
  /** Language of error messages and choice labels; defaults to the form's default language. */
  language?: string;
  /** Clock for start/end/today and now()/today(); injectable for tests. */
  now?: () => Date;
  deviceId?: string;
  username?: string;
  /** The interview's id: `/data/meta/instanceID` reads `uuid:<instanceId>` (ODK's instanceID). */
  instanceId?: string;
  /**
   * The surveyor's previous interview of the same form, as stored answers (`name`,
   * `roster[2]/age`): what `${last-saved#name}` reads. Absent: every last-saved value is empty.
   */
  lastSaved?: readonly { path: string; value: AnswerValue | null }[];
}

/** DOMAIN.md: an answer, a coded DK/refused/N/A, skipped by logic, or simply not answered yet. */
export type QuestionStatus = 'answered' | 'missing' | 'skipped' | 'unanswered';

/** An answer as the screen reads it (a coded missing answer keeps its code as `value`). */
export interface TypedAnswer {
  value: string | number | boolean | string[] | null;
  missing: MissingKind | null;
  status: QuestionStatus;
}

/** Told the paths that changed after each change of the record. */
export type RuntimeListener = (changedPaths: readonly string[]) => void;

export type RecordErrorKind = 'required' | 'constraint' | 'type';

export interface RecordError {
  name: string;
  path: string;
  kind: RecordErrorKind;
  message: string;
}

export interface RecordSnapshot {
  /** Paths (`name`, `roster[2]/age`) of relevant questions, in form order. */
  relevant: string[];
  /** name → value of relevant, non-empty questions; repeats as arrays of objects. */
  values: Record<string, unknown>;
  statuses: Record<string, QuestionStatus>;
  missing: Record<string, MissingKind>;
  errors: RecordError[];
  /** No errors at all: every required question answered (or coded missing), every value valid. */
  complete: boolean;
}

export type RuntimeInputCode =
  | 'unknown_question'
  | 'bad_path'
  | 'no_such_instance'
  | 'not_a_repeat'
  | 'fixed_repeat'
  | 'too_many_instances'
  | 'read_only'
  | 'invalid_missing_code';

/** A caller's mistake (a path or code the form does not have): thrown, never recorded. */
export class RuntimeInputError extends Error {
  constructor(
    readonly code: RuntimeInputCode,
    readonly messageVi: string,
    messageEn: string,
  ) {
    super(messageEn);
    this.name = 'RuntimeInputError';
  }
}

/** Upper bound on instances of one repeat, whatever repeat_count says (paths allow 4 digits). */
export const MAX_REPEAT_INSTANCES = 1000;
