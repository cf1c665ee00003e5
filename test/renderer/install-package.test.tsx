// The supervisor's "Cài gói khảo sát" panel on the home screen: the chosen file's bytes go to
// package:install as base64; the result shows survey, form version and the signer's fingerprint,
// and a refusal shows why, Vietnamese first.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contractError, ERROR_MESSAGES, PACKAGE_UPLOAD_MAX_BYTES, type PackageInstallResult } from '../../shared/contract';
import { failure, fakeApi, ok, statusOf, SUPERVISOR, SURVEYOR, userDirectory } from './fake-api';
import { openSupervisorTab, renderApp, useCleanPage } from './render-app';

useCleanPage();

const RESULT: PackageInstallResult = {
  surveyId: 'hids-satisfaction',
  title: 'Khảo sát sự hài lòng HIDS',
  formVersion: '2025.2',
  formHash: 'a'.repeat(64),
  signerFingerprint: '74C9-3C3C-EBBD-2060-A8C3-8009-44CB-BE0E',
  recipientFingerprint: 'E183-0000-1111-2222-3333-4444-5555-6666',
  createdAt: '2026-11-30T08:00:00.000Z',
  sha256: 'b'.repeat(64),
  units: 168,
  quotas: 2,
  installed: true,
  pinned: true,
};

function packageFile(bytes = [0x4b, 0x53, 0x50, 0x4b, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]) {
  return new File([new Uint8Array(bytes)], 'hids.kspkg', { type: 'application/octet-stream' });
}

/** The "Gói khảo sát" tab opened, and its panel. */
async function panel(user: ReturnType<typeof renderApp>['user']) {
  await openSupervisorTab(user, 'Gói khảo sát');
  return within((await screen.findByRole('heading', { name: 'Cài gói khảo sát' })).closest('section')!);
}

// Each test first opens its tab of the supervisor's home: more than the default 5 s on a loaded machine.
describe('install package panel', { timeout: 20_000 }, () => {
  it('sends the file as base64 and shows the survey, version and signer fingerprint', async () => {
    const api = fakeApi({ status: statusOf(false, SUPERVISOR), ...userDirectory(), installPackage: async () => ok(RESULT) });
    const { user } = renderApp(api);
    const p = await panel(user);
    await user.upload(p.getByLabelText('Tệp gói khảo sát (.kspkg)'), packageFile());
    await waitFor(() => expect(api.installPackage).toHaveBeenCalledTimes(1));
    expect(api.installPackage.mock.calls[0]![0]).toEqual({ packageBase64: Buffer.from([0x4b, 0x53, 0x50, 0x4b, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00]).toString('base64') });
    expect(await p.findByText('74C9-3C3C-EBBD-2060-A8C3-8009-44CB-BE0E')).toBeTruthy();
    expect(p.getByText('Khảo sát sự hài lòng HIDS (hids-satisfaction)')).toBeTruthy();
    expect(p.getByText('2025.2')).toBeTruthy();
    expect(p.getByText('168 / 2')).toBeTruthy();
    expect(p.getByRole('status').textContent).toMatch(/^Đã cài đặt\. Đây là gói đầu tiên/);
  });

  it('says when the same package was installed before', async () => {
    const api = fakeApi({ status: statusOf(false, SUPERVISOR), ...userDirectory(), installPackage: async () => ok({ ...RESULT, installed: false, pinned: false }) });
    const { user } = renderApp(api);
    const p = await panel(user);
    await user.upload(p.getByLabelText('Tệp gói khảo sát (.kspkg)'), packageFile());
    await waitFor(() => expect(p.getByRole('status').textContent).toBe('Gói này đã được cài trước đó; không có gì thay đổi.'));
  });

  it('shows a refusal in Vietnamese, with the file, line and column of a bad frame', async () => {
    const invalid = contractError('package_invalid', [
      { path: 'quotas.csv:2:unit_code', problem: 'x', message: 'quotas.csv, dòng 2, cột unit_code: mã đơn vị "99999" không có trong units.csv.', messageEn: 'quotas.csv, line 2, column unit_code: unit code "99999" is not in units.csv.' },
      { path: 'quotas.csv:3:target', problem: 'y', message: 'quotas.csv, dòng 3, cột target: chỉ tiêu "-2" phải là số nguyên từ 0 đến 100000.', messageEn: 'quotas.csv, line 3, column target: …' },
    ]);
    const answers = [failure('package_foreign_signer'), { ok: false as const, error: invalid }];
    const api = fakeApi({ status: statusOf(false, SUPERVISOR), ...userDirectory(), installPackage: async () => answers.shift()! });
    const { user } = renderApp(api);
    const p = await panel(user);
    await user.upload(p.getByLabelText('Tệp gói khảo sát (.kspkg)'), packageFile());
    expect((await p.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.package_foreign_signer.vi);
    expect(p.queryByText(RESULT.signerFingerprint)).toBeNull();
    await user.upload(p.getByLabelText('Tệp gói khảo sát (.kspkg)'), packageFile());
    await waitFor(() => expect(p.getByRole('alert').textContent).toBe('quotas.csv, dòng 2, cột unit_code: mã đơn vị "99999" không có trong units.csv.'));
    expect(p.getByText('quotas.csv, dòng 3, cột target: chỉ tiêu "-2" phải là số nguyên từ 0 đến 100000.')).toBeTruthy();
  });

  it('refuses a file over the limit without reading or sending it', async () => {
    const api = fakeApi({ status: statusOf(false, SUPERVISOR), ...userDirectory(), installPackage: async () => ok(RESULT) });
    const { user } = renderApp(api);
    const p = await panel(user);
    const big = packageFile();
    Object.defineProperty(big, 'size', { value: PACKAGE_UPLOAD_MAX_BYTES + 1 });
    await user.upload(p.getByLabelText('Tệp gói khảo sát (.kspkg)'), big);
    expect((await p.findByRole('alert')).textContent).toBe('Tệp hids.kspkg lớn hơn 50 MB; gói khảo sát không thể lớn như vậy.');
    expect(api.installPackage).not.toHaveBeenCalled();
  });

  it('is not on a surveyor\'s home', async () => {
    renderApp(fakeApi({ status: statusOf(false, SURVEYOR) }));
    await screen.findByRole('heading', { name: /Xin chào/ });
    expect(screen.queryByRole('heading', { name: 'Cài gói khảo sát' })).toBeNull();
  });
});
