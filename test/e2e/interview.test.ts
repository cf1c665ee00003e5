// A surveyor's interview end to end in Debian's Chromium, through the preview host (real
// services, real SQLite): the built-in HIDS instrument from the keyboard with a skip branch, a
// refusal at consent, a reload in the middle, a required question blocking completion, and the
// searchable unit and agency lists.
// Written against the built-in HIDS instrument (intro and consent on the start screen, the
// eligibility screen and the service-use filter).
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../electron/preview/demo';
import { hasChromium, launchChromium, openPage } from './browser';
import { PREVIEW_BUNDLE, startPreview, type RunningPreview } from './preview-process';

const hasBuild = existsSync(PREVIEW_BUNDLE) && existsSync('dist/renderer/index.html');
const SHOTS = process.env.SCREENSHOTS === '1';

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png` });
}

/** The element that has focus: its accessible-ish text, for tabbing to a button. */
const focusedText = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? '');

async function tabTo(page: Page, text: string) {
  for (let k = 0; k < 60; k++) {
    if ((await focusedText(page)).trim() === text) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`no focusable "${text}" reached with Tab`);
}

async function signInAsSurveyor(page: Page, url: string) {
  await page.goto(url);
  const code = page.getByLabel('Mã người dùng');
  const home = page.getByRole('button', { name: 'Bắt đầu phiếu mới' });
  await code.or(home).first().waitFor({ timeout: 20_000 });
  if (await home.isVisible()) return;
  await code.fill(DEMO_USERS.surveyor.code);
  await page.getByLabel('Mã PIN hoặc mật khẩu').fill(DEMO_USERS.surveyor.secret);
  await page.keyboard.press('Enter');
  await home.waitFor({ timeout: 20_000 });
}

/** From home: start an interview in Bến Thành with the keyboard; consent 1 (yes) or 2 (no). */
async function startInterview(page: Page, consentKey: '1' | '2', shotName?: string) {
  await page.getByRole('button', { name: 'Bắt đầu phiếu mới' }).focus();
  await page.keyboard.press('Enter');
  const search = page.getByRole('searchbox', { name: /Tìm đơn vị/ });
  await search.waitFor();
  await search.focus();
  await page.keyboard.type('ben thanh');
  await page.getByRole('radio', { name: /Phường Bến Thành/ }).waitFor();
  if (shotName) await shot(page, shotName);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await page.getByText(/Đã chọn: Phường Bến Thành/).waitFor();
  await page.keyboard.press('Tab');
  await page.keyboard.press(consentKey);
  await tabTo(page, 'Bắt đầu');
  await page.keyboard.press('Enter');
}

/** Chooses in a searchable list (combobox) by typing the label, then Enter; the field then shows it. */
async function typeOption(page: Page, name: RegExp, hasText: string) {
  const box = page.getByRole('combobox', { name });
  await page.keyboard.type(hasText);
  await expect.poll(() => page.getByRole('option').first().textContent()).toContain(hasText);
  await page.keyboard.press('Enter');
  await expect.poll(() => box.inputValue()).toContain(hasText);
  await expect.poll(() => box.getAttribute('aria-expanded')).toBe('false');
}

/** Presses one key per field of the page, Tab between them, then Enter. */
async function keysPerField(page: Page, heading: string, keys: string[]) {
  await page.getByRole('heading', { name: heading }).waitFor({ timeout: 20_000 });
  for (const [k, key] of keys.entries()) {
    if (k > 0) await page.keyboard.press('Tab');
    await page.keyboard.press(key);
  }
  await page.keyboard.press('Enter');
}

async function answerMetaPage(page: Page) {
  await page.getByRole('heading', { name: 'Thông tin phiếu' }).waitFor({ timeout: 20_000 });
  await page.keyboard.type('DTV001');
  await page.keyboard.press('Tab');
  await page.keyboard.type('15/11/2025');
  await page.keyboard.press('Tab');
  await page.keyboard.press('1'); // face-to-face
  await page.keyboard.press('Tab');
  await page.keyboard.press('1'); // at the one-stop desk
  await page.keyboard.press('Tab');
  await typeOption(page, /Phường\/xã\/đặc khu/, 'Phường Bến Thành');
  await page.keyboard.press('Tab');
  await typeOption(page, /Cơ quan, đơn vị được đánh giá/, 'Ủy ban nhân dân Phường Bến Thành');
  await page.keyboard.press('Enter');
}

/** Screening: a citizen, 18+, not the agency's staff; service use 1 (last 12 months) or 3 (never). */
async function answerScreening(page: Page, use: '1' | '3') {
  await keysPerField(page, 'Đối tượng khảo sát', ['1', '1', '2', use]);
}

async function answerRespondentPage(page: Page) {
  await keysPerField(page, 'Thông tin người trả lời', ['2', '3', '1', '5', '3']);
}

describe.skipIf(!hasChromium || !hasBuild)('a surveyor runs interviews in Chromium through the preview host', () => {
  let dir: string;
  let preview: RunningPreview;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-e2e-iv-'));
    preview = await startPreview(['--db', path.join(dir, 'e2e.sqlite'), '--seed-demo']);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const newPage = () => openPage(browser);

  it('(a) a complete HIDS interview, keyboard only, with a skip branch (no petition: the feedback block is skipped)', async () => {
    const { context, page, problems } = await newPage();
    await signInAsSurveyor(page, preview.url);
    await startInterview(page, '1', 'start-unit-search');
    await answerMetaPage(page);
    await answerScreening(page, '1');
    await answerRespondentPage(page);
    // Handled a procedure: yes; petition: no (skips the feedback ratings); mode: in person.
    await keysPerField(page, 'Trải nghiệm của Ông/Bà', ['1', '2', '1']);
    // The procedure: where (a ward service point) and which field (the first, by arrow keys).
    await page.getByRole('heading', { name: 'Thủ tục hành chính Ông/Bà đã giải quyết' }).waitFor();
    await page.keyboard.press('2');
    await page.keyboard.press('Tab');
    const fields = page.getByRole('combobox', { name: /Lĩnh vực/ });
    if (await fields.count()) await typeOption(page, /Lĩnh vực/, 'Hộ tịch');
    else await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    // Four satisfaction grids: a digit answers a row and focus moves to the next row.
    const grids: [string, string][] = [['Tiếp cận dịch vụ', '4454'], ['Thủ tục hành chính', '4444'], ['Công chức trực tiếp giải quyết công việc', '54549'], ['Kết quả giải quyết thủ tục hành chính', '444']];
    for (const [k, [title, keys]] of grids.entries()) {
      await page.getByRole('heading', { name: title }).waitFor();
      if (k === 0) await shot(page, 'satisfaction-grid');
      await page.keyboard.type(keys);
      await page.keyboard.press('Enter');
    }
    // Skipped by logic: straight to the overall question.
    await page.getByRole('radiogroup', { name: /Nhìn chung/ }).waitFor();
    expect(await page.getByRole('heading', { name: /Phản ánh, kiến nghị/ }).count()).toBe(0);
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Mong đợi của Ông\/Bà/ }).waitFor();
    await page.keyboard.type('123');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: /Ý kiến khác/ }).waitFor();
    await page.keyboard.type('Cần thêm chỗ ngồi chờ.');
    // Enter makes a new line in a long answer; PageDown goes on.
    await page.keyboard.press('PageDown');
    await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor();
    // One don't-know answer (CIV5 = 9) is listed for review; nothing else.
    await expect.poll(() => page.locator('.review-list li').allInnerTexts()).toEqual([expect.stringMatching(/^Không biết/)]);
    await shot(page, 'review');
    await tabTo(page, 'Hoàn thành phiếu');
    await page.keyboard.press('Enter');
    await page.getByText('Phiếu đã hoàn thành và được khóa.').waitFor();
    await tabTo(page, 'Về trang chủ');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Đã hoàn thành \(1\)/ }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('(b) a non-user reaches completion without rating services', async () => {
    const { context, page, problems } = await newPage();
    await signInAsSurveyor(page, preview.url);
    await startInterview(page, '1');
    await answerMetaPage(page);
    await answerScreening(page, '3');
    await answerRespondentPage(page);
    // Never used a service: "has handled a procedure" is no.
    await keysPerField(page, 'Trải nghiệm của Ông/Bà', ['2', '2', '1']);
    // Straight to the expectations: no procedure page, no satisfaction grid, no overall rating.
    await page.getByRole('heading', { name: /Mong đợi của Ông\/Bà/ }).waitFor();
    const sections = await page.getByRole('navigation', { name: 'Các phần' }).innerText();
    expect(sections).not.toContain('Tiếp cận dịch vụ');
    await page.keyboard.type('333');
    await page.keyboard.press('Enter');
    await page.getByRole('textbox', { name: /Ý kiến khác/ }).waitFor();
    await page.keyboard.press('PageDown');
    await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor();
    await expect.poll(() => page.getByText('Không còn câu nào cần xem lại.').isVisible()).toBe(true);
    await tabTo(page, 'Hoàn thành phiếu');
    await page.keyboard.press('Enter');
    await page.getByText('Phiếu đã hoàn thành và được khóa.').waitFor();
    expect(await page.getByText('(Hoàn thành)').count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('(c) a refusal at consent is recorded with outcome refused', async () => {
    const { context, page, problems } = await newPage();
    await signInAsSurveyor(page, preview.url);
    await startInterview(page, '2');
    await page.getByText(/người trả lời từ chối/).waitFor();
    await tabTo(page, 'Quay lại');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Đã hoàn thành/ }).waitFor();
    expect(await page.locator('li.interview', { hasText: 'Từ chối' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('(d) reload in the middle, sign in, continue at the same question with the answers in place', async () => {
    const { context, page, problems } = await newPage();
    await signInAsSurveyor(page, preview.url);
    await startInterview(page, '1');
    await answerMetaPage(page);
    await page.getByRole('heading', { name: 'Đối tượng khảo sát' }).waitFor();
    await page.keyboard.press('2'); // a business representative
    await page.keyboard.press('Tab');
    await page.keyboard.press('1'); // 18 or older
    await page.getByText('Đã lưu').waitFor();
    await page.reload();
    await signInAsSurveyor(page, preview.url);
    // The newest draft is this one (the list is newest first).
    await page.getByRole('button', { name: /^Tiếp tục — Phiếu số/ }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đối tượng khảo sát' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('radiogroup', { name: /^Người trả lời/ }).getByRole('radio', { name: /Đại diện tổ chức/ }).isChecked()).toBe(true);
    expect(await page.getByRole('radiogroup', { name: /18 tuổi/ }).getByRole('radio', { name: 'Có', exact: true }).isChecked()).toBe(true);
    // The first page's answers too.
    await page.keyboard.press('PageUp');
    await page.getByRole('heading', { name: 'Thông tin phiếu' }).waitFor();
    expect(await page.getByRole('textbox', { name: /Mã điều tra viên/ }).inputValue()).toBe('DTV001');
    expect(await page.getByRole('textbox', { name: /Ngày khảo sát/ }).inputValue()).toBe('15/11/2025');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('(e) a required question blocks completion, and the review links to it', async () => {
    const { context, page, problems } = await newPage();
    await signInAsSurveyor(page, preview.url);
    // By now: two completed, one refused, one draft.
    await page.getByRole('heading', { name: /Đang làm \(1\)/ }).waitFor({ timeout: 20_000 });
    await shot(page, 'home');
    await startInterview(page, '1');
    await page.getByRole('heading', { name: 'Thông tin phiếu' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Control+Enter');
    await page.getByRole('heading', { name: 'Xem lại phiếu' }).waitFor();
    await tabTo(page, 'Hoàn thành phiếu');
    await page.keyboard.press('Enter');
    // Main refuses, with the engine's errors.
    await page.getByText('Phiếu chưa thể hoàn thành:').waitFor();
    const link = page.locator('.review-list button', { hasText: 'Mã điều tra viên' });
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Thông tin phiếu' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('q-META_ENUM');
    expect(await page.getByText('Câu hỏi này bắt buộc phải trả lời.').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('(f) the unit and agency lists are searched from the keyboard at 1366×768; the chosen code is kept over a reload', async () => {
    const { context, page, problems } = await newPage();
    await signInAsSurveyor(page, preview.url);
    await startInterview(page, '1');
    await page.getByRole('heading', { name: 'Thông tin phiếu' }).waitFor({ timeout: 20_000 });
    await page.keyboard.type('DTV002');
    for (const key of ['Tab', '16/11/2025', 'Tab', '1', 'Tab', '1', 'Tab']) await (key.length > 1 && key !== '16/11/2025' ? page.keyboard.press(key) : page.keyboard.type(key));
    const unit = page.getByRole('combobox', { name: /Phường\/xã\/đặc khu/ });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('combobox');
    expect(await unit.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');
    // Without diacritics: both communes, told apart by their former province and district.
    await page.keyboard.type('xa thanh an');
    const options = page.getByRole('option');
    await expect.poll(async () => (await options.allTextContents()).some((t) => /Xã Thạnh An \(.+cũ:/.test(t))).toBe(true);
    const texts = await options.allTextContents();
    const thanh = texts.filter((t) => t.includes('Xã Thanh An ('));
    const thanhDot = texts.filter((t) => t.includes('Xã Thạnh An ('));
    expect(thanh.length).toBeGreaterThan(0);
    expect(thanhDot.length).toBeGreaterThan(0);
    expect(new Set([...thanh, ...thanhDot].map((t) => t.slice(t.indexOf('(')))).size).toBe(thanh.length + thanhDot.length);
    // With diacritics: only Thạnh An; the active option is on screen; Enter chooses it.
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Thạnh An');
    await expect.poll(async () => (await options.allTextContents()).filter((t) => !/^\d+ Không|Khác/.test(t)).every((t) => t.includes('Thạnh An'))).toBe(true);
    const active = page.locator('.combo-option.active');
    const box = await active.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 768).toBe(true);
    const chosen = ((await active.textContent()) ?? '').replace(/^(\d+) /, '$1 · ');
    await page.keyboard.press('Enter');
    await expect.poll(() => unit.inputValue()).toBe(chosen);
    await page.keyboard.press('Tab');
    await page.keyboard.type('uy ban nhan dan phuong ben thanh');
    await page.getByRole('option', { name: /Ủy ban nhân dân Phường Bến Thành/ }).waitFor();
    await page.keyboard.press('Enter');
    const agency = page.getByRole('combobox', { name: /Cơ quan, đơn vị được đánh giá/ });
    await expect.poll(() => agency.inputValue()).toContain('Ủy ban nhân dân Phường Bến Thành');
    // Enter with the list closed goes on; after a reload, back on this page the choices are in place.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đối tượng khảo sát' }).waitFor();
    await page.reload();
    await signInAsSurveyor(page, preview.url);
    await page.getByRole('button', { name: /^Tiếp tục — Phiếu số/ }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Đối tượng khảo sát' }).waitFor({ timeout: 20_000 });
    await page.keyboard.press('Alt+ArrowLeft');
    await page.getByRole('heading', { name: 'Thông tin phiếu' }).waitFor();
    expect(await unit.inputValue()).toBe(chosen);
    expect(await agency.inputValue()).toContain('Ủy ban nhân dân Phường Bến Thành');
    expect(problems).toEqual([]);
    await context.close();
  });
});
