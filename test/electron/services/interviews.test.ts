// Interviews: start (consent, serial), one-answer-at-a-time saves checked against the form with
// paradata, ownership, editable statuses, listing.
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/contract/errors';
import { MAX_ANSWERS_PER_INTERVIEW } from '../../../shared/contract/schemas';
import { createRepositories } from '../../../electron/db/repositories';
import { installSurvey, type Core } from '../../../electron/services';
import { interviewForm } from '../../fixtures/forms/interviewForm';
import { cleanup, session, staffedCore } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

async function codeOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ServiceError) return err.code;
    throw err;
  }
  return 'no error';
}

export async function setUp() {
  const { time, core, staff } = await staffedCore(cores);
  const a = session(staff.surveyorA);
  const b = session(staff.surveyorB);
  const sup = session(staff.supervisor);
  const start = (s = a, unitCode = '26734', consent = true) => core.handlers['interview:start']({ surveyId: 'hids', unitCode, consent }, s);
  return { core, time, staff, a, b, sup, start };
}

describe('starting an interview', () => {
  it('starts a draft at revision 0 on this device for the signed-in surveyor, with serial 1, consent recorded, audited', async () => {
    const { core, staff, a } = await setUp();
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true, respondentRef: 'HH-07' }, a);
    expect(iv).toMatchObject({
      serial: 1,
      revision: 0,
      status: 'draft',
      outcome: null,
      surveyId: 'hids',
      formVersion: 'v1',
      unitCode: '26734',
      respondentRef: 'HH-07',
      consent: true,
      deviceId: core.deviceId,
      surveyorId: staff.surveyorA.id,
      createdAt: '2025-07-01T08:00:00.000Z',
      completedAt: null,
      currentPath: null,
      comment: null,
    });
    expect(iv.formHash).toMatch(/^[0-9a-f]{64}$/);
    // The form's `consent` question got code 1 from the start screen.
    const loaded = await core.handlers['interview:load']({ interviewId: iv.id }, a);
    expect(loaded.answers).toEqual([{ path: 'consent', value: '1', missing: null, savedAt: '2025-07-01T08:00:00.000Z' }]);
    const audit = createRepositories(core.db).audit.recent(1)[0]!;
    expect(audit).toMatchObject({ action: 'interview_created', entity: 'interview', entity_id: iv.id, user_id: staff.surveyorA.id });
  });

  it('serials count up per device across surveyors', async () => {
    const { a, b, start } = await setUp();
    expect((await start(a)).serial).toBe(1);
    expect((await start(b)).serial).toBe(2);
    expect((await start(a)).serial).toBe(3);
  });

  it('consent "no" closes the interview at once: completed, outcome refused, consent code 2, the close audited', async () => {
    const { core, a, start } = await setUp();
    const iv = await start(a, '26734', false);
    expect(iv).toMatchObject({ status: 'completed', outcome: 'refused', consent: false, completedAt: '2025-07-01T08:00:00.000Z' });
    expect((await core.handlers['interview:load']({ interviewId: iv.id }, a)).answers).toEqual([
      expect.objectContaining({ path: 'consent', value: '2' }),
    ]);
    const actions = createRepositories(core.db).audit.recent(2).map((r) => [r.action, JSON.parse(r.detail ?? '{}').outcome]);
    expect(actions).toEqual([['interview_closed', 'refused'], ['interview_created', undefined]]);
    expect(await codeOf(() => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '4' }, a))).toBe('interview_not_editable');
  });

  it('an unknown survey is not_found and nothing is written', async () => {
    const { core, a } = await setUp();
    expect(await codeOf(() => core.handlers['interview:start']({ surveyId: 'nope', unitCode: '26734', consent: true }, a))).toBe('not_found');
    expect(core.db.prepare('SELECT count(*) AS n FROM interviews').get()).toEqual({ n: 0 });
  });

  it('uses the form version installed last unless one is named', async () => {
    const { core, time, a } = await setUp();
    time.advance(1000);
    installSurvey(core.db, { id: 'hids', title: 'HIDS', formVersion: 'v2', definition: interviewForm('v2'), installedAt: time.clock() });
    expect((await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a)).formVersion).toBe('v2');
    expect((await core.handlers['interview:start']({ surveyId: 'hids', formVersion: 'v1', unitCode: '26734', consent: true }, a)).formVersion).toBe('v1');
    const [survey] = await core.handlers['survey:list']({}, a);
    expect(survey).toMatchObject({ id: 'hids', title: 'HIDS', formVersion: 'v2', unitCount: 0 });
    expect(await codeOf(() => core.handlers['interview:start']({ surveyId: 'hids', formVersion: 'v9', unitCode: '26734', consent: true }, a))).toBe('not_found');
  });

  it('when a survey has its own unit list, a unit outside it is refused', async () => {
    const { core, a } = await setUp();
    installSurvey(core.db, {
      id: 'sipas',
      title: 'SIPAS',
      formVersion: '2025',
      definition: interviewForm('2025'),
      units: [{ code: '26734', nameVi: 'Phường Sài Gòn', nameEn: 'Sai Gon Ward' }],
    });
    expect((await core.handlers['interview:start']({ surveyId: 'sipas', unitCode: '26734', consent: true }, a)).unitCode).toBe('26734');
    expect(await codeOf(() => core.handlers['interview:start']({ surveyId: 'sipas', unitCode: '99999', consent: true }, a))).toBe('not_found');
  });
});

describe('saving answers', () => {
  it('saving the same question again replaces the answer; paradata says answered, then changed (with the old value)', async () => {
    const { core, time, a, start } = await setUp();
    const iv = await start();
    time.advance(5000);
    expect(await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '3' }, a)).toEqual({
      path: 'ACC1',
      value: '3',
      missing: null,
      savedAt: '2025-07-01T08:00:05.000Z',
    });
    time.advance(5000);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '5' }, a);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'members[2]/age', value: null }, a);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'EXP_MODE', value: ['1', '2'] }, a);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC2', value: '9', missing: 'dont_know' }, a);

    const loaded = await core.handlers['interview:load']({ interviewId: iv.id }, a);
    expect(loaded.summary.answerCount).toBe(5);
    expect(loaded.summary.updatedAt).toBe('2025-07-01T08:00:10.000Z');
    expect(loaded.answers.filter((x) => x.path !== 'consent')).toEqual([
      { path: 'ACC1', value: '5', missing: null, savedAt: '2025-07-01T08:00:10.000Z' },
      { path: 'ACC2', value: '9', missing: 'dont_know', savedAt: '2025-07-01T08:00:10.000Z' },
      { path: 'EXP_MODE', value: ['1', '2'], missing: null, savedAt: '2025-07-01T08:00:10.000Z' },
      { path: 'members[2]/age', value: null, missing: null, savedAt: '2025-07-01T08:00:10.000Z' },
    ]);
    const events = createRepositories(core.db).paradata.forInterview(iv.id);
    expect(events.map((e) => [e.event, e.path, e.detail === null ? null : JSON.parse(e.detail)])).toEqual([
      ['created', null, { consent: true }],
      ['answered', 'consent', null],
      ['answered', 'ACC1', null],
      ['changed', 'ACC1', { from: '3' }],
      ['answered', 'members[2]/age', { cleared: true }],
      ['answered', 'EXP_MODE', null],
      ['answered', 'ACC2', { missing: 'dont_know' }],
    ]);
  });

  it('a value equal to one of the question\'s missing codes is stored as that missing kind', async () => {
    const { core, a, start } = await setUp();
    const iv = await start();
    expect(await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '8' }, a)).toMatchObject({ value: '8', missing: 'not_applicable' });
  });

  it('a Vietnamese question name (tuổi) is accepted end to end', async () => {
    const { core, a, start } = await setUp();
    const iv = await start();
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'tuổi', value: 42 }, a);
    expect((await core.handlers['interview:load']({ interviewId: iv.id }, a)).answers).toContainEqual(expect.objectContaining({ path: 'tuổi', value: 42 }));
  });

  it('completed, closed and approved interviews refuse answers; only drafts are editable', async () => {
    const { core, a, sup, start } = await setUp();
    const iv = await start();
    await core.handlers['interview:close']({ interviewId: iv.id, outcome: 'not_at_home' }, a);
    const save = () => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC2', value: '4' }, a);
    expect(await codeOf(save)).toBe('interview_not_editable');
    core.services.interviews.review(sup.session.user!, { interviewId: iv.id, action: 'reject', comment: 'Gặp lại' });
    expect(await codeOf(save)).toBe('interview_not_editable');
    expect((await core.handlers['interview:load']({ interviewId: iv.id }, a)).answers.map((x) => x.path)).toEqual(['consent']);
  });

  it('saving into an interview that does not exist is not_found', async () => {
    const { core, a } = await setUp();
    expect(
      await codeOf(() =>
        core.handlers['interview:saveAnswer']({ interviewId: '00000000-0000-4000-8000-000000000000', path: 'ACC1', value: '1' }, a),
      ),
    ).toBe('not_found');
  });

  it('an interview holds at most MAX_ANSWERS_PER_INTERVIEW answers, so it can always be loaded back', async () => {
    const { core, a, start } = await setUp();
    const interview = await start();
    // Fill up to the limit directly (the service path is the same upsert), then try through the service.
    const insert = core.db.prepare("INSERT INTO answers (interview_id, path, value, missing, saved_at) VALUES (?, ?, '1', NULL, '2025-07-01T08:00:00.000Z')");
    core.db.transaction(() => {
      for (let i = 1; i < MAX_ANSWERS_PER_INTERVIEW; i++) insert.run(interview.id, `members[${(i % 1000) + 1}]/x${i}`);
    })();
    const save = (path: string) => core.handlers['interview:saveAnswer']({ interviewId: interview.id, path, value: '2' }, a);
    expect(await codeOf(() => save('ACC1'))).toBe('interview_too_large');
    // Changing an existing answer is still allowed at the limit.
    expect(await codeOf(() => save('consent'))).toBe('no error');
    const loaded = await core.handlers['interview:load']({ interviewId: interview.id }, a);
    expect(loaded.answers).toHaveLength(MAX_ANSWERS_PER_INTERVIEW);
  });
});

describe('ownership', () => {
  it("a surveyor can neither load, write, complete, close nor reopen another surveyor's interview; a supervisor can load it", async () => {
    const { core, a, b, sup, start } = await setUp();
    const iv = await start(a);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '2' }, a);
    const id = { interviewId: iv.id };
    expect(await codeOf(() => core.handlers['interview:load'](id, b))).toBe('forbidden');
    expect(await codeOf(() => core.handlers['interview:saveAnswer']({ ...id, path: 'ACC1', value: '5' }, b))).toBe('forbidden');
    expect(await codeOf(() => core.handlers['interview:saveAnswer']({ ...id, path: 'ACC1', value: '5' }, sup))).toBe('forbidden');
    expect(await codeOf(() => core.handlers['interview:recordEvents']({ ...id, events: [{ kind: 'shown', path: 'ACC1', at: 'x' }] }, b))).toBe('forbidden');
    expect(await codeOf(() => core.handlers['interview:complete'](id, b))).toBe('forbidden');
    expect(await codeOf(() => core.handlers['interview:close']({ ...id, outcome: 'refused' }, b))).toBe('forbidden');
    expect(await codeOf(() => core.handlers['interview:reopen'](id, b))).toBe('forbidden');
    expect((await core.handlers['interview:load'](id, sup)).answers).toContainEqual(expect.objectContaining({ path: 'ACC1', value: '2' }));
    expect((await core.handlers['interview:load'](id, a)).summary.status).toBe('draft');
  });

  it("listing shows a surveyor only their own interviews, a supervisor everyone's, filtered by status, survey and unit", async () => {
    const { core, time, a, b, sup, start } = await setUp();
    const a1 = await start(a);
    time.advance(1000);
    const a2 = await start(a, '26737');
    time.advance(1000);
    const b1 = await start(b);
    await core.handlers['interview:close']({ interviewId: a1.id, outcome: 'refused' }, a);

    expect((await core.handlers['interview:list']({}, a)).map((i) => i.id).sort()).toEqual([a1.id, a2.id].sort());
    expect((await core.handlers['interview:list']({}, b)).map((i) => i.id)).toEqual([b1.id]);
    expect(await core.handlers['interview:list']({}, sup)).toHaveLength(3);
    expect((await core.handlers['interview:list']({ status: 'completed' }, sup)).map((i) => i.id)).toEqual([a1.id]);
    expect((await core.handlers['interview:list']({ status: 'draft' }, a)).map((i) => i.id)).toEqual([a2.id]);
    expect((await core.handlers['interview:list']({ unitCode: '26737' }, sup)).map((i) => i.id)).toEqual([a2.id]);
    expect(await core.handlers['interview:list']({ surveyId: 'other' }, sup)).toEqual([]);
    expect(await core.handlers['interview:list']({ surveyId: 'hids' }, sup)).toHaveLength(3);
    expect(await core.handlers['interview:list']({ limit: 1 }, sup)).toHaveLength(1);
  });
});
