// The index charts in Chromium under the app's Content-Security-Policy (no inline script, no
// inline style, no eval): IndicesScreen bundled alone with esbuild, served on 127.0.0.1 with the
// renderer's meta policy and app.css, must draw its charts with no CSP violation. With
// SCREENSHOTS=1 it also writes docs/screenshots/indices-ranking.png (1366×768) and a page of the
// printed report as docs/screenshots/report-pdf-page.png.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { META_CONTENT_SECURITY_POLICY } from '../../electron/preview/csp';
import { chromiumPrinter } from '../../electron/reports/pdf';
import { renderReportHtml } from '../../renderer/report/html';
import type { IndexReport } from '../../shared/indices/index-report';
import { fixtureReport, unit } from '../renderer/index-report-fixture';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const SHOTS = process.env.SCREENSHOTS === '1';

/** 40 Units of the real frame with indices spread like a city's (deterministic). */
function cityReport(): IndexReport {
  const lines = readFileSync('shared/instruments/units/hcmc_units_2025.csv', 'utf8').trim().split('\n').slice(1);
  const units = lines
    .filter((_, i) => i % 4 === 0)
    .slice(0, 40)
    .map((line, i) => {
      const [code, , name] = line.split(',');
      const index = Math.round((71 + ((i * 37) % 23) + ((i * 13) % 7) / 2) * 10) / 10;
      return unit(code!, name!, index, 18 + ((i * 11) % 30));
    });
  return fixtureReport(units, { survey: 'hids_satisfaction' });
}

let dir = '';
let server: Server;
let base = '';
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  dir = mkdtempSync(join(tmpdir(), 'khaosat-indices-page-'));
  await build({ entryPoints: ['test/e2e/indices-page/main.tsx'], bundle: true, format: 'iife', outfile: join(dir, 'main.js'), jsx: 'automatic', logLevel: 'warning', define: { 'process.env.NODE_ENV': '"production"' } });
  writeFileSync(join(dir, 'report.js'), `window.KHAOSAT_REPORT = ${JSON.stringify(cityReport())};`);
  writeFileSync(join(dir, 'app.css'), readFileSync('renderer/app/app.css'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}"><link rel="stylesheet" href="./app.css"><title>KhaoSat</title></head><body><div id="root"></div><script src="./report.js"></script><script src="./main.js"></script></body></html>`,
  );
  const types: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
  server = createServer((req, res) => {
    const name = (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').slice(1).split('?')[0]!;
    const file = join(dir, name);
    if (!/^[\w.-]+$/.test(name) || !existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--lang=vi-VN'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('Chromium is installed in CI', () => {
  if (process.env.CI) expect(hasChromium).toBe(true);
});

describe.skipIf(!hasChromium)('index charts in Chromium under the app’s CSP', () => {
  it('draws the ranking, profile and item charts with no CSP violation', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await page.goto(base);
    const ranking = page.getByRole('img', { name: /^Xếp hạng đơn vị theo chỉ số hài lòng chung/ });
    await ranking.waitFor();
    expect(await ranking.locator('g.row').count()).toBe(40);
    expect(await ranking.locator('line.ci').count()).toBe(40);
    // The SVG is laid out (not blocked, not zero-sized) and the first interval has a length.
    const box = await ranking.boundingBox();
    expect(box!.width).toBeGreaterThan(600);
    const ci = await ranking.locator('line.ci').first().boundingBox();
    expect(ci!.width).toBeGreaterThan(5);
    await expect(page.getByRole('img', { name: /^Chỉ số thành phần:/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /^Chỉ số theo câu hỏi:/ }).count()).resolves.toBe(1);
    // Nothing blocked at all: no style attribute, no injected <style>, no eval — zod's eval probe
    // included (renderer/zod-config.ts makes it jitless, as every renderer entry does).
    const bundle = readFileSync(join(dir, 'main.js'), 'utf8').split('\n');
    const moduleAt = (line: number) => bundle.slice(0, line).reverse().find((l) => /^\s*\/\/ (node_modules|renderer|shared|test)\//.test(l))?.trim() ?? '?';
    const violations = (await page.evaluate(() => window.cspViolations)).map((v) => {
      const [directive, , where] = v.split(' ');
      return { directive, module: moduleAt(Number(where!.split(':')[1])) };
    });
    expect(violations).toEqual([]);
    if (SHOTS) {
      mkdirSync('docs/screenshots', { recursive: true });
      // The screen as the analyst opens it: title, filters, summary and the top of the ranking.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: 'docs/screenshots/indices-ranking.png' });
    }
    await page.close();
  }, 120_000);

  it.skipIf(!SHOTS)('writes a page of the printed report as a screenshot', async () => {
    const html = join(dir, 'report.html');
    writeFileSync(html, await renderReportHtml(cityReport()));
    const pdf = join(dir, 'report.pdf');
    await chromiumPrinter(CHROMIUM).printToPdf(html, pdf);
    // The page where the ranking starts.
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
    const ranking = String(pages.findIndex((p) => p.includes('3. Xếp hạng đơn vị')) + 1);
    expect(Number(ranking)).toBeGreaterThan(1);
    execFileSync('pdftoppm', ['-png', '-r', '90', '-f', ranking, '-l', ranking, '-singlefile', pdf, 'docs/screenshots/report-pdf-page']);
    expect(existsSync('docs/screenshots/report-pdf-page.png')).toBe(true);
  }, 120_000);
});
