// The analyst's home after sign-in: the key bar (none → chosen, fingerprints), the four tabs as an
// accessible tablist moved with the arrow keys, and the indices slot the lead fills with charts.
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type AnalystKeys } from '../../shared/contract';
import { ANALYST, dashboard } from './fake-analysis';
import { failure, fakeApi, ok, statusOf } from './fake-api';
import { renderApp, useCleanPage } from './render-app';

useCleanPage();

const KEYS: AnalystKeys = {
  recipient: `age1${'q'.repeat(58)}`,
  recipientFingerprint: '4F2A-9C1B-07D3-55E0-A1B2-C3D4-E5F6-0718',
  signingFingerprint: '1111-2222-3333-4444-5555-6666-7777-8888',
  protection: 'safe-storage',
  chosenAt: '2026-12-01T03:00:00.000Z',
};

function analystApi(over: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    status: statusOf(false, ANALYST),
    analysisKeys: async () => ok({ keys: null, store: '/home/ha/.config/KhaoSat/analyst.sqlite' }),
    listConflicts: async () => ok({ total: 0, conflicts: [] }),
    fieldworkDashboard: async () => ok(dashboard()),
    ...over,
  });
}

describe('AnalystHome', () => {
  it('shows the tabs as a tablist; arrows, Home and End move the selection and the focus', async () => {
    const { user } = renderApp(analystApi());
    const tablist = await screen.findByRole('tablist', { name: 'Công việc của nhà phân tích' });
    const tabs = within(tablist).getAllByRole('tab');
    expect(tabs.map((t) => t.textContent)).toEqual(['Nhập dữ liệu', 'Tiến độ', 'Chỉ số', 'Xuất dữ liệu']);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Nhập dữ liệu' })).toBeTruthy();
    tabs[0]!.focus();
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[1]);
    expect(tabs[1]!.getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('tabpanel', { name: 'Tiến độ' })).toBeTruthy();
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(tabs[3]);
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toBe(tabs[0]);
    await user.keyboard('{ArrowLeft}');
    expect(tabs[3]!.getAttribute('aria-selected')).toBe('true');
    await user.keyboard('{Home}');
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
    // Only the selected tab is in the Tab order.
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
  });

  it('the indices tab asks analysis:report only when opened, and shows its refusal in Vietnamese', async () => {
    const requests: unknown[] = [];
    const api = analystApi({
      indexReport: async (req: unknown) => {
        requests.push(req);
        return { ok: false, error: { code: 'analysis_not_ready', message: 'Chưa đăng ký bảng hỏi của khảo sát', messageEn: 'no form is registered', issues: [] } };
      },
    });
    const { user } = renderApp(api);
    await screen.findByRole('tab', { name: 'Chỉ số' });
    expect(requests).toHaveLength(0);
    await user.click(screen.getByRole('tab', { name: 'Chỉ số' }));
    const panel = screen.getByRole('tabpanel', { name: 'Chỉ số' });
    expect(await within(panel).findByText(/Chưa đăng ký bảng hỏi của khảo sát/)).toBeTruthy();
    expect(requests).toEqual([{ filters: {} }]);
  });

  it('no keys: says so and how to get them; choosing the folder shows both fingerprints and the protection', async () => {
    const api = analystApi({ chooseAnalystKeys: async () => ok({ cancelled: false, keys: KEYS }) });
    const { user } = renderApp(api);
    expect(await screen.findByText(/Chưa chọn khóa\. Hãy chọn thư mục khóa tạo bằng lệnh khaosat keys generate/)).toBeTruthy();
    expect(screen.getByText('Kho dữ liệu phân tích: /home/ha/.config/KhaoSat/analyst.sqlite')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Chọn thư mục khóa' }));
    expect(await screen.findByText(KEYS.recipientFingerprint)).toBeTruthy();
    expect(screen.getByText(KEYS.signingFingerprint!)).toBeTruthy();
    expect(screen.getByText('được bảo vệ bằng kho khóa của hệ thống')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Đổi thư mục khóa' })).toBeTruthy();
  });

  it('a cancelled key dialog says the keys did not change; a refusal is shown in Vietnamese', async () => {
    const answers = [ok({ cancelled: true, keys: null }), failure('key_unavailable')];
    const { user } = renderApp(analystApi({ chooseAnalystKeys: async () => answers.shift()! }));
    const button = await screen.findByRole('button', { name: 'Chọn thư mục khóa' });
    await user.click(button);
    const keys = screen.getByRole('region', { name: 'Khóa của nhà phân tích' });
    expect(within(keys).getByRole('status').textContent).toBe('Chưa chọn thư mục; khóa không thay đổi.');
    await act(async () => user.click(button));
    expect(within(keys).getByRole('alert').textContent).toBe(ERROR_MESSAGES.key_unavailable.vi);
  });
});
