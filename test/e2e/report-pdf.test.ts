// "Xuất báo cáo PDF" end to end in Debian's Chromium, through the preview host: the built CLI's
// `khaosat demo` fills an analyst store (simulated laptops over real Units of the frame), the host
// serves it (--analyst-db) and writes the PDF into --report-dir (its stand-in for the save dialog)
// with headless Chromium; the analyst signs in, applies a filter in Chỉ số, clicks the button and
// sees the file and its pages; the PDF is read back with pdfinfo/pdftotext (A4, the pages it
// said, the Vietnamese section titles in order, "Trang i / N" on every page, the filter named).
// SCREENSHOTS=1 uses the full demo (168 Units) and writes docs/screenshots/analyst-indices.png
// (the tab at 1366×768) and docs/screenshots/report-pdf-app.png (page 1 of the PDF, pdftoppm -r 80).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../electron/preview/demo';
import { CHROMIUM, hasChromium, launchChromium, openPage, fillSignIn } from './browser';
import { PREVIEW_BUNDLE, startPreview, type RunningPreview } from './preview-process';

const CLI = path.resolve('dist/electron/cli.cjs');
const SHOTS = process.env.SCREENSHOTS === '1';
const hasPoppler = (() => {
  try {
    execFileSync('pdfinfo', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const hasBuild = existsSync(PREVIEW_BUNDLE) && existsSync(CLI) && existsSync('dist/renderer/index.html');
if (!hasBuild) console.warn('report-pdf e2e skipped: no build in dist/ (run npm run build first)');

it('Chromium and poppler-utils are installed in CI', () => {
  if (process.env.CI) expect({ hasChromium, hasPoppler }).toEqual({ hasChromium: true, hasPoppler: true });
});

describe.skipIf(!hasChromium || !hasPoppler || !hasBuild)('the PDF report from the app, through the preview host', () => {
  let dir: string;
  let preview: RunningPreview;
  let browser: Browser;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-e2e-report-pdf-'));
    // The full demo (168 Units) for the screenshots; a smaller one is enough for the checks.
    const size = SHOTS ? [] : ['--laptops', '2', '--interviews', '60', '--units', '12'];
    execFileSync(process.execPath, [CLI, 'demo', '--dir', path.join(dir, 'demo'), ...size], { stdio: 'ignore' });
    mkdirSync(path.join(dir, 'reports'));
    preview = await startPreview(['--db', path.join(dir, 'laptop.sqlite'), '--seed-demo', '--analyst-db', path.join(dir, 'demo', 'analyst.sqlite'), '--report-dir', path.join(dir, 'reports')], { CHROMIUM_PATH: CHROMIUM });
    browser = await launchChromium();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the analyst exports the report of the filters applied; the PDF has numbered A4 pages and its sections', async () => {
    const { context, page, problems } = await openPage(browser);

    await page.goto(preview.url);
    await fillSignIn(page, DEMO_USERS.analyst);
    await page.getByRole('tab', { name: 'Chỉ số' }).click({ timeout: 20_000 });
    const rows = page.locator('figure.ranking-chart g.row');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const units = await rows.count();
    if (SHOTS) expect(units).toBe(168);

    // A filter applied (respondents of the first sex in the frame): the PDF is of those only.
    const sex = page.getByRole('group', { name: 'Giới tính' }).getByRole('checkbox').first();
    const sexLabel = (await sex.locator('xpath=..').textContent())!.trim();
    await sex.check();
    await page.getByRole('button', { name: 'Áp dụng bộ lọc' }).click();
    // The button waits for the filtered report (the earlier charts stay on screen meanwhile).
    const button = page.getByRole('button', { name: 'Xuất báo cáo PDF' });
    await page.getByText('Đang tính chỉ số…').waitFor({ state: 'hidden', timeout: 60_000 });
    await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await button.focus();
    await page.keyboard.press('Enter');
    const status = page.locator('.report-pdf [role="status"]');
    // The status, or the error shown instead (so a failure says why).
    const outcome = async () => (await status.textContent()) || (await page.locator('.report-pdf').textContent());
    await expect.poll(outcome, { timeout: 120_000 }).toMatch(/^Đã ghi báo cáo PDF/);
    const said = /^Đã ghi báo cáo PDF \((\d+) trang, (\d+) KB\): (.+)$/.exec((await status.textContent())!);
    expect(said).not.toBeNull();
    const [, pagesSaid, , file] = said!;
    expect(path.dirname(file!)).toBe(path.join(dir, 'reports'));
    expect(path.basename(file!)).toMatch(/^bao-cao-chi-so-hids_satisfaction-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(readdirSync(path.join(dir, 'reports'))).toEqual([path.basename(file!)]);

    const info = execFileSync('pdfinfo', [file!], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(pages).toBe(Number(pagesSaid));
    const text = execFileSync('pdftotext', ['-layout', file!, '-'], { encoding: 'utf8' });
    const perPage = text.split('\f').filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((p, i) => expect(p).toContain(`Trang ${i + 1} / ${pages}`));
    const order = ['Báo cáo chỉ số hài lòng', '1. Thông tin chung', 'Thời gian khảo sát', '2. Chỉ số theo thành phần', '3. Xếp hạng đơn vị', '4. Bảng chỉ số theo đơn vị', '5. Phương pháp tính'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(text).toContain(`Giới tính: ${sexLabel}`);

    if (SHOTS) {
      // The pictures show the whole city: filters cleared, the report exported again.
      await page.getByRole('button', { name: 'Bỏ lọc' }).click();
      await page.getByText('Đang tính chỉ số…').waitFor({ state: 'hidden', timeout: 60_000 });
      await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
      const before = statSync(file!).mtimeMs;
      await button.click();
      await expect.poll(() => statSync(file!).mtimeMs, { timeout: 120_000 }).toBeGreaterThan(before);
      await expect.poll(outcome, { timeout: 120_000 }).toMatch(/^Đã ghi báo cáo PDF/);
      await expect.poll(() => button.isEnabled(), { timeout: 60_000 }).toBe(true);
      mkdirSync('docs/screenshots', { recursive: true });
      // The tab as the analyst sees it after the export: the tabs, the button and its result, the
      // filters, the summary and the top of the ranking of the 168 Units.
      await page.getByRole('tablist', { name: 'Công việc của nhà phân tích' }).evaluate((t) => t.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: 'docs/screenshots/analyst-indices.png' });
      execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', file!, 'docs/screenshots/report-pdf-app']);
    }
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
