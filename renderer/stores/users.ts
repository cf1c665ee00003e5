// Users slice: the people registered on this laptop, as a supervisor sees them, and registering
// one more. The main process decides who may list or create users; this slice mirrors its answers.
import type { StateCreator } from 'zustand';
import type { ContractError, KhaosatApi, ManagedUser, Result, Role, User } from '../../shared/contract';

export interface NewUser {
  code: string;
  name: string;
  role: Role;
  secret: string;
}

/** What a supervisor can do to a user from the users table. */
export type UserAction = 'unlock' | 'deactivate' | 'reactivate';

export interface UsersSlice {
  /** Users as the core last listed them (with active and locked state); null until the first list arrives. */
  users: ManagedUser[] | null;
  usersLoading: boolean;
  /** A registration is in flight; a second submit is ignored meanwhile. */
  userCreating: boolean;
  /** The last refusal of a list or create call, to show in the users panel. */
  usersError: ContractError | null;
  loadUsers: () => Promise<void>;
  /**
   * The core's answer (a refusal is also kept in `usersError`), or null when the call was not
   * made because another registration was still in flight.
   */
  createUser: (input: NewUser) => Promise<Result<User> | null>;
  /** The user an unlock/deactivate/reactivate/reset is in flight for; other actions wait. */
  userActionFor: number | null;
  /** The last refusal of an action on a listed user, shown beside the table. */
  userActionError: ContractError | null;
  /** Unlock, deactivate or reactivate; the list is re-read after a success. Null when not sent. */
  actOnUser: (action: UserAction, userId: number) => Promise<Result<ManagedUser> | null>;
  /** A supervisor's new PIN/password for a user (also lifts a lock). Null when not sent. */
  resetUserSecret: (userId: number, secret: string) => Promise<Result<ManagedUser> | null>;
  /** Forgets the list, e.g. when whoever was signed in changes. */
  resetUsers: () => void;
}

export const initialUsersState = {
  users: null,
  usersLoading: false,
  userCreating: false,
  usersError: null,
  userActionFor: null,
  userActionError: null,
} satisfies Partial<UsersSlice>;

export const createUsersSlice =
  (api: KhaosatApi): StateCreator<UsersSlice, [], [], UsersSlice> =>
  (set, get) => {
    // Bumped by resetUsers: an answer to a call made before the reset (the supervisor signed out
    // meanwhile) is dropped instead of filling the list for whoever comes next.
    let epoch = 0;

    /** One action on a listed user at a time; the core's list is re-read after it succeeds. */
    async function runOnUser(userId: number, call: () => Promise<Result<ManagedUser>>): Promise<Result<ManagedUser> | null> {
      if (get().userActionFor !== null) return null;
      const asked = epoch;
      set({ userActionFor: userId, userActionError: null });
      const result = await call();
      if (asked !== epoch) return null;
      set({ userActionFor: null, userActionError: result.ok ? null : result.error });
      if (result.ok) await get().loadUsers();
      return result;
    }

    return {
      ...initialUsersState,

      loadUsers: async () => {
        const asked = epoch;
        set({ usersLoading: true, usersError: null });
        const result = await api.listUsers({});
        if (asked !== epoch) return;
        if (!result.ok) return set({ usersLoading: false, usersError: result.error });
        set({ usersLoading: false, users: result.value });
      },

      createUser: async (input) => {
        if (get().userCreating) return null;
        set({ userCreating: true, usersError: null });
        const asked = epoch;
        const result = await api.createUser(input);
        if (asked !== epoch) return null;
        if (!result.ok) {
          set({ userCreating: false, usersError: result.error });
          return result;
        }
        set({ userCreating: false });
        // The core's list is the truth (order, other windows' additions); show it, not a local guess.
        await get().loadUsers();
        return result;
      },

      actOnUser: async (action, userId) => {
        const call =
          action === 'unlock' ? () => api.unlockUser({ userId }) : () => api.setUserActive({ userId, active: action === 'reactivate' });
        return runOnUser(userId, call);
      },

      resetUserSecret: (userId, secret) => runOnUser(userId, () => api.resetUserSecret({ userId, secret })),

      resetUsers: () => {
        epoch += 1;
        set({ ...initialUsersState });
      },
    };
  };

export const selectUsers = (s: UsersSlice) => s.users;
export const selectUsersLoading = (s: UsersSlice) => s.usersLoading;
export const selectUserCreating = (s: UsersSlice) => s.userCreating;
export const selectUsersError = (s: UsersSlice) => s.usersError;
export const selectUserActionFor = (s: UsersSlice) => s.userActionFor;
export const selectUserActionError = (s: UsersSlice) => s.userActionError;
