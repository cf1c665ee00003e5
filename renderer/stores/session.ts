// Session slice: what the laptop needs (setup or sign-in) and who is signed in. Every action
// goes through the contract; the main process decides, this slice only mirrors its answers.
import type { StateCreator } from 'zustand';
import type { ContractError, KhaosatApi, User } from '../../shared/contract';

/** `recovery`: the database is lost (missing or empty beside backups) and a backup can be restored. */
export type SessionStatus = 'loading' | 'unavailable' | 'recovery' | 'needsSetup' | 'signedOut' | 'signedIn';

export interface SessionSlice {
  status: SessionStatus;
  user: User | null;
  deviceId: string | null;
  /** The label batch file names carry (KS-…), from app:status. */
  deviceLabel: string | null;
  /** This laptop's signing-key fingerprint (XXXX-…), null before the key exists. */
  deviceFingerprint: string | null;
  busy: boolean;
  error: ContractError | null;
  /** Asks the core for the current state (first render, retry). */
  loadStatus: () => Promise<void>;
  signIn: (code: string, secret: string) => Promise<boolean>;
  signOut: () => Promise<void>;
  createFirstSupervisor: (input: { code: string; name: string; secret: string }) => Promise<boolean>;
  clearError: () => void;
}

export const createSessionSlice =
  (api: KhaosatApi): StateCreator<SessionSlice, [], [], SessionSlice> =>
  (set, get) => {
    /** Runs one call with the busy flag; a second submit while busy is ignored. */
    async function run<T>(call: () => Promise<{ ok: true; value: T } | { ok: false; error: ContractError }>) {
      if (get().busy) return null;
      set({ busy: true, error: null });
      const result = await call();
      if (!result.ok) {
        set({ busy: false, error: result.error });
        return null;
      }
      set({ busy: false });
      return result;
    }

    return {
      status: 'loading',
      user: null,
      deviceId: null,
      deviceLabel: null,
      deviceFingerprint: null,
      busy: false,
      error: null,

      loadStatus: async () => {
        set({ status: 'loading', error: null });
        const result = await api.status({});
        if (!result.ok) {
          if (result.error.code === 'database_missing') return set({ status: 'recovery', user: null, error: result.error });
          return set({ status: 'unavailable', error: result.error });
        }
        const { user, needsSetup, deviceId, deviceLabel, deviceFingerprint } = result.value;
        set({ deviceId, deviceLabel, deviceFingerprint, user, status: needsSetup ? 'needsSetup' : user ? 'signedIn' : 'signedOut' });
      },

      signIn: async (code, secret) => {
        const result = await run(() => api.signIn({ code, secret }));
        if (!result) {
          // The core ends any session on a failed sign-in; mirror it (unless the call was not sent).
          if (get().error) set({ user: null, status: get().status === 'signedIn' ? 'signedOut' : get().status });
          return false;
        }
        set({ user: result.value, status: 'signedIn' });
        return true;
      },

      signOut: async () => {
        const result = await run(() => api.signOut({}));
        // Signed out already (the host restarted, or the account was deactivated meanwhile and
        // the main process ended the session) is still signed out.
        const code = get().error?.code;
        if (result || code === 'not_signed_in' || code === 'user_inactive') set({ user: null, status: 'signedOut', error: null });
      },

      createFirstSupervisor: async (input) => {
        const result = await run(() => api.createFirstSupervisor(input));
        if (!result) {
          // Another window finished setup first: go to sign-in instead of a dead end.
          if (get().error?.code === 'setup_done') set({ status: 'signedOut' });
          return false;
        }
        set({ user: result.value, status: 'signedIn' });
        return true;
      },

      clearError: () => set({ error: null }),
    };
  };

export const selectStatus = (s: SessionSlice) => s.status;
export const selectUser = (s: SessionSlice) => s.user;
export const selectDeviceId = (s: SessionSlice) => s.deviceId;
export const selectDeviceLabel = (s: SessionSlice) => s.deviceLabel;
export const selectDeviceFingerprint = (s: SessionSlice) => s.deviceFingerprint;
export const selectBusy = (s: SessionSlice) => s.busy;
export const selectError = (s: SessionSlice) => s.error;
export const selectIsSignedIn = (s: SessionSlice) => s.status === 'signedIn' && s.user !== null;
