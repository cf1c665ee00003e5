// A missing or empty database beside backups is lost data, not a first run: the core refuses to
// start fresh, backup rotation never deletes the copies of an earlier database, and a verified
// backup brings the data back with the remains kept aside.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { backupDatabase, listBackups } from '../../../electron/db/backup';
import { describeBackups, restoreBackup } from '../../../electron/db/restore';
import { createCore, type Core } from '../../../electron/services';
import { ServiceError } from '../../../shared/contract/errors';
import { cleanup, FAST_SCRYPT, makeCore, session, setUpStaff, testClock } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));
const MIN = 60_000;

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof ServiceError) return err.code;
    throw err;
  }
  return 'no error';
}

function snapshot(dir: string): Map<string, string> {
  return new Map(listBackups(dir).map((n) => [n, readFileSync(join(dir, n)).toString('base64')]));
}

/** A database with staff, one interview with an answer, and three backups 15 minutes apart. */
async function withHistory() {
  const clock = testClock();
  const core = makeCore({ clock: clock.clock });
  const backups = join(core.dir, 'backups');
  const { surveyorA } = await setUpStaff(core, clock.clock);
  const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, session(surveyorA));
  await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '4' }, session(surveyorA));
  for (let i = 0; i < 3; i++) {
    clock.advance(15 * MIN);
    await backupDatabase(core.db, backups, { keep: 8, now: clock.clock });
  }
  core.close();
  return { clock, dbPath: core.dbPath, dir: core.dir, backups, interviewId: iv.id };
}

describe('a missing or empty database with history', () => {
  it.each([
    ['deleted', (p: string) => rmSync(p)],
    ['emptied', (p: string) => writeFileSync(p, '')],
  ])('%s: the core refuses to start fresh, creates nothing, and every backup stays intact', async (_what, lose) => {
    const h = await withHistory();
    lose(h.dbPath);
    const existed = existsSync(h.dbPath);
    const before = snapshot(h.backups);
    const files = readdirSync(h.dir).sort();
    // Started again and again (the app relaunched), with 15-minute rotation keeping only two,
    // through many rotation intervals: nothing runs, nothing is deleted.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    try {
      for (let i = 0; i < 3; i++) {
        expect(codeOf(() => createCore({ dbPath: h.dbPath, scryptParams: FAST_SCRYPT, backups: { dir: h.backups, intervalMs: 15 * MIN, keep: 2 } }))).toBe('database_missing');
        await vi.advanceTimersByTimeAsync(40 * 15 * MIN);
      }
    } finally {
      vi.useRealTimers();
    }
    expect(existsSync(h.dbPath)).toBe(existed);
    if (existed) expect(statSync(h.dbPath).size).toBe(0);
    expect(readdirSync(h.dir).sort()).toEqual(files);
    expect(snapshot(h.backups)).toEqual(before);
  });

  it('a leftover -wal without its database is history too', () => {
    const dir = makeCore().dir;
    const dbPath = join(dir, 'khaosat.sqlite');
    // makeCore's own core is not needed: remove its database and fake a crash's leftovers.
    cleanupCoreFiles(dbPath);
    writeFileSync(`${dbPath}-wal`, Buffer.alloc(4096, 1));
    expect(codeOf(() => createCore({ dbPath, scryptParams: FAST_SCRYPT }))).toBe('database_missing');
    expect(existsSync(dbPath)).toBe(false);
  });

  it('with no traces at all a missing database is a first run', () => {
    const core = makeCore();
    cores.push(core);
    expect(core.deviceId).toMatch(/-/);
  });
});

function cleanupCoreFiles(dbPath: string): void {
  for (const s of ['', '-wal', '-shm']) rmSync(`${dbPath}${s}`, { force: true });
}

describe('backup rotation never deletes the copies of an earlier database', () => {
  it('a database created after the backups (many rotation intervals later) rotates only its own copies', async () => {
    const h = await withHistory();
    const before = snapshot(h.backups);
    // Another database started in the same folder after the loss (e.g. by a tool that does not
    // check), two hours later, with a small keep: 40 rotation intervals.
    rmSync(h.dbPath);
    rmSync(h.backups, { recursive: true });
    h.clock.advance(120 * MIN);
    const fresh = createCore({ dbPath: h.dbPath, scryptParams: FAST_SCRYPT, clock: h.clock.clock });
    cores.push(fresh);
    // The old backups come back (e.g. copied back by a helper) while the new database runs.
    mkdirSync(h.backups);
    for (const [name, data] of before) {
      writeFileSync(join(h.backups, name), Buffer.from(data, 'base64'), { flag: 'w' });
    }
    for (let i = 0; i < 40; i++) {
      h.clock.advance(15 * MIN);
      await backupDatabase(fresh.db, h.backups, { keep: 2, now: h.clock.clock });
    }
    const after = snapshot(h.backups);
    for (const [name, data] of before) expect(after.get(name)).toBe(data);
    // Besides the protected three, only the newest two of its own.
    expect(after.size).toBe(before.size + 2);
  });

  it("the database's own copies still rotate to the newest few", async () => {
    const h = await withHistory();
    const core = createCore({ dbPath: h.dbPath, scryptParams: FAST_SCRYPT, clock: h.clock.clock });
    cores.push(core);
    for (let i = 0; i < 10; i++) {
      h.clock.advance(15 * MIN);
      await backupDatabase(core.db, h.backups, { keep: 4, now: h.clock.clock });
    }
    expect(listBackups(h.backups)).toHaveLength(4);
  });
});

describe('restoring a backup', () => {
  it.each([
    ['deleted', (p: string) => rmSync(p)],
    ['emptied', (p: string) => writeFileSync(p, '')],
  ])('%s: the newest good backup is verified, put in place, the remains kept; the data is back', async (what, lose) => {
    const h = await withHistory();
    lose(h.dbPath);
    const backupsBefore = snapshot(h.backups);
    const newest = listBackups(h.backups).at(-1)!;
    const result = restoreBackup(h.dbPath, undefined, { now: h.clock.clock });
    expect(result.restored).toBe(newest);
    if (what === 'emptied') {
      expect(result.keptIn).not.toBeNull();
      expect(statSync(join(result.keptIn!, 'khaosat.sqlite')).size).toBe(0);
    } else {
      expect(result.keptIn).toBeNull();
    }
    expect(snapshot(h.backups)).toEqual(backupsBefore);
    expect(existsSync(`${h.dbPath}.restoring`)).toBe(false);

    const core = createCore({ dbPath: h.dbPath, scryptParams: FAST_SCRYPT });
    cores.push(core);
    const user = await core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session());
    const iv = await core.handlers['interview:load']({ interviewId: h.interviewId }, session(user));
    expect(iv.answers).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'ACC1', value: '4' })]));
  });

  it('a damaged newest backup is skipped for the next good one; asked for by name it is refused', async () => {
    const h = await withHistory();
    const names = listBackups(h.backups);
    const damaged = names.at(-1)!;
    const fd = openSync(join(h.backups, damaged), 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 2);
    closeSync(fd);
    rmSync(h.dbPath);

    const listed = describeBackups(h.dbPath);
    expect(listed.map((b) => b.name)).toEqual([...names].reverse());
    expect(listed[0]).toMatchObject({ name: damaged, usable: false });
    expect(listed[0]!.problem).toBeTruthy();
    expect(listed[1]).toMatchObject({ usable: true, problem: null, schemaVersion: expect.any(Number) });
    expect(listed[1]!.sizeBytes).toBeGreaterThan(0);

    let refused: unknown;
    try {
      restoreBackup(h.dbPath, damaged);
    } catch (err) {
      refused = err;
    }
    expect((refused as ServiceError).code).toBe('backup_unusable');
    expect(existsSync(h.dbPath)).toBe(false);
    expect(restoreBackup(h.dbPath).restored).toBe(names.at(-2));
  });

  it('a healthy database is never replaced, and a name outside the backups folder is not a backup', async () => {
    const h = await withHistory();
    const bytes = readFileSync(h.dbPath);
    expect(codeOf(() => restoreBackup(h.dbPath))).toBe('recovery_not_needed');
    expect(readFileSync(h.dbPath).equals(bytes)).toBe(true);
    rmSync(h.dbPath);
    expect(codeOf(() => restoreBackup(h.dbPath, 'khaosat.sqlite'))).toBe('not_found');
  });
});
