// "Tiến độ": the fieldwork dashboard — totals and response rate, outcomes in Vietnamese, by unit
// (names, code, completed / interviews / quota / percent of quota in the service's order, a total
// row), by surveyor and day, flagged interviews and missing batches; reloaded on demand; an empty
// store and a refusal said plainly.
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ProgressTab } from '../../renderer/features/analyst/ProgressTab';
import { languageStore } from '../../renderer/i18n';
import { AppStoreProvider, createAppStore } from '../../renderer/stores';
import { ERROR_MESSAGES, type KhaosatApi } from '../../shared/contract';
import { dashboard, INTERVIEW, LAPTOP } from './fake-analysis';
import { failure, fakeApi, ok } from './fake-api';
import { useCleanPage } from './render-app';

useCleanPage();

function show(fieldworkDashboard: KhaosatApi['fieldworkDashboard'], active = true) {
  const api = fakeApi({ fieldworkDashboard });
  const view = render(
    <AppStoreProvider store={createAppStore(api)}>
      <ProgressTab active={active} />
    </AppStoreProvider>,
  );
  return { api, user: userEvent.setup(), view };
}

// Role queries over every row are slow in jsdom under load: the table by its accessible name, its
// cells by tag.
const cells = (name: string) =>
  [...screen.getByRole('table', { name }).querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent).filter((t) => t !== ''));

describe('ProgressTab', () => {
  it('shows the totals, outcomes, units against quotas, surveyors, days, flags and gaps', async () => {
    show(async () => ok(dashboard()));
    await screen.findByText('Tỷ lệ trả lời');
    const totals = Object.fromEntries([...document.querySelectorAll('.totals div')].map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]));
    expect(totals).toEqual({ 'Phỏng vấn': '50', 'Hoàn thành': '40', 'Tỷ lệ trả lời': '83,3%', Máy: '2', 'Lô đã nhập': '3', 'Xung đột chưa xử lý': '1' });
    expect(cells('Kết quả phỏng vấn')).toEqual([['Hoàn thành', '40'], ['Từ chối', '6'], ['Không có nhà', '2'], ['Không đủ điều kiện', '2']]);
    // Names from the frame beside their codes, furthest behind first (the service's order kept); a
    // code the frame does not name is shown as the code; no quota is a dash.
    expect(cells('Theo đơn vị')).toEqual([
      ['Xã Long Hòa', '26737', '12', '17', '20', '60%'],
      ['Phường Bến Thành', '26734', '25', '28', '32', '78,1%'],
      ['99999', '99999', '3', '5', '—', '—'],
    ]);
    const foot = [...screen.getByRole('table', { name: 'Theo đơn vị' }).querySelectorAll('tfoot tr > *')].map((c) => c.textContent).filter((t) => t !== '');
    expect(foot).toEqual(['Tổng cộng', '40', '50', '52', '71,2%']);
    expect(screen.getByText('Đơn vị chậm nhất so với chỉ tiêu ở trên cùng; đơn vị không có chỉ tiêu ở cuối, theo tên.')).toBeTruthy();
    expect(cells('Theo điều tra viên')).toEqual([['DTV01', '21', '26'], ['DTV02', '19', '24']]);
    // Days as Vietnamese write them, dd/mm/yyyy.
    expect(cells('Theo ngày')).toEqual([['30/11/2026', '40', '50']]);
    expect(cells('Phỏng vấn bị cảnh báo')).toEqual([[INTERVIEW, 'Phường Bến Thành', 'DTV01', 'Quá ngắn']]);
    expect(cells('Lô còn thiếu theo máy')).toEqual([[LAPTOP, '2, 5']]);
  }, 20_000);

  it('loads only when shown, and again on Tải lại', async () => {
    const answers = [ok(dashboard()), ok(dashboard({ totals: { total: 51, completed: 41, responseRate: 83.7, devices: 2, batches: 4, unresolvedConflicts: 0, quota: 52, quotaPercent: 71.2 } }))];
    const { api, user, view } = show(async () => answers.shift()!, false);
    expect(api.fieldworkDashboard).not.toHaveBeenCalled();
    view.rerender(
      <AppStoreProvider store={createAppStore(api)}>
        <ProgressTab active />
      </AppStoreProvider>,
    );
    await screen.findByText('83,3%');
    await user.click(screen.getByRole('button', { name: 'Tải lại' }));
    await screen.findByText('83,7%');
    expect(api.fieldworkDashboard).toHaveBeenCalledTimes(2);
  });

  it('an empty store says nothing was imported; no form means no flags, said so', async () => {
    const answers = [
      ok(dashboard({ totals: { total: 0, completed: 0, responseRate: null, devices: 0, batches: 0, unresolvedConflicts: 0, quota: null, quotaPercent: null }, outcomes: [], byUnit: [], bySurveyor: [], byDay: [], gaps: [], flags: null })),
      ok(dashboard({ flags: null })),
    ];
    const { user } = show(async () => answers.shift()!);
    expect(await screen.findByText('Chưa có phỏng vấn nào được nhập.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Tải lại' }));
    expect(await screen.findByText('Cần đăng ký bảng hỏi (gói khảo sát) để tính cảnh báo chất lượng.')).toBeTruthy();
  });

  it('without quotas: every Unit a dash, the order said to be by name; English names when English is chosen', async () => {
    act(() => languageStore.getState().setLanguage('en'));
    const byUnit = dashboard().byUnit.map((u) => ({ ...u, quota: null, percent: null }));
    show(async () => ok(dashboard({ byUnit, totals: { ...dashboard().totals, quota: null, quotaPercent: null } })));
    await screen.findByText('Response rate');
    expect(cells('By unit')).toEqual([
      ['Long Hoa Commune', '26737', '12', '17', '—', '—'],
      ['Ben Thanh Ward', '26734', '25', '28', '—', '—'],
      ['99999', '99999', '3', '5', '—', '—'],
    ]);
    expect(screen.getByText('The survey package has no quotas: units by name.')).toBeTruthy();
    const foot = [...screen.getByRole('table', { name: 'By unit' }).querySelectorAll('tfoot tr > *')].map((c) => c.textContent).filter((t) => t !== '');
    expect(foot).toEqual(['Total', '40', '50', '—', '—']);
  });

  it('a refusal is shown in Vietnamese', async () => {
    show(async () => failure('analysis_not_ready'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe(ERROR_MESSAGES.analysis_not_ready.vi));
  });
});
