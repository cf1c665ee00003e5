// Interviews as the surveyor lives them: start one (consent "no" closes it as refused), save
// answers one at a time — each checked against the interview's own form version and durable on
// disk with its paradata before the call returns — record navigation, complete (the engine runs
// here and has the last word), close with another outcome, reopen when sent back. Every status
// change follows shared/interviews/status.ts and is audited.
import { randomUUID } from 'node:crypto';
import { ServiceError, type ContractIssue } from '../../shared/contract/errors';
import { MAX_ANSWERS_PER_INTERVIEW, OUTCOMES } from '../../shared/contract/schemas';
import type {
  Answer,
  AnswerValue,
  Interview,
  InterviewStatus,
  InterviewSummary,
  MissingKind,
  Outcome,
  ParadataEvent,
  User,
} from '../../shared/contract/schemas';
import { type AnswerIssue, checkAnswer, loadAnswers, questionAtPath, type StoredAnswer } from '../../shared/engine/answers';
import { createFormRuntime, lastSavedAnswers, lastSavedNamesOf } from '../../shared/engine/runtime';
import { EDITABLE_STATUSES, type InterviewAction, transitionFor } from '../../shared/interviews/status';
import { describeMediaValue } from '../../shared/forms/media';
import { auditSettingsOf, type AuditSettings } from '../../shared/forms/audit';
import type { FormModel } from '../../shared/forms/model';
import type { AnswerRow } from '../db/repositories/answers';
import type { InterviewRow, InterviewSummaryRow } from '../db/repositories/interviews';
import { assertActorStillAllowed } from './actor';
import { nowIso, type ServiceContext } from './context';
import type { FormCatalog, LoadedForm } from './forms';

/**
 * The start screen's consent fills the form's question named `consent` (when it has one) with
 * code 1 (yes) or 2 (no): the convention the built-in instruments follow.
 */
export const CONSENT_QUESTION = 'consent';
export const CONSENT_CODES = { yes: '1', no: '2' } as const;
/** A form's calculate named `outcome` decides the outcome of a completed record when it holds one of OUTCOMES. */
export const OUTCOME_QUESTION = 'outcome';
/** Issues carried by one refusal (the guard passes at most 20 across the boundary). */
const MAX_ISSUES = 100;

export function toSummary(row: InterviewSummaryRow): InterviewSummary {
  if (row.form_hash === null) throw new Error(`form version ${row.survey_id}@${row.form_version} has no hash`);
  return {
    id: row.id,
    serial: row.serial,
    revision: row.revision,
    status: row.status,
    outcome: row.outcome,
    surveyId: row.survey_id,
    formVersion: row.form_version,
    formHash: row.form_hash,
    unitCode: row.unit_code,
    respondentRef: row.respondent_ref,
    consent: row.consent === 1,
    deviceId: row.device_id,
    surveyorId: row.surveyor_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    currentPath: row.current_path,
    comment: row.comment,
    answerCount: row.answer_count,
  };
}

export function toAnswer(row: AnswerRow): Answer {
  return { path: row.path, value: JSON.parse(row.value) as AnswerValue, missing: row.missing, savedAt: row.saved_at };
}

function toIssues(issues: readonly AnswerIssue[]): ContractIssue[] {
  return issues.slice(0, MAX_ISSUES).map((i) => ({ path: i.path, problem: i.vi, problemEn: i.en }));
}

export function createInterviewService(ctx: ServiceContext, forms: FormCatalog) {
  const { db, repos } = ctx;

  /** Surveyors see only their own interviews; supervisors and analysts see all. */
  function readable(actor: User, interviewId: string): InterviewRow {
    const row = repos.interviews.findById(interviewId);
    if (!row) throw new ServiceError('not_found', `interview ${interviewId}`);
    if (actor.role === 'surveyor' && row.surveyor_id !== actor.id) throw new ServiceError('forbidden');
    return row;
  }

  /** Only the surveyor who holds the interview changes it, even a supervisor may not. */
  /** Callers are inside the write transaction: the actor is re-checked there (deactivated mid-call → refused). */
  function owned(actor: User, interviewId: string): InterviewRow {
    assertActorStillAllowed(repos, actor, ['surveyor']);
    const row = repos.interviews.findById(interviewId);
    if (!row) throw new ServiceError('not_found', `interview ${interviewId}`);
    if (row.surveyor_id !== actor.id) throw new ServiceError('forbidden');
    return row;
  }

  function editable(actor: User, interviewId: string): InterviewRow {
    const row = owned(actor, interviewId);
    if (!EDITABLE_STATUSES.has(row.status)) throw new ServiceError('interview_not_editable', row.status);
    return row;
  }

  // Read once per loaded form: a save asks it every time.
  const auditSettings = new WeakMap<FormModel, AuditSettings | null>();
  function auditOf(row: InterviewRow): AuditSettings | null {
    const model = formOf(row).model;
    if (!auditSettings.has(model)) auditSettings.set(model, auditSettingsOf(model));
    return auditSettings.get(model) ?? null;
  }

  function formOf(row: InterviewRow): LoadedForm {
    const form = forms.byVersion(row.survey_id, row.form_version);
    if (!form) throw new Error(`form version ${row.survey_id}@${row.form_version} of interview ${row.id} is not installed`);
    return form;
  }

  /**
   * `${last-saved#name}`: the answers of the surveyor's previous interview of the same form
   * version that the form reads (undefined when it reads none). The renderer's runtime and the
   * completion check below get the same ones.
   */
  function lastSavedOf(row: InterviewRow, form: LoadedForm): { path: string; value: AnswerValue }[] | undefined {
    if (lastSavedNamesOf(form.model).size === 0) return undefined;
    const previous = repos.interviews.previousOf(row);
    if (previous === undefined) return [];
    const stored = repos.answers.forInterview(previous).map((a) => ({ path: a.path, value: JSON.parse(a.value) as AnswerValue }));
    return lastSavedAnswers(form.model, stored);
  }

  function summary(id: string): InterviewSummary {
    const row = repos.interviews.summaryById(id);
    if (!row) throw new ServiceError('not_found', `interview ${id}`);
    return toSummary(row);
  }

  /** The transition of `action` from the row's status, or interview_not_editable when the table has none. */
  function transition(action: InterviewAction, row: InterviewRow) {
    const t = transitionFor(action, row.status);
    if (!t) throw new ServiceError('interview_not_editable', `${action} from ${row.status}`);
    return t;
  }

  function audit(actor: User, action: string, row: InterviewRow, at: string, detail: Record<string, unknown>): void {
    repos.audit.append({ at, userId: actor.id, action, entity: 'interview', entityId: row.id, detail: { revision: row.revision, ...detail } });
  }

  /** Writes one checked answer and its paradata (`answered` the first time, `changed` after). */
  function writeAnswer(row: InterviewRow, answer: StoredAnswer, at: string): Answer {
    const previous = repos.answers.get(row.id, answer.path);
    // Bounded like the contract's Interview.answers, so an interview can always be loaded back.
    if (!previous && repos.answers.countForInterview(row.id) >= MAX_ANSWERS_PER_INTERVIEW) {
      throw new ServiceError('interview_too_large', `${MAX_ANSWERS_PER_INTERVIEW} answers`);
    }
    const stored: AnswerRow = { interview_id: row.id, path: answer.path, value: JSON.stringify(answer.value), missing: answer.missing, saved_at: at };
    repos.answers.upsert(stored);
    repos.interviews.touch(row.id, at);
    const hadValue = previous !== undefined && previous.value !== 'null';
    const detail: Record<string, unknown> = {};
    if (answer.missing) detail['missing'] = answer.missing;
    if (answer.value === null) detail['cleared'] = true;
    if (hadValue) {
      const from = JSON.parse(previous.value) as unknown;
      // An attachment is not copied into the append-only paradata: its name, type and size say what was replaced.
      detail['from'] = typeof from === 'string' ? (describeMediaValue(from) ?? from) : from;
    }
    // A form with an audit question also records the new value, so the ODK audit log's
    // new-value column (track-changes) comes from the event itself (docs/exports.md).
    if (answer.value !== null && auditOf(row)) {
      detail['to'] = typeof answer.value === 'string' ? (describeMediaValue(answer.value) ?? answer.value) : answer.value;
    }
    repos.paradata.append({ interviewId: row.id, at, event: hadValue ? 'changed' : 'answered', path: answer.path, detail: Object.keys(detail).length ? detail : null });
    return toAnswer(stored);
  }

  const saveTx = db.transaction(
    (actor: User, input: { interviewId: string; path: string; value: AnswerValue; missing: MissingKind | null }): Answer => {
      const row = editable(actor, input.interviewId);
      const checked = checkAnswer(formOf(row).model, { path: input.path, value: input.value, missing: input.missing });
      if ('issue' in checked) throw new ServiceError('answer_invalid', `${checked.issue.path}: ${checked.issue.en}`, toIssues([checked.issue]));
      return writeAnswer(row, checked.answer, nowIso(ctx));
    },
  );

  return {
    start(
      actor: User,
      input: { surveyId: string; formVersion?: string; unitCode: string; consent: boolean; respondentRef?: string },
    ): InterviewSummary {
      const result = db.transaction(() => {
        assertActorStillAllowed(repos, actor, ['surveyor']);
        const survey = repos.surveys.findById(input.surveyId);
        if (!survey) throw new ServiceError('not_found', `survey ${input.surveyId}`);
        const version = input.formVersion ?? survey.form_version;
        if (!version) throw new ServiceError('not_found', `survey ${input.surveyId} has no form installed`);
        const form = forms.byVersion(input.surveyId, version);
        if (!form) throw new ServiceError('not_found', `form version ${input.surveyId}@${version}`);
        if (repos.surveys.unitOutsideFrame(input.surveyId, input.unitCode)) {
          throw new ServiceError('not_found', `unit ${input.unitCode} is not in the frame of ${input.surveyId}`);
        }
        const id = randomUUID();
        const at = nowIso(ctx);
        const respondentRef = input.respondentRef ? input.respondentRef : null;
        repos.interviews.insert({
          id,
          deviceId: ctx.deviceId,
          surveyorId: actor.id,
          surveyId: input.surveyId,
          formVersion: version,
          unitCode: input.unitCode,
          createdAt: at,
          respondentRef,
          consent: input.consent ? 1 : 0,
        });
        const row = repos.interviews.findById(id) as InterviewRow;
        repos.paradata.append({ interviewId: id, at, event: 'created', path: null, detail: { consent: input.consent } });
        audit(actor, 'interview_created', row, at, { surveyId: input.surveyId, formVersion: version, unitCode: input.unitCode, serial: row.serial, consent: input.consent });
        // The form's own consent question carries the answer given on the start screen.
        const consent = checkAnswer(form.model, { path: CONSENT_QUESTION, value: input.consent ? CONSENT_CODES.yes : CONSENT_CODES.no, missing: null });
        if ('answer' in consent) writeAnswer(row, consent.answer, at);
        if (!input.consent) {
          // Consent refused: the attempt ends here, recorded with outcome refused.
          const t = transition('close', row);
          repos.interviews.finish(id, t.to, 'refused', at);
          repos.paradata.append({ interviewId: id, at, event: 'closed', path: null, detail: { outcome: 'refused', reason: 'consent' } });
          audit(actor, t.audit, row, at, { from: row.status, to: t.to, outcome: 'refused', reason: 'consent' });
        }
        return summary(id);
      }).immediate();
      ctx.afterCommit();
      return result;
    },

    /**
     * Checks the answer against the interview's form version, then upserts it and appends its
     * paradata event in one IMMEDIATE transaction. With synchronous=FULL the commit is fsynced
     * before this returns: acknowledged means on disk. A refused answer writes nothing.
     */
    saveAnswer(
      actor: User,
      input: { interviewId: string; path: string; value: AnswerValue; missing?: MissingKind | null },
    ): Answer {
      const answer = saveTx.immediate(actor, { ...input, missing: input.missing ?? null });
      ctx.afterCommit();
      return answer;
    },

    /** Appends navigation paradata; the last `shown` question of a draft is where it resumes. */
    recordEvents(actor: User, input: { interviewId: string; events: readonly ParadataEvent[] }): { recorded: number } {
      const result = db.transaction(() => {
        const row = owned(actor, input.interviewId);
        const model = formOf(row).model;
        const bad = input.events.map((e) => questionAtPath(model, e.path)).filter((r): r is { issue: AnswerIssue } => 'issue' in r);
        if (bad.length) throw new ServiceError('answer_invalid', bad[0]?.issue.en, toIssues(bad.map((b) => b.issue)));
        const at = nowIso(ctx);
        for (const e of input.events) {
          repos.paradata.append({ interviewId: row.id, at, event: e.kind, path: e.path, detail: { clientAt: e.at } });
        }
        const shown = [...input.events].reverse().find((e) => e.kind === 'shown');
        if (shown && EDITABLE_STATUSES.has(row.status)) repos.interviews.setCurrentPath(row.id, shown.path, at);
        return { recorded: input.events.length };
      }).immediate();
      ctx.afterCommit();
      return result;
    },

    /**
     * Runs the form engine over the stored answers (through the same adapter the renderer uses)
     * and completes the draft only when the record is complete; the outcome is the form's
     * `outcome` calculate when it holds a known outcome, else completed.
     */
    complete(actor: User, interviewId: string): InterviewSummary {
      const result = db.transaction(() => {
        const row = editable(actor, interviewId);
        const t = transition('complete', row);
        const at = nowIso(ctx);
        const form = formOf(row);
        const surveyor = repos.users.findById(row.surveyor_id);
        const lastSaved = lastSavedOf(row, form);
        const rt = createFormRuntime(form.model, { now: ctx.clock, deviceId: row.device_id, username: surveyor?.code ?? '', instanceId: row.id, ...(lastSaved ? { lastSaved } : {}) });
        const stored = repos.answers.forInterview(row.id).map((a) => ({ path: a.path, value: JSON.parse(a.value) as AnswerValue, missing: a.missing }));
        const loadIssues = loadAnswers(rt, stored);
        const snap = rt.snapshot();
        const issues: AnswerIssue[] = [
          ...loadIssues,
          ...snap.errors.map((e) => ({ path: e.path, vi: e.message, en: e.kind === 'required' ? 'Required question not answered.' : e.kind === 'type' ? 'Value of the wrong type.' : 'The answer breaks a rule of the form.' })),
        ];
        if (issues.length) {
          // Messages come in the form's language; English ones from the same engine.
          const en = createFormRuntime(form.model, { now: ctx.clock, language: 'en', deviceId: row.device_id, username: surveyor?.code ?? '', instanceId: row.id, ...(lastSaved ? { lastSaved } : {}) });
          loadAnswers(en, stored);
          const enByPath = new Map(en.snapshot().errors.map((e) => [e.path, e.message]));
          for (const i of issues) i.en = enByPath.get(i.path) ?? i.en;
          throw new ServiceError('interview_incomplete', `${issues.length} problem(s), first ${issues[0]?.path}`, toIssues(issues));
        }
        const outcomeQuestion = questionAtPath(form.model, OUTCOME_QUESTION);
        const computed = 'question' in outcomeQuestion && rt.isRelevant(OUTCOME_QUESTION) ? rt.getValue(OUTCOME_QUESTION) : '';
        const outcome: Outcome = (OUTCOMES as readonly string[]).includes(computed) ? (computed as Outcome) : 'completed';
        repos.interviews.finish(row.id, t.to, outcome, at);
        repos.paradata.append({ interviewId: row.id, at, event: 'completed', path: null, detail: { outcome } });
        audit(actor, t.audit, row, at, { from: row.status, to: t.to, outcome });
        return summary(row.id);
      }).immediate();
      ctx.afterCommit();
      return result;
    },

    /** Closes an unfinished draft with an outcome other than completed; the questionnaire need not be answered. */
    close(actor: User, input: { interviewId: string; outcome: Exclude<Outcome, 'completed'>; note?: string }): InterviewSummary {
      const result = db.transaction(() => {
        const row = editable(actor, input.interviewId);
        const t = transition('close', row);
        const at = nowIso(ctx);
        repos.interviews.finish(row.id, t.to, input.outcome, at);
        repos.paradata.append({ interviewId: row.id, at, event: 'closed', path: null, detail: { outcome: input.outcome } });
        audit(actor, t.audit, row, at, { from: row.status, to: t.to, outcome: input.outcome, ...(input.note ? { note: input.note } : {}) });
        return summary(row.id);
      }).immediate();
      ctx.afterCommit();
      return result;
    },

    /** A supervisor approves a completed interview or sends it back with a comment (`interview:approve` / `interview:reject` through services/review.ts). */
    review(actor: User, input: { interviewId: string; action: 'approve' | 'reject'; comment?: string }): InterviewSummary {
      const result = db.transaction(() => {
        assertActorStillAllowed(repos, actor, ['supervisor']);
        const row = repos.interviews.findById(input.interviewId);
        if (!row) throw new ServiceError('not_found', `interview ${input.interviewId}`);
        const t = transition(input.action, row);
        if (actor.role !== t.by) throw new ServiceError('forbidden');
        const at = nowIso(ctx);
        const comment = input.action === 'reject' ? (input.comment ?? null) : row.comment;
        repos.interviews.review(row.id, t.to, comment, at);
        audit(actor, t.audit, row, at, { from: row.status, to: t.to, ...(input.comment ? { comment: input.comment } : {}) });
        return summary(row.id);
      }).immediate();
      ctx.afterCommit();
      return result;
    },

    /** The surveyor reopens a sent-back interview: a draft again, with the next revision; the comment stays visible. */
    reopen(actor: User, interviewId: string): InterviewSummary {
      const result = db.transaction(() => {
        const row = owned(actor, interviewId);
        const t = transition('reopen', row);
        const at = nowIso(ctx);
        repos.interviews.reopen(row.id, at);
        // track-changes-reasons: the supervisor's send-back comment is why the record is edited again.
        const reason = auditOf(row)?.changeReasons && row.comment ? { reason: row.comment } : {};
        repos.paradata.append({ interviewId: row.id, at, event: 'reopened', path: null, detail: { revision: row.revision + 1, ...reason } });
        audit(actor, t.audit, row, at, { from: row.status, to: t.to, revision: row.revision + 1 });
        return summary(row.id);
      }).immediate();
      ctx.afterCommit();
      return result;
    },

    load(actor: User, interviewId: string): Interview {
      return db.transaction(() => {
        const row = readable(actor, interviewId);
        const lastSaved = lastSavedOf(row, formOf(row));
        return { summary: summary(interviewId), answers: repos.answers.forInterview(interviewId).map(toAnswer), ...(lastSaved ? { lastSaved } : {}) };
      })();
    },

    list(actor: User, filter: { status?: InterviewStatus; surveyId?: string; unitCode?: string; limit?: number }): InterviewSummary[] {
      return repos.interviews
        .list({
          surveyorId: actor.role === 'surveyor' ? actor.id : null,
          status: filter.status ?? null,
          surveyId: filter.surveyId ?? null,
          unitCode: filter.unitCode ?? null,
          limit: filter.limit ?? 1000,
        })
        .map(toSummary);
    },
  };
}

export type InterviewService = ReturnType<typeof createInterviewService>;
