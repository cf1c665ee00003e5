// The supervisor's review in the main process: the list with surveyor, unit, duration and flags;
// the detail; approve and reject through the transition table, audited; a rejected interview
// reopened by its surveyor, completed again as revision 1 and approved; surveyors refused.
import { afterEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../../electron/ipc/guard';
import { createRepositories } from '../../../electron/db/repositories';
import type { Core } from '../../../electron/services';
import { COMPLETE_ANSWERS } from '../../fixtures/forms/interviewForm';
import { cleanup, refusal, session, staffedCore } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

async function setUp() {
  const { time, core, staff } = await staffedCore(cores);
  const a = session(staff.surveyorA);
  const sup = session(staff.supervisor);
  /** A completed interview that took `seconds` between start and completion. */
  const completed = async (seconds: number, answers = COMPLETE_ANSWERS) => {
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);
    for (const x of answers) await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: x.path, value: x.value }, a);
    time.advance(seconds * 1000);
    return core.handlers['interview:complete']({ interviewId: iv.id }, a);
  };
  const audit = (id: string) =>
    createRepositories(core.db)
      .audit.recent(200)
      .filter((r) => r.entity_id === id)
      .reverse()
      .map((r) => ({ action: r.action, userId: r.user_id, detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>) }));
  return { core, time, staff, a, sup, completed, audit };
}

describe('review:list and review:get', () => {
  it('lists completed interviews with surveyor, duration and flags; too_short fires once the median has enough interviews', async () => {
    const { core, sup, staff, completed } = await setUp();
    for (let k = 0; k < 4; k++) await completed(900);
    const quick = await completed(120);
    const rows = await core.handlers['review:list']({}, sup);
    expect(rows).toHaveLength(5);
    const row = rows.find((r) => r.interview.id === quick.id)!;
    expect(row).toMatchObject({ surveyorCode: staff.surveyorA.code, surveyorName: staff.surveyorA.name, durationSeconds: 120 });
    expect(row.interview).toMatchObject({ status: 'completed', outcome: 'completed', unitCode: '26734' });
    // Median of 900,900,900,900,120 is 900; 120 < 300.
    expect(row.flags.map((f) => f.code)).toEqual(['too_short']);
    expect(rows.filter((r) => r.interview.id !== quick.id).every((r) => r.flags.length === 0 && r.durationSeconds === 900)).toBe(true);
  });

  it('has no too_short flag under the minimum sample, and filters by status', async () => {
    const { core, sup, completed } = await setUp();
    for (let k = 0; k < 3; k++) await completed(900);
    const quick = await completed(60);
    const rows = await core.handlers['review:list']({}, sup);
    expect(rows.find((r) => r.interview.id === quick.id)!.flags).toEqual([]);
    await core.handlers['interview:approve']({ interviewId: quick.id }, sup);
    expect((await core.handlers['review:list']({}, sup)).map((r) => r.interview.id)).not.toContain(quick.id);
    expect((await core.handlers['review:list']({ status: 'approved' }, sup)).map((r) => r.interview.id)).toEqual([quick.id]);
  });

  it('the detail carries answers, paradata in order and the flags; an unknown interview is not_found', async () => {
    const { core, sup, completed } = await setUp();
    const done = await completed(300);
    const detail = await core.handlers['review:get']({ interviewId: done.id }, sup);
    expect(detail.answers.map((x) => x.path).sort()).toEqual(['ACC1', 'consent', 'tuổi']);
    expect(detail.paradata.map((p) => p.event)).toEqual(['created', 'answered', 'answered', 'answered', 'completed']);
    expect(detail.paradataTruncated).toBe(false);
    expect(detail.durationSeconds).toBe(300);
    expect((await refusal(() => core.handlers['review:get']({ interviewId: '00000000-0000-4000-8000-000000000000' }, sup))).code).toBe('not_found');
  });

  it('flags a clock going backwards between paradata events', async () => {
    const { core, time, sup, a } = await setUp();
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'tuổi', value: 34 }, a);
    time.advance(-3_600_000); // the laptop's clock set back an hour mid-interview
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '4' }, a);
    await core.handlers['interview:complete']({ interviewId: iv.id }, a);
    // While the clock still reads an hour behind, the first answer is also in its future.
    expect((await core.handlers['review:get']({ interviewId: iv.id }, sup)).flags.map((f) => f.code)).toEqual(['clock_future', 'clock_backwards']);
    time.advance(2 * 3_600_000); // clock put right
    const detail = await core.handlers['review:get']({ interviewId: iv.id }, sup);
    expect(detail.flags.map((f) => f.code)).toEqual(['clock_backwards']);
  });
});

describe('approve and reject', () => {
  it('approve: completed → approved, audited with the supervisor; a second approve is refused', async () => {
    const { core, sup, staff, completed, audit } = await setUp();
    const done = await completed(300);
    const approved = await core.handlers['interview:approve']({ interviewId: done.id }, sup);
    expect(approved).toMatchObject({ status: 'approved', revision: 0, comment: null });
    expect(audit(done.id).at(-1)).toEqual({ action: 'interview_approved', userId: staff.supervisor.id, detail: { revision: 0, from: 'completed', to: 'approved' } });
    expect((await refusal(() => core.handlers['interview:approve']({ interviewId: done.id }, sup))).code).toBe('interview_not_editable');
    expect((await refusal(() => core.handlers['interview:reject']({ interviewId: done.id, comment: 'muộn' }, sup))).code).toBe('interview_not_editable');
  });

  it('reject → surveyor reopens (revision 1, comment kept) → completes again → approve, every step audited', async () => {
    const { core, time, a, sup, staff, completed, audit } = await setUp();
    const done = await completed(300);
    const comment = 'Câu ACC1 chưa hỏi lại người trả lời';
    const rejected = await core.handlers['interview:reject']({ interviewId: done.id, comment }, sup);
    expect(rejected).toMatchObject({ status: 'rejected', comment, revision: 0 });
    // The surveyor sees it with the comment among their own interviews.
    const mine = await core.handlers['interview:list']({ status: 'rejected' }, a);
    expect(mine.map((s) => [s.id, s.comment])).toEqual([[done.id, comment]]);
    const reopened = await core.handlers['interview:reopen']({ interviewId: done.id }, a);
    expect(reopened).toMatchObject({ status: 'draft', revision: 1, comment });
    await core.handlers['interview:saveAnswer']({ interviewId: done.id, path: 'ACC1', value: '5' }, a);
    time.advance(60_000);
    expect(await core.handlers['interview:complete']({ interviewId: done.id }, a)).toMatchObject({ status: 'completed', revision: 1 });
    // Duration counts both working sessions (300 s + 60 s), not the wait in between.
    expect((await core.handlers['review:get']({ interviewId: done.id }, sup)).durationSeconds).toBe(360);
    expect(await core.handlers['interview:approve']({ interviewId: done.id }, sup)).toMatchObject({ status: 'approved', revision: 1 });
    const trail = audit(done.id);
    expect(trail.map((r) => r.action)).toEqual(['interview_created', 'interview_completed', 'interview_rejected', 'interview_reopened', 'interview_completed', 'interview_approved']);
    expect(trail[2]).toEqual({ action: 'interview_rejected', userId: staff.supervisor.id, detail: { revision: 0, from: 'completed', to: 'rejected', comment } });
    expect(trail[5]?.detail).toMatchObject({ revision: 1, from: 'completed', to: 'approved' });
  });

  it('reject without a real comment is refused by the service and changes nothing', async () => {
    const { core, sup, completed } = await setUp();
    const done = await completed(300);
    expect((await refusal(() => core.services.review.reject(sup.session.user!, done.id, '   '))).code).toBe('invalid_request');
    expect((await core.handlers['review:get']({ interviewId: done.id }, sup)).interview.status).toBe('completed');
  });
});

describe('roles', () => {
  it('a surveyor calling the review operations through the guard is refused and nothing changes', async () => {
    const { core, a, sup, completed } = await setUp();
    const done = await completed(300);
    const APP = 'app://khaosat/index.html';
    const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: (u) => u === APP });
    const asSurveyor = { senderUrl: APP, session: a.session };
    for (const [name, req] of [
      ['review:list', {}],
      ['review:get', { interviewId: done.id }],
      ['interview:approve', { interviewId: done.id }],
      ['interview:reject', { interviewId: done.id, comment: 'tự trả lại' }],
    ] as const) {
      expect(await guard(name, req, asSurveyor)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await guard('interview:reject', { interviewId: done.id, comment: '' }, { senderUrl: APP, session: sup.session })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect((await core.handlers['review:get']({ interviewId: done.id }, sup)).interview.status).toBe('completed');
  });

  it('the service re-checks the actor inside the transaction: a surveyor passed past the guard is refused', async () => {
    const { core, a, completed } = await setUp();
    const done = await completed(300);
    expect((await refusal(() => core.handlers['interview:approve']({ interviewId: done.id }, a))).code).toBe('forbidden');
    expect((await refusal(() => core.handlers['review:list']({}, a))).code).toBe('forbidden');
  });
});
