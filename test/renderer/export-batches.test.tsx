// ExportBatches: the supervisor's "Xuất dữ liệu" panel over batch:export — busy while main signs,
// encrypts and writes; then each batch, a cancelled dialog, or a refusal in Vietnamese first.
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportBatches } from '../../renderer/features/batches/ExportBatches';
import { languageStore } from '../../renderer/i18n';
import { AppStoreProvider, createAppStore } from '../../renderer/stores';
import { ERROR_MESSAGES, type KhaosatApi } from '../../shared/contract';
import { deferred, failure, fakeApi, ok } from './fake-api';
import { useCleanPage } from './render-app';

useCleanPage();

type Answer = Awaited<ReturnType<KhaosatApi['exportBatches']>>;
const SHA = '3f'.repeat(8) + 'ab'.repeat(24);
const EXPORTED: Answer = ok({
  cancelled: false,
  folder: '/home/lan/USB/khaosat',
  batches: [
    { sequence: 3, batchId: '11111111-1111-4111-8111-111111111111', surveyId: 'hids', fileName: 'hids_GS-LAPTOP-01_000003.ksbatch', fileSha256: SHA, size: 4096, interviews: 12 },
    { sequence: 4, batchId: '22222222-2222-4222-8222-222222222222', surveyId: 'par', fileName: 'par_GS-LAPTOP-01_000004.ksbatch', fileSha256: 'c'.repeat(64), size: 1024, interviews: 1 },
  ],
});

function show(exportBatches: KhaosatApi['exportBatches']) {
  const api = fakeApi({ exportBatches });
  render(
    <AppStoreProvider store={createAppStore(api)}>
      <ExportBatches />
    </AppStoreProvider>,
  );
  return { api, user: userEvent.setup() };
}

describe('ExportBatches', () => {
  it('shows it is busy, then each batch with survey, sequence, file, interviews and the SHA-256 (full in the title), and the folder', async () => {
    const answer = deferred<Answer>();
    const { api, user } = show(() => answer.promise);
    const button = screen.getByRole('button', { name: 'Chọn thư mục và xuất' });
    await user.click(button);
    expect(screen.getByRole('status').textContent).toBe('Đang xuất: ký, mã hóa và ghi tệp…');
    expect((button as HTMLButtonElement).disabled).toBe(true);
    await act(async () => answer.resolve(EXPORTED));
    expect(api.exportBatches).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('status').textContent).toBe('Đã xuất 2 lô.');
    expect(screen.getByRole('status').className).not.toContain('neutral');
    expect((button as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText('/home/lan/USB/khaosat')).toBeTruthy();
    const rows = within(screen.getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['hids', '3', 'hids_GS-LAPTOP-01_000003.ksbatch', '12', '3f3f3f3f3f3f3f3f…'],
      ['par', '4', 'par_GS-LAPTOP-01_000004.ksbatch', '1', 'cccccccccccccccc…'],
    ]);
    expect(within(rows[0] as HTMLElement).getByTitle(SHA)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a cancelled folder dialog says nothing was exported, with no table and no error', async () => {
    const { user } = show(async () => ok({ cancelled: true, folder: null, batches: [] }));
    await user.click(screen.getByRole('button', { name: 'Chọn thư mục và xuất' }));
    expect(await screen.findByText('Chưa chọn thư mục; không có gì được xuất.')).toBeTruthy();
    expect(screen.getByRole('status').className).toContain('neutral');
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when there is nothing to export', async () => {
    const { user } = show(async () => ok({ cancelled: false, folder: '/tmp/out', batches: [] }));
    await user.click(screen.getByRole('button', { name: 'Chọn thư mục và xuất' }));
    expect(await screen.findByText('Không có phiếu đã duyệt nào cần xuất.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('shows a refusal in Vietnamese first (analyst_key_missing), in English when chosen (key_unavailable), and clears an earlier result', async () => {
    const answers: Answer[] = [EXPORTED, failure('analyst_key_missing')];
    const { user } = show(async () => answers.shift() ?? failure('internal'));
    const button = screen.getByRole('button', { name: 'Chọn thư mục và xuất' });
    await user.click(button);
    await screen.findByRole('table');
    await user.click(button);
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.analyst_key_missing.vi);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('');

    act(() => languageStore.getState().setLanguage('en'));
    answers.push(failure('key_unavailable'));
    await user.click(screen.getByRole('button', { name: 'Choose a folder and export' }));
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.key_unavailable.en);
    expect(screen.getByRole('heading', { name: 'Export batches' })).toBeTruthy();
  });
});
