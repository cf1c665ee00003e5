// "Xuất báo cáo PDF" in the Chỉ số tab (IndicesTab over the fake API): reached by keyboard, asks
// for the PDF of the filters applied (survey apart, as analysis:report), busy while main prints,
// then the file and its pages; a cancelled save dialog, no data, no printer, a failed write each
// said in Vietnamese (English when chosen); not offered while no report with Interviews is shown.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { IndicesTab } from '../../renderer/features/analyst/IndicesTab';
import { languageStore } from '../../renderer/i18n';
import { AppStoreProvider, createAppStore } from '../../renderer/stores';
import { contractError, type KhaosatApi, type ReportPdfResult } from '../../shared/contract';
import { deferred, fakeApi, ok } from './fake-api';
import { fixtureReport } from './index-report-fixture';
import { useCleanPage } from './render-app';

useCleanPage();
afterEach(() => languageStore.getState().setLanguage('vi'));

type Answer = Awaited<ReturnType<KhaosatApi['exportReportPdf']>>;

const WRITTEN: ReportPdfResult = { cancelled: false, path: '/home/ha/Tài liệu/bao-cao-chi-so-hids-2026-2026-12-01.pdf', survey: 'hids-2026', pages: 14, bytes: 807_854 };

function show(exportReportPdf: KhaosatApi['exportReportPdf'], indexReport: KhaosatApi['indexReport'] = async () => ok(fixtureReport())) {
  const api = fakeApi({ exportReportPdf, indexReport });
  render(
    <AppStoreProvider store={createAppStore(api)}>
      <IndicesTab active />
    </AppStoreProvider>,
  );
  return { api, user: userEvent.setup() };
}

const button = (name = 'Xuất báo cáo PDF') => screen.getByRole('button', { name }) as HTMLButtonElement;
const status = () => screen.getAllByRole('status').find((s) => s.closest('.report-pdf'))!;

describe('the PDF report button', () => {
  it('exports the report of the filters applied, busy meanwhile, then shows the file and its pages', async () => {
    const answer = deferred<Answer>();
    const { api, user } = show(() => answer.promise);
    await screen.findByRole('img', { name: /^Xếp hạng/ });
    await user.click(screen.getByRole('checkbox', { name: 'Nữ' }));
    await user.click(screen.getByRole('button', { name: 'Áp dụng bộ lọc' }));
    await screen.findByRole('img', { name: /^Xếp hạng/ });
    // Ticked after applying: not what is on screen, so not in the PDF either.
    await user.click(screen.getByRole('checkbox', { name: 'Nam' }));
    // Keyboard: focused, Enter presses it.
    button().focus();
    expect(document.activeElement).toBe(button());
    await user.keyboard('{Enter}');
    expect(api.exportReportPdf).toHaveBeenCalledTimes(1);
    expect(api.exportReportPdf).toHaveBeenCalledWith({ filters: { sexes: ['2'] } });
    expect(button('Đang tạo báo cáo…').disabled).toBe(true);
    expect(button('Đang tạo báo cáo…').getAttribute('aria-busy')).toBe('true');
    expect(status().textContent).toBe('Đang tạo báo cáo…');
    await act(async () => answer.resolve(ok(WRITTEN)));
    expect(status().textContent).toBe('Đã ghi báo cáo PDF (14 trang, 789 KB): /home/ha/Tài liệu/bao-cao-chi-so-hids-2026-2026-12-01.pdf');
    expect(button().disabled).toBe(false);
  }, 30_000);

  it('is the first stop of the Tab key in the tab', async () => {
    const { user } = show(async () => ok(WRITTEN));
    await screen.findByRole('img', { name: /^Xếp hạng/ });
    (document.body as HTMLElement).focus();
    await user.tab();
    expect(document.activeElement).toBe(button());
  });

  it('a cancelled save dialog writes nothing and says so; the errors are said in Vietnamese', async () => {
    const withPath = (code: 'report_write_failed') =>
      contractError(code, [{ path: 'file', problem: 'x', message: 'Không ghi được tệp PDF vào /media/usb/bao-cao.pdf (EACCES); hãy chọn thư mục khác.', messageEn: 'The PDF could not be written to /media/usb/bao-cao.pdf (EACCES); choose another folder.' }]);
    const answers: Answer[] = [
      ok({ cancelled: true, path: null, survey: 'hids-2026', pages: 0, bytes: 0 }),
      { ok: false, error: contractError('report_printer_missing') },
      { ok: false, error: withPath('report_write_failed') },
      { ok: false, error: contractError('report_no_data') },
    ];
    const { user } = show(async () => answers.shift()!);
    await screen.findByRole('img', { name: /^Xếp hạng/ });
    await user.click(button());
    expect(status().textContent).toBe('Chưa chọn nơi lưu; không có tệp nào được ghi.');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(button());
    expect(screen.getByRole('alert').textContent).toBe('Máy này không có trình in PDF (Chromium) để tạo báo cáo; hãy cài Chromium hoặc đặt CHROMIUM_PATH.');
    expect(status().textContent).toBe('');
    await user.click(button());
    expect(screen.getByRole('alert').textContent).toBe('Không ghi được tệp PDF vào /media/usb/bao-cao.pdf (EACCES); hãy chọn thư mục khác.');
    act(() => languageStore.getState().setLanguage('en'));
    await user.click(screen.getByRole('button', { name: 'Export PDF report' }));
    expect(screen.getByRole('alert').textContent).toBe('No interview matches the chosen filters, so there is no report to export; remove some filters.');
  }, 30_000);

  it('is not offered while no report with Interviews is on screen', async () => {
    const report = deferred<Awaited<ReturnType<KhaosatApi['indexReport']>>>();
    const { api } = show(async () => ok(WRITTEN), () => report.promise);
    expect(button().disabled).toBe(true);
    await act(async () => report.resolve(ok(fixtureReport([]))));
    await screen.findByText('Không có phỏng vấn nào khớp với bộ lọc đã chọn.');
    expect(button().disabled).toBe(true);
    expect(api.exportReportPdf).not.toHaveBeenCalled();
    // The page's own print button gives way to the PDF export in the app.
    expect(screen.queryByRole('button', { name: 'Xuất PDF / In' })).toBeNull();
  });
});
