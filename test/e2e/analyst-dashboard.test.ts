// The fieldwork dashboard on the demo store in Debian's Chromium at 1366×768, through the preview
// host: `khaosat demo` (built CLI) makes an analyst store of all 168 Units with a quota each; the
// analyst opens "Tiến độ" and sees every Unit by name with its code, completed / interviews / quota
// / percent, furthest behind first, and the total row; the 168 rows scroll inside their box, whose
// header and total row stay in view, so the page stays short. With SCREENSHOTS=1 it runs the demo
// at its defaults (4 × 504) and writes docs/screenshots/analyst-dashboard.png.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../electron/preview/demo';
import { CHROMIUM, hasChromium, launchChromium, openPage, fillSignIn } from './browser';
import { PREVIEW_BUNDLE, startPreview, type RunningPreview } from './preview-process';

const CLI = path.resolve('dist/electron/cli.cjs');
const SHOTS = process.env.SCREENSHOTS === '1';
const hasBuild = existsSync(PREVIEW_BUNDLE) && existsSync(CLI) && existsSync('dist/renderer/index.html');
if (!hasChromium) console.warn(`e2e skipped: no Chromium at ${CHROMIUM}`);
if (!hasBuild) console.warn('e2e skipped: no build in dist/ (run npm run build first)');

/** "78,1%" → 78.1; "—" → null. */
const percentOf = (text: string) => (text === '—' ? null : Number(text.replace('%', '').replace(',', '.')));

describe.skipIf(!hasChromium || !hasBuild)('the fieldwork dashboard on the demo store (168 Units with quotas)', () => {
  let dir: string;
  let preview: RunningPreview;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-e2e-dashboard-'));
    // Half the default sample keeps the test shorter and still covers all 168 Units (6 each).
    const sample = SHOTS ? [] : ['--laptops', '2', '--interviews', '504'];
    execFileSync(process.execPath, [CLI, 'demo', '--dir', 'demo', ...sample], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'] });
    preview = await startPreview(['--db', path.join(dir, 'laptop.sqlite'), '--seed-demo', '--analyst-db', path.join(dir, 'demo', 'analyst.sqlite')]);
    browser = await launchChromium();
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('names the Units, sets them against their quotas furthest behind first, totals them, and scrolls inside its box', async () => {
    const { context, page, problems } = await openPage(browser);

    await page.goto(preview.url);
    await fillSignIn(page, DEMO_USERS.analyst);
    await page.getByRole('tab', { name: 'Tiến độ' }).click();
    const table = page.getByRole('table', { name: 'Theo đơn vị' });
    await table.waitFor({ timeout: 60_000 });

    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
    expect(rows).toHaveLength(168);
    // Names from the frame, each with its five-digit code beside it; a quota for every Unit.
    expect(rows.every(([name, code]) => /^\d{5}$/.test(code!) && name !== code && /^(Phường|Xã|Đặc khu) /.test(name!))).toBe(true);
    expect(rows.find((r) => r[1] === '26743')![0]).toBe('Phường Bến Thành');
    const percents = rows.map((r) => percentOf(r[5]!));
    expect(percents.every((p) => p !== null)).toBe(true);
    expect(percents).toEqual([...percents].sort((a, b) => a! - b!));
    expect(percents[0]).toBeLessThan(100);

    // The total row: every completed interview and the sum of the quotas.
    const figures = Object.fromEntries(
      await page.locator('.totals div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent])),
    ) as Record<string, string>;
    const foot = await table.locator('tfoot tr > *').allTextContents();
    const quotaSum = rows.reduce((n, r) => n + Number(r[4]), 0);
    expect(foot.slice(0, 5)).toEqual(['Tổng cộng', figures['Hoàn thành'], figures['Phỏng vấn'], String(quotaSum), expect.stringMatching(/^\d+(,\d)?%$/)]);

    // 168 rows scroll inside their box, which fits the window; the page itself stays short.
    const box = page.locator('.unit-progress .table-scroll');
    const size = await box.evaluate((e) => ({ scroll: e.scrollHeight, client: e.clientHeight }));
    expect(size.scroll).toBeGreaterThan(size.client * 3);
    expect(size.client).toBeLessThan(768);
    // Nor does the page grow with the list: it is shorter than the list alone would be, and nothing
    // is cut off to the side (the box does not scroll sideways).
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(Math.min(2.5 * 768, size.scroll));
    expect(await box.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
    // Scrolled to the end of the list, the header and the total row are still in the box.
    await box.evaluate((e) => e.scrollTo(0, e.scrollHeight / 2));
    const inBox = await box.evaluate((e) => {
      const b = e.getBoundingClientRect();
      // The cells are what sticks (their row groups keep their place in the table).
      const head = e.querySelector('thead th')!.getBoundingClientRect();
      const foot = e.querySelector('tfoot th')!.getBoundingClientRect();
      return { head: Math.round(head.top - b.top), foot: Math.round(b.bottom - foot.bottom) };
    });
    // The header at the top of the box; the total row at its bottom (above the box's border line).
    expect(inBox.head).toBe(0);
    expect(inBox.foot).toBeGreaterThanOrEqual(0);
    expect(inBox.foot).toBeLessThanOrEqual(2);
    await box.evaluate((e) => e.scrollTo(0, 0));

    if (SHOTS) {
      mkdirSync('docs/screenshots', { recursive: true });
      // The dashboard as the analyst reads it: the tab's title at the top of the window.
      await page.locator('.analyst-home [role="tablist"]').evaluate((e) => e.scrollIntoView());
      await page.screenshot({ path: 'docs/screenshots/analyst-dashboard.png' });
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
