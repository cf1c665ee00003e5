// The users slice as a plain store, without React: the list and registrations mirror the core.
import { describe, expect, it } from 'vitest';
import {
  createAppStore,
  selectUserActionError,
  selectUserCreating,
  selectUsers,
  selectUsersError,
  selectUsersLoading,
} from '../../renderer/stores';
import { contractError, type ManagedUser, type Result, type User } from '../../shared/contract';
import { deferred, failure, fakeApi, ok, statusOf, SUPERVISOR, SURVEYOR, userDirectory } from './fake-api';

const NEW_SURVEYOR = { code: 'DTV002', name: 'Lê Thị Hoa', role: 'surveyor', secret: '482913' } as const;

async function supervisorStore(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ status: statusOf(false, SUPERVISOR), ...overrides });
  const store = createAppStore(api);
  await store.getState().loadStatus();
  return { api, store };
}

describe('users store', () => {
  it('knows no users until the core has listed them', async () => {
    const { store } = await supervisorStore(userDirectory());
    expect(selectUsers(store.getState())).toBeNull();
    const loading = store.getState().loadUsers();
    expect(selectUsersLoading(store.getState())).toBe(true);
    await loading;
    expect(selectUsers(store.getState())).toEqual([SUPERVISOR, SURVEYOR].map((u) => ({ ...u, lockedUntil: null })));
    expect(selectUsersLoading(store.getState())).toBe(false);
  });

  it('unlocks, deactivates and resets through the core, one at a time, and re-reads the list after each', async () => {
    const directory = userDirectory([SUPERVISOR, { ...SURVEYOR, lockedUntil: '2025-07-01T08:05:00.000Z' }]);
    const { api, store } = await supervisorStore(directory);
    await store.getState().loadUsers();
    expect((await store.getState().actOnUser('unlock', SURVEYOR.id))?.ok).toBe(true);
    expect(api.unlockUser).toHaveBeenCalledWith({ userId: SURVEYOR.id });
    expect(selectUsers(store.getState())!.find((u) => u.id === SURVEYOR.id)!.lockedUntil).toBeNull();
    await store.getState().actOnUser('deactivate', SURVEYOR.id);
    expect(api.setUserActive).toHaveBeenCalledWith({ userId: SURVEYOR.id, active: false });
    expect(selectUsers(store.getState())!.find((u) => u.id === SURVEYOR.id)!.active).toBe(false);
    await store.getState().resetUserSecret(SURVEYOR.id, '5829');
    expect(api.resetUserSecret).toHaveBeenCalledWith({ userId: SURVEYOR.id, secret: '5829' });
    expect(api.listUsers).toHaveBeenCalledTimes(4);
  });

  it('keeps a refused action for the panel and sends no second action while one is in flight', async () => {
    const pending = deferred<Result<ManagedUser>>();
    const { api, store } = await supervisorStore({ ...userDirectory(), unlockUser: () => pending.promise });
    const first = store.getState().actOnUser('unlock', SURVEYOR.id);
    expect(await store.getState().actOnUser('deactivate', SURVEYOR.id)).toBeNull();
    expect(api.setUserActive).not.toHaveBeenCalled();
    pending.resolve(failure('cannot_deactivate_self'));
    await first;
    expect(selectUserActionError(store.getState())?.code).toBe('cannot_deactivate_self');
  });

  it('registers a user and then shows the list as the core has it', async () => {
    const { api, store } = await supervisorStore(userDirectory());
    await store.getState().loadUsers();
    const result = await store.getState().createUser(NEW_SURVEYOR);
    expect(api.createUser).toHaveBeenCalledWith(NEW_SURVEYOR);
    expect(result).toMatchObject({ ok: true, value: { code: 'DTV002', role: 'surveyor' } });
    expect(api.listUsers).toHaveBeenCalledTimes(2);
    expect(selectUsers(store.getState())?.map((u) => u.code)).toEqual(['GS001', 'DTV001', 'DTV002']);
    expect(selectUsersError(store.getState())).toBeNull();
  });

  it('keeps a refused registration as the error to show and leaves the list alone', async () => {
    const { api, store } = await supervisorStore(userDirectory());
    await store.getState().loadUsers();
    const result = await store.getState().createUser({ ...NEW_SURVEYOR, code: 'DTV001' });
    expect(result).toEqual({ ok: false, error: contractError('duplicate_code') });
    expect(selectUsersError(store.getState())?.code).toBe('duplicate_code');
    expect(selectUserCreating(store.getState())).toBe(false);
    expect(selectUsers(store.getState())).toHaveLength(2);
    expect(api.listUsers).toHaveBeenCalledTimes(1);
  });

  it('keeps a refused list as the error to show', async () => {
    const { store } = await supervisorStore({ listUsers: async () => failure('forbidden') });
    await store.getState().loadUsers();
    expect(selectUsersError(store.getState())?.code).toBe('forbidden');
    expect(selectUsers(store.getState())).toBeNull();
  });

  it('is busy while a registration is in flight and ignores a second submit', async () => {
    const pending = deferred<Result<User>>();
    const { api, store } = await supervisorStore({ ...userDirectory(), createUser: () => pending.promise });
    const first = store.getState().createUser(NEW_SURVEYOR);
    expect(selectUserCreating(store.getState())).toBe(true);
    expect(await store.getState().createUser(NEW_SURVEYOR)).toBeNull();
    expect(api.createUser).toHaveBeenCalledTimes(1);
    pending.resolve(ok({ id: 3, code: 'DTV002', name: 'Lê Thị Hoa', role: 'surveyor', active: true }));
    expect((await first)?.ok).toBe(true);
    expect(selectUserCreating(store.getState())).toBe(false);
  });

  it('forgets the list when the supervisor signs out, even an answer still on its way', async () => {
    const pending = deferred<Result<ManagedUser[]>>();
    const { store } = await supervisorStore({
      ...userDirectory(),
      signOut: async () => ok({ signedOut: true as const }),
    });
    await store.getState().loadUsers();
    expect(selectUsers(store.getState())).toHaveLength(2);
    await store.getState().signOut();
    expect(selectUsers(store.getState())).toBeNull();

    // A list asked for before a sign-out must not fill the screen of whoever signs in next.
    const late = await supervisorStore({ listUsers: () => pending.promise, signOut: async () => ok({ signedOut: true as const }) });
    const loading = late.store.getState().loadUsers();
    await late.store.getState().signOut();
    pending.resolve(ok([SUPERVISOR, SURVEYOR].map((u) => ({ ...u, lockedUntil: null }))));
    await loading;
    expect(selectUsers(late.store.getState())).toBeNull();
    expect(selectUsersLoading(late.store.getState())).toBe(false);
  });
});
