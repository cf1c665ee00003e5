// The life cycle of shared/interviews/status.ts in the main process: complete (the engine decides),
// close with an outcome, supervisor review, reopen with a new revision; every transition audited;
// navigation paradata and where a draft resumes; drafts on an older form version.
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSITIONS } from '../../../shared/interviews/status';
import { createRepositories } from '../../../electron/db/repositories';
import { installSurvey, type Core } from '../../../electron/services';
import { COMPLETE_ANSWERS, interviewForm } from '../../fixtures/forms/interviewForm';
import { cleanup, refusal, session, staffedCore } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

async function setUp() {
  const { time, core, staff } = await staffedCore(cores);
  const a = session(staff.surveyorA);
  const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);
  const id = { interviewId: iv.id };
  const save = (path: string, value: string | number | string[] | null) => core.handlers['interview:saveAnswer']({ ...id, path, value }, a);
  const fill = async () => {
    for (const x of COMPLETE_ANSWERS) await save(x.path, x.value);
  };
  const auditActions = () =>
    createRepositories(core.db)
      .audit.recent(100)
      .filter((r) => r.entity_id === iv.id)
      .reverse()
      .map((r) => r.action);
  return { core, time, staff, a, iv, id, save, fill, auditActions };
}

describe('complete', () => {
  it("refuses an incomplete record with the engine's errors (required, constraint) and changes nothing", async () => {
    const { core, a, id, save } = await setUp();
    await save('tuổi', 12);
    const err = await refusal(() => core.handlers['interview:complete'](id, a));
    expect(err.code).toBe('interview_incomplete');
    expect(err.extra?.issues?.map((i) => i.path).sort()).toEqual(['ACC1', 'tuổi']);
    const acc = err.extra?.issues?.find((i) => i.path === 'ACC1');
    expect(acc).toMatchObject({ problem: 'Câu hỏi này bắt buộc phải trả lời.', problemEn: 'This question is required.' });
    expect((await core.handlers['interview:load'](id, a)).summary).toMatchObject({ status: 'draft', outcome: null, completedAt: null });
  });

  it('a required question inside a repeat instance blocks completion under its instance path', async () => {
    const { core, a, id, save, fill } = await setUp();
    await fill();
    await save('members[2]/age', 40);
    const err = await refusal(() => core.handlers['interview:complete'](id, a));
    expect(err.extra?.issues?.map((i) => i.path)).toEqual(['members[1]/age']);
    await save('members[1]/age', 38);
    expect((await core.handlers['interview:complete'](id, a)).status).toBe('completed');
  });

  it('accepts a complete record: completed, outcome completed, audited, then locked', async () => {
    const { core, time, a, id, fill, save, auditActions } = await setUp();
    await fill();
    time.advance(60_000);
    const done = await core.handlers['interview:complete'](id, a);
    expect(done).toMatchObject({ status: 'completed', outcome: 'completed', revision: 0, completedAt: '2025-07-01T08:01:00.000Z' });
    expect(auditActions()).toEqual(['interview_created', 'interview_completed']);
    expect((await refusal(() => save('ACC2', '3'))).code).toBe('interview_not_editable');
    expect((await refusal(() => core.handlers['interview:complete'](id, a))).code).toBe('interview_not_editable');
  });

  it("the form's outcome calculate decides the outcome: consent changed to no in the questionnaire is refused", async () => {
    const { core, a, id, save } = await setUp();
    await save('consent', '2');
    expect(await core.handlers['interview:complete'](id, a)).toMatchObject({ status: 'completed', outcome: 'refused' });
  });

  it('answers skipped by logic do not block completion', async () => {
    const { core, a, id, save } = await setUp();
    await save('tuổi', 5);
    await save('consent', '2');
    expect((await core.handlers['interview:complete'](id, a)).status).toBe('completed');
  });
});

describe('close, review and reopen', () => {
  it('close ends a draft with the chosen outcome without answering the questionnaire', async () => {
    const { core, a, id, auditActions } = await setUp();
    const closed = await core.handlers['interview:close']({ ...id, outcome: 'not_at_home', note: 'Nhà đóng cửa' }, a);
    expect(closed).toMatchObject({ status: 'completed', outcome: 'not_at_home' });
    expect(auditActions()).toEqual(['interview_created', 'interview_closed']);
    const audit = createRepositories(core.db).audit.recent(1)[0]!;
    expect(JSON.parse(audit.detail!)).toMatchObject({ from: 'draft', to: 'completed', outcome: 'not_at_home', note: 'Nhà đóng cửa' });
    expect((await refusal(() => core.handlers['interview:close']({ ...id, outcome: 'refused' }, a))).code).toBe('interview_not_editable');
  });

  it('rejected → reopen: a draft again with revision 1, the comment kept; completed again; every transition audited in order', async () => {
    const { core, staff, a, id, fill, save, auditActions } = await setUp();
    await fill();
    await core.handlers['interview:complete'](id, a);
    // Only a rejected interview can be reopened.
    expect((await refusal(() => core.handlers['interview:reopen'](id, a))).code).toBe('interview_not_editable');
    // Review belongs to a supervisor.
    expect((await refusal(() => core.services.interviews.review(staff.surveyorA, { ...id, action: 'reject' }))).code).toBe('forbidden');
    const rejected = core.services.interviews.review(staff.supervisor, { ...id, action: 'reject', comment: 'Thiếu câu ACC2' });
    expect(rejected).toMatchObject({ status: 'rejected', comment: 'Thiếu câu ACC2', revision: 0 });
    expect((await core.handlers['interview:list']({ status: 'rejected' }, a))[0]).toMatchObject({ comment: 'Thiếu câu ACC2' });

    const reopened = await core.handlers['interview:reopen'](id, a);
    expect(reopened).toMatchObject({ status: 'draft', revision: 1, outcome: null, completedAt: null, comment: 'Thiếu câu ACC2' });
    await save('ACC2', '5');
    const again = await core.handlers['interview:complete'](id, a);
    expect(again).toMatchObject({ status: 'completed', revision: 1, outcome: 'completed' });
    core.services.interviews.review(staff.supervisor, { ...id, action: 'approve' });
    expect(auditActions()).toEqual([
      'interview_created',
      'interview_completed',
      'interview_rejected',
      'interview_reopened',
      'interview_completed',
      'interview_approved',
    ]);
    // The audit names are the status table's.
    const names = new Set(TRANSITIONS.map((t) => t.audit));
    expect(auditActions().filter((x) => x !== 'interview_created').every((x) => names.has(x))).toBe(true);
    const details = createRepositories(core.db).audit.recent(6).reverse().map((r) => JSON.parse(r.detail!) as { revision: number });
    expect(details.map((d) => d.revision)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

describe('navigation paradata and resume', () => {
  it('recordEvents appends events and the last shown question becomes where the draft resumes', async () => {
    const { core, a, id, iv } = await setUp();
    const r = await core.handlers['interview:recordEvents'](
      {
        ...id,
        events: [
          { kind: 'shown', path: 'tuổi', at: '2025-07-01T08:00:01.000Z' },
          { kind: 'left', path: 'tuổi', at: '2025-07-01T08:00:04.000Z' },
          { kind: 'shown', path: 'members[2]/age', at: '2025-07-01T08:00:05.000Z' },
          { kind: 'help', path: 'members[2]/age', at: '2025-07-01T08:00:06.000Z' },
        ],
      },
      a,
    );
    expect(r).toEqual({ recorded: 4 });
    expect((await core.handlers['interview:load'](id, a)).summary.currentPath).toBe('members[2]/age');
    const events = createRepositories(core.db).paradata.forInterview(iv.id).slice(-4);
    expect(events.map((e) => [e.event, e.path, JSON.parse(e.detail!).clientAt])).toEqual([
      ['shown', 'tuổi', '2025-07-01T08:00:01.000Z'],
      ['left', 'tuổi', '2025-07-01T08:00:04.000Z'],
      ['shown', 'members[2]/age', '2025-07-01T08:00:05.000Z'],
      ['help', 'members[2]/age', '2025-07-01T08:00:06.000Z'],
    ]);
  });

  it('an event on a path the form does not have is refused and nothing is appended', async () => {
    const { core, a, id, iv } = await setUp();
    const before = createRepositories(core.db).paradata.forInterview(iv.id).length;
    const err = await refusal(() =>
      core.handlers['interview:recordEvents']({ ...id, events: [{ kind: 'shown', path: 'ACC1', at: 'x' }, { kind: 'shown', path: 'nope', at: 'x' }] }, a),
    );
    expect(err.code).toBe('answer_invalid');
    expect(err.extra?.issues?.[0]?.path).toBe('nope');
    expect(createRepositories(core.db).paradata.forInterview(iv.id)).toHaveLength(before);
  });
});

describe('form versions', () => {
  it('a changed form installed under a taken version name goes beside it; drafts on the older content keep their form', async () => {
    const { core, time, a, id, iv, fill } = await setUp();
    time.advance(1000);
    // Same version name "v1", different content: ACC2 becomes required.
    const changed = interviewForm('v1', [['select_one sat5', 'EXTRA', 'Câu mới', 'yes']]);
    const r = installSurvey(core.db, { id: 'hids', title: 'HIDS', formVersion: 'v1', definition: changed, installedAt: time.clock() });
    expect(r.installed).toBe(true);
    expect(r.formVersion).toBe(`v1-${r.hash.slice(0, 8)}`);
    // Installing the same content again changes nothing.
    expect(installSurvey(core.db, { id: 'hids', title: 'HIDS', formVersion: 'v1', definition: changed, installedAt: time.clock() }).installed).toBe(false);

    // The old draft completes against the form it began with (no EXTRA question there).
    await fill();
    expect(await core.handlers['interview:complete'](id, a)).toMatchObject({ status: 'completed', formVersion: 'v1', formHash: iv.formHash });
    // New interviews use the new version, which has EXTRA.
    const next = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);
    expect(next.formVersion).toBe(r.formVersion);
    expect((await core.handlers['interview:saveAnswer']({ interviewId: next.id, path: 'EXTRA', value: '5' }, a)).value).toBe('5');
    expect((await refusal(() => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'EXTRA', value: '5' }, a))).code).toBe('interview_not_editable');
    // form:get serves both versions by hash.
    expect((await core.handlers['form:get']({ hash: iv.formHash }, a)).formVersion).toBe('v1');
    expect((await core.handlers['form:get']({ hash: r.hash }, a)).formVersion).toBe(r.formVersion);
    expect((await refusal(() => core.handlers['form:get']({ hash: '0'.repeat(64) }, a))).code).toBe('not_found');
  });
});
