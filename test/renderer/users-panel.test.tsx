// The supervisor's users panel on the home screen, through its accessible names: the list of
// users on this laptop and the form that registers one more.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { contractError, ERROR_MESSAGES, type Result, type User } from '../../shared/contract';
import { SECRET_RULE_MESSAGES } from '../../shared/users/secrets';
import { deferred, failure, fakeApi, ok, reviewQueue, statusOf, SUPERVISOR, SURVEYOR, userDirectory } from './fake-api';
import { openSupervisorTab, renderApp, useCleanPage } from './render-app';

useCleanPage();

type UserEvents = ReturnType<typeof renderApp>['user'];

/** Signed in as the supervisor, on the "Người dùng" tab of the home screen. */
async function renderAsSupervisor(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const api = fakeApi({ status: statusOf(false, SUPERVISOR), ...userDirectory(), ...reviewQueue(), ...overrides });
  const rendered = renderApp(api);
  await openSupervisorTab(rendered.user, 'Người dùng');
  return { api, ...rendered };
}

/** The rows of the users table as text, header row first. */
function tableRows(name = 'Người dùng trên máy này') {
  return within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .map((row) => [...within(row).queryAllByRole('columnheader'), ...within(row).queryAllByRole('cell')].map((c) => c.textContent));
}

async function fillNewUser(user: UserEvents, entries: { code: string; name: string; secret: string; again: string }) {
  await user.type(await screen.findByLabelText('Mã người dùng'), entries.code);
  await user.type(screen.getByLabelText('Họ và tên'), entries.name);
  await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), entries.secret);
  await user.type(screen.getByLabelText('Nhập lại mã PIN hoặc mật khẩu'), entries.again);
}

/** The new-user form's own status line (the panel has another for actions on listed users). */
function formStatus(name = 'Thêm điều tra viên') {
  return within(screen.getByRole('form', { name })).getByRole('status').textContent;
}

const HOA = { code: 'DTV002', name: 'Lê Thị Hoa', secret: '482913', again: '482913' };

// Each test first opens its tab of the supervisor's home: more than the default 5 s on a loaded machine.
describe('users panel', { timeout: 20_000 }, () => {
  it('shows a supervisor the users of this laptop with their role and whether they are active', async () => {
    await renderAsSupervisor();
    expect(await screen.findByRole('heading', { name: 'Người dùng trên máy này' })).toBeTruthy();
    await screen.findByRole('table', { name: 'Người dùng trên máy này' });
    expect(tableRows()).toEqual([
      ['Mã', 'Họ và tên', 'Vai trò', 'Hoạt động', 'Thao tác'],
      ['GS001', 'Nguyễn Thị Lan', 'Giám sát viên', 'Có', '(bạn)'],
      ['DTV001', 'Trần Văn Minh', 'Điều tra viên', 'Có', 'Vô hiệu hóaĐặt lại PIN'],
    ]);
    const role = screen.getByLabelText<HTMLSelectElement>('Vai trò');
    expect(role.value).toBe('surveyor');
    expect(within(role).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Điều tra viên',
      'Giám sát viên',
      'Chuyên viên phân tích',
    ]);
  });

  it('adds a surveyor on Enter: the core is asked, the list refreshes, the form empties for the next one', async () => {
    const { api, user } = await renderAsSupervisor();
    await screen.findByRole('table', { name: 'Người dùng trên máy này' });
    await fillNewUser(user, { ...HOA, again: `${HOA.again}{Enter}` });

    expect(api.createUser).toHaveBeenCalledWith({ code: 'DTV002', name: 'Lê Thị Hoa', role: 'surveyor', secret: '482913' });
    await waitFor(() => expect(formStatus()).toBe('Đã thêm Lê Thị Hoa (DTV002) — Điều tra viên.'));
    await waitFor(() => expect(tableRows()).toContainEqual(['DTV002', 'Lê Thị Hoa', 'Điều tra viên', 'Có', 'Vô hiệu hóaĐặt lại PIN']));
    for (const label of ['Mã người dùng', 'Họ và tên', 'Mã PIN hoặc mật khẩu', 'Nhập lại mã PIN hoặc mật khẩu']) {
      expect(screen.getByLabelText<HTMLInputElement>(label).value).toBe('');
    }
    expect(document.activeElement).toBe(screen.getByLabelText('Mã người dùng'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('registers another role when the supervisor picks it', async () => {
    const { api, user } = await renderAsSupervisor();
    await fillNewUser(user, { code: 'PT001', name: 'Phạm Quốc Bảo', secret: 'phan-tich-2025', again: 'phan-tich-2025' });
    await user.selectOptions(screen.getByLabelText('Vai trò'), 'Chuyên viên phân tích');
    await user.click(screen.getByRole('button', { name: 'Thêm người dùng' }));
    expect(api.createUser).toHaveBeenCalledWith({ code: 'PT001', name: 'Phạm Quốc Bảo', role: 'analyst', secret: 'phan-tich-2025' });
    await waitFor(() => expect(formStatus()).toBe('Đã thêm Phạm Quốc Bảo (PT001) — Chuyên viên phân tích.'));
    expect(screen.getByLabelText<HTMLSelectElement>('Vai trò').value).toBe('surveyor');
  });

  it('refuses two different PIN entries without asking the core', async () => {
    const { api, user } = await renderAsSupervisor();
    await fillNewUser(user, { ...HOA, again: '482914{Enter}' });
    expect((await screen.findByRole('alert')).textContent).toBe('Hai lần nhập mã PIN/mật khẩu không khớp.');
    expect(api.createUser).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(screen.getByLabelText('Nhập lại mã PIN hoặc mật khẩu'));
  });

  it('refuses a weak PIN or password without asking the core', async () => {
    const { api, user } = await renderAsSupervisor();
    await fillNewUser(user, { ...HOA, secret: '12', again: '12{Enter}' });
    expect((await screen.findByRole('alert')).textContent).toBe(SECRET_RULE_MESSAGES.pin_too_short.vi);
    expect(screen.getByLabelText('Mã PIN hoặc mật khẩu').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Mã PIN hoặc mật khẩu'));

    // Thirteen digits is "too long", a trivial PIN is refused, seven characters is too short a password.
    const cases = [
      ['5829174630125', SECRET_RULE_MESSAGES.pin_too_long.vi],
      ['1111', SECRET_RULE_MESSAGES.pin_trivial.vi],
      ['abc1234', SECRET_RULE_MESSAGES.password_too_short.vi],
    ] as const;
    for (const [secret, expected] of cases) {
      await user.clear(screen.getByLabelText('Mã PIN hoặc mật khẩu'));
      await user.clear(screen.getByLabelText('Nhập lại mã PIN hoặc mật khẩu'));
      await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), secret);
      await user.type(screen.getByLabelText('Nhập lại mã PIN hoặc mật khẩu'), `${secret}{Enter}`);
      expect(screen.getByRole('alert').textContent).toBe(expected);
    }
    expect(api.createUser).not.toHaveBeenCalled();
  });

  it('asks for a well-formed code and every field before asking the core', async () => {
    const { api, user } = await renderAsSupervisor();
    await user.type(await screen.findByLabelText('Mã người dùng'), 'DTV 002{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Vui lòng điền đủ các ô.');
    expect(document.activeElement).toBe(screen.getByLabelText('Họ và tên'));
    await user.type(screen.getByLabelText('Họ và tên'), HOA.name);
    await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), HOA.secret);
    await user.type(screen.getByLabelText('Nhập lại mã PIN hoặc mật khẩu'), `${HOA.again}{Enter}`);
    expect(screen.getByRole('alert').textContent).toBe(
      'Mã người dùng chỉ gồm 2–32 ký tự: chữ cái không dấu, chữ số, dấu _ . - và không có khoảng trắng.',
    );
    expect(api.createUser).not.toHaveBeenCalled();
  });

  it('shows a code already taken in an alert, in Vietnamese and then in English after the toggle', async () => {
    const { api, user } = await renderAsSupervisor();
    await screen.findByRole('table', { name: 'Người dùng trên máy này' });
    await fillNewUser(user, { ...HOA, code: 'DTV001', again: `${HOA.again}{Enter}` });
    expect(api.createUser).toHaveBeenCalledTimes(1);
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.duplicate_code.vi);
    // The entries stay, the code is where the fix goes.
    expect(screen.getByLabelText<HTMLInputElement>('Họ và tên').value).toBe('Lê Thị Hoa');
    expect(document.activeElement).toBe(screen.getByLabelText('Mã người dùng'));
    expect(formStatus()).toBe('');

    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('alert').textContent).toBe(ERROR_MESSAGES.duplicate_code.en);
    expect(screen.getByRole('heading', { name: 'Users on this laptop' })).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Add a surveyor' })).toBeTruthy();
    expect(screen.getByLabelText<HTMLInputElement>('User code').value).toBe('DTV001');
    expect(tableRows('Users on this laptop')[2]).toEqual(['DTV001', 'Trần Văn Minh', 'Surveyor', 'Yes', 'DeactivateReset PIN']);
  });

  it('shows the field and rule the core named, not "the request is not valid"', async () => {
    const issue = { path: 'name', problem: 'Too big', message: 'Họ và tên: tối đa 120 ký tự', messageEn: 'Full name: at most 120 characters' };
    const refusal: Result<never> = { ok: false, error: contractError('invalid_request', [issue]) };
    const { user } = await renderAsSupervisor({ createUser: async () => refusal });
    await fillNewUser(user, { ...HOA, again: `${HOA.again}{Enter}` });
    expect((await screen.findByRole('alert')).textContent).toBe('Họ và tên: tối đa 120 ký tự');
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('alert').textContent).toBe('Full name: at most 120 characters');
  });

  it('shows a busy button while the core registers the user', async () => {
    const pending = deferred<Result<User>>();
    const { user } = await renderAsSupervisor({ createUser: () => pending.promise });
    await fillNewUser(user, { ...HOA, again: `${HOA.again}{Enter}` });
    expect(await screen.findByRole('button', { name: 'Đang thêm…' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('form', { name: 'Thêm điều tra viên' }).getAttribute('aria-busy')).toBe('true');
    pending.resolve(ok({ id: 3, code: 'DTV002', name: 'Lê Thị Hoa', role: 'surveyor', active: true }));
    expect(await screen.findByRole('button', { name: 'Thêm người dùng' })).toHaveProperty('disabled', false);
  });

  it('is not shown to a surveyor, and their screen never asks for the users', async () => {
    const api = fakeApi({ status: statusOf(false, SURVEYOR), ...userDirectory() });
    renderApp(api);
    expect(await screen.findByRole('heading', { name: 'Xin chào, Trần Văn Minh — Điều tra viên' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Người dùng trên máy này' })).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByLabelText('Mã người dùng')).toBeNull();
    expect(api.listUsers).not.toHaveBeenCalled();
  });

  it('shows a locked user with the time the lock ends, and unlocking them lifts it', async () => {
    const { api, user } = await renderAsSupervisor(userDirectory([SUPERVISOR, { ...SURVEYOR, lockedUntil: '2025-07-01T08:05:00.000Z' }]));
    await screen.findByRole('table', { name: 'Người dùng trên máy này' });
    const locked = tableRows()[2]!;
    expect(locked[3]).toMatch(/^Tạm khóa đến \d{2}:\d{2}$/);
    await user.click(screen.getByRole('button', { name: 'Mở khóa DTV001' }));
    expect(api.unlockUser).toHaveBeenCalledWith({ userId: SURVEYOR.id });
    await waitFor(() => expect(tableRows()[2]).toEqual(['DTV001', 'Trần Văn Minh', 'Điều tra viên', 'Có', 'Vô hiệu hóaĐặt lại PIN']));
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Đã mở khóa DTV001.');
  });

  it('deactivates and reactivates a user; a supervisor is offered no action on their own row', async () => {
    const { api, user } = await renderAsSupervisor();
    await screen.findByRole('table', { name: 'Người dùng trên máy này' });
    expect(screen.queryByRole('button', { name: /GS001$/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Vô hiệu hóa DTV001' }));
    expect(api.setUserActive).toHaveBeenCalledWith({ userId: SURVEYOR.id, active: false });
    await waitFor(() => expect(tableRows()[2]).toEqual(['DTV001', 'Trần Văn Minh', 'Điều tra viên', 'Đã vô hiệu hóa', 'Kích hoạt lạiĐặt lại PIN']));
    await user.click(screen.getByRole('button', { name: 'Kích hoạt lại DTV001' }));
    expect(api.setUserActive).toHaveBeenLastCalledWith({ userId: SURVEYOR.id, active: true });
    await waitFor(() => expect(tableRows()[2]![3]).toBe('Có'));
  });

  it('shows a refused action in an alert beside the list', async () => {
    const { user } = await renderAsSupervisor({ setUserActive: async () => failure('cannot_deactivate_self') });
    await screen.findByRole('table', { name: 'Người dùng trên máy này' });
    await user.click(screen.getByRole('button', { name: 'Vô hiệu hóa DTV001' }));
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.cannot_deactivate_self.vi);
  });

  it('resets a PIN in a form that takes the new one twice, checked with the rules of the user\'s role', async () => {
    const { api, user } = await renderAsSupervisor();
    await screen.findByRole('table', { name: 'Người dùng trên máy này' });
    await user.click(screen.getByRole('button', { name: 'Đặt lại PIN DTV001' }));
    const form = screen.getByRole('form', { name: 'Đặt lại mã PIN cho DTV001 (Trần Văn Minh)' });
    expect(document.activeElement).toBe(within(form).getByLabelText('Mã PIN hoặc mật khẩu mới'));
    await user.type(within(form).getByLabelText('Mã PIN hoặc mật khẩu mới'), '0000');
    await user.type(within(form).getByLabelText('Nhập lại mã PIN hoặc mật khẩu mới'), '0000{Enter}');
    expect(within(form).getByRole('alert').textContent).toBe(SECRET_RULE_MESSAGES.pin_trivial.vi);
    expect(api.resetUserSecret).not.toHaveBeenCalled();
    await user.clear(within(form).getByLabelText('Mã PIN hoặc mật khẩu mới'));
    await user.clear(within(form).getByLabelText('Nhập lại mã PIN hoặc mật khẩu mới'));
    await user.type(within(form).getByLabelText('Mã PIN hoặc mật khẩu mới'), ' 5829 ');
    await user.type(within(form).getByLabelText('Nhập lại mã PIN hoặc mật khẩu mới'), '5829{Enter}');
    expect(api.resetUserSecret).toHaveBeenCalledWith({ userId: SURVEYOR.id, secret: '5829' });
    await waitFor(() => expect(screen.queryByRole('form', { name: /Đặt lại mã PIN/ })).toBeNull());
    expect(screen.getAllByRole('status').map((s) => s.textContent)).toContain('Đã đặt lại mã PIN cho DTV001; tài khoản không còn bị khóa.');
    // The registration form is back.
    expect(screen.getByRole('form', { name: 'Thêm điều tra viên' })).toBeTruthy();
  });

  it('shows a refused list in an alert', async () => {
    await renderAsSupervisor({ listUsers: async () => failure('not_signed_in') });
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.not_signed_in.vi);
  });
});
