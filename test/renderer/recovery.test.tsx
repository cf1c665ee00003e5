// The recovery screen: a lost database is explained (Vietnamese first), the backups are listed
// newest first with time, size and state, and restoring one leads on to sign-in.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES, type KhaosatApi, type Result } from '../../shared/contract';
import type { BackupSummary } from '../../renderer/stores';
import { deferred, failure, fakeApi, ok, statusOf } from './fake-api';
import { renderApp, useCleanPage } from './render-app';

useCleanPage();

const NEWEST_DAMAGED: BackupSummary = {
  name: 'khaosat-backup-2025-07-01T09-00-00-000Z-000.sqlite',
  takenAt: '2025-07-01T09:00:00.000Z',
  sizeBytes: 3 * 1024 * 1024,
  usable: false,
  problem: 'integrity_check: page 12 is never used',
};
const GOOD: BackupSummary = {
  name: 'khaosat-backup-2025-07-01T08-45-00-000Z-000.sqlite',
  takenAt: '2025-07-01T08:45:00.000Z',
  sizeBytes: 2_600_000,
  usable: true,
  problem: null,
};
const OLDER: BackupSummary = { ...GOOD, name: 'khaosat-backup-2025-07-01T08-30-00-000Z-000.sqlite', takenAt: '2025-07-01T08:30:00.000Z', sizeBytes: 40_000 };

/** A core that is lost until restoreBackup is called, then asks for sign-in. */
function lostCore(backups: BackupSummary[], restore?: KhaosatApi['restoreBackup']) {
  let restored = false;
  return fakeApi({
    status: async () => (restored ? statusOf(false)() : failure('database_missing')),
    recoveryStatus: async () => ok({ needed: true, reason: 'database_missing' as const, backups }),
    restoreBackup:
      restore ??
      (async ({ name }) => {
        restored = true;
        return ok({ restored: name, takenAt: GOOD.takenAt });
      }),
  });
}

describe('recovery screen', () => {
  it('says what happened and lists the backups newest first with time, size and state', async () => {
    renderApp(lostCore([NEWEST_DAMAGED, GOOD, OLDER]));
    expect(await screen.findByRole('heading', { name: 'Khôi phục dữ liệu' })).toBeTruthy();
    expect(screen.getByText(ERROR_MESSAGES.database_missing.vi)).toBeTruthy();
    const rows = within(await screen.findByRole('table')).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]!.textContent).toMatch(/3\.0 MB.*Không dùng được \(hỏng\)/);
    expect(rows[1]!.textContent).toMatch(/2\.5 MB.*Mới nhất dùng được/);
    expect(rows[2]!.textContent).toMatch(/39 KB.*Dùng được/);
    // Times are shown in the reader's format; 08:45 UTC is the newest good one.
    expect(rows[1]!.textContent).toContain(new Date(GOOD.takenAt!).toLocaleString('vi-VN', { dateStyle: 'short', timeStyle: 'medium' }));
    // No restore button on the damaged one.
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    expect(within(rows[2]!).getByRole('button', { name: 'Khôi phục bản này' })).toBeTruthy();
  });

  it('restores the newest usable backup with one button, then shows sign-in', async () => {
    const api = lostCore([NEWEST_DAMAGED, GOOD, OLDER]);
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: /^Khôi phục bản mới nhất/ }));
    expect(api.restoreBackup).toHaveBeenCalledWith({ name: GOOD.name });
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeTruthy();
  });

  it('an older backup can be chosen from its row; a second click while restoring is ignored', async () => {
    const pending = deferred<Result<{ restored: string; takenAt: string | null }>>();
    const api = lostCore([GOOD, OLDER], () => pending.promise);
    const { user } = renderApp(api);
    const row = (await screen.findAllByRole('row'))[2]!;
    await user.click(within(row).getByRole('button', { name: 'Khôi phục bản này' }));
    expect(within(row).getByRole('button', { name: 'Đang khôi phục…' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: /^Khôi phục bản mới nhất/ })).toHaveProperty('disabled', true);
    expect(api.restoreBackup).toHaveBeenCalledTimes(1);
    expect(api.restoreBackup).toHaveBeenCalledWith({ name: OLDER.name });
    pending.resolve(failure('backup_unusable'));
    await waitFor(() => expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(ERROR_MESSAGES.backup_unusable.vi));
    await waitFor(() => expect(screen.getByRole('button', { name: /^Khôi phục bản mới nhất/ })).toHaveProperty('disabled', false));
  });

  it('with no usable backup says so and offers no restore', async () => {
    renderApp(lostCore([NEWEST_DAMAGED]));
    expect(await screen.findByText(/Không có bản sao lưu nào dùng được/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Khôi phục/ })).toBeNull();
  });

  it('a database restored meanwhile (from the command line) leads on to sign-in on "Check again"', async () => {
    let restoredElsewhere = false;
    const api = fakeApi({
      status: async () => (restoredElsewhere ? statusOf(false)() : failure('database_missing')),
      recoveryStatus: async () =>
        ok(restoredElsewhere ? { needed: false, reason: null, backups: [] } : { needed: true, reason: 'database_missing' as const, backups: [GOOD] }),
    });
    const { user } = renderApp(api);
    await screen.findByRole('button', { name: /^Khôi phục bản mới nhất/ });
    restoredElsewhere = true;
    await user.click(screen.getByRole('button', { name: 'Kiểm tra lại' }));
    expect(await screen.findByRole('heading', { name: 'Đăng nhập' })).toBeTruthy();
    expect(api.restoreBackup).not.toHaveBeenCalled();
  });

  it('speaks English after the toggle', async () => {
    const { user } = renderApp(lostCore([GOOD]));
    await screen.findByRole('heading', { name: 'Khôi phục dữ liệu' });
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('heading', { name: 'Restore data' })).toBeTruthy();
    expect(screen.getByText(ERROR_MESSAGES.database_missing.en)).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Restore the newest/ })).toBeTruthy();
  });
});
