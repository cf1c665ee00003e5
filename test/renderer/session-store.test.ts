// The session slice as a plain store, without React: it mirrors what the core answers.
import { describe, expect, it } from 'vitest';
import { createAppStore, selectIsSignedIn, selectUser } from '../../renderer/stores';
import type { Result, User } from '../../shared/contract';
import { deferred, failure, fakeApi, ok, statusOf, SUPERVISOR, SURVEYOR } from './fake-api';

describe('session store', () => {
  it('starts loading and asks the core which screen applies', async () => {
    const cases = [
      { status: statusOf(true), expected: 'needsSetup' },
      { status: statusOf(false), expected: 'signedOut' },
      { status: statusOf(false, SURVEYOR), expected: 'signedIn' },
      { status: async () => failure('foreign_sender'), expected: 'unavailable' },
    ] as const;
    for (const c of cases) {
      const store = createAppStore(fakeApi({ status: c.status }));
      expect(store.getState().status).toBe('loading');
      await store.getState().loadStatus();
      expect(store.getState().status).toBe(c.expected);
    }
  });

  it('signs in: the user from the core becomes the signed-in user', async () => {
    const api = fakeApi({ status: statusOf(false), signIn: async () => ok(SURVEYOR) });
    const store = createAppStore(api);
    await store.getState().loadStatus();
    expect(await store.getState().signIn('DTV001', '135790')).toBe(true);
    expect(api.signIn).toHaveBeenCalledWith({ code: 'DTV001', secret: '135790' });
    expect(selectUser(store.getState())).toEqual(SURVEYOR);
    expect(selectIsSignedIn(store.getState())).toBe(true);
  });

  it('keeps a refused sign-in signed out with the contract error to show', async () => {
    const store = createAppStore(fakeApi({ status: statusOf(false), signIn: async () => failure('locked_out') }));
    await store.getState().loadStatus();
    expect(await store.getState().signIn('DTV001', '0000')).toBe(false);
    const state = store.getState();
    expect(state.status).toBe('signedOut');
    expect(state.user).toBeNull();
    expect(state.error?.code).toBe('locked_out');
    expect(state.busy).toBe(false);
  });

  it('a refused sign-in leaves nobody signed in, as the core ends the session too', async () => {
    const store = createAppStore(fakeApi({ status: statusOf(false, SUPERVISOR), signIn: async () => failure('invalid_credentials') }));
    await store.getState().loadStatus();
    expect(selectUser(store.getState())).toEqual(SUPERVISOR);
    expect(await store.getState().signIn('DTV001', '0001')).toBe(false);
    expect(selectUser(store.getState())).toBeNull();
    expect(selectIsSignedIn(store.getState())).toBe(false);
  });

  it('is busy while a sign-in is in flight and ignores a second submit', async () => {
    const pending = deferred<Result<User>>();
    const api = fakeApi({ status: statusOf(false), signIn: () => pending.promise });
    const store = createAppStore(api);
    await store.getState().loadStatus();
    const first = store.getState().signIn('DTV001', '135790');
    expect(store.getState().busy).toBe(true);
    expect(await store.getState().signIn('DTV001', '135790')).toBe(false);
    expect(api.signIn).toHaveBeenCalledTimes(1);
    pending.resolve(ok(SURVEYOR));
    expect(await first).toBe(true);
    expect(store.getState().busy).toBe(false);
  });

  it.each(['not_signed_in', 'user_inactive'] as const)(
    'sign-out answered %s (the core already ended the session) still lands on the sign-in screen',
    async (code) => {
      const store = createAppStore(fakeApi({ status: statusOf(false, SURVEYOR), signOut: async () => failure(code) }));
      await store.getState().loadStatus();
      await store.getState().signOut();
      expect(store.getState().status).toBe('signedOut');
      expect(store.getState().user).toBeNull();
      expect(store.getState().error).toBeNull();
    },
  );

  it('signs out back to the sign-in screen', async () => {
    const store = createAppStore(fakeApi({ status: statusOf(false, SURVEYOR), signOut: async () => ok({ signedOut: true as const }) }));
    await store.getState().loadStatus();
    await store.getState().signOut();
    expect(store.getState()).toMatchObject({ status: 'signedOut', user: null, error: null });
  });

  it('first-run setup signs the new supervisor in; setup done elsewhere leads to sign-in', async () => {
    const api = fakeApi({ status: statusOf(true), createFirstSupervisor: async () => ok(SUPERVISOR) });
    const store = createAppStore(api);
    await store.getState().loadStatus();
    expect(await store.getState().createFirstSupervisor({ code: 'GS001', name: 'Nguyễn Thị Lan', secret: '24681035' })).toBe(true);
    expect(store.getState()).toMatchObject({ status: 'signedIn', user: SUPERVISOR });

    const raced = createAppStore(fakeApi({ status: statusOf(true), createFirstSupervisor: async () => failure('setup_done') }));
    await raced.getState().loadStatus();
    expect(await raced.getState().createFirstSupervisor({ code: 'GS002', name: 'X', secret: '48213957' })).toBe(false);
    expect(raced.getState().status).toBe('signedOut');
    expect(raced.getState().error?.code).toBe('setup_done');
  });
});
