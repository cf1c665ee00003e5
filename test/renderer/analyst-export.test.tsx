// "Xuất dữ liệu": a format chosen among csv, xlsx, spss, stata (a radio group), the folder dialog
// in main; busy while it runs, then the files written; a cancelled dialog and a refusal said plainly.
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportTab } from '../../renderer/features/analyst/ExportTab';
import { AppStoreProvider, createAppStore } from '../../renderer/stores';
import { contractError, type KhaosatApi } from '../../shared/contract';
import { deferred, fakeApi, ok } from './fake-api';
import { useCleanPage } from './render-app';

useCleanPage();

type Answer = Awaited<ReturnType<KhaosatApi['exportData']>>;

function show(exportData: KhaosatApi['exportData']) {
  const api = fakeApi({ exportData });
  render(
    <AppStoreProvider store={createAppStore(api)}>
      <ExportTab />
    </AppStoreProvider>,
  );
  return { api, user: userEvent.setup() };
}

describe('ExportTab', () => {
  it('exports the chosen format and lists the files written', async () => {
    const answer = deferred<Answer>();
    const { api, user } = show(() => answer.promise);
    const formats = screen.getByRole('group', { name: 'Định dạng' });
    expect([...formats.querySelectorAll('label')].map((l) => l.textContent?.trim())).toEqual(['CSV (UTF-8)', 'Excel (.xlsx)', 'SPSS (.sav)', 'Stata (.dta)']);
    expect((screen.getByRole('radio', { name: 'Excel (.xlsx)' }) as HTMLInputElement).checked).toBe(true);
    await user.click(screen.getByRole('radio', { name: 'SPSS (.sav)' }));
    await user.click(screen.getByRole('button', { name: 'Chọn thư mục và xuất' }));
    expect(api.exportData).toHaveBeenCalledWith({ format: 'spss' });
    expect(screen.getByRole('status').textContent).toBe('Đang xuất dữ liệu…');
    await act(async () =>
      answer.resolve(ok({ cancelled: false, folder: '/home/ha/xuat', survey: 'hids-2026', formVersion: '2026.1', interviews: 40, files: ['/home/ha/xuat/interviews.sav', '/home/ha/xuat/codebook.csv'], warnings: [] })),
    );
    expect(screen.getByRole('status').textContent).toBe('Đã xuất 40 phỏng vấn của hids-2026 (bảng hỏi 2026.1) vào /home/ha/xuat:');
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual(['/home/ha/xuat/interviews.sav', '/home/ha/xuat/codebook.csv']);
  });

  it('a cancelled dialog exports nothing; a refusal names what to do', async () => {
    const notReady = contractError('analysis_not_ready', [
      { path: 'survey', problem: 'x', message: 'Chưa đăng ký bảng hỏi của khảo sát hids-2026', messageEn: 'no form is registered for survey hids-2026' },
    ]);
    const answers: Answer[] = [ok({ cancelled: true, folder: null, survey: 'hids-2026', formVersion: null, interviews: 0, files: [], warnings: [] }), { ok: false, error: notReady }];
    const { user } = show(async () => answers.shift()!);
    await user.click(screen.getByRole('button', { name: 'Chọn thư mục và xuất' }));
    expect(screen.getByRole('status').textContent).toBe('Chưa chọn thư mục; không có gì được xuất.');
    expect(screen.queryByRole('listitem')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Chọn thư mục và xuất' }));
    expect(screen.getByRole('alert').textContent).toBe('Chưa đăng ký bảng hỏi của khảo sát hids-2026');
  });
});
