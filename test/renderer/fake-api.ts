// A stand-in for the core behind the contract: every method answers "internal" unless a test
// gives it behaviour, and every call is recorded.
import { vi } from 'vitest';
import {
  contractError,
  OPERATION_NAMES,
  operations,
  type ErrorCode,
  type KhaosatApi,
  type ManagedUser,
  type Result,
  type User,
} from '../../shared/contract';

export type FakeApi = { [K in keyof KhaosatApi]: ReturnType<typeof vi.fn<KhaosatApi[K]>> };

export function fakeApi(overrides: Partial<KhaosatApi> = {}): FakeApi {
  const api: Record<string, unknown> = {};
  for (const name of OPERATION_NAMES) {
    const method = operations[name].method as keyof KhaosatApi;
    api[method] = vi.fn(overrides[method] ?? (async () => failure('internal')));
  }
  return api as FakeApi;
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const failure = (code: ErrorCode): Result<never> => ({ ok: false, error: contractError(code) });

export const DEVICE_ID = '0b8e8f0e-5b7a-4c1e-9a55-3f1d2c9b7e10';

export const SURVEYOR: User = { id: 2, code: 'DTV001', name: 'Trần Văn Minh', role: 'surveyor', active: true };
export const SUPERVISOR: User = { id: 1, code: 'GS001', name: 'Nguyễn Thị Lan', role: 'supervisor', active: true };

/**
 * `listUsers`, `createUser` and the supervisor's actions over an in-memory list, refusing a code
 * already taken the way the core does. Pass them to fakeApi; `users` shows what the "core" holds.
 */
export function userDirectory(initial: (User | ManagedUser)[] = [SUPERVISOR, SURVEYOR]) {
  const users: ManagedUser[] = initial.map((u) => ({ lockedUntil: null, ...u }));
  const listUsers: KhaosatApi['listUsers'] = async () => ok(users.map((u) => ({ ...u })));
  const createUser: KhaosatApi['createUser'] = async ({ code, name, role }) => {
    if (users.some((u) => u.code === code)) return failure('duplicate_code');
    const user: User = { id: Math.max(0, ...users.map((u) => u.id)) + 1, code, name, role, active: true };
    users.push({ ...user, lockedUntil: null });
    return ok(user);
  };
  const change = (userId: number, patch: Partial<ManagedUser>): Result<ManagedUser> => {
    const found = users.find((u) => u.id === userId);
    if (!found) return failure('not_found');
    Object.assign(found, patch);
    return ok({ ...found });
  };
  const unlockUser: KhaosatApi['unlockUser'] = async ({ userId }) => change(userId, { lockedUntil: null });
  const setUserActive: KhaosatApi['setUserActive'] = async ({ userId, active }) => change(userId, { active });
  const resetUserSecret: KhaosatApi['resetUserSecret'] = async ({ userId }) => change(userId, { lockedUntil: null });
  return { users, listUsers, createUser, unlockUser, setUserActive, resetUserSecret };
}

export function statusOf(needsSetup: boolean, user: User | null = null) {
  return async () => ok({ version: '0.1.0', deviceId: DEVICE_ID, needsSetup, user });
}

/** A promise the test settles by hand, to look at the screen while a call is in flight. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
