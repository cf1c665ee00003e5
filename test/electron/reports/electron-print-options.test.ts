// Both faces print the same pages: the app's print options (REPORT_PDF_OPTIONS, given to
// webContents.printToPDF) are handed to Chromium's Page.printToPDF the way Electron hands them on
// (Electron's lib/browser/api/web-contents.ts: page size names to inches, 0.4 in margins unless
// given, the other fields as they are), in a page with JavaScript off as in the print window, and
// the PDF is compared with the CLI's `chromium --headless --print-to-pdf` of the same report:
// same number of A4 pages, same text on each page, "Trang i / N" at the foot of each.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium as playwright } from 'playwright-core';
import type { PrintToPDFOptions } from 'electron';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_PDF_OPTIONS } from '../../../electron/main/report-printer';
import { chromiumPrinter, findChromium, pdfPageCount } from '../../../electron/reports/pdf';
import { renderReportHtml } from '../../../renderer/report/html';
import { fixtureReport, unit } from '../../renderer/index-report-fixture';

const chromium = findChromium(process.env);
const dir = mkdtempSync(join(tmpdir(), 'khaosat-print-options-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Paper sizes as Electron names them, in microns (Electron's PDFPageSizes). */
const PAPER_MICRONS: Record<string, { width: number; height: number }> = { A4: { width: 210_000, height: 297_000 }, Letter: { width: 215_900, height: 279_400 } };

/** Electron's printToPDF options as the Page.printToPDF parameters it prints with. */
function asDevToolsParams(o: PrintToPDFOptions) {
  const size = typeof o.pageSize === 'object' ? { paperWidth: o.pageSize.width, paperHeight: o.pageSize.height } : (() => {
    const m = PAPER_MICRONS[o.pageSize ?? 'Letter']!;
    return { paperWidth: m.width / 25_400, paperHeight: m.height / 25_400 };
  })();
  return {
    landscape: o.landscape ?? false,
    displayHeaderFooter: o.displayHeaderFooter ?? false,
    headerTemplate: o.headerTemplate ?? '',
    footerTemplate: o.footerTemplate ?? '',
    printBackground: o.printBackground ?? false,
    scale: o.scale ?? 1,
    marginTop: o.margins?.top ?? 0.4,
    marginBottom: o.margins?.bottom ?? 0.4,
    marginLeft: o.margins?.left ?? 0.4,
    marginRight: o.margins?.right ?? 0.4,
    pageRanges: o.pageRanges ?? '',
    preferCSSPageSize: o.preferCSSPageSize ?? false,
    generateTaggedPDF: o.generateTaggedPDF ?? false,
    generateDocumentOutline: o.generateDocumentOutline ?? false,
    ...size,
  };
}

/** The app's print: Page.printToPDF with these options, in a page with JavaScript off. */
async function printAsApp(html: string, pdf: string, options: PrintToPDFOptions): Promise<void> {
  const browser = await playwright.launch({ executablePath: chromium!, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(html).href);
    const cdp = await context.newCDPSession(page);
    const { data } = (await cdp.send('Page.printToPDF', asDevToolsParams(options))) as { data: string };
    writeFileSync(pdf, Buffer.from(data, 'base64'));
  } finally {
    await browser.close();
  }
}

const pages = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
const pageSize = (pdf: string) => /Page size:\s+(.*)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1];

describe.skipIf(!chromium && !process.env.CI)('the app\'s print options in Chromium', () => {
  const html = join(dir, 'report.html');
  const cli = join(dir, 'cli.pdf');
  beforeAll(async () => {
    const units = Array.from({ length: 100 }, (_, i) => unit(String(26000 + i), `Phường Số ${i + 1}`, 60 + (i % 37), 20 + (i % 9)));
    writeFileSync(html, await renderReportHtml(fixtureReport(units)));
    await chromiumPrinter(chromium!).printToPdf(html, cli);
  }, 180_000);

  it('print the same numbered A4 pages as the CLI\'s headless Chromium', async () => {
    const app = join(dir, 'app.pdf');
    await printAsApp(html, app, REPORT_PDF_OPTIONS);
    expect(pageSize(app)).toMatch(/\(A4\)/);
    expect(pageSize(app)).toBe(pageSize(cli));
    const appPages = pages(app);
    expect(appPages.length).toBeGreaterThanOrEqual(6);
    expect(appPages).toEqual(pages(cli));
    appPages.forEach((p, i) => expect(p).toContain(`Trang ${i + 1} / ${appPages.length}`));
    expect(pdfPageCount(readFileSync(app))).toBe(appPages.length);
  }, 180_000);

  it('Electron\'s defaults (no @page size preferred, Letter) would print other pages: the options matter', async () => {
    const defaults = join(dir, 'defaults.pdf');
    await printAsApp(html, defaults, {});
    expect(pageSize(defaults)).not.toBe(pageSize(cli));
  }, 180_000);
});
