// Users and sessions: first-run setup, registering users, scrypt secrets, sign-in with lockout.
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/contract/errors';
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS, createCore, type Core } from '../../../electron/services';
import { createRepositories } from '../../../electron/db/repositories';
import { FAST_SCRYPT, cleanup, makeCore, session, setUpStaff, testClock } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

/** The ServiceError code of a call (a value, a promise, or a thunk returning either). */
async function codeOf(p: unknown): Promise<string> {
  try {
    await (typeof p === 'function' ? (p as () => unknown)() : p);
  } catch (err) {
    if (err instanceof ServiceError) return err.code;
    throw err;
  }
  return 'no error';
}

function audit(core: Core): { action: string; user_id: number | null; entity_id: string | null; detail: string | null }[] {
  return core.db.prepare('SELECT action, user_id, entity_id, detail FROM audit_log ORDER BY id').all() as never;
}

describe('first-run setup', () => {
  it('creates the first supervisor, signs them in, and can only happen once', async () => {
    const core = makeCore();
    cores.push(core);
    const ctx = session();
    expect(await core.handlers['app:status']({}, ctx)).toMatchObject({ needsSetup: true, user: null });
    const sup = await core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: ' Giám sát ', secret: '48213957' }, ctx);
    expect(sup).toEqual({ id: sup.id, code: 'GS01', name: 'Giám sát', role: 'supervisor', active: true });
    expect(ctx.session.user).toEqual(sup);
    expect(await core.handlers['app:status']({}, ctx)).toMatchObject({ needsSetup: false, user: sup });
    expect(await codeOf(core.handlers['setup:createFirstSupervisor']({ code: 'GS02', name: 'Khác', secret: '48213957' }, session()))).toBe(
      'setup_done',
    );
    expect(audit(core).map((a) => a.action)).toEqual(['user_created']);
  });
});

describe('registering users', () => {
  it('a supervisor adds a surveyor, recorded in the audit log with who did it', async () => {
    const core = makeCore();
    cores.push(core);
    const { supervisor, surveyorA } = await setUpStaff(core);
    expect(surveyorA).toMatchObject({ code: 'DTV01', role: 'surveyor', active: true });
    const created = audit(core).filter((a) => a.action === 'user_created' && a.entity_id === String(surveyorA.id));
    expect(created).toHaveLength(1);
    expect(created[0]!.user_id).toBe(supervisor.id);
    expect((await core.handlers['user:list']({}, session(supervisor))).map((u) => u.code)).toEqual(['DTV01', 'DTV02', 'GS01']);
  });

  it('the command-line operator can register a user; the audit log names no user but says operator', async () => {
    const core = makeCore();
    cores.push(core);
    await core.services.users.createUserByOperator({ code: 'GS09', name: 'Giám sát', role: 'supervisor', secret: '48213957' });
    const user = await core.services.users.createUserByOperator({ code: 'DTV09', name: 'Phạm Chín', role: 'surveyor', secret: '8641' });
    expect(user).toMatchObject({ code: 'DTV09', role: 'surveyor', active: true });
    const entry = audit(core).at(-1)!;
    expect(entry).toMatchObject({ action: 'user_created', user_id: null, entity_id: String(user.id) });
    expect(JSON.parse(entry.detail!)).toEqual({ code: 'DTV09', role: 'surveyor', by: 'operator' });
    expect(createRepositories(core.db).users.findById(user.id)!.created_by).toBeNull();
  });

  it('a user code already taken (in any letter case) is refused as duplicate_code', async () => {
    const core = makeCore();
    cores.push(core);
    const { supervisor } = await setUpStaff(core);
    const again = { name: 'Trùng', role: 'surveyor' as const, secret: '9998' };
    expect(await codeOf(core.handlers['user:create']({ code: 'DTV01', ...again }, session(supervisor)))).toBe('duplicate_code');
    expect(await codeOf(core.handlers['user:create']({ code: 'dtv01', ...again }, session(supervisor)))).toBe('duplicate_code');
    expect(core.services.users.list()).toHaveLength(3);
  });

  it.each([['123'], ['12a'], ['abcdefg'], ['1234567890123']])('the weak secret %j is refused', async (secret) => {
    const core = makeCore();
    cores.push(core);
    expect(await codeOf(core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'A', secret }, session()))).toBe(
      'weak_secret',
    );
    expect(core.services.users.needsSetup()).toBe(true);
  });

  it.each([['48213957'], ['482139574810'], ['mật khẩu dài'], ['abcdefgh']])('the secret %j is accepted', async (secret) => {
    const core = makeCore();
    cores.push(core);
    await core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'A', secret }, session());
    expect((await core.handlers['session:signIn']({ code: 'GS01', secret }, session())).code).toBe('GS01');
  });
});

describe('stored secrets', () => {
  it('only a salted scrypt hash is stored: the secret appears nowhere in the database files', async () => {
    const core = makeCore();
    cores.push(core);
    const secret = 'BiMat-Rat-Dai-2025';
    await core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'A', secret }, session());
    await core.handlers['user:create']({ code: 'GS02', name: 'B', role: 'supervisor', secret }, session(core.services.users.list()[0]!));
    const rows = createRepositories(core.db).users.list();
    for (const row of rows) {
      expect(row.secret_hash.length).toBe(32);
      expect(row.secret_salt.length).toBe(16);
      expect([row.scrypt_n, row.scrypt_r, row.scrypt_p]).toEqual([FAST_SCRYPT.N, FAST_SCRYPT.r, FAST_SCRYPT.p]);
    }
    // Same secret, different salts, different hashes.
    expect(rows[0]!.secret_salt.equals(rows[1]!.secret_salt)).toBe(false);
    expect(rows[0]!.secret_hash.equals(rows[1]!.secret_hash)).toBe(false);
    for (const file of [core.dbPath, `${core.dbPath}-wal`]) {
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(secret))).toBe(false);
    }
  });

  it('raising the scrypt cost later keeps older users able to sign in', async () => {
    const first = makeCore();
    await first.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'A', secret: '48213957' }, session());
    first.close();
    const stronger = { N: 2 ** 11, r: 8, p: 1 };
    const core = createCore({ dbPath: first.dbPath, scryptParams: stronger });
    cores.push(first, core);
    const sup = await core.handlers['session:signIn']({ code: 'GS01', secret: '48213957' }, session());
    await core.handlers['user:create']({ code: 'DTV01', name: 'B', role: 'surveyor', secret: '4320' }, session(sup));
    expect(createRepositories(core.db).users.findByCode('DTV01')!.scrypt_n).toBe(2 ** 11);
    expect(createRepositories(core.db).users.findByCode('GS01')!.scrypt_n).toBe(FAST_SCRYPT.N);
  });
});

describe('signing in', () => {
  it('signs in with the right secret (code in any case) and sets the session; sign-out clears it', async () => {
    const core = makeCore();
    cores.push(core);
    const { surveyorA } = await setUpStaff(core);
    const ctx = session();
    expect(await core.handlers['session:signIn']({ code: 'dtv01', secret: '1358' }, ctx)).toEqual(surveyorA);
    expect(ctx.session.user).toEqual(surveyorA);
    expect(await core.handlers['session:signOut']({}, ctx)).toEqual({ signedOut: true });
    expect(ctx.session.user).toBeNull();
    expect(audit(core).slice(-2).map((a) => a.action)).toEqual(['sign_in', 'sign_out']);
  });

  it('an unknown code and a wrong secret fail with the same error, and both are audited', async () => {
    const core = makeCore();
    cores.push(core);
    await setUpStaff(core);
    const ctx = session();
    expect(await codeOf(core.handlers['session:signIn']({ code: 'NOBODY', secret: '1358' }, ctx))).toBe('invalid_credentials');
    expect(await codeOf(core.handlers['session:signIn']({ code: 'DTV01', secret: '0001' }, ctx))).toBe('invalid_credentials');
    expect(ctx.session.user).toBeNull();
    const failures = audit(core).filter((a) => a.action === 'sign_in_failed');
    expect(failures.map((f) => JSON.parse(f.detail!).code)).toEqual(['NOBODY', 'DTV01']);
    expect(failures[0]!.user_id).toBeNull();
  });

  it(`locks the account after ${MAX_FAILED_ATTEMPTS} consecutive failures, even for the right secret, until the period ends`, async () => {
    const time = testClock();
    const core = makeCore({ clock: time.clock });
    cores.push(core);
    await setUpStaff(core);
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) {
      expect(await codeOf(core.handlers['session:signIn']({ code: 'DTV01', secret: '9998' }, session()))).toBe(
        'invalid_credentials',
      );
    }
    // The try that reaches the limit already answers locked_out (with the wait).
    expect(await codeOf(core.handlers['session:signIn']({ code: 'DTV01', secret: '9998' }, session()))).toBe('locked_out');
    expect(await codeOf(core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session()))).toBe('locked_out');
    time.advance(LOCKOUT_MS - 1000);
    expect(await codeOf(core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session()))).toBe('locked_out');
    // Another user is not affected.
    expect((await core.handlers['session:signIn']({ code: 'DTV02', secret: 'mat-khau-binh' }, session())).code).toBe('DTV02');
    time.advance(1000);
    expect((await core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session())).code).toBe('DTV01');
    expect(audit(core).some((a) => a.action === 'user_locked')).toBe(true);
  });

  it('a successful sign-in resets the failure count', async () => {
    const core = makeCore({ clock: testClock().clock });
    cores.push(core);
    await setUpStaff(core);
    const fail = () => core.handlers['session:signIn']({ code: 'DTV01', secret: '9998' }, session());
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) expect(await codeOf(fail())).toBe('invalid_credentials');
    await core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session());
    for (let i = 0; i < MAX_FAILED_ATTEMPTS - 1; i++) expect(await codeOf(fail())).toBe('invalid_credentials');
    expect((await core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session())).code).toBe('DTV01');
  });

  it('a deactivated user with the right secret gets user_inactive; with a wrong one, invalid_credentials', async () => {
    const core = makeCore();
    cores.push(core);
    const { surveyorA } = await setUpStaff(core);
    createRepositories(core.db).users.setActive(surveyorA.id, false);
    expect(await codeOf(core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session()))).toBe('user_inactive');
    expect(await codeOf(core.handlers['session:signIn']({ code: 'DTV01', secret: '0001' }, session()))).toBe('invalid_credentials');
  });
});

describe('device identity', () => {
  it('a UUID is created at first run and kept across restarts', async () => {
    const core = makeCore();
    const id = core.deviceId;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    core.close();
    const again = createCore({ dbPath: core.dbPath });
    cores.push(core, again);
    expect(again.deviceId).toBe(id);
    expect((await again.handlers['app:status']({}, session())).deviceId).toBe(id);
  });
});
