// The printable report printed to PDF by headless Chromium (issue 10 §5): A4 pages numbered
// "Trang i / N", the expected sections in order, checked in the PDF's text with pdftotext
// (poppler-utils, installed by .ci/run). Also `khaosat report --format html|pdf` end to end, and
// its errors (no --out, no Chromium). With CI=true a missing Chromium or poppler fails.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPrinter, findChromium } from '../../../electron/reports/pdf';
import { renderReportHtml } from '../../../renderer/report/html';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { fixtureReport, unit } from '../../renderer/index-report-fixture';
import { storeFactory } from '../analyst/fixtures';
import { twoInterviewFilterStore } from '../analyst/filter-form';

const chromium = findChromium(process.env);
const hasPoppler = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
const canPrint = chromium !== null && hasPoppler;

it('Chromium and pdftotext are installed in CI', () => {
  if (process.env.CI) expect({ chromium, hasPoppler }).toEqual({ chromium: expect.any(String), hasPoppler: true });
});

const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
const pdfInfo = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });

function fakeIo(env: Record<string, string | undefined> = process.env) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env, cwd: '/' };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'khaosat-report-pdf-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!canPrint)('the report printed to PDF in Chromium', () => {
  it('has numbered A4 pages and the expected sections in order', async () => {
    const units = Array.from({ length: 100 }, (_, i) => unit(String(26000 + i), `Phường Số ${i + 1}`, 60 + (i % 37), 20 + (i % 9)));
    const html = join(dir, 'fixture.html');
    writeFileSync(html, await renderReportHtml(fixtureReport(units)));
    const pdf = join(dir, 'fixture.pdf');
    await chromiumPrinter(chromium!).printToPdf(html, pdf);
    const info = pdfInfo(pdf);
    expect(info).toMatch(/Page size:\s+59[45](\.\d+)? x 841(\.\d+)? pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    // Title and facts, components, 3 ranking pages (45 + 45 + 10), the Unit table, the method.
    expect(pages).toBeGreaterThanOrEqual(6);
    const text = pdfText(pdf);
    const perPage = text.split('\f').filter((p) => p.trim() !== '');
    expect(perPage).toHaveLength(pages);
    perPage.forEach((p, i) => expect(p).toContain(`Trang ${i + 1} / ${pages}`));
    const order = ['Báo cáo chỉ số hài lòng', '1. Thông tin chung', 'Thời gian khảo sát', '02/11/2026 – 30/11/2026', '2. Chỉ số theo thành phần', '3. Xếp hạng đơn vị', 'phần 1/3', 'phần 3/3', '4. Bảng chỉ số theo đơn vị', '5. Phương pháp tính', 'Khoảng tin cậy 95%'];
    const at = order.map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    // The ranking starts on its own page, the highest Unit first.
    const rankingPage = perPage.findIndex((p) => p.includes('3. Xếp hạng đơn vị'));
    expect(perPage[rankingPage]).toMatch(/1\. Phường Số 37\s/);
  }, 120_000);
});

describe('khaosat report --format html|pdf', () => {
  const stores = storeFactory('sqlite');
  let target = '';
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    target = await twoInterviewFilterStore(stores);
  }, 120_000);

  it('writes the HTML report of the filtered Interviews', async () => {
    const out = join(dir, 'R.html');
    const cli = fakeIo();
    expect(await runCli(['report', '--db', target, '--format', 'html', '--out', out, '--sex', '2'], cli.io)).toBe(0);
    expect(cli.out()).toContain(out);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<h1>Báo cáo chỉ số hài lòng</h1>');
    expect(html).toContain('Giới tính: Nữ');
    expect(html).toContain('Xã Hai (Bình Dương cũ)');
    expect(html).not.toContain('Phường Một');
  });

  it('refuses html or pdf without --out, and pdf without Chromium, writing nothing', async () => {
    const noOut = fakeIo();
    expect(await runCli(['report', '--db', target, '--format', 'html'], noOut.io)).not.toBe(0);
    expect(noOut.err()).toContain('--out FILE');
    const byAgency = fakeIo();
    expect(await runCli(['report', '--db', target, '--format', 'html', '--out', join(dir, 'a.html'), '--by', 'agency'], byAgency.io)).not.toBe(0);
    expect(byAgency.err()).toContain('--by unit');
    expect(existsSync(join(dir, 'a.html'))).toBe(false);
    const out = join(dir, 'none.pdf');
    const none = fakeIo({ CHROMIUM_PATH: join(dir, 'no-such-chromium') });
    expect(await runCli(['report', '--db', target, '--format', 'pdf', '--out', out], none.io)).not.toBe(0);
    expect(none.err()).toMatch(/Không tìm thấy Chromium.*Chromium was not found.*CHROMIUM_PATH/);
    expect(existsSync(out)).toBe(false);
  });

  it.skipIf(!canPrint)('prints the PDF through Chromium', async () => {
    const out = join(dir, 'R.pdf');
    const cli = fakeIo();
    expect(await runCli(['report', '--db', target, '--format', 'pdf', '--out', out], cli.io)).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfText(out);
    expect(text).toContain('1. Thông tin chung');
    expect(text).toContain('Trang 1 /');
  }, 120_000);
});
