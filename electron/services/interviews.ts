// Interviews as the surveyor lives them: start one, save answers one at a time (each durable on
// disk, with its paradata event, before the call returns), load and list them.
import { randomUUID } from 'node:crypto';
import { ServiceError } from '../../shared/contract/errors';
import { MAX_ANSWERS_PER_INTERVIEW } from '../../shared/contract/schemas';
import type {
  Answer,
  AnswerValue,
  Interview,
  InterviewStatus,
  InterviewSummary,
  MissingKind,
  User,
} from '../../shared/contract/schemas';
import type { AnswerRow } from '../db/repositories/answers';
import type { InterviewRow, InterviewSummaryRow } from '../db/repositories/interviews';
import { assertActorStillAllowed } from './actor';
import { nowIso, type ServiceContext } from './context';

/** Statuses in which answers may still change (a rejected interview goes back to its surveyor). */
const EDITABLE: ReadonlySet<InterviewStatus> = new Set(['draft', 'rejected']);

function toSummary(row: InterviewSummaryRow): InterviewSummary {
  return {
    id: row.id,
    revision: row.revision,
    status: row.status,
    surveyId: row.survey_id,
    formVersion: row.form_version,
    unitCode: row.unit_code,
    deviceId: row.device_id,
    surveyorId: row.surveyor_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    answerCount: row.answer_count,
  };
}

function toAnswer(row: AnswerRow): Answer {
  return { path: row.path, value: JSON.parse(row.value) as AnswerValue, missing: row.missing, savedAt: row.saved_at };
}

export function createInterviewService(ctx: ServiceContext) {
  const { db, repos } = ctx;

  /** Surveyors see only their own interviews; supervisors and analysts see all. */
  function readable(actor: User, interviewId: string): InterviewRow {
    const row = repos.interviews.findById(interviewId);
    if (!row) throw new ServiceError('not_found', `interview ${interviewId}`);
    if (actor.role === 'surveyor' && row.surveyor_id !== actor.id) throw new ServiceError('forbidden');
    return row;
  }

  const saveTx = db.transaction(
    (actor: User, input: { interviewId: string; path: string; value: AnswerValue; missing: MissingKind | null }): Answer => {
      assertActorStillAllowed(repos, actor, ['surveyor']);
      const row = repos.interviews.findById(input.interviewId);
      if (!row) throw new ServiceError('not_found', `interview ${input.interviewId}`);
      // Only the surveyor who holds the interview writes answers, even a supervisor may not.
      if (row.surveyor_id !== actor.id) throw new ServiceError('forbidden');
      if (!EDITABLE.has(row.status)) throw new ServiceError('interview_not_editable', row.status);
      // Bounded like the contract's Interview.answers, so an interview can always be loaded back.
      if (!repos.answers.exists(row.id, input.path) && repos.answers.countForInterview(row.id) >= MAX_ANSWERS_PER_INTERVIEW) {
        throw new ServiceError('interview_too_large', `${MAX_ANSWERS_PER_INTERVIEW} answers`);
      }
      const at = nowIso(ctx);
      const answer: AnswerRow = {
        interview_id: row.id,
        path: input.path,
        value: JSON.stringify(input.value),
        missing: input.missing,
        saved_at: at,
      };
      repos.answers.upsert(answer);
      repos.interviews.touch(row.id, at);
      repos.paradata.append({
        interviewId: row.id,
        at,
        event: 'answer',
        path: input.path,
        detail: input.missing ? { missing: input.missing } : input.value === null ? { cleared: true } : null,
      });
      return toAnswer(answer);
    },
  );

  return {
    create(actor: User, input: { surveyId: string; unitCode: string }): InterviewSummary {
      return db.transaction(() => {
        assertActorStillAllowed(repos, actor, ['surveyor']);
        const survey = repos.surveys.findById(input.surveyId);
        if (!survey) throw new ServiceError('not_found', `survey ${input.surveyId}`);
        if (!survey.form_version) throw new ServiceError('not_found', `survey ${input.surveyId} has no form installed`);
        if (repos.surveys.unitOutsideFrame(input.surveyId, input.unitCode)) {
          throw new ServiceError('not_found', `unit ${input.unitCode} is not in the frame of ${input.surveyId}`);
        }
        const id = randomUUID();
        const at = nowIso(ctx);
        repos.interviews.insert({
          id,
          deviceId: ctx.deviceId,
          surveyorId: actor.id,
          surveyId: input.surveyId,
          formVersion: survey.form_version,
          unitCode: input.unitCode,
          createdAt: at,
        });
        repos.paradata.append({ interviewId: id, at, event: 'created', path: null, detail: null });
        repos.audit.append({
          at,
          userId: actor.id,
          action: 'interview_created',
          entity: 'interview',
          entityId: id,
          detail: { surveyId: input.surveyId, formVersion: survey.form_version, unitCode: input.unitCode },
        });
        const summary = repos.interviews.summaryById(id);
        if (!summary) throw new Error('interview row missing right after insert');
        return toSummary(summary);
      }).immediate();
    },

    /**
     * Upserts one answer and appends its paradata event in one IMMEDIATE transaction. With
     * synchronous=FULL the commit is fsynced before this returns: acknowledged means on disk.
     */
    saveAnswer(
      actor: User,
      input: { interviewId: string; path: string; value: AnswerValue; missing?: MissingKind | null },
    ): Answer {
      const answer = saveTx.immediate(actor, { ...input, missing: input.missing ?? null });
      ctx.afterCommit();
      return answer;
    },

    load(actor: User, interviewId: string): Interview {
      return db.transaction(() => {
        readable(actor, interviewId);
        const summary = repos.interviews.summaryById(interviewId);
        if (!summary) throw new ServiceError('not_found', `interview ${interviewId}`);
        return { summary: toSummary(summary), answers: repos.answers.forInterview(interviewId).map(toAnswer) };
      })();
    },

    list(actor: User, filter: { status?: InterviewStatus; limit?: number }): InterviewSummary[] {
      return repos.interviews
        .list({
          surveyorId: actor.role === 'surveyor' ? actor.id : null,
          status: filter.status ?? null,
          limit: filter.limit ?? 1000,
        })
        .map(toSummary);
    },
  };
}

export type InterviewService = ReturnType<typeof createInterviewService>;
