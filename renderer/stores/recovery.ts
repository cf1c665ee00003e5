// Recovery slice: when the database is lost (the core answers database_missing), the backups the
// main process found and restoring one. The main process verifies and restores; this slice only
// mirrors its answers and, after a restore, asks for the status again.
import type { StateCreator } from 'zustand';
import type { ContractError, KhaosatApi, ResponseOf } from '../../shared/contract';
import type { SessionSlice } from './session';

export type BackupSummary = ResponseOf<'recovery:status'>['backups'][number];

export interface RecoverySlice {
  /** Backups newest first, as last listed; null until listed. */
  backups: BackupSummary[] | null;
  backupsLoading: boolean;
  /** The name of the backup being restored; a second click meanwhile is ignored. */
  restoring: string | null;
  recoveryError: ContractError | null;
  loadBackups: () => Promise<void>;
  restoreBackup: (name: string) => Promise<boolean>;
}

export const createRecoverySlice =
  (api: KhaosatApi): StateCreator<RecoverySlice & SessionSlice, [], [], RecoverySlice> =>
  (set, get) => ({
    backups: null,
    backupsLoading: false,
    restoring: null,
    recoveryError: null,

    loadBackups: async () => {
      set({ backupsLoading: true, recoveryError: null });
      const result = await api.recoveryStatus({});
      if (!result.ok) return set({ backupsLoading: false, recoveryError: result.error });
      set({ backupsLoading: false, backups: result.value.backups });
      // Restored meanwhile (e.g. with `khaosat backup restore`): carry on as for any start.
      if (!result.value.needed) await get().loadStatus();
    },

    restoreBackup: async (name) => {
      if (get().restoring) return false;
      set({ restoring: name, recoveryError: null });
      const result = await api.restoreBackup({ name });
      if (!result.ok) {
        set({ restoring: null, recoveryError: result.error });
        return false;
      }
      set({ restoring: null, backups: null });
      // The real core is open now: first-run, sign-in or home, as for any start.
      await get().loadStatus();
      return true;
    },
  });
