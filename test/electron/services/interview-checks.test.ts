// The main process has the last word on every saved answer: a path, type, choice code or missing
// code the interview's form does not allow is refused with answer_invalid, issues naming the path
// and what was expected, and nothing is written.
import { afterEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../../electron/ipc/guard';
import type { Core } from '../../../electron/services';
import type { AnswerValue, MissingKind } from '../../../shared/contract';
import { cleanup, session, staffedCore } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

async function setUp() {
  const { time, core, staff } = await staffedCore(cores);
  const a = session(staff.surveyorA);
  const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);
  const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: () => true });
  const state = () => ({
    answers: core.db.prepare('SELECT * FROM answers ORDER BY path').all(),
    paradata: core.db.prepare('SELECT count(*) AS n FROM paradata').get(),
    interview: core.db.prepare('SELECT * FROM interviews').all(),
    audit: core.db.prepare('SELECT count(*) AS n FROM audit_log').get(),
  });
  const save = (path: string, value: AnswerValue, missing?: MissingKind) =>
    guard('interview:saveAnswer', { interviewId: iv.id, path, value, ...(missing ? { missing } : {}) }, { senderUrl: 'app://khaosat', session: a.session });
  return { core, time, a, iv, save, state };
}

const REFUSED: [string, string, AnswerValue, MissingKind | undefined, RegExp][] = [
  ['a question the form does not have', 'ACC9', '4', undefined, /no question "ACC9".*Did you mean "ACC1"/],
  ['a repeat question without its instance', 'age', 3, undefined, /needs a path like members\[n\]\/age/],
  ['a top-level question inside a repeat', 'members[1]/ACC1', '4', undefined, /needs a path like ACC1/],
  ['a calculate', 'outcome', 'completed', undefined, /computed by the form or read-only/],
  ['a note', 'intro', 'x', undefined, /computed by the form or read-only/],
  ['a read-only question', 'fixed', 'x', undefined, /computed by the form or read-only/],
  ['text for an integer', 'tuổi', '34', undefined, /expects a whole number/],
  ['a fraction for an integer', 'tuổi', 34.5, undefined, /expects a whole number/],
  ['a number for a choice', 'ACC1', 4, undefined, /expects one choice code \(1, 2, 3, 4, 5, 8, 9\)/],
  ['a code outside the list', 'ACC1', '6', undefined, /not one of the available choices.*expects one choice code/],
  ['a code outside the list of a select_multiple', 'EXP_MODE', ['1', '3'], undefined, /expects a list of distinct choice codes \(1, 2\)/],
  ['a repeated code in a select_multiple', 'EXP_MODE', ['1', '1'], undefined, /distinct choice codes/],
  ['a single code for a select_multiple', 'EXP_MODE', '1', undefined, /list of distinct choice codes/],
  ['an impossible date', 'META_DATE', '2025-02-30', undefined, /real date/],
  ['a date in another format', 'META_DATE', '30/01/2025', undefined, /YYYY-MM-DD/],
  ['a list for text', 'OPEN', ['a'], undefined, /expects text/],
  ['a missing kind the question does not take', 'ACC1', '9', 'refused', /does not accept "refused"/],
  ['a missing kind with another kind\'s code', 'ACC1', '8', 'dont_know', /records "dont_know" as code 9/],
  ['a missing kind on a question without missing codes', 'tuổi', '9', 'dont_know', /does not accept "dont_know" \(accepted codes: —\)/],
  ['a missing kind without its code', 'ACC1', null, 'dont_know', /needs its code as the value/],
];

describe('saveAnswer refuses what the form does not allow, and changes nothing', () => {
  it.each(REFUSED)('%s', async (_what, path, value, missing, expected) => {
    const { save, state } = await setUp();
    const before = state();
    const result = await save(path, value, missing);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('answer_invalid');
    expect(result.error.issues).toHaveLength(1);
    const [issue] = result.error.issues!;
    expect(issue!.path).toBe(path);
    expect(issue!.problemEn).toMatch(expected);
    // Vietnamese first: the problem itself is in Vietnamese.
    expect(issue!.problem).not.toBe(issue!.problemEn);
    expect(issue!.problem).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
    expect(state()).toEqual(before);
  });

  it('the same answers in the right shape are accepted', async () => {
    const { save } = await setUp();
    for (const [path, value, missing] of [
      ['tuổi', 34, undefined],
      ['ACC1', '4', undefined],
      ['ACC1', '9', 'dont_know'],
      ['ACC1', '8', 'not_applicable'],
      ['EXP_MODE', ['2', '1'], undefined],
      ['META_DATE', '2025-02-28', undefined],
      ['OPEN', '', undefined],
      ['members[3]/age', 70, undefined],
      ['tuổi', null, undefined],
    ] as [string, AnswerValue, MissingKind | undefined][]) {
      expect(await save(path, value, missing), `${path}=${JSON.stringify(value)}`).toMatchObject({ ok: true });
    }
  });

  it('at most 20 issues cross the boundary, each clipped', async () => {
    const { core, a, iv } = await setUp();
    const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: () => true });
    // 40 unanswered required repeat questions: complete reports them all, the guard passes 20.
    for (let k = 1; k <= 40; k++) core.db.prepare("INSERT INTO answers VALUES (?, ?, 'null', NULL, 'x')").run(iv.id, `members[${k}]/age`);
    core.db.prepare("INSERT INTO answers VALUES (?, 'members[40]/age', '1', NULL, 'x') ON CONFLICT DO UPDATE SET value = '1'").run(iv.id);
    const result = await guard('interview:complete', { interviewId: iv.id }, { senderUrl: 'app://khaosat', session: a.session });
    expect(result).toMatchObject({ ok: false, error: { code: 'interview_incomplete' } });
    if (!result.ok) expect(result.error.issues).toHaveLength(20);
  });
});
