// Interviews: creation, one-answer-at-a-time saves with paradata, ownership, editable statuses.
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/contract/errors';
import { MAX_ANSWERS_PER_INTERVIEW } from '../../../shared/contract/schemas';
import { createRepositories } from '../../../electron/db/repositories';
import { installSurvey, type Core } from '../../../electron/services';
import { cleanup, makeCore, session, setUpStaff, testClock } from './helpers';

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

async function setUp() {
  const time = testClock();
  const core = makeCore({ clock: time.clock });
  cores.push(core);
  const staff = await setUpStaff(core, time.clock);
  const a = session(staff.surveyorA);
  const b = session(staff.surveyorB);
  const sup = session(staff.supervisor);
  return { core, time, staff, a, b, sup };
}

describe('creating an interview', () => {
  it('starts a draft at revision 0 on this device for the signed-in surveyor, audited', async () => {
    const { core, staff, a } = await setUp();
    const iv = await core.handlers['interview:create']({ surveyId: 'hids', unitCode: '26734' }, a);
    expect(iv).toMatchObject({
      revision: 0,
      status: 'draft',
      surveyId: 'hids',
      formVersion: 'v1',
      unitCode: '26734',
      deviceId: core.deviceId,
      surveyorId: staff.surveyorA.id,
      answerCount: 0,
      createdAt: '2025-07-01T08:00:00.000Z',
    });
    const audit = createRepositories(core.db).audit.recent(1)[0]!;
    expect(audit).toMatchObject({ action: 'interview_created', entity: 'interview', entity_id: iv.id, user_id: staff.surveyorA.id });
  });

  it('an unknown survey is not_found and nothing is written', async () => {
    const { core, a } = await setUp();
    expect(await codeOf(() => core.handlers['interview:create']({ surveyId: 'nope', unitCode: '26734' }, a))).toBe('not_found');
    expect(core.db.prepare('SELECT count(*) AS n FROM interviews').get()).toEqual({ n: 0 });
  });

  it('uses the form version installed last', async () => {
    const { core, time, a } = await setUp();
    time.advance(1000);
    installSurvey(core.db, { id: 'hids', title: 'HIDS', formVersion: 'v2', definition: {}, installedAt: time.clock() });
    expect((await core.handlers['interview:create']({ surveyId: 'hids', unitCode: '26734' }, a)).formVersion).toBe('v2');
    expect(await core.handlers['survey:list']({}, a)).toEqual([{ id: 'hids', title: 'HIDS', formVersion: 'v2' }]);
  });

  it('when a survey has its own unit list, a unit outside it is refused', async () => {
    const { core, a } = await setUp();
    installSurvey(core.db, {
      id: 'sipas',
      title: 'SIPAS',
      formVersion: '2025',
      definition: {},
      units: [{ code: '26734', nameVi: 'Phường Sài Gòn', nameEn: 'Sai Gon Ward' }],
    });
    expect((await core.handlers['interview:create']({ surveyId: 'sipas', unitCode: '26734' }, a)).unitCode).toBe('26734');
    expect(await codeOf(() => core.handlers['interview:create']({ surveyId: 'sipas', unitCode: '99999' }, a))).toBe('not_found');
  });
});

describe('saving answers', () => {
  it('saving the same question again replaces the answer; each save appends a paradata event', async () => {
    const { core, time, a } = await setUp();
    const iv = await core.handlers['interview:create']({ surveyId: 'hids', unitCode: '26734' }, a);
    time.advance(5000);
    expect(await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: 3 }, a)).toEqual({
      path: 'ACC1',
      value: 3,
      missing: null,
      savedAt: '2025-07-01T08:00:05.000Z',
    });
    time.advance(5000);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: 5 }, a);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'members[2]/age', value: null, missing: 'refused' }, a);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'EXP_MODE', value: ['1', '2'] }, a);

    const loaded = await core.handlers['interview:load']({ interviewId: iv.id }, a);
    expect(loaded.summary.answerCount).toBe(3);
    expect(loaded.summary.updatedAt).toBe('2025-07-01T08:00:10.000Z');
    expect(loaded.answers).toEqual([
      { path: 'ACC1', value: 5, missing: null, savedAt: '2025-07-01T08:00:10.000Z' },
      { path: 'EXP_MODE', value: ['1', '2'], missing: null, savedAt: '2025-07-01T08:00:10.000Z' },
      { path: 'members[2]/age', value: null, missing: 'refused', savedAt: '2025-07-01T08:00:10.000Z' },
    ]);
    const events = createRepositories(core.db).paradata.forInterview(iv.id);
    expect(events.map((e) => [e.event, e.path])).toEqual([
      ['created', null],
      ['answer', 'ACC1'],
      ['answer', 'ACC1'],
      ['answer', 'members[2]/age'],
      ['answer', 'EXP_MODE'],
    ]);
  });

  it('a completed or approved interview refuses answers; a rejected one accepts them again', async () => {
    const { core, time, a } = await setUp();
    const iv = await core.handlers['interview:create']({ surveyId: 'hids', unitCode: '26734' }, a);
    const repos = createRepositories(core.db);
    const save = () => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC2', value: 4 }, a);
    for (const status of ['completed', 'approved'] as const) {
      repos.interviews.setStatus(iv.id, status, time.clock().toISOString(), null);
      expect(await codeOf(save)).toBe('interview_not_editable');
    }
    expect((await core.handlers['interview:load']({ interviewId: iv.id }, a)).answers).toEqual([]);
    expect(repos.paradata.forInterview(iv.id).filter((e) => e.event === 'answer')).toEqual([]);
    repos.interviews.setStatus(iv.id, 'rejected', time.clock().toISOString(), null);
    expect((await save()).value).toBe(4);
  });

  it('saving into an interview that does not exist is not_found', async () => {
    const { core, a } = await setUp();
    expect(
      await codeOf(() =>
        core.handlers['interview:saveAnswer']({ interviewId: '00000000-0000-4000-8000-000000000000', path: 'ACC1', value: 1 }, a),
      ),
    ).toBe('not_found');
  });

  it('an interview holds at most MAX_ANSWERS_PER_INTERVIEW answers, so it can always be loaded back', async () => {
    const { core, a } = await setUp();
    installSurvey(core.db, { id: 'big', title: 'Big', formVersion: 'v1', definition: {} });
    const interview = await core.handlers['interview:create']({ surveyId: 'big', unitCode: '25747' }, a);
    // Fill up to the limit directly (the service path is the same upsert), then try through the service.
    const insert = core.db.prepare("INSERT INTO answers (interview_id, path, value, missing, saved_at) VALUES (?, ?, '1', NULL, '2025-07-01T08:00:00.000Z')");
    core.db.transaction(() => {
      for (let i = 1; i <= MAX_ANSWERS_PER_INTERVIEW; i++) insert.run(interview.id, `q${i}`);
    })();
    const save = (path: string) => core.handlers['interview:saveAnswer']({ interviewId: interview.id, path, value: 2 }, a);
    expect(await codeOf(() => save('one_more'))).toBe('interview_too_large');
    // Changing an existing answer is still allowed at the limit.
    expect(await codeOf(() => save('q1'))).toBe('no error');
    const loaded = await core.handlers['interview:load']({ interviewId: interview.id }, a);
    expect(loaded.answers).toHaveLength(MAX_ANSWERS_PER_INTERVIEW);
  });
});

describe('ownership', () => {
  it("a surveyor can neither load nor write another surveyor's interview; a supervisor can load it", async () => {
    const { core, a, b, sup } = await setUp();
    const iv = await core.handlers['interview:create']({ surveyId: 'hids', unitCode: '26734' }, a);
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: 2 }, a);
    expect(await codeOf(() => core.handlers['interview:load']({ interviewId: iv.id }, b))).toBe('forbidden');
    expect(await codeOf(() => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: 5 }, b))).toBe('forbidden');
    expect(await codeOf(() => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: 5 }, sup))).toBe(
      'forbidden',
    );
    expect((await core.handlers['interview:load']({ interviewId: iv.id }, sup)).answers).toEqual([
      expect.objectContaining({ path: 'ACC1', value: 2 }),
    ]);
  });

  it("listing shows a surveyor only their own interviews, a supervisor everyone's, filtered by status", async () => {
    const { core, time, a, b, sup } = await setUp();
    const a1 = await core.handlers['interview:create']({ surveyId: 'hids', unitCode: '26734' }, a);
    time.advance(1000);
    const a2 = await core.handlers['interview:create']({ surveyId: 'hids', unitCode: '26737' }, a);
    time.advance(1000);
    const b1 = await core.handlers['interview:create']({ surveyId: 'hids', unitCode: '26734' }, b);
    createRepositories(core.db).interviews.setStatus(a1.id, 'completed', time.clock().toISOString(), time.clock().toISOString());

    expect((await core.handlers['interview:list']({}, a)).map((i) => i.id).sort()).toEqual([a1.id, a2.id].sort());
    expect((await core.handlers['interview:list']({}, b)).map((i) => i.id)).toEqual([b1.id]);
    expect(await core.handlers['interview:list']({}, sup)).toHaveLength(3);
    expect((await core.handlers['interview:list']({ status: 'completed' }, sup)).map((i) => i.id)).toEqual([a1.id]);
    expect((await core.handlers['interview:list']({ status: 'draft' }, a)).map((i) => i.id)).toEqual([a2.id]);
    expect(await core.handlers['interview:list']({ limit: 1 }, sup)).toHaveLength(1);
  });
});
