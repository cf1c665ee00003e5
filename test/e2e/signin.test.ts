// The real UI against the real services and SQLite: the built renderer served by the preview
// host, driven in Debian's Chromium — a surveyor signs in and sees who is signed in; a supervisor
// registers a surveyor who can then sign in.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../electron/preview/demo';
import { CHROMIUM, hasChromium, launchChromium, openPage, fillSignIn } from './browser';
import { PREVIEW_BUNDLE, startPreview, type RunningPreview } from './preview-process';

const hasBuild = existsSync(PREVIEW_BUNDLE) && existsSync('dist/renderer/index.html');
if (!hasChromium) console.warn(`e2e skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`);
if (!hasBuild) console.warn('e2e skipped: no build in dist/ (run npm run build first)');

describe.skipIf(!hasChromium || !hasBuild)('sign-in in Chromium through the preview host', () => {
  let dir: string;
  let preview: RunningPreview;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-e2e-'));
    preview = await startPreview(['--db', path.join(dir, 'e2e.sqlite'), '--seed-demo']);
    // launch() gives Chromium a fresh temporary profile of its own each run.
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a surveyor signs in with code and PIN and sees their name and role', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1024, height: 720 });

    await page.goto(preview.url);
    const code = page.getByLabel('Mã người dùng');
    await expect.poll(() => code.isVisible()).toBe(true);
    // The token left the address bar as soon as the page read it.
    expect(page.url()).not.toContain('token=');

    if (process.env.SCREENSHOTS === '1') {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot({ path: 'docs/screenshots/signin.png' });
    }

    // A wrong PIN first: the answer says how many tries remain before the lock.
    await code.fill(DEMO_USERS.surveyor.code);
    await page.getByLabel('Mã PIN hoặc mật khẩu').fill('5829');
    await page.getByLabel('Mã PIN hoặc mật khẩu').press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Còn 4 lần thử trước khi bị khóa đăng nhập 5 phút.');

    await code.fill(DEMO_USERS.surveyor.code);
    await page.getByLabel('Mã PIN hoặc mật khẩu').fill(DEMO_USERS.surveyor.secret);
    await page.getByLabel('Mã PIN hoặc mật khẩu').press('Enter');

    const greeting = page.getByRole('heading', { name: `Xin chào, ${DEMO_USERS.surveyor.name} — Điều tra viên` });
    await greeting.waitFor({ timeout: 15_000 });
    expect(await greeting.isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Đăng xuất' }).isVisible()).toBe(true);
    // No CSP violation, no failed request, no uncaught error on the way.
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a supervisor registers a surveyor, who can then sign in on this laptop', async () => {
    const { context, page, problems } = await openPage(browser, { width: 1024, height: 900 });
    const newcomer = { code: 'DTV002', name: 'Lê Thị Hoa', secret: '482913' };

    await page.goto(preview.url);
    // The host keeps one session, like the desktop app: whoever the last test signed in signs out.
    const signOut = page.getByRole('button', { name: 'Đăng xuất' });
    await page.getByLabel('Mã người dùng').or(signOut).waitFor({ timeout: 15_000 });
    if (await signOut.isVisible()) await signOut.click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor({ timeout: 15_000 });
    await fillSignIn(page, DEMO_USERS.supervisor);
    // The supervisor's home opens on review; the users are a tab away.
    await page.getByRole('tab', { name: 'Người dùng' }).click({ timeout: 15_000 });

    const users = page.getByRole('table', { name: 'Người dùng trên máy này' });
    await users.getByRole('cell', { name: DEMO_USERS.surveyor.code, exact: true }).waitFor({ timeout: 15_000 });

    // Every other user's row offers what a supervisor can do about them.
    await page.getByRole('button', { name: `Vô hiệu hóa ${DEMO_USERS.surveyor.code}` }).waitFor();
    await page.getByRole('button', { name: `Đặt lại PIN ${DEMO_USERS.surveyor.code}` }).waitFor();

    const form = page.getByRole('form', { name: 'Thêm điều tra viên' });
    await form.getByLabel('Mã người dùng').fill(newcomer.code);
    await form.getByLabel('Họ và tên').fill(newcomer.name);
    await form.getByLabel('Mã PIN hoặc mật khẩu', { exact: true }).fill(newcomer.secret);
    await form.getByLabel('Nhập lại mã PIN hoặc mật khẩu').fill(newcomer.secret);
    await form.getByLabel('Nhập lại mã PIN hoặc mật khẩu').press('Enter');

    await expect
      .poll(() => form.getByRole('status').textContent())
      .toBe(`Đã thêm ${newcomer.name} (${newcomer.code}) — Điều tra viên.`);
    await users.getByRole('cell', { name: newcomer.code, exact: true }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocapitalize'))).toBe('characters');

    if (process.env.SCREENSHOTS === '1') {
      mkdirSync('docs/screenshots', { recursive: true });
      await page.screenshot({ path: 'docs/screenshots/users.png', fullPage: true });
    }

    await signOut.click();
    // Wait for the sign-in screen itself: until it replaces the home screen, the users form's
    // own "Mã người dùng" field is the one a label query would find.
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor({ timeout: 15_000 });
    await fillSignIn(page, newcomer);

    const greeting = page.getByRole('heading', { name: `Xin chào, ${newcomer.name} — Điều tra viên` });
    await greeting.waitFor({ timeout: 15_000 });
    // A surveyor does not get the supervisor's users panel.
    expect(await page.getByRole('heading', { name: 'Người dùng trên máy này' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
