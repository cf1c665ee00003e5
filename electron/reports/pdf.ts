// Printing the report's HTML to PDF, behind one port: the CLI and the preview host fill it with
// headless Chromium (Debian's /usr/bin/chromium, or CHROMIUM_PATH); the Electron app would fill it
// with webContents.printToPDF. The page sizes and page numbers come from the HTML's print CSS.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface PdfPrinter {
  /** Prints the HTML file at `htmlPath` to a PDF at `pdfPath`; throws PdfPrintError on failure. */
  printToPdf(htmlPath: string, pdfPath: string): Promise<void>;
}

export class PdfPrintError extends Error {}

/**
 * Pages of a PDF as Chromium's printer (Skia) writes it: one `/Type /Page` dictionary per page,
 * uncompressed (Skia puts no objects in object streams). Checked against pdfinfo in the tests.
 */
export function pdfPageCount(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return text.match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;
}

/**
 * Prints `html` (a self-contained page such as the report) through `printer` and returns the PDF's
 * bytes and pages. The HTML and the PDF live in a private temporary folder removed afterwards, so
 * the caller places the finished bytes itself (atomically) and a failed print leaves nothing.
 */
export async function printHtmlToPdf(printer: PdfPrinter, html: string): Promise<{ bytes: Buffer; pages: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-report-'));
  try {
    const htmlPath = join(dir, 'report.html');
    const pdfPath = join(dir, 'report.pdf');
    writeFileSync(htmlPath, html);
    await printer.printToPdf(htmlPath, pdfPath);
    const bytes = existsSync(pdfPath) ? readFileSync(pdfPath) : Buffer.alloc(0);
    const pages = pdfPageCount(bytes);
    if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-' || pages === 0) {
      throw new PdfPrintError(`trình in không tạo ra tệp PDF có trang nào / the printer produced no PDF with pages (${bytes.length} bytes)`);
    }
    return { bytes, pages };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/** CHROMIUM_PATH when set, else the first Chromium/Chrome found in the usual places; null when none. */
export function findChromium(env: Record<string, string | undefined>): string | null {
  const chosen = env['CHROMIUM_PATH'];
  if (chosen) return existsSync(chosen) ? chosen : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

export const NO_CHROMIUM_MESSAGE =
  'Không tìm thấy Chromium để in PDF; hãy cài Chromium (Debian: apt-get install chromium) hoặc đặt CHROMIUM_PATH, hoặc dùng --format html rồi in từ trình duyệt / ' +
  'Chromium was not found to print the PDF; install Chromium (Debian: apt-get install chromium) or set CHROMIUM_PATH, or use --format html and print from a browser';

export function chromiumPrinter(executable: string, options: { timeoutMs?: number } = {}): PdfPrinter {
  return {
    async printToPdf(htmlPath, pdfPath) {
      // A throw-away profile, so a running browser of the same user is never touched.
      const profile = mkdtempSync(join(tmpdir(), 'khaosat-print-'));
      const args = [
        '--headless',
        '--disable-gpu',
        '--no-first-run',
        '--disable-extensions',
        '--no-pdf-header-footer',
        `--user-data-dir=${profile}`,
        `--print-to-pdf=${pdfPath}`,
        pathToFileURL(htmlPath).href,
      ];
      // Chromium refuses to start its sandbox as root (containers, CI); the page is our own
      // static file with a CSP that allows no script.
      if (process.getuid?.() === 0) args.unshift('--no-sandbox');
      try {
        const { code, stderr } = await run(executable, args, options.timeoutMs ?? 120_000);
        const ok = code === 0 && existsSync(pdfPath) && statSync(pdfPath).size > 0 && readFileSync(pdfPath).subarray(0, 5).toString('latin1') === '%PDF-';
        if (!ok) {
          throw new PdfPrintError(
            `Chromium không in được PDF (mã thoát ${code}) / Chromium could not print the PDF (exit code ${code}): ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
          );
        }
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
}

function run(executable: string, args: string[], timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (d: string) => {
      stderr = (stderr + d).slice(-4_000);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PdfPrintError(`Chromium in PDF quá ${timeoutMs / 1000} giây / Chromium took longer than ${timeoutMs / 1000} s to print`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new PdfPrintError(`Không chạy được Chromium (${executable}) / could not start Chromium (${executable}): ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}
