// Paradata and the audit log are append-only: the database itself refuses UPDATE, DELETE and an
// INSERT over an existing id, and a database whose protective triggers are gone is not written.
import { readFileSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { PROTECTIVE_TRIGGERS } from '../../../electron/db/protection';
import { createCore, type Core } from '../../../electron/services';
import { ServiceError } from '../../../shared/contract/errors';
import { cleanup, FAST_SCRYPT, makeCore, session, setUpStaff } from './helpers';

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

describe('append-only logs refuse a rewrite through INSERT OR REPLACE', () => {
  it.each([['paradata'], ['audit_log']])('%s: REPLACE over an existing id is refused and the old row stays', async (table) => {
    const core = makeCore();
    cores.push(core);
    const { surveyorA } = await setUpStaff(core);
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, session(surveyorA));
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '1' }, session(surveyorA));
    const original = core.db.prepare(`SELECT * FROM ${table} ORDER BY id LIMIT 1`).get() as Record<string, unknown>;
    const columns = Object.keys(original);
    const forged: Record<string, unknown> = { ...original, at: 'forged' };
    const values = columns.map((c) => forged[c]);
    for (const verb of ['INSERT OR REPLACE INTO', 'REPLACE INTO', 'INSERT OR IGNORE INTO']) {
      expect(() =>
        core.db.prepare(`${verb} ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(...(values as never[])),
      ).toThrow(/append-only/);
    }
    expect(core.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(original.id)).toEqual(original);
    // New rows still go in.
    const count = (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC2', value: '2' }, session(surveyorA));
    await core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session());
    expect((core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n).toBeGreaterThan(count);
  });
});

describe('a database whose protective triggers are gone is refused for writing', () => {
  it.each(PROTECTIVE_TRIGGERS.map((t) => [t.name, t.table]))('dropping %s: the next open refuses with database_unprotected', async (name) => {
    const core = makeCore();
    const { dbPath } = core;
    await setUpStaff(core);
    core.db.exec(`DROP TRIGGER ${name}`);
    core.close();
    const before = readFileSync(dbPath);
    expect(codeOf(() => createCore({ dbPath, scryptParams: FAST_SCRYPT }))).toBe('database_unprotected');
    expect(readFileSync(dbPath).equals(before)).toBe(true);
  });

  it('a trigger rewritten under the same name to do nothing is refused too', async () => {
    const core = makeCore();
    const { dbPath } = core;
    core.db.exec(`DROP TRIGGER audit_log_no_update;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT 1; END;`);
    core.close();
    expect(codeOf(() => createCore({ dbPath, scryptParams: FAST_SCRYPT }))).toBe('database_unprotected');
    // With every trigger in place the same file opens.
    const db = new BetterSqlite3(dbPath);
    db.exec(`DROP TRIGGER audit_log_no_update;
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;`);
    db.close();
    const reopened = createCore({ dbPath, scryptParams: FAST_SCRYPT });
    cores.push(reopened);
    expect(reopened.deviceId).toMatch(/-/);
  });
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ServiceError) return err.code;
    throw err;
  }
  return 'no error';
}
