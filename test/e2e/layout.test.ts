// Screens fit the laptops they run on: at 1366×768 and 1024×600, first-run setup and the users
// panel show their submit button and the message it produces without any scrolling, the
// supervisor's five tabs sit on one row, and nothing is pushed off the right edge. Real UI, built renderer, preview host, Debian's Chromium.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../electron/preview/demo';
import { CHROMIUM, launchChromium, fillSignIn } from './browser';
import { PREVIEW_BUNDLE, startPreview, type RunningPreview } from './preview-process';

const ready = existsSync(CHROMIUM) && existsSync(PREVIEW_BUNDLE) && existsSync('dist/renderer/index.html');
const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1024, height: 600 },
];

/** True when the element lies wholly inside the first screenful of the page (no scrolling needed). */
async function withinFirstScreen(locator: Locator): Promise<{ inside: boolean; box: string }> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const top = r.top + window.scrollY;
    const left = r.left + window.scrollX;
    const inside = top >= 0 && left >= 0 && top + r.height <= window.innerHeight && left + r.width <= window.innerWidth;
    return { inside, box: `${Math.round(left)},${Math.round(top)} ${Math.round(r.width)}×${Math.round(r.height)} in ${window.innerWidth}×${window.innerHeight}` };
  });
}

async function expectOnFirstScreen(page: Page, ...locators: Locator[]) {
  for (const l of locators) {
    const where = await withinFirstScreen(l);
    expect(where.inside, `${l.toString()} at ${where.box}`).toBe(true);
  }
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0], 'page wider than the window').toBeLessThanOrEqual(widths[1]!);
}

describe.skipIf(!ready)('screens fit 1366×768 and 1024×600 laptops', () => {
  let dir: string;
  let browser: Browser;
  const previews: RunningPreview[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-layout-'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    for (const p of previews) await p.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const viewport of VIEWPORTS) {
    const size = `${viewport.width}×${viewport.height}`;

    it(`${size}: first-run setup shows its button and a PIN-rule message without scrolling`, async () => {
      const preview = await startPreview(['--db', path.join(dir, `setup-${viewport.width}.sqlite`)]);
      previews.push(preview);
      const context = await browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(preview.url);
      await page.getByRole('heading', { name: 'Thiết lập máy lần đầu' }).waitFor({ timeout: 15_000 });
      await page.getByLabel('Mã giám sát viên').fill('GS01');
      await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
      await page.getByLabel('Mã PIN hoặc mật khẩu', { exact: true }).fill('1234');
      await page.getByLabel('Nhập lại mã PIN hoặc mật khẩu').fill('1234');
      await page.getByLabel('Nhập lại mã PIN hoặc mật khẩu').press('Enter');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('quá dễ đoán');
      await expectOnFirstScreen(page, alert, page.getByRole('button', { name: 'Tạo giám sát viên' }));
      await context.close();
    });

    it(`${size}: the users panel shows every action, the form's button and its message without scrolling`, async () => {
      const preview = await startPreview(['--db', path.join(dir, `users-${viewport.width}.sqlite`), '--seed-demo']);
      previews.push(preview);
      const context = await browser.newContext({ viewport, locale: 'vi-VN' });
      const page = await context.newPage();
      await page.goto(preview.url);
      await fillSignIn(page, DEMO_USERS.supervisor);
      // The supervisor's tabs: all five on one row, on the first screen.
      const tabs = page.getByRole('tablist', { name: 'Công việc của giám sát viên' }).getByRole('tab');
      await tabs.first().waitFor({ timeout: 15_000 });
      expect(await tabs.count()).toBe(5);
      await expectOnFirstScreen(page, ...(await tabs.all()));
      const tops = await tabs.evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
      expect(new Set(tops).size, `tab rows at ${tops.join(', ')}`).toBe(1);
      await page.getByRole('tab', { name: 'Người dùng' }).click({ timeout: 15_000 });
      const table = page.getByRole('table', { name: 'Người dùng trên máy này' });
      await table.getByRole('cell', { name: DEMO_USERS.surveyor.code, exact: true }).waitFor({ timeout: 15_000 });

      const form = page.getByRole('form', { name: 'Thêm điều tra viên' });
      await form.getByLabel('Mã người dùng').fill('DTV009');
      await form.getByLabel('Họ và tên').fill('Lê Thị Hoa');
      await form.getByLabel('Mã PIN hoặc mật khẩu', { exact: true }).fill('5829174630125');
      await form.getByLabel('Nhập lại mã PIN hoặc mật khẩu').fill('5829174630125');
      await form.getByLabel('Nhập lại mã PIN hoặc mật khẩu').press('Enter');
      const alert = form.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).toContain('quá dài');
      await expectOnFirstScreen(
        page,
        alert,
        form.getByRole('button', { name: 'Thêm người dùng' }),
        page.getByRole('button', { name: `Vô hiệu hóa ${DEMO_USERS.surveyor.code}` }),
        page.getByRole('button', { name: `Đặt lại PIN ${DEMO_USERS.surveyor.code}` }),
      );

      await page.getByRole('button', { name: `Đặt lại PIN ${DEMO_USERS.surveyor.code}` }).click();
      const reset = page.getByRole('form', { name: `Đặt lại mã PIN cho ${DEMO_USERS.surveyor.code} (${DEMO_USERS.surveyor.name})` });
      await reset.getByLabel('Mã PIN hoặc mật khẩu mới', { exact: true }).fill('0000');
      await reset.getByLabel('Nhập lại mã PIN hoặc mật khẩu mới').fill('0000');
      await reset.getByLabel('Nhập lại mã PIN hoặc mật khẩu mới').press('Enter');
      await reset.getByRole('alert').waitFor();
      await expectOnFirstScreen(page, reset.getByRole('alert'), reset.getByRole('button', { name: 'Đặt lại' }), reset.getByRole('button', { name: 'Hủy' }));
      await context.close();
    });
  }
});
