// Which tab of the supervisor's home is open. Kept in the store (not the component) so it survives
// leaving and coming back to the home screen during a session; a new sign-in starts on review.
import type { StateCreator } from 'zustand';

export const SUPERVISOR_TABS = ['review', 'export', 'packages', 'users', 'laptop'] as const;
export type SupervisorTab = (typeof SUPERVISOR_TABS)[number];

export interface SupervisorTabsSlice {
  supervisorTab: SupervisorTab;
  showSupervisorTab: (tab: SupervisorTab) => void;
  resetSupervisorTab: () => void;
}

export const createSupervisorTabsSlice: StateCreator<SupervisorTabsSlice, [], [], SupervisorTabsSlice> = (set) => ({
  supervisorTab: 'review',
  showSupervisorTab: (tab) => set({ supervisorTab: tab }),
  resetSupervisorTab: () => set({ supervisorTab: 'review' }),
});

export const selectSupervisorTab = (s: SupervisorTabsSlice) => s.supervisorTab;
