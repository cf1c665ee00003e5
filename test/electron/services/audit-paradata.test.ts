// The laptop side of the audit log (docs/exports.md): a form with an `audit` question records the
// new value in its answered/changed events (ODK's new-value, track-changes), and with
// track-changes-reasons=on-form-edit the supervisor's send-back comment as the reason a reopened
// record is edited. A form without one keeps the events as they were (no `to`).
import { afterEach, describe, expect, it } from 'vitest';
import { createRepositories } from '../../../electron/db/repositories';
import { installSurvey, type Core } from '../../../electron/services';
import { compileForm, type Cell } from '../../../shared/forms';
import { COMPLETE_ANSWERS, interviewFormRows } from '../../fixtures/forms/interviewForm';
import { cleanup, makeCore, session, setUpStaff, testClock } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

function auditForm(parameters: string) {
  const rows = interviewFormRows('a1');
  const survey = rows['survey']!.map((r, i) => (i === 0 ? [...r, 'parameters'] : r)) as Cell[][];
  survey.push(['audit', 'audit', null, null, null, null, null, null, parameters]);
  const result = compileForm({ fileName: 'audit.xlsx', sheets: Object.fromEntries(Object.entries({ ...rows, survey }).map(([k, r]) => [k, { rows: r }])) });
  if (!result.ok) throw new Error(result.errors.map((e) => e.messageEn).join('; '));
  return result.form;
}

async function setUp(parameters: string) {
  const time = testClock();
  const core = makeCore({ clock: time.clock });
  cores.push(core);
  const staff = await setUpStaff(core, time.clock);
  installSurvey(core.db, { id: 'audited', title: 'Audited', formVersion: 'a1', definition: auditForm(parameters), installedAt: time.clock() });
  const a = session(staff.surveyorA);
  const iv = await core.handlers['interview:start']({ surveyId: 'audited', unitCode: '26734', consent: true }, a);
  const save = (path: string, value: string | number | string[] | null) => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path, value }, a);
  const events = () => createRepositories(core.db).paradata.forInterview(iv.id).map((e) => [e.event, e.path, e.detail === null ? null : JSON.parse(e.detail)]);
  return { core, staff, a, iv, save, events };
}

describe('paradata of a form with an audit question', () => {
  it('answered and changed events carry the new value beside the old one; a cleared answer has none', async () => {
    const { save, events } = await setUp('track-changes=true');
    await save('ACC1', '3');
    await save('ACC1', '5');
    await save('EXP_MODE', ['1', '2']);
    await save('EXP_MODE', null);
    expect(events()).toEqual([
      ['created', null, { consent: true }],
      ['answered', 'consent', { to: '1' }],
      ['answered', 'ACC1', { to: '3' }],
      ['changed', 'ACC1', { from: '3', to: '5' }],
      ['answered', 'EXP_MODE', { to: ['1', '2'] }],
      ['changed', 'EXP_MODE', { cleared: true, from: ['1', '2'] }],
    ]);
  });

  it('with track-changes-reasons=on-form-edit a reopened record carries the send-back comment as its reason', async () => {
    const { core, staff, a, iv, save, events } = await setUp('track-changes=true track-changes-reasons=on-form-edit');
    for (const x of COMPLETE_ANSWERS) await save(x.path, x.value);
    await core.handlers['interview:complete']({ interviewId: iv.id }, a);
    core.services.interviews.review(staff.supervisor, { interviewId: iv.id, action: 'reject', comment: 'Hỏi lại ACC1' });
    await core.handlers['interview:reopen']({ interviewId: iv.id }, a);
    expect(events().at(-1)).toEqual(['reopened', null, { revision: 1, reason: 'Hỏi lại ACC1' }]);
  });

  it('without track-changes-reasons the reopened event has no reason', async () => {
    const { core, staff, a, iv, save, events } = await setUp('track-changes=true');
    for (const x of COMPLETE_ANSWERS) await save(x.path, x.value);
    await core.handlers['interview:complete']({ interviewId: iv.id }, a);
    core.services.interviews.review(staff.supervisor, { interviewId: iv.id, action: 'reject', comment: 'Hỏi lại ACC1' });
    await core.handlers['interview:reopen']({ interviewId: iv.id }, a);
    expect(events().at(-1)).toEqual(['reopened', null, { revision: 1 }]);
  });
});
