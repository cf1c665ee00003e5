// IndicesScreen with fixture reports: the ranking in index order with an interval per Unit, the
// profile and item charts, the filters sent to loadReport, the empty and error messages, print.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { IndicesScreen } from '../../renderer/features/indices/IndicesScreen';
import { languageStore } from '../../renderer/i18n';
import type { IndexReport, ReportFilters } from '../../shared/indices/index-report';
import { fixtureReport } from './index-report-fixture';
import { useCleanPage } from './render-app';

useCleanPage();

function show(loadReport: (f: ReportFilters) => Promise<IndexReport> = async () => fixtureReport(), onPrint = vi.fn()) {
  const load = vi.fn(loadReport);
  render(<IndicesScreen loadReport={load} onPrint={onPrint} />);
  return { load, onPrint };
}

const rows = (chart: Element) => [...chart.querySelectorAll('g.row')];

describe('IndicesScreen', () => {
  it('ranks the Units by overall index, highest first, Units without an index last', async () => {
    show();
    const chart = await screen.findByRole('img', { name: /^Xếp hạng đơn vị theo chỉ số hài lòng chung/ });
    expect(rows(chart).map((r) => r.getAttribute('data-key'))).toEqual(['25747', '26500', '26734', '27001']);
    expect(rows(chart).map((r) => r.querySelector('text')!.textContent)).toEqual(['1. Phường Thủ Dầu Một', '2. Đặc khu Côn Đảo', '3. Phường Sài Gòn', '4. Xã Cần Giờ']);
    // The accessible description names the top and bottom Units and the city.
    expect(chart.querySelector('desc')!.textContent).toContain('Cao nhất: Phường Thủ Dầu Một (Bình Dương cũ: TP. Thủ Dầu Một) (91,2%); thấp nhất: Phường Sài Gòn (78,5%)');
    expect(chart.querySelector('g.reference')!.getAttribute('data-value')).toBe('82.4');
  });

  it('draws each Unit’s 95% interval around its index, on one axis', async () => {
    show();
    const chart = await screen.findByRole('img', { name: /^Xếp hạng/ });
    const drawn = rows(chart)
      .slice(0, 3)
      .map((r) => {
        const ci = r.querySelector('line.ci')!;
        return { lo: Number(ci.getAttribute('data-lo')), hi: Number(ci.getAttribute('data-hi')), x1: Number(ci.getAttribute('x1')), x2: Number(ci.getAttribute('x2')), cx: Number(r.querySelector('circle')!.getAttribute('cx')) };
      });
    expect(drawn.map((d) => [d.lo, d.hi])).toEqual([
      [87.2, 95.2],
      [80, 88],
      [74.5, 82.5],
    ]);
    for (const d of drawn) expect(d.x1).toBeLessThan(d.cx), expect(d.cx).toBeLessThan(d.x2);
    // Same scale for every row: position is linear in the value.
    const slope = (drawn[0]!.x2 - drawn[0]!.x1) / (drawn[0]!.hi - drawn[0]!.lo);
    expect((drawn[2]!.x2 - drawn[1]!.x1) / (drawn[2]!.hi - drawn[1]!.lo)).toBeCloseTo(slope, 6);
    // A Unit without an index gets no interval and says so.
    expect(rows(chart)[3]!.querySelector('line.ci')).toBeNull();
    expect(rows(chart)[3]!.textContent).toContain('không có số liệu');
  });

  it('has a table fallback with the same numbers', async () => {
    show();
    const chart = (await screen.findByRole('img', { name: /^Xếp hạng/ })).closest('figure')!;
    const table = within(chart as HTMLElement).getByRole('table');
    expect(within(table).getAllByRole('row')[1]!.textContent).toBe('1Phường Thủ Dầu Một (Bình Dương cũ: TP. Thủ Dầu Một)91,287,2–95,240');
  });

  it('shows the top Unit’s component profile against the city, and another Unit when chosen', async () => {
    const user = userEvent.setup();
    show();
    const profile = await screen.findByRole('img', { name: /^Chỉ số thành phần: Phường Thủ Dầu Một/ });
    expect(rows(profile).map((r) => r.getAttribute('data-key'))).toEqual(['ACC:unit', 'ACC:city', 'CIV:unit', 'CIV:city']);
    expect(profile.querySelectorAll('path.mark-reference')).toHaveLength(2);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Đơn vị' }), 'Phường Sài Gòn');
    expect(screen.getByRole('img', { name: /^Chỉ số thành phần: Phường Sài Gòn so với toàn thành phố/ })).toBeTruthy();
    const items = screen.getByRole('img', { name: /^Chỉ số theo câu hỏi: Tiếp cận — Phường Sài Gòn/ });
    expect(rows(items).map((r) => r.getAttribute('data-key'))).toEqual(['ACC1', 'ACC2']);
    expect(rows(items)[0]!.textContent).toContain('TB 4,21');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Thành phần' }), 'Công chức');
    expect(rows(screen.getByRole('img', { name: /^Chỉ số theo câu hỏi: Công chức/ })).map((r) => r.getAttribute('data-key'))).toEqual(['CIV1']);
  }, 30_000);

  it('sends the chosen filters with the next request', async () => {
    const user = userEvent.setup();
    const { load } = show();
    await screen.findByRole('img', { name: /^Xếp hạng/ });
    expect(load).toHaveBeenLastCalledWith({});
    const filters = screen.getByRole('form', { name: 'Bộ lọc' });
    // Typed as dd/mm/yyyy, sent as ISO.
    await user.type(within(filters).getByRole('textbox', { name: 'Từ ngày' }), '10112026');
    await user.click(within(filters).getByRole('checkbox', { name: 'Xã' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'Đặc khu' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'Bình Dương' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'Nữ' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'Từ 25-34 tuổi' }));
    await user.click(within(filters).getByRole('checkbox', { name: 'Đại diện tổ chức, doanh nghiệp' }));
    await user.click(within(filters).getByRole('button', { name: 'Áp dụng bộ lọc' }));
    expect(load).toHaveBeenLastCalledWith({ from: '2026-11-10', unit_types: ['commune', 'special_zone'], former_provinces: ['Bình Dương'], sexes: ['2'], age_groups: ['2'], respondent_types: ['2'] });
    await user.click(within(filters).getByRole('checkbox', { name: 'Xã' }));
    await user.click(within(filters).getByRole('button', { name: 'Bỏ lọc' }));
    expect(load).toHaveBeenLastCalledWith({});
    expect(load).toHaveBeenCalledTimes(3);
  }, 30_000);

  it('refuses an impossible date and a range whose start is after its end, saying why, and sends nothing', async () => {
    const user = userEvent.setup();
    const { load } = show();
    await screen.findByRole('img', { name: /^Xếp hạng/ });
    const filters = screen.getByRole('form', { name: 'Bộ lọc' });
    const from = within(filters).getByRole('textbox', { name: 'Từ ngày' });
    const to = within(filters).getByRole('textbox', { name: 'Đến ngày' });
    await user.type(from, '31022026');
    expect(within(filters).getByRole('alert').textContent).toBe('Ngày 31/02/2026 không có thật: tháng 02/2026 có 28 ngày.');
    await user.click(within(filters).getByRole('button', { name: 'Áp dụng bộ lọc' }));
    expect(load).toHaveBeenCalledTimes(1);
    // A day typed but not finished is refused on apply too, with its reason.
    await user.clear(from);
    await user.type(from, '2011');
    await user.type(to, '1011');
    await user.keyboard('{Enter}');
    expect(within(filters).getAllByRole('alert').map((a) => a.textContent)).toEqual([
      'Ngày "20/11/" chưa đủ: cần gõ theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/11/2026.',
      'Ngày "10/11/" chưa đủ: cần gõ theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 05/11/2026.',
    ]);
    expect(load).toHaveBeenCalledTimes(1);
    await user.type(from, '2026');
    await user.type(to, '2026');
    expect(within(filters).getByRole('alert').textContent).toBe('Khoảng ngày không hợp lệ: "Từ ngày" (20/11/2026) ở sau "Đến ngày" (10/11/2026). Hãy sửa một trong hai ngày.');
    expect(to.getAttribute('aria-invalid')).toBe('true');
    await user.click(within(filters).getByRole('button', { name: 'Áp dụng bộ lọc' }));
    expect(load).toHaveBeenCalledTimes(1);
    // Put right: the range goes out as ISO days.
    await user.clear(from);
    await user.type(from, '01112026');
    expect(within(filters).queryByRole('alert')).toBeNull();
    await user.click(within(filters).getByRole('button', { name: 'Áp dụng bộ lọc' }));
    expect(load).toHaveBeenLastCalledWith({ from: '2026-11-01', to: '2026-11-10' });
    // Bỏ lọc empties both fields.
    await user.click(within(filters).getByRole('button', { name: 'Bỏ lọc' }));
    expect((from as HTMLInputElement).value).toBe('');
    expect((to as HTMLInputElement).value).toBe('');
    expect(load).toHaveBeenLastCalledWith({});
  }, 30_000);

  it('says so when no interview matches, and draws no chart', async () => {
    show(async () => fixtureReport([]));
    expect(await screen.findByText('Không có phỏng vấn nào khớp với bộ lọc đã chọn.')).toBeTruthy();
    expect(screen.queryByRole('img')).toBeNull();
    expect((screen.getByRole('button', { name: 'Xuất PDF / In' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('shows why the report failed', async () => {
    show(async () => {
      throw new Error('Ngày "2026-02-30" ở from không hợp lệ');
    });
    expect((await screen.findByRole('alert')).textContent).toBe('Không tính được chỉ số: Ngày "2026-02-30" ở from không hợp lệ');
  });

  it('prints the report of the filters applied through its print action', async () => {
    const user = userEvent.setup();
    const { onPrint } = show();
    await screen.findByRole('img', { name: /^Xếp hạng/ });
    await user.click(screen.getByRole('checkbox', { name: 'Nam' }));
    await user.click(screen.getByRole('button', { name: 'Áp dụng bộ lọc' }));
    await screen.findByRole('img', { name: /^Xếp hạng/ });
    await user.click(screen.getByRole('button', { name: 'Xuất PDF / In' }));
    // The report printed is the one on screen: the filters applied, not ones ticked since.
    await user.click(screen.getByRole('checkbox', { name: 'Nữ' }));
    await user.click(screen.getByRole('button', { name: 'Xuất PDF / In' }));
    expect(onPrint.mock.calls).toEqual([[{ sexes: ['1'] }], [{ sexes: ['1'] }]]);
  }, 30_000);

  it('speaks English when the reader chose English', async () => {
    act(() => languageStore.getState().setLanguage('en'));
    show();
    expect(await screen.findByRole('img', { name: /^Units ranked by overall satisfaction index/ })).toBeTruthy();
    expect(screen.getByRole('checkbox', { name: 'Commune' })).toBeTruthy();
  });
});
