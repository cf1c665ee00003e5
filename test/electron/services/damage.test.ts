// Damage found while running (not at open): the first SQLite "damaged" error latches the core,
// so no later call writes to the file and backups stop before they rotate the good copies out.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../../shared/contract/errors';
import type { Core } from '../../../electron/services';
import { cleanup, makeCore, session, setUpStaff } from './helpers';

const cores: Core[] = [];
afterEach(() => {
  vi.useRealTimers();
  cleanup(cores);
});

async function codeOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ServiceError) return err.code;
    throw err;
  }
  return 'no error';
}

function totalChanges(core: Core): number {
  return (core.db.prepare('select total_changes() as n').get() as { n: number }).n;
}

describe('a database that turns out damaged while the app runs', () => {
  it('answers database_damaged from then on, writes nothing more and stops backing up', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    // A first core only for its temporary folder, where the database under test and its backups go.
    const probe = makeCore();
    cores.push(probe);
    const backupDir = join(probe.dir, 'backups');
    const core = makeCore({ dbPath: join(probe.dir, 'live.sqlite'), backups: { dir: backupDir, intervalMs: 1000 } });
    cores.push(core);
    const staff = await setUpStaff(core);
    const a = session(staff.surveyorA);
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);

    // What better-sqlite3 throws when a page read from disk is not a valid b-tree page.
    const save = core.services.interviews.saveAnswer;
    core.services.interviews.saveAnswer = () => {
      throw new BetterSqlite3.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT');
    };
    expect(await codeOf(() => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '4' }, a))).toBe('database_damaged');
    core.services.interviews.saveAnswer = save;

    const before = totalChanges(core);
    expect(await codeOf(() => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '4' }, a))).toBe('database_damaged');
    expect(await codeOf(() => core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a))).toBe('database_damaged');
    expect(await codeOf(() => core.handlers['session:signIn']({ code: 'DTV01', secret: '1357' }, session()))).toBe('database_damaged');
    expect(totalChanges(core)).toBe(before);

    await vi.advanceTimersByTimeAsync(5000);
    expect(existsSync(backupDir) ? readdirSync(backupDir) : []).toEqual([]);
  });

  it('other failures do not latch: the next call works', async () => {
    const core = makeCore();
    cores.push(core);
    const staff = await setUpStaff(core);
    const a = session(staff.surveyorA);
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);
    const save = core.services.interviews.saveAnswer;
    core.services.interviews.saveAnswer = () => {
      throw new BetterSqlite3.SqliteError('database is locked', 'SQLITE_BUSY');
    };
    await expect((async () => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '4' }, a))()).rejects.toThrow('locked');
    core.services.interviews.saveAnswer = save;
    await expect(core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '4' }, a)).resolves.toMatchObject({ value: '4' });
  });
});
