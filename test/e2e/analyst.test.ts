// The analyst's face end to end in Debian's Chromium, through the preview host (real services,
// real analyst store): the built CLI makes the analyst's keys, the HIDS survey package and the
// batches of two simulated laptops; the test adds a conflicting batch (the same interview and
// revision with other content, from a third laptop). The analyst signs in, chooses the key
// folder, imports the folder (package registered first), sees the progress and each file's
// result, resolves the conflict, sees the fieldwork dashboard and the Units ranked in Chỉ số.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../electron/preview/demo';
import { openBatch, writeBatch } from '../../electron/sync/batch';
import { loadAnalystIdentity } from '../../electron/sync/analyst-keys';
import { recipientFingerprint, recipientOf } from '../../electron/sync/age';
import { generateSigningKey } from '../../electron/sync/signing';
import { CHROMIUM, hasChromium, launchChromium, openPage, fillSignIn } from './browser';
import { PREVIEW_BUNDLE, startPreview, type RunningPreview } from './preview-process';

const CLI = path.resolve('dist/electron/cli.cjs');
const hasBuild = existsSync(PREVIEW_BUNDLE) && existsSync(CLI) && existsSync('dist/renderer/index.html');
if (!hasChromium) console.warn(`e2e skipped: no Chromium at ${CHROMIUM}`);
if (!hasBuild) console.warn('e2e skipped: no build in dist/ (run npm run build first)');

const khaosat = (cwd: string, ...args: string[]) => execFileSync(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] }).toString();

/** A batch from a third laptop carrying one simulated interview at its revision with one answer changed. */
async function conflictingBatch(batchesDir: string, keysDir: string): Promise<string> {
  const identity = await loadAnalystIdentity(keysDir);
  const first = readdirSync(batchesDir).filter((n) => n.endsWith('.ksbatch')).sort()[0]!;
  const opened = await openBatch(readFileSync(path.join(batchesDir, first)), identity);
  const original = opened.interviews.find((r) => r.outcome === 'completed' && r.answers.some((a) => typeof a.value === 'string' && /^[1-5]$/.test(a.value)))!;
  let changed = false;
  const answers = original.answers.map((a) => {
    if (changed || typeof a.value !== 'string' || !/^[1-5]$/.test(a.value)) return a;
    changed = true;
    return { ...a, value: a.value === '1' ? '5' : '1' };
  });
  const device = generateSigningKey();
  const deviceId = '0c0c0c0c-0c0c-4c0c-8c0c-0c0c0c0c0c0c';
  const written = await writeBatch(
    { batchId: '0d0d0d0d-0d0d-4d0d-8d0d-0d0d0d0d0d0d', deviceId, sequence: 1, createdAt: '2026-12-01T02:00:00.000Z', recipient: await recipientOf(identity), interviews: [{ ...original, deviceId, answers }] },
    device,
  );
  writeFileSync(path.join(batchesDir, 'hids_LAPTOP-XUNG-DOT_000001.ksbatch'), written.bytes);
  return original.id;
}

describe.skipIf(!hasChromium || !hasBuild)('the analyst in Chromium through the preview host', () => {
  let dir: string;
  let preview: RunningPreview;
  let browser: Browser;
  let conflictId: string;
  let interviews: number;
  let batchFiles: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'khaosat-e2e-analyst-'));
    khaosat(dir, 'keys', 'generate', '--out', 'keys');
    khaosat(process.cwd(), 'package', 'create', '--form', 'shared/instruments/hids-satisfaction.xlsx', '--units', 'shared/instruments/units/hcmc_units_2025.csv', '--keys', path.join(dir, 'keys'), '--out', path.join(dir, 'hids.kspkg'));
    mkdirSync(path.join(dir, 'batches'));
    const simulated = JSON.parse(khaosat(dir, 'simulate', '--package', 'hids.kspkg', '--laptops', '2', '--interviews', '24', '--units', '6', '--seed', '11', '--out', 'batches', '--json')) as { batches: { interviews: number }[] };
    interviews = simulated.batches.reduce((n, b) => n + b.interviews, 0);
    batchFiles = simulated.batches.length + 1;
    copyFileSync(path.join(dir, 'hids.kspkg'), path.join(dir, 'batches', 'hids.kspkg'));
    conflictId = await conflictingBatch(path.join(dir, 'batches'), path.join(dir, 'keys'));
    mkdirSync(path.join(dir, 'out'));
    preview = await startPreview([
      '--db', path.join(dir, 'laptop.sqlite'),
      '--seed-demo',
      '--analyst-keys', path.join(dir, 'keys'),
      '--import-dir', path.join(dir, 'batches'),
      '--data-export-dir', path.join(dir, 'out'),
    ]);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports a folder with progress and results, resolves the conflict, sees the dashboard and the ranking chart', async () => {
    const { context, page, problems } = await openPage(browser);

    await page.goto(preview.url);
    await fillSignIn(page, DEMO_USERS.analyst);
    await page.getByRole('tablist', { name: 'Công việc của nhà phân tích' }).waitFor({ timeout: 20_000 });

    // Keys: none yet, then the configured folder; its fingerprint is shown.
    await page.getByRole('button', { name: 'Chọn thư mục khóa' }).click();
    await page.getByRole('button', { name: 'Đổi thư mục khóa' }).waitFor({ timeout: 20_000 });
    const recipient = readFileSync(path.join(dir, 'keys', 'encryption.pub'), 'utf8').trim();
    expect(await page.locator('.analyst-keys').textContent()).toContain(`Khóa mã hóa (đối chiếu với giám sát viên): ${recipientFingerprint(recipient)}`);

    // Import the folder: a progress bar, then every file's result.
    await page.getByRole('button', { name: 'Chọn thư mục…' }).click();
    await page.getByRole('progressbar', { name: 'Tiến độ nhập' }).waitFor({ timeout: 20_000 });
    const status = page.locator('.import-tab > [role="status"]');
    await expect.poll(() => status.textContent(), { timeout: 60_000 }).toBe(`Đã nhập xong ${batchFiles} tệp: ${batchFiles} nhập mới, 0 không đổi, 0 bị từ chối, 0 trùng.`);
    await page.getByText('hids.kspkg: bảng hỏi').waitFor();
    const results = page.getByRole('table', { name: 'Kết quả từng tệp' });
    expect(await results.locator('tbody tr td:nth-child(2)').allTextContents()).toEqual(Array(batchFiles).fill('Đã nhập'));

    // The conflict, side by side; choose version 2 and confirm.
    const conflict = page.getByRole('table', { name: new RegExp(`^Phỏng vấn ${conflictId} — lần sửa \\d+$`) });
    await conflict.waitFor({ timeout: 20_000 });
    // The one changed answer is the row marked as differing.
    expect(await conflict.locator('tr.differs').count()).toBe(1);
    await page.getByRole('button', { name: 'Chọn phiên bản 2' }).click();
    await page.getByRole('button', { name: 'Xác nhận' }).click();
    await page.getByRole('columnheader', { name: 'Phiên bản 2 — Đang được chọn' }).waitFor({ timeout: 20_000 });

    // The dashboard: no unresolved conflict left, the simulated interviews counted.
    await page.getByRole('tab', { name: 'Tiến độ' }).click();
    const totals = page.locator('.totals');
    await totals.waitFor({ timeout: 20_000 });
    const figures = Object.fromEntries(
      await totals.locator('div').evaluateAll((divs) => divs.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent])),
    ) as Record<string, string>;
    // Every simulated interview counts once: the conflicting copy is a version, not an interview.
    expect(Number(figures['Phỏng vấn'])).toBe(interviews);
    expect(figures['Xung đột chưa xử lý']).toBe('0');
    expect(figures['Máy']).toBe('3');
    // Units by their names from the package's frame, the code beside each (the screenshot of the
    // dashboard is taken on the demo store: analyst-dashboard.test.ts).
    const units = await page.getByRole('table', { name: 'Theo đơn vị' }).locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
    expect(units.length).toBeGreaterThan(0);
    expect(units.every(([name, code]) => /^\d{5}$/.test(code!) && /^(Phường|Xã|Đặc khu) /.test(name!))).toBe(true);

    // Chỉ số: the Units ranked by overall index, highest first, each drawn with its interval.
    await page.getByRole('tab', { name: 'Chỉ số' }).click();
    const rows = page.locator('figure.ranking-chart g.row');
    await expect.poll(() => rows.count(), { timeout: 60_000 }).toBeGreaterThan(0);
    const ranked = (await rows.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-value')))).filter((v) => v !== '').map(Number);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    expect(await page.locator('figure.ranking-chart figcaption').first().textContent()).toBe('Xếp hạng đơn vị theo chỉ số hài lòng chung');

    // Export: the default format (xlsx) into the configured folder.
    await page.getByRole('tab', { name: 'Xuất dữ liệu' }).click();
    await page.getByRole('button', { name: 'Chọn thư mục và xuất' }).click();
    await expect.poll(() => page.locator('.export-tab > [role="status"]').textContent(), { timeout: 60_000 }).toMatch(new RegExp(`^Đã xuất ${interviews} phỏng vấn của `));
    expect(readdirSync(path.join(dir, 'out')).some((n) => n.endsWith('.xlsx'))).toBe(true);

    expect(problems).toEqual([]);
    await context.close();
  }, 240_000);
});
