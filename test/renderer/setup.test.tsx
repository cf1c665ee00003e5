// The first-run screen: creates the first supervisor when the core says setup is needed.
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../shared/contract';
import { SECRET_RULE_MESSAGES } from '../../shared/users/secrets';
import { failure, fakeApi, ok, statusOf, SUPERVISOR } from './fake-api';
import { renderApp, useCleanPage } from './render-app';

useCleanPage();

async function fillSetup(user: ReturnType<typeof renderApp>['user'], secret: string, again: string) {
  await user.type(await screen.findByLabelText('Mã giám sát viên'), 'GS001');
  await user.type(screen.getByLabelText('Họ và tên'), 'Nguyễn Thị Lan');
  await user.type(screen.getByLabelText('Mã PIN hoặc mật khẩu'), secret);
  await user.type(screen.getByLabelText('Nhập lại mã PIN hoặc mật khẩu'), again);
}

describe('first-run setup screen', () => {
  it('is shown when the laptop has no users, focused on the first field', async () => {
    renderApp(fakeApi({ status: statusOf(true) }));
    expect(await screen.findByRole('heading', { name: 'Thiết lập máy lần đầu' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Mã giám sát viên'));
    expect(screen.getByLabelText('Mã PIN hoặc mật khẩu').getAttribute('type')).toBe('password');
  });

  it('creates the first supervisor and signs them in', async () => {
    const api = fakeApi({ status: statusOf(true), createFirstSupervisor: async () => ok(SUPERVISOR) });
    const { user } = renderApp(api);
    await fillSetup(user, '24681035', '24681035');
    await user.click(screen.getByRole('button', { name: 'Tạo giám sát viên' }));
    expect(api.createFirstSupervisor).toHaveBeenCalledWith({ code: 'GS001', name: 'Nguyễn Thị Lan', secret: '24681035' });
    expect(await screen.findByRole('heading', { name: 'Xin chào, Nguyễn Thị Lan — Giám sát viên' })).toBeTruthy();
  });

  it('refuses two different PIN entries without calling the core', async () => {
    const api = fakeApi({ status: statusOf(true) });
    const { user } = renderApp(api);
    await fillSetup(user, '24681035', '24681036{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe('Hai lần nhập mã PIN/mật khẩu không khớp.');
    expect(api.createFirstSupervisor).not.toHaveBeenCalled();
  });

  it('refuses a PIN shorter than 8 digits for the first supervisor, in the shared words, without calling the core', async () => {
    const api = fakeApi({ status: statusOf(true) });
    const { user } = renderApp(api);
    expect((await screen.findByText(/Mã PIN gồm 8–12 chữ số/)).textContent).toContain('hoặc mật khẩu ít nhất 8 ký tự');
    await fillSetup(user, '482913', '482913{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(SECRET_RULE_MESSAGES.pin_too_short_for_role.vi);
    expect(screen.getByLabelText('Mã PIN hoặc mật khẩu').getAttribute('aria-invalid')).toBe('true');
    expect(api.createFirstSupervisor).not.toHaveBeenCalled();
  });

  it('shows the core refusing a weak PIN', async () => {
    const { user } = renderApp(fakeApi({ status: statusOf(true), createFirstSupervisor: async () => failure('weak_secret') }));
    await fillSetup(user, '24681035', '24681035{Enter}');
    expect((await screen.findByRole('alert')).textContent).toBe(ERROR_MESSAGES.weak_secret.vi);
    expect(screen.getByRole('heading', { name: 'Thiết lập máy lần đầu' })).toBeTruthy();
  });
});
