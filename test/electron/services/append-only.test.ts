// Paradata and the audit log are append-only: the database itself refuses UPDATE and DELETE.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../electron/services';
import { cleanup, makeCore, session, setUpStaff } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

describe('append-only logs', () => {
  it.each([['paradata'], ['audit_log']])('%s rows cannot be updated or deleted, even with raw SQL', async (table) => {
    const core = makeCore();
    cores.push(core);
    const { surveyorA } = await setUpStaff(core);
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, session(surveyorA));
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '1' }, session(surveyorA));
    const count = () => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const before = count();
    expect(before).toBeGreaterThan(0);
    expect(() => core.db.prepare(`UPDATE ${table} SET at = 'forged'`).run()).toThrow(/append-only/);
    expect(() => core.db.prepare(`DELETE FROM ${table}`).run()).toThrow(/append-only/);
    expect(count()).toBe(before);
    expect(core.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE at = 'forged'`).get()).toEqual({ n: 0 });
  });
});
