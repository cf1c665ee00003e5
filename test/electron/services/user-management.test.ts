// Supervisors managing users: unlock, deactivate/reactivate, reset a PIN (all audited), the
// acting user re-checked inside each write transaction, PIN rules by role, names stored NFC.
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/contract/errors';
import { SECRET_RULE_MESSAGES } from '../../../shared/users/secrets';
import { MAX_FAILED_ATTEMPTS } from '../../../shared/users/lockout';
import { hashSecret, verifySecret, type SecretHasher } from '../../../electron/services/secrets';
import type { Core } from '../../../electron/services';
import { cleanup, makeCore, session, setUpStaff, testClock } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

async function errorOf(fn: () => unknown): Promise<ServiceError | null> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ServiceError) return err;
    throw err;
  }
  return null;
}
const codeOf = async (fn: () => unknown) => (await errorOf(fn))?.code ?? 'no error';

function actions(core: Core): string[] {
  return (core.db.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((a) => a.action);
}

/** A hasher that runs `during` while "scrypt" is busy: another call's chance to change things. */
function hasherWith(during: () => void): SecretHasher & { armed: boolean } {
  const h = {
    armed: false,
    hash: async (secret: string, params: Parameters<typeof hashSecret>[1]) => {
      const result = await hashSecret(secret, params);
      if (h.armed) during();
      return result;
    },
    verify: verifySecret,
  };
  return h;
}

async function setUp(hasher?: SecretHasher) {
  const time = testClock();
  const core = makeCore({ clock: time.clock, ...(hasher ? { hasher } : {}) });
  cores.push(core);
  const staff = await setUpStaff(core, time.clock);
  return { core, time, staff, sup: session(staff.supervisor) };
}

async function lockOut(core: Core, code: string) {
  for (let i = 0; i < MAX_FAILED_ATTEMPTS; i++) await errorOf(() => core.handlers['session:signIn']({ code, secret: '9998' }, session()));
}

describe('supervisors managing users', () => {
  it('the users list shows who is locked and until when; unlocking lifts it at once, audited', async () => {
    const { core, staff, sup } = await setUp();
    await lockOut(core, 'DTV01');
    const locked = (await core.handlers['user:list']({}, sup)).find((u) => u.code === 'DTV01')!;
    expect(locked.lockedUntil).toBe('2025-07-01T08:05:00.000Z');
    const unlocked = await core.handlers['user:unlock']({ userId: staff.surveyorA.id }, sup);
    expect(unlocked).toMatchObject({ code: 'DTV01', lockedUntil: null });
    expect((await core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session())).code).toBe('DTV01');
    expect(actions(core)).toContain('user_unlocked');
  });

  it('deactivating stops sign-in, reactivating restores it; both audited and shown in the list', async () => {
    const { core, staff, sup } = await setUp();
    expect(await core.handlers['user:setActive']({ userId: staff.surveyorA.id, active: false }, sup)).toMatchObject({ active: false });
    expect((await core.handlers['user:list']({}, sup)).find((u) => u.code === 'DTV01')!.active).toBe(false);
    expect(await codeOf(() => core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session()))).toBe('user_inactive');
    await core.handlers['user:setActive']({ userId: staff.surveyorA.id, active: true }, sup);
    expect((await core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session())).code).toBe('DTV01');
    expect(actions(core).filter((a) => a.startsWith('user_') && a.endsWith('activated'))).toEqual(['user_deactivated', 'user_reactivated']);
  });

  it('a supervisor cannot deactivate themselves; two supervisors cannot both be deactivated', async () => {
    const { core, staff, sup } = await setUp();
    expect(await codeOf(() => core.handlers['user:setActive']({ userId: staff.supervisor.id, active: false }, sup))).toBe(
      'cannot_deactivate_self',
    );
    const lead = await core.handlers['user:create']({ code: 'GS02', name: 'Tổ trưởng', role: 'supervisor', secret: 'mat-khau-to-truong' }, sup);
    await core.handlers['user:setActive']({ userId: lead.id, active: false }, sup);
    // GS02's own window still holds the old session: it cannot deactivate the last active supervisor.
    expect(await codeOf(() => core.handlers['user:setActive']({ userId: staff.supervisor.id, active: false }, session(lead)))).toBe(
      'user_inactive',
    );
    expect(core.services.users.current(staff.supervisor.id)!.active).toBe(true);
  });

  it('resetting a PIN replaces the old one, lifts a lock and is audited; the rules of the role apply', async () => {
    const { core, staff, sup } = await setUp();
    await lockOut(core, 'DTV01');
    const weak = await errorOf(() => core.handlers['user:resetSecret']({ userId: staff.surveyorA.id, secret: '1111' }, sup));
    expect(weak?.code).toBe('weak_secret');
    expect(weak?.extra?.issues?.[0]).toMatchObject({ path: 'secret', message: SECRET_RULE_MESSAGES.pin_trivial.vi });
    expect(await core.handlers['user:resetSecret']({ userId: staff.surveyorA.id, secret: '5829' }, sup)).toMatchObject({ lockedUntil: null });
    expect(await codeOf(() => core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session()))).toBe('invalid_credentials');
    expect((await core.handlers['session:signIn']({ code: 'DTV01', secret: '5829' }, session())).code).toBe('DTV01');
    expect(actions(core)).toContain('user_secret_reset');
    const forSupervisor = await errorOf(() => core.handlers['user:resetSecret']({ userId: staff.supervisor.id, secret: '5829' }, sup));
    expect(forSupervisor?.detail).toBe('pin_too_short_for_role');
  });

  it('a user id that does not exist is not_found', async () => {
    const { core, sup } = await setUp();
    expect(await codeOf(() => core.handlers['user:unlock']({ userId: 999 }, sup))).toBe('not_found');
  });

  it('a surveyor or analyst may hold a 4-digit PIN only as a surveyor; names are stored NFC', async () => {
    const { core, sup } = await setUp();
    const decomposed = 'Nguye\u0302\u0303n Thi\u0323 Ba';
    const user = await core.handlers['user:create']({ code: 'DTV03', name: decomposed, role: 'surveyor', secret: '5829' }, sup);
    expect(user.name).toBe(decomposed.normalize('NFC'));
    expect(user.name).toBe('Nguyễn Thị Ba');
    expect((await errorOf(() => core.handlers['user:create']({ code: 'PT01', name: 'A', role: 'analyst', secret: '5829' }, sup)))?.detail).toBe(
      'pin_too_short_for_role',
    );
    expect((await errorOf(() => core.handlers['user:create']({ code: 'DTV04', name: 'A', role: 'surveyor', secret: '5829174630125' }, sup)))?.detail).toBe(
      'pin_too_long',
    );
  });
});

describe('the acting user is checked inside the write transaction', () => {
  it('a supervisor deactivated while their user:create hashes the PIN creates nobody', async () => {
    let supervisorId = 0;
    const hasher = hasherWith(() => void cores[0]!.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(supervisorId));
    const { core, staff, sup } = await setUp(hasher);
    supervisorId = staff.supervisor.id;
    hasher.armed = true;
    expect(await codeOf(() => core.handlers['user:create']({ code: 'DTV09', name: 'Muộn', role: 'surveyor', secret: '5829' }, sup))).toBe(
      'user_inactive',
    );
    expect(core.services.users.list().map((u) => u.code)).not.toContain('DTV09');
  });

  it('a supervisor demoted while their PIN reset hashes changes nothing', async () => {
    let supervisorId = 0;
    const hasher = hasherWith(() => void cores[0]!.db.prepare("UPDATE users SET role = 'surveyor' WHERE id = ?").run(supervisorId));
    const { core, staff, sup } = await setUp(hasher);
    supervisorId = staff.supervisor.id;
    hasher.armed = true;
    expect(await codeOf(() => core.handlers['user:resetSecret']({ userId: staff.surveyorA.id, secret: '5829' }, sup))).toBe('forbidden');
    expect((await core.handlers['session:signIn']({ code: 'DTV01', secret: '1358' }, session())).code).toBe('DTV01');
  });

  it('a surveyor deactivated after the guard let the call through can neither start an interview nor save an answer', async () => {
    const { core, staff } = await setUp();
    const a = session(staff.surveyorA);
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);
    core.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(staff.surveyorA.id);
    expect(await codeOf(() => core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a))).toBe('user_inactive');
    expect(await codeOf(() => core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: 'ACC1', value: '4' }, a))).toBe('user_inactive');
    expect(core.db.prepare('SELECT count(*) AS n FROM interviews').get()).toEqual({ n: 1 });
    // Only the consent answer the start wrote before the deactivation.
    expect(core.db.prepare("SELECT count(*) AS n FROM answers WHERE path <> 'consent'").get()).toEqual({ n: 0 });
  });
});

describe('the command-line operator', () => {
  it('refuses a non-supervisor while the laptop has no active supervisor', async () => {
    const core = makeCore();
    cores.push(core);
    const first = () => core.services.users.createUserByOperator({ code: 'DTV01', name: 'A', role: 'surveyor', secret: '5829' });
    expect(await codeOf(first)).toBe('first_user_not_supervisor');
    expect(core.services.users.needsSetup()).toBe(true);
    await core.services.users.createUserByOperator({ code: 'GS01', name: 'G', role: 'supervisor', secret: '48213957' });
    expect((await first()).code).toBe('DTV01');
  });
});
