// The app store: feature slices combined into one zustand store, made per app instance (so tests
// get a fresh one) and handed to components through context.
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { createStore, useStore, type StoreApi } from 'zustand';
import type { KhaosatApi } from '../../shared/contract';
import { createSessionSlice, type SessionSlice } from './session';

export type AppState = SessionSlice;
export type AppStore = StoreApi<AppState>;

export function createAppStore(api: KhaosatApi): AppStore {
  return createStore<AppState>()((...a) => ({
    ...createSessionSlice(api)(...a),
  }));
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

export * from './session';
