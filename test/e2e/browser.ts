// What every browser test does before its own steps: find Debian's Chromium, launch it headless
// with the same quiet flags, open a Vietnamese page at the size the test checks and collect the
// page's errors (a test ends with `expect(problems).toEqual([])`), and sign in through the form.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

/** No background traffic, no GPU: the page's own work is all that runs (and is timed). */
const QUIET_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...QUIET_ARGS, ...extraArgs] });
}

export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions, in order. */
  problems: string[];
}

/** A new context in Vietnamese at 1366×768 (the surveyors' laptops) unless told otherwise. */
export async function openPage(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
  page.on('pageerror', (e) => problems.push(e.message));
  return { context, page, problems };
}

/** Types the user's code and PIN or password into the sign-in form and presses Enter. */
export async function fillSignIn(page: Page, who: { code: string; secret: string }): Promise<void> {
  await page.getByLabel('Mã người dùng').fill(who.code);
  await page.getByLabel('Mã PIN hoặc mật khẩu').fill(who.secret);
  await page.getByLabel('Mã PIN hoặc mật khẩu').press('Enter');
}
