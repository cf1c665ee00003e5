// The sign-in screen through its accessible names: Vietnamese first, English on the toggle.
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../../renderer/i18n';
import { contractError, ERROR_MESSAGES, type Result, type User } from '../../shared/contract';
import { deferred, failure, fakeApi, ok, statusOf, SURVEYOR } from './fake-api';
import { renderApp, useCleanPage } from './render-app';

useCleanPage();

describe('sign-in screen', () => {
  it('puts the focus on the user code field', async () => {
    renderApp(fakeApi({ status: statusOf(false) }));
    const code = await screen.findByLabelText('Mã người dùng');
    expect(document.activeElement).toBe(code);
    expect(screen.getByRole('heading', { name: 'Đăng nhập' })).toBeTruthy();
  });

  it('submits code and PIN on Enter and then greets the surveyor by name and role', async () => {
    const api = fakeApi({ status: statusOf(false), signIn: async () => ok(SURVEYOR) });
    const { user } = renderApp(api);
    await user.type(await screen.findByLabelText('Mã người dùng'), 'DTV001');
    await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), '135790{Enter}');
    expect(api.signIn).toHaveBeenCalledWith({ code: 'DTV001', secret: '135790' });
    expect(await screen.findByRole('heading', { name: 'Xin chào, Trần Văn Minh — Điều tra viên' })).toBeTruthy();
  });

  it('shows a wrong PIN in an alert, clears the PIN and keeps the code', async () => {
    const { user } = renderApp(fakeApi({ status: statusOf(false), signIn: async () => failure('invalid_credentials') }));
    await user.type(await screen.findByLabelText('Mã người dùng'), 'DTV001');
    await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), '0000{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.invalid_credentials.vi);
    expect(screen.getByLabelText<HTMLInputElement>('Mã PIN hoặc mật khẩu').value).toBe('');
    expect(screen.getByLabelText<HTMLInputElement>('Mã người dùng').value).toBe('DTV001');
    expect(document.activeElement).toBe(screen.getByLabelText('Mã PIN hoặc mật khẩu'));
  });

  it('says when the account is locked out', async () => {
    const { user } = renderApp(fakeApi({ status: statusOf(false), signIn: async () => failure('locked_out') }));
    await user.type(await screen.findByLabelText('Mã người dùng'), 'DTV001');
    await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), '0000{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.locked_out.vi);
  });

  it('says how many tries remain, and how long a lock lasts, in the reader\'s language', async () => {
    const answers: Result<User>[] = [
      { ok: false, error: contractError('invalid_credentials', { remainingAttempts: 2 }) },
      { ok: false, error: contractError('locked_out', { retryAfterSeconds: 300 }) },
    ];
    const { user } = renderApp(fakeApi({ status: statusOf(false), signIn: async () => answers.shift()! }));
    await user.type(await screen.findByLabelText('Mã người dùng'), 'DTV001');
    await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), '0001{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Mã người dùng hoặc mã PIN/mật khẩu không đúng. Còn 2 lần thử trước khi bị khóa đăng nhập 5 phút.',
    );
    await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), '0002{Enter}');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Thử lại sau 5 phút.'));
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('alert').textContent).toContain('Try again in 5 minutes.');
  });

  it('sends a PIN without the spaces typed around it', async () => {
    const api = fakeApi({ status: statusOf(false), signIn: async () => ok(SURVEYOR) });
    const { user } = renderApp(api);
    await user.type(await screen.findByLabelText('Mã người dùng'), 'DTV001');
    await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), ' 135790 {Enter}');
    expect(api.signIn).toHaveBeenCalledWith({ code: 'DTV001', secret: '135790' });
  });

  it('asks for both fields without calling the core when one is empty', async () => {
    const api = fakeApi({ status: statusOf(false) });
    const { user } = renderApp(api);
    await user.type(await screen.findByLabelText('Mã người dùng'), 'DTV001{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Vui lòng điền đủ các ô.');
    expect(api.signIn).not.toHaveBeenCalled();
  });

  it('shows a busy button while signing in', async () => {
    const pending = deferred<Result<User>>();
    const { user } = renderApp(fakeApi({ status: statusOf(false), signIn: () => pending.promise }));
    await user.type(await screen.findByLabelText('Mã người dùng'), 'DTV001');
    await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), '135790{Enter}');
    const busy = await screen.findByRole('button', { name: 'Đang đăng nhập…' });
    expect(busy).toHaveProperty('disabled', true);
    pending.resolve(ok(SURVEYOR));
    await screen.findByRole('button', { name: 'Đăng xuất' });
  });

  it('switches labels and errors to English with the toggle and remembers the choice', async () => {
    const { user } = renderApp(fakeApi({ status: statusOf(false), signIn: async () => failure('invalid_credentials') }));
    await screen.findByLabelText('Mã người dùng');
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByLabelText('Mã người dùng')).toBeNull();
    await user.type(screen.getByLabelText('User code'), 'DTV001');
    await user.type(screen.getByLabelText('PIN or password'), '0000{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.invalid_credentials.en);
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    await user.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByLabelText('Mã người dùng')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(ERROR_MESSAGES.invalid_credentials.vi);
  });

  it('signs out from the home screen back to sign-in', async () => {
    const api = fakeApi({ status: statusOf(false, SURVEYOR), signOut: async () => ok({ signedOut: true as const }) });
    const { user } = renderApp(api);
    await user.click(await screen.findByRole('button', { name: 'Đăng xuất' }));
    expect(api.signOut).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByLabelText('Mã người dùng')).toBeTruthy());
  });
});
