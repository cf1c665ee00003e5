// An in-memory stand-in for the interview operations of the contract (what the `interview`
// services do over SQLite): start, save, paradata, load, list, complete (running the engine),
// close, reopen; plus surveys, units, forms and quotas (none unless a test sets `targets`, counted
// as main counts them: outcome completed, past draft). Tests can make saves fail or hang.
import type { Answer, InterviewSummary, KhaosatApi, Survey, Unit } from '../../shared/contract';
import { contractError } from '../../shared/contract';
import { createFormRuntime } from '../../shared/engine/runtime';
import type { FormModel } from '../../shared/forms/model';
import { checkAnswer, loadAnswers } from '../../shared/engine/answers';
import { DEVICE_ID, failure, ok } from './fake-api';

export const FORM_HASH = 'a'.repeat(64);

export interface Stored {
  summary: InterviewSummary;
  answers: Answer[];
  events: { kind: string; path: string }[];
}

export const UNITS: Unit[] = [
  { code: '26734', type: 'Phường/Ward', nameVi: 'Phường Bến Thành', nameEn: 'Ben Thanh Ward', formerProvince: 'TP. Hồ Chí Minh', formerDistrict: 'Quận 1' },
  { code: '27004', type: 'Phường/Ward', nameVi: 'Phường Sài Gòn', nameEn: 'Sai Gon Ward', formerProvince: 'TP. Hồ Chí Minh', formerDistrict: 'Quận 1' },
  { code: '25987', type: 'Xã/Commune', nameVi: 'Xã Thạnh An', nameEn: 'Thanh An Commune', formerProvince: 'TP. Hồ Chí Minh', formerDistrict: 'Huyện Cần Giờ' },
  { code: '25800', type: 'Xã/Commune', nameVi: 'Xã Thanh An', nameEn: 'Thanh An Commune', formerProvince: 'Bình Dương', formerDistrict: 'Huyện Dầu Tiếng' },
  { code: '26500', type: 'Phường/Ward', nameVi: 'Phường Thủ Đức', nameEn: 'Thu Duc Ward', formerProvince: 'TP. Hồ Chí Minh', formerDistrict: 'TP. Thủ Đức' },
];

export function interviewBackend(form: FormModel, surveyId = 'hids') {
  const interviews = new Map<string, Stored>();
  let serial = 0;
  let clock = Date.parse('2026-03-02T08:00:00Z');
  const tick = () => new Date((clock += 1_000)).toISOString();
  const control = { failSaves: 0, holdSaves: null as Promise<void> | null, saveCalls: 0 };

  const survey: Survey = { id: surveyId, title: 'Khảo sát sự hài lòng (HIDS)', formVersion: '2025.1', formHash: FORM_HASH, unitCount: UNITS.length };
  const get = (id: string) => interviews.get(id);
  const copy = (s: Stored) => ({ summary: { ...s.summary }, answers: s.answers.map((a) => ({ ...a })) });

  /** Quota target per unit code; empty: the survey has no quotas. */
  const targets = new Map<string, number>();

  const api: Partial<KhaosatApi> = {
    listSurveys: async () => ok([survey]),
    listQuotas: async ({ surveyId: asked }) => {
      if (asked !== surveyId) return failure('not_found');
      const done = [...interviews.values()].filter((s) => s.summary.outcome === 'completed' && s.summary.status !== 'draft');
      return ok([...targets].map(([code, target]) => {
        const unit = UNITS.find((u) => u.code === code);
        return { unitCode: code, nameVi: unit?.nameVi ?? null, nameEn: unit?.nameEn ?? null, target, completed: done.filter((s) => s.summary.unitCode === code).length };
      }));
    },
    listUnits: async () => ok(UNITS),
    getForm: async ({ hash }) => (hash === FORM_HASH ? ok({ hash, surveyId, formVersion: '2025.1', model: form as unknown as Record<string, unknown> }) : failure('not_found')),
    startInterview: async ({ unitCode, consent, respondentRef }) => {
      const id = `00000000-0000-4000-8000-${String(++serial).padStart(12, '0')}`;
      const at = tick();
      const summary: InterviewSummary = {
        id, serial, revision: 0, status: consent ? 'draft' : 'completed', outcome: consent ? null : 'refused', surveyId, formVersion: '2025.1', formHash: FORM_HASH,
        unitCode, respondentRef: respondentRef ?? null, consent, deviceId: DEVICE_ID, surveyorId: 2, createdAt: at, updatedAt: at,
        completedAt: consent ? null : at, currentPath: null, comment: null, answerCount: 0,
      };
      // As main does: the form's own `consent` question carries the start screen's answer.
      const consentAnswer = checkAnswer(form, { path: 'consent', value: consent ? '1' : '2', missing: null });
      const answers: Answer[] = 'answer' in consentAnswer ? [{ ...consentAnswer.answer, savedAt: at }] : [];
      interviews.set(id, { summary: { ...summary, answerCount: answers.length }, answers, events: [] });
      summary.answerCount = answers.length;
      return ok({ ...summary });
    },
    saveAnswer: async ({ interviewId, path, value, missing }) => {
      control.saveCalls++;
      if (control.holdSaves) await control.holdSaves;
      const s = get(interviewId);
      if (!s) return failure('not_found');
      if (s.summary.status !== 'draft') return failure('interview_not_editable');
      if (control.failSaves > 0) {
        control.failSaves--;
        return failure('internal');
      }
      // Checked as main checks it (the same shared adapter): a path, type or code the form does not allow is refused.
      const checked = checkAnswer(form, { path, value, missing: missing ?? null });
      if ('issue' in checked) return { ok: false, error: contractError('answer_invalid', [{ path, problem: checked.issue.vi }]) };
      const answer: Answer = { path, value, missing: missing ?? null, savedAt: tick() };
      s.answers = s.answers.filter((a) => a.path !== path);
      if (value !== null) s.answers.push(answer);
      s.summary.answerCount = s.answers.length;
      return ok(answer);
    },
    recordEvents: async ({ interviewId, events }) => {
      const s = get(interviewId);
      if (!s) return failure('not_found');
      for (const e of events) {
        s.events.push({ kind: e.kind, path: e.path });
        if (e.kind === 'shown') s.summary.currentPath = e.path;
      }
      return ok({ recorded: events.length });
    },
    loadInterview: async ({ interviewId }) => {
      const s = get(interviewId);
      return s ? ok(copy(s)) : failure('not_found');
    },
    listInterviews: async ({ status, unitCode } = {}) =>
      ok([...interviews.values()].map((s) => ({ ...s.summary })).filter((x) => (!status || x.status === status) && (!unitCode || x.unitCode === unitCode)).reverse()),
    completeInterview: async ({ interviewId }) => {
      const s = get(interviewId);
      if (!s) return failure('not_found');
      if (s.summary.status !== 'draft') return failure('interview_not_editable');
      const rt = createFormRuntime(form);
      loadAnswers(rt, s.answers);
      const snap = rt.snapshot();
      if (!snap.complete) return { ok: false, error: contractError('interview_incomplete', snap.errors.map((e) => ({ path: e.path, problem: e.message }))) };
      s.summary = { ...s.summary, status: 'completed', outcome: 'completed', completedAt: tick() };
      return ok({ ...s.summary });
    },
    closeInterview: async ({ interviewId, outcome }) => {
      const s = get(interviewId);
      if (!s) return failure('not_found');
      s.summary = { ...s.summary, status: 'completed', outcome, completedAt: tick() };
      return ok({ ...s.summary });
    },
    reopenInterview: async ({ interviewId }) => {
      const s = get(interviewId);
      if (!s || s.summary.status !== 'rejected') return failure('interview_not_editable');
      s.summary = { ...s.summary, status: 'draft', revision: s.summary.revision + 1, comment: s.summary.comment };
      return ok({ ...s.summary });
    },
  };

  /** Sends an interview back as the supervisor would (status rejected, with a comment). */
  const reject = (id: string, comment: string) => {
    const s = get(id) as Stored;
    s.summary = { ...s.summary, status: 'rejected', comment };
  };

  return { api, interviews, control, survey, reject, targets };
}
