// openCoreOrRecovery: the recovery handlers answer while the database is lost, any other refusal
// is thrown as before, and a database restored from elsewhere (the CLI) is picked up.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupDatabase } from '../../../electron/db/backup';
import { restoreBackup } from '../../../electron/db/restore';
import { createCore, type Core } from '../../../electron/services';
import { openCoreOrRecovery } from '../../../electron/services/recovery';
import { ServiceError } from '../../../shared/contract/errors';
import { cleanup, FAST_SCRYPT, makeCore, session } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

async function lost() {
  const core = makeCore();
  await core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'Giám Sát', secret: '24681357' }, session());
  await backupDatabase(core.db, join(core.dir, 'backups'));
  core.close();
  rmSync(core.dbPath);
  return core.dbPath;
}

const create = (o: Parameters<typeof createCore>[0]) => createCore({ ...o, scryptParams: FAST_SCRYPT });

describe('openCoreOrRecovery', () => {
  it('every operation but the recovery ones answers database_missing while the database is lost', async () => {
    const dbPath = await lost();
    const hosted = openCoreOrRecovery(create, { dbPath });
    expect(hosted.mode()).toBe('recovery');
    expect(hosted.current()).toBeNull();
    expect(hosted.currentUser(1)).toBeNull();
    await expect(Promise.resolve().then(() => hosted.handlers['session:signIn']({ code: 'GS01', secret: '24681357' }, session()))).rejects.toMatchObject({ code: 'database_missing' });
    const status = await hosted.handlers['recovery:status']({}, session());
    expect(status).toMatchObject({ needed: true, reason: 'database_missing', backups: [{ usable: true }] });
    hosted.close();
  });

  it('a database restored by the CLI meanwhile is opened on the next status call', async () => {
    const dbPath = await lost();
    const hosted = openCoreOrRecovery(create, { dbPath });
    restoreBackup(dbPath);
    expect(await hosted.handlers['recovery:status']({}, session())).toEqual({ needed: false, reason: null, backups: [] });
    expect(hosted.mode()).toBe('core');
    expect(await hosted.handlers['session:signIn']({ code: 'GS01', secret: '24681357' }, session())).toMatchObject({ code: 'GS01' });
    hosted.close();
  });

  it('other refusals are thrown, not turned into recovery', () => {
    const core = makeCore();
    const { dbPath } = core;
    core.close();
    writeFileSync(dbPath, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4080, 0xab)]));
    let thrown: unknown;
    try {
      openCoreOrRecovery(create, { dbPath });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ServiceError);
    expect((thrown as ServiceError).code).toBe('database_damaged');
  });
});
