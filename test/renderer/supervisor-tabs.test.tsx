// The supervisor's home as tabs, through roles and the keyboard: review first with the number of
// interviews waiting, ←/→ and Home/End move between tabs (focus and panel follow), only the open
// panel shows, the open tab is kept while the session lasts and a new sign-in starts on review;
// "Máy này" shows the label, device id and the key fingerprint in groups, as the export panel does.
import { act, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { AppStoreProvider } from '../../renderer/stores';
import { DEVICE_FINGERPRINT, DEVICE_ID, DEVICE_LABEL, fakeApi, ok, reviewQueue, reviewRow, statusOf, SUPERVISOR, userDirectory } from './fake-api';
import { renderApp, useCleanPage } from './render-app';

useCleanPage();

function renderHome(rows = [reviewRow(1), reviewRow(2)]) {
  const queue = reviewQueue(rows);
  const api = fakeApi({ status: statusOf(false, SUPERVISOR), ...userDirectory(), ...queue, signOut: async () => ok({ signedOut: true as const }) });
  return { api, queue, ...renderApp(api) };
}

const tabNames = () => screen.getAllByRole('tab').map((t) => t.textContent);
const selected = () => screen.getAllByRole('tab').filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.id);
const visiblePanels = () => screen.getAllByRole('tabpanel').map((p) => p.id);

describe('supervisor home tabs', { timeout: 20_000 }, () => {
  it('opens on review, which comes first and says how many interviews wait; only its panel shows', async () => {
    renderHome();
    const list = await screen.findByRole('tablist', { name: 'Công việc của giám sát viên' });
    expect(await screen.findByRole('tab', { name: 'Duyệt phỏng vấn, 2 chờ duyệt' })).toBeTruthy();
    expect(tabNames()).toEqual(['Duyệt phỏng vấn2', 'Xuất dữ liệu', 'Gói khảo sát', 'Người dùng', 'Máy này']);
    expect(within(list).getAllByRole('tab').map((t) => t.getAttribute('tabindex'))).toEqual(['0', '-1', '-1', '-1', '-1']);
    expect(selected()).toEqual(['tab-review']);
    expect(visiblePanels()).toEqual(['tabpanel-review']);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe('tab-review');
    expect(within(panel).getByRole('grid', { name: 'Duyệt phỏng vấn' })).toBeTruthy();
    // The other panels are in the page (their state survives) but hidden from everyone.
    expect(screen.queryByRole('heading', { name: 'Người dùng trên máy này' })).toBeNull();
    expect(document.getElementById('tabpanel-users')?.hidden).toBe(true);
  });

  it('the count follows the review: approving one with a leaves one waiting', async () => {
    const { user } = renderHome();
    await screen.findByRole('tab', { name: 'Duyệt phỏng vấn, 2 chờ duyệt' });
    screen.getByRole('grid', { name: 'Duyệt phỏng vấn' }).focus();
    await user.keyboard('a');
    expect(await screen.findByRole('tab', { name: 'Duyệt phỏng vấn, 1 chờ duyệt' })).toBeTruthy();
  });

  it('←/→ move to the neighbour tab and wrap; Home and End jump to the ends; focus and panel follow', async () => {
    const { user } = renderHome();
    const review = await screen.findByRole('tab', { name: /Duyệt phỏng vấn/ });
    review.focus();
    await user.keyboard('{ArrowRight}');
    expect(selected()).toEqual(['tab-export']);
    expect(document.activeElement?.id).toBe('tab-export');
    expect(visiblePanels()).toEqual(['tabpanel-export']);
    expect(screen.getByRole('heading', { name: 'Xuất dữ liệu' })).toBeTruthy();
    await user.keyboard('{End}');
    expect(document.activeElement?.id).toBe('tab-laptop');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement?.id).toBe('tab-review');
    await user.keyboard('{ArrowLeft}');
    expect(selected()).toEqual(['tab-laptop']);
    await user.keyboard('{Home}');
    expect(selected()).toEqual(['tab-review']);
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(selected()).toEqual(['tab-users']);
    expect(screen.getByRole('heading', { name: 'Người dùng trên máy này' })).toBeTruthy();
    // Tab leaves the tab list for the open panel (the selected tab is the only tab stop).
    await user.keyboard('{Tab}');
    expect(document.activeElement?.id).toBe('tabpanel-users');
  });

  it('keeps the open tab when the home screen is shown again in the session; a new sign-in starts on review', async () => {
    const { user, store, unmount } = renderHome();
    await user.click(await screen.findByRole('tab', { name: 'Gói khảo sát' }));
    expect(selected()).toEqual(['tab-packages']);
    unmount();
    render(
      <AppStoreProvider store={store}>
        <App />
      </AppStoreProvider>,
    );
    await screen.findByRole('tablist');
    expect(selected()).toEqual(['tab-packages']);
    expect(screen.getByRole('heading', { name: 'Cài gói khảo sát' })).toBeTruthy();
    await act(() => store.getState().signOut());
    await waitFor(() => expect(store.getState().user).toBeNull());
    expect(store.getState().supervisorTab).toBe('review');
  });

  it('"Máy này" shows the label, the device id and the fingerprint in groups read one by one; the export panel shows them too', async () => {
    const { user } = renderHome();
    await user.click(await screen.findByRole('tab', { name: 'Máy này' }));
    const panel = screen.getByRole('tabpanel');
    expect(within(panel).getByRole('heading', { name: 'Thông tin máy này' })).toBeTruthy();
    expect(within(panel).getByText(DEVICE_LABEL)).toBeTruthy();
    expect(within(panel).getByText(DEVICE_ID)).toBeTruthy();
    const groups = within(panel).getByRole('list', { name: 'Vân tay khóa ký' });
    expect(within(groups).getAllByRole('listitem').map((g) => g.textContent)).toEqual(DEVICE_FINGERPRINT.split('-'));
    expect(within(groups).getAllByRole('listitem')[0]!.getAttribute('aria-label')).toBe('nhóm 1: 4 F 2 A');
    await user.click(screen.getByRole('tab', { name: 'Xuất dữ liệu' }));
    const exportPanel = screen.getByRole('tabpanel');
    expect(within(within(exportPanel).getByRole('list', { name: 'Vân tay khóa ký' })).getAllByRole('listitem').map((g) => g.textContent).join('-')).toBe(DEVICE_FINGERPRINT);
    // English after the toggle.
    await user.click(screen.getByRole('button', { name: 'English' }));
    await user.click(screen.getByRole('tab', { name: 'This laptop' }));
    expect(screen.getByRole('list', { name: 'Signing-key fingerprint' })).toBeTruthy();
  });

  it('before the key exists, says it is made at the first export', async () => {
    const api = fakeApi({
      status: async () => ok({ version: '0.1.0', deviceId: DEVICE_ID, deviceLabel: DEVICE_LABEL, deviceFingerprint: null, needsSetup: false, user: SUPERVISOR }),
      ...userDirectory(),
      ...reviewQueue(),
    });
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('tab', { name: 'Máy này' }));
    expect(within(screen.getByRole('tabpanel')).getByText('Chưa có khóa ký: khóa được tạo khi xuất lô đầu tiên.')).toBeTruthy();
  });
});
