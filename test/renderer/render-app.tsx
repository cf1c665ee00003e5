// Renders the whole shell over a fake api, the way main.tsx does over the real one.
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach } from 'vitest';
import { App } from '../../renderer/app/App';
import { resetLanguage } from '../../renderer/i18n';
import { AppStoreProvider, createAppStore } from '../../renderer/stores';
import type { FakeApi } from './fake-api';

export function renderApp(api: FakeApi) {
  const store = createAppStore(api);
  const user = userEvent.setup();
  const view = render(
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>,
  );
  return { store, user, ...view };
}

/** Each test starts in Vietnamese with empty storage and an empty document. */
export function useCleanPage() {
  beforeEach(() => {
    localStorage.clear();
    resetLanguage();
  });
  afterEach(() => cleanup());
}

/** Opens a tab of the supervisor's home by its accessible name, as a person would with a click. */
export async function openSupervisorTab(user: ReturnType<typeof userEvent.setup>, name: string | RegExp) {
  await user.click(await screen.findByRole('tab', { name }));
}
