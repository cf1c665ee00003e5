// "Nhập dữ liệu": choosing a folder starts a job whose progress is polled (bar and counts), then
// each file's result with its reason in Vietnamese, the packages registered and the missing
// batches; files dropped on the page are sent as bytes; conflicts side by side, differing answers
// marked, a version chosen only after confirmation.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportTab } from '../../renderer/features/analyst/ImportTab';
import { AppStoreProvider, createAppStore } from '../../renderer/stores';
import { ERROR_MESSAGES, type ImportStatus, type KhaosatApi } from '../../shared/contract';
import { conflicts, HASH_B, importStatus, INTERVIEW, JOB } from './fake-analysis';
import { deferred, failure, fakeApi, ok } from './fake-api';
import { useCleanPage } from './render-app';

useCleanPage();

/** The import's own live region (the conflicts section below has its own). */
const importStatusText = () => screen.getAllByRole('status')[0]!;

function show(over: Partial<KhaosatApi>) {
  const api = fakeApi({ listConflicts: async () => ok({ total: 0, conflicts: [] }), ...over });
  render(
    <AppStoreProvider store={createAppStore(api)}>
      <ImportTab pollMs={1} />
    </AppStoreProvider>,
  );
  return { api, user: userEvent.setup() };
}

describe('ImportTab', () => {
  it('a chosen folder: progress while running, then each file, packages, gaps', async () => {
    const steps: ImportStatus[] = [
      importStatus({ state: 'running', done: 1, currentFile: 'hids_LAPTOP-01_000003.ksbatch', results: importStatus().results.slice(0, 1), packages: [], gaps: [], interviews: { new: 40, replaced: 0, unchanged: 0, stale: 0, conflicts: 0 } }),
      importStatus(),
    ];
    const first = deferred<Awaited<ReturnType<KhaosatApi['importStatus']>>>();
    let polls = 0;
    const { api, user } = show({
      importBatches: async () => ok({ cancelled: false, jobId: JOB, total: 3 }),
      importStatus: () => (polls++ === 0 ? first.promise : Promise.resolve(ok(steps[1]!))),
    });
    await user.click(screen.getByRole('button', { name: 'Chọn thư mục…' }));
    expect(api.importBatches).toHaveBeenCalledWith({ choose: 'folder' });
    await act(async () => first.resolve(ok(steps[0]!)));
    // The first poll's picture before the job ends.
    await waitFor(() => expect(api.importStatus).toHaveBeenCalledWith({ jobId: JOB }));
    await waitFor(() => expect(importStatusText().textContent).toMatch(/^Đã nhập xong 3 tệp: 2 nhập mới, 0 không đổi, 1 bị từ chối, 0 trùng\.$/));
    const bar = screen.getByRole('progressbar', { name: 'Tiến độ nhập' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([3, 3]);
    expect(screen.getByText('Phỏng vấn: 40 mới, 0 thay thế, 0 không đổi, 0 cũ hơn, 1 xung đột.')).toBeTruthy();
    const rows = within(screen.getByRole('table', { name: 'Kết quả từng tệp' })).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent))).toEqual([
      ['hids_LAPTOP-01_000001.ksbatch', 'Đã nhập', '1', '40 / 0 / 0', ''],
      ['hids_LAPTOP-01_000003.ksbatch', 'Đã nhập', '3', '0 / 0 / 1', ''],
      ['hong.ksbatch', 'Bị từ chối', '—', '0 / 0 / 0', 'Tệp lô dữ liệu bị hỏng hoặc không đúng định dạng. (not a container)'],
    ]);
    expect(screen.getByText('hids.kspkg: bảng hỏi hids-2026 phiên bản 2026.1 đã đăng ký.')).toBeTruthy();
    const gaps = within(screen.getByRole('table', { name: 'Lô còn thiếu theo máy' })).getAllByRole('row').slice(1);
    expect(within(gaps[0]!).getAllByRole('cell').map((c) => c.textContent)).toEqual([importStatus().gaps[0]!.device, '2']);
    // Conflicts are loaded again once the job ends.
    expect(api.listConflicts.mock.calls.length).toBeGreaterThanOrEqual(2);
  });

  it('shows the running picture: files done of total, interviews, the current file', async () => {
    const never = deferred<Awaited<ReturnType<KhaosatApi['importStatus']>>>();
    let polls = 0;
    const { user } = show({
      importBatches: async () => ok({ cancelled: false, jobId: JOB, total: 3 }),
      importStatus: () => (polls++ === 0 ? Promise.resolve(ok(importStatus({ state: 'running', done: 1, currentFile: 'b.ksbatch', interviews: { new: 12, replaced: 3, unchanged: 0, stale: 0, conflicts: 0 } }))) : never.promise),
    });
    await user.click(screen.getByRole('button', { name: 'Chọn tệp…' }));
    await waitFor(() => expect(importStatusText().textContent).toBe('Đang nhập: 1/3 tệp, 15 phỏng vấn mới hoặc thay thế — b.ksbatch'));
    const bar = screen.getByRole('progressbar', { name: 'Tiến độ nhập' }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([1, 3]);
    expect((screen.getByRole('button', { name: 'Chọn thư mục…' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('a cancelled dialog imports nothing; a refusal (no keys) is said in Vietnamese', async () => {
    const answers = [ok({ cancelled: true, jobId: null, total: 0 }), failure('analyst_keys_missing')];
    const { api, user } = show({ importBatches: async () => answers.shift()! });
    await user.click(screen.getByRole('button', { name: 'Chọn thư mục…' }));
    expect(importStatusText().textContent).toBe('Chưa chọn tệp nào; không có gì được nhập.');
    await user.click(screen.getByRole('button', { name: 'Chọn thư mục…' }));
    expect(screen.getByRole('alert').textContent).toBe(ERROR_MESSAGES.analyst_keys_missing.vi);
    expect(api.importStatus).not.toHaveBeenCalled();
  });

  it('dropped files are sent as names and bytes (other files left out)', async () => {
    const { api } = show({ importBatches: async () => ok({ cancelled: false, jobId: JOB, total: 1 }), importStatus: async () => ok(importStatus()) });
    const batch = new File([new Uint8Array([1, 2, 3])], 'a.ksbatch');
    const other = new File(['x'], 'ghichu.txt');
    await act(async () => {
      fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [batch, other], items: [] } });
    });
    await waitFor(() => expect(api.importBatches).toHaveBeenCalledWith({ files: [{ name: 'a.ksbatch', contentBase64: 'AQID' }] }));
  });

  it('a drop with nothing importable says so and calls nothing', async () => {
    const { api } = show({});
    await act(async () => {
      fireEvent.drop(screen.getByTestId('drop-zone'), { dataTransfer: { files: [new File(['x'], 'a.txt')], items: [] } });
    });
    expect(importStatusText().textContent).toBe('Không có tệp .ksbatch hoặc .kspkg nào trong những gì đã thả.');
    expect(api.importBatches).not.toHaveBeenCalled();
  });

  it('conflicts side by side with differing answers marked; a version is chosen after confirmation', async () => {
    const lists = [conflicts(), conflicts(HASH_B)];
    const { api, user } = show({
      listConflicts: async () => ok(lists.length > 1 ? lists.shift()! : lists[0]!),
      resolveConflict: async (req) => ok({ interviewId: req.interviewId, revision: req.revision, chosen: req.contentHash }),
    });
    const table = await screen.findByRole('table', { name: `Phỏng vấn ${INTERVIEW} — lần sửa 1` });
    const rows = within(table).getAllByRole('row');
    const row = (label: string) => rows.find((r) => within(r).queryByRole('rowheader', { name: label }))!;
    expect(within(row('ACC1')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['5', '1', '≠ khác nhau']);
    expect(row('ACC1').className).toBe('differs');
    expect(within(row('ACC2')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['(dont_know)', '(dont_know)', '']);
    expect(within(row('Điều tra viên')).getAllByRole('cell').map((c) => c.textContent)).toEqual(['DTV01', 'DTV02', '≠ khác nhau']);

    await user.click(screen.getByRole('button', { name: 'Chọn phiên bản 2' }));
    const confirm = screen.getByRole('group', { name: `Xác nhận chọn phiên bản 2 của phỏng vấn ${INTERVIEW}? Việc chọn được ghi lại.` });
    // Cancel first: nothing sent.
    await user.click(within(confirm).getByRole('button', { name: 'Hủy' }));
    expect(api.resolveConflict).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Chọn phiên bản 2' }));
    expect(document.activeElement?.textContent).toBe('Xác nhận');
    await user.keyboard('{Enter}');
    expect(api.resolveConflict).toHaveBeenCalledWith({ interviewId: INTERVIEW, revision: 1, contentHash: HASH_B });
    await waitFor(() => expect(within(screen.getByRole('table', { name: `Phỏng vấn ${INTERVIEW} — lần sửa 1` })).getByRole('columnheader', { name: 'Phiên bản 2 — Đang được chọn' })).toBeTruthy());
    expect((screen.getByRole('button', { name: 'Chọn phiên bản 2' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
