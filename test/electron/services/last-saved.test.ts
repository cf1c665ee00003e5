// ${last-saved#name}: the main process hands the renderer (interview:load) the answers the form
// reads from the surveyor's previous interview of the same form version, and its completion
// check (authoritative) evaluates the form with the same ones.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/services';
import { installSurvey } from '../../../electron/services/seed';
import { COMPLETE_ANSWERS, interviewForm } from '../../fixtures/forms/interviewForm';
import { cleanup, session, staffedCore } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

async function setUp() {
  const { time, core, staff } = await staffedCore(cores);
  installSurvey(core.db, {
    id: 'ls',
    title: 'Last-saved',
    formVersion: 'v1',
    definition: interviewForm('v1', [
      ['calculate', 'prev_open', null, null, null, '${last-saved#OPEN}'],
      // The same place twice in a row is a typing slip: refused.
      ['text', 'again', 'Nơi phỏng vấn', null, null, null, null, '. != ${last-saved#again}'],
    ]),
    installedAt: time.clock(),
  });
  const a = session(staff.surveyorA);
  const b = session(staff.surveyorB);
  const start = async (who: typeof a) => {
    time.advance(60_000);
    return core.handlers['interview:start']({ surveyId: 'ls', unitCode: '26734', consent: true }, who);
  };
  const save = async (who: typeof a, interviewId: string, path: string, value: string | number | string[]) => {
    time.advance(1_000);
    return core.handlers['interview:saveAnswer']({ interviewId, path, value }, who);
  };
  return { core, staff, a, b, start, save };
}

describe('${last-saved#name} from the store', () => {
  it("sends the answers the form reads from the same surveyor's previous interview, and only those", async () => {
    const { core, a, b, start, save } = await setUp();
    const first = await start(a);
    const load = (id: string, who: typeof a) => core.handlers['interview:load']({ interviewId: id }, who);
    expect((await load(first.id, a)).lastSaved).toEqual([]);
    await save(a, first.id, 'OPEN', 'Chợ Lớn');
    await save(a, first.id, 'again', 'Quận 5');
    await save(a, first.id, 'tuổi', 40);

    const second = await start(a);
    expect((await load(second.id, a)).lastSaved).toEqual([
      { path: 'OPEN', value: 'Chợ Lớn' },
      { path: 'again', value: 'Quận 5' },
    ]);
    // A newer interview (the third) does not change which one the second reads.
    const third = await start(a);
    await save(a, third.id, 'OPEN', 'Thủ Đức');
    expect((await load(second.id, a)).lastSaved).toContainEqual({ path: 'OPEN', value: 'Chợ Lớn' });
    // Another surveyor's interviews are not theirs to read.
    const other = await start(b);
    expect((await load(other.id, b)).lastSaved).toEqual([]);
  });

  it('is absent for a form that reads no last-saved value', async () => {
    const { core, a } = await setUp();
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);
    expect('lastSaved' in (await core.handlers['interview:load']({ interviewId: iv.id }, a))).toBe(false);
  });

  it('completion evaluates the form with the previous interview: a constraint on ${last-saved#again} holds', async () => {
    const { core, a, start, save } = await setUp();
    const complete = (id: string) => core.handlers['interview:complete']({ interviewId: id }, a);
    const first = await start(a);
    for (const x of COMPLETE_ANSWERS) await save(a, first.id, x.path, x.value);
    await save(a, first.id, 'again', 'Quận 5');
    expect((await complete(first.id)).status).toBe('completed');

    const second = await start(a);
    for (const x of COMPLETE_ANSWERS) await save(a, second.id, x.path, x.value);
    await save(a, second.id, 'again', 'Quận 5');
    await expect(complete(second.id)).rejects.toMatchObject({ code: 'interview_incomplete' });
    await save(a, second.id, 'again', 'Quận 10');
    expect((await complete(second.id)).status).toBe('completed');
  });
});
