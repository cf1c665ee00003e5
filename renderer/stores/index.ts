// The app store: feature slices combined into one zustand store, made per app instance (so tests
// get a fresh one) and handed to components through context.
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { KhaosatApi } from '../../shared/contract';
import { createRecoverySlice, type RecoverySlice } from './recovery';
import { createReviewSlice, type ReviewSlice } from './review';
import { createSessionSlice, type SessionSlice } from './session';
import { createSurveyorSlice, type SurveyorSlice } from './surveyor';
import { createSupervisorTabsSlice, type SupervisorTabsSlice } from './supervisorTabs';
import { createUsersSlice, type UsersSlice } from './users';

/** `api`: for small panels that call one operation and keep their result to themselves. */
export type AppState = SessionSlice & UsersSlice & RecoverySlice & SurveyorSlice & ReviewSlice & SupervisorTabsSlice & { api: KhaosatApi };
export type AppStore = StoreApi<AppState>;

export function createAppStore(api: KhaosatApi): AppStore {
  const store = createStore<AppState>()((...a) => ({
    ...createSessionSlice(api)(...a),
    ...createUsersSlice(api)(...a),
    ...createRecoverySlice(api)(...a),
    ...createSurveyorSlice(api)(...a),
    ...createReviewSlice(api)(...a),
    ...createSupervisorTabsSlice(...a),
    api,
  }));
  // Another person at the same laptop must not see the list the last supervisor loaded.
  store.subscribe((state, previous) => {
    if (state.user?.id !== previous.user?.id) {
      state.resetUsers();
      state.resetSurveyor();
      state.resetReview();
      state.resetSupervisorTab();
    }
  });
  return store;
}

const AppStoreContext = createContext<AppStore | null>(null);

export function AppStoreProvider({ store, children }: { store: AppStore; children: ReactNode }) {
  return createElement(AppStoreContext.Provider, { value: store }, children);
}

export function useAppStore<T>(selector: (state: AppState) => T): T {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore outside <AppStoreProvider>');
  return useStore(store, selector);
}

export * from './recovery';
export * from './review';
export * from './session';
export * from './users';
export * from './surveyor';
export * from './supervisorTabs';
