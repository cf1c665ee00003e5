// A read-only database, a full disk and a failing disk answer their own codes and messages
// (database_readonly, disk_full, disk_io), never `internal`, and nothing already saved is lost.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { asStorageError, storageErrorCode } from '../../../electron/db/errors';
import { createGuard } from '../../../electron/ipc/guard';
import type { Core } from '../../../electron/services';
import { ERROR_MESSAGES, ServiceError } from '../../../shared/contract/errors';
import { cleanup, makeCore, session, setUpStaff } from './helpers';

const ROOT = resolve(import.meta.dirname, '../../..');
const NOBODY = 65534;
const AS_ROOT = process.getuid?.() === 0;
// As root the read-only check runs in a child as `nobody`, who must be able to read the checkout
// (tsx, the sources) and reach the temp folder; a checkout in a private home folder cannot.
const CHILD_CAN_RUN =
  !AS_ROOT ||
  spawnSync(
    process.execPath,
    ['-e', `const fs = require('fs'); fs.accessSync(${JSON.stringify(join(ROOT, 'node_modules', 'tsx', 'package.json'))}); fs.accessSync(${JSON.stringify(tmpdir())}, fs.constants.X_OK)`],
    { uid: NOBODY, gid: NOBODY },
  ).status === 0;
if (!CHILD_CAN_RUN) console.warn(`read-only test skipped: user ${NOBODY} cannot read ${ROOT} or reach ${tmpdir()}`);
const cores: Core[] = [];
afterEach(() => cleanup(cores));

function guardFor(core: Core) {
  return createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: () => true });
}

describe('SQLite storage errors map to contract codes', () => {
  it.each([
    ['SQLITE_READONLY', 'database_readonly'],
    ['SQLITE_READONLY_DIRECTORY', 'database_readonly'],
    ['SQLITE_FULL', 'disk_full'],
    ['SQLITE_IOERR', 'disk_io'],
    ['SQLITE_IOERR_FSYNC', 'disk_io'],
    ['SQLITE_CORRUPT', 'database_damaged'],
    ['SQLITE_NOTADB', 'database_damaged'],
    ['SQLITE_CONSTRAINT_UNIQUE', null],
  ])('%s → %s', (code, expected) => {
    const err = Object.assign(new Error('x'), { code });
    expect(storageErrorCode(err)).toBe(expected);
    const mapped = asStorageError(err);
    if (expected) expect((mapped as ServiceError).code).toBe(expected);
    else expect(mapped).toBe(err);
  });

  it.each([
    ['ENOSPC', 'disk_full'],
    ['EROFS', 'database_readonly'],
    ['EACCES', 'database_readonly'],
    ['EIO', 'disk_io'],
    ['ENOENT', null],
  ])('file-system %s (the -wal copy, a restore) → %s', (code, expected) => {
    const err = Object.assign(new Error('x'), { code });
    const mapped = asStorageError(err);
    if (expected) expect((mapped as ServiceError).code).toBe(expected);
    else expect(mapped).toBe(err);
  });

  it('the messages say what happened, in Vietnamese and English', () => {
    expect(ERROR_MESSAGES.database_readonly.en).toMatch(/read-only/);
    expect(ERROR_MESSAGES.database_readonly.vi).toMatch(/chỉ đọc/);
    expect(ERROR_MESSAGES.disk_full.en).toMatch(/disk is full.*free.*Nothing was lost/);
    expect(ERROR_MESSAGES.disk_full.vi).toMatch(/đầy/);
    expect(ERROR_MESSAGES.disk_io.en).toMatch(/disk reported an error/);
  });
});

describe('a full disk', () => {
  it('saving an answer answers disk_full, keeps what was saved, and works again once there is room', async () => {
    const core = makeCore();
    cores.push(core);
    const { surveyorA } = await setUpStaff(core);
    const guard = guardFor(core);
    const ctx = { senderUrl: 'test://', ...session(surveyorA) };
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, session(surveyorA));
    await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '1' }, session(surveyorA));
    // SQLite returns SQLITE_FULL when a write needs a page beyond max_page_count: the same code
    // a full disk gives. Each answer (and its paradata row) soon needs a new page.
    const pages = core.db.pragma('page_count', { simple: true }) as number;
    core.db.pragma(`max_page_count = ${pages}`);
    let result;
    for (let i = 1; i <= 1000; i++) {
      result = await guard('interview:saveAnswer', { interviewId: iv.id, path: `members[${i}]/age`, value: 30 }, ctx);
      if (!result.ok) break;
    }
    expect(result).toMatchObject({ ok: false, error: { code: 'disk_full', messageEn: ERROR_MESSAGES.disk_full.en } });
    expect(core.db.prepare("SELECT value FROM answers WHERE interview_id = ? AND path = 'ACC1'").get(iv.id)).toEqual({ value: '"1"' });
    core.db.pragma('max_page_count = 1073741823');
    expect((await guard('interview:saveAnswer', { interviewId: iv.id, path: 'ACC2', value: '2' }, ctx)).ok).toBe(true);
  });
});

describe.skipIf(!CHILD_CAN_RUN)('a read-only database file', () => {
  it('signing in answers database_readonly (not internal) while reading still works', async () => {
    const core = makeCore();
    await setUpStaff(core);
    const { dbPath, dir } = core;
    core.close();
    const before = readFileSync(dbPath);
    // Root ignores file permissions, so the check runs in a child as `nobody`: the file belongs
    // to root and is 0444, the folder is the child's (SQLite may create its -shm there), so the
    // open succeeds read-only and the first write fails with SQLITE_READONLY, as on a laptop
    // whose data file was copied from a read-only medium.
    chmodSync(dbPath, 0o444);
    if (AS_ROOT) chownSync(dir, NOBODY, NOBODY);
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'test/electron/services/fixtures/readonly-signin.ts', dbPath], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, HOME: dir },
      ...(AS_ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    expect(child.stderr).toBe('');
    const report = JSON.parse(child.stdout.trim().split('\n').pop()!);
    expect(report).toMatchObject({
      opened: true,
      users: 3,
      result: { ok: false, error: { code: 'database_readonly', messageEn: ERROR_MESSAGES.database_readonly.en } },
    });
    expect(readFileSync(dbPath).equals(before)).toBe(true);
    chmodSync(dbPath, 0o644);
  });
});
