// The app's PdfPrinter (electron/reports/pdf.ts): the report's HTML file loaded in a hidden,
// sandboxed window of its own in-memory session and printed with webContents.printToPDF. The
// report is static (no script, a CSP of its own that allows only its inline stylesheet), so the
// window runs no JavaScript, has no preload and may fetch nothing but the one file it prints.
// The page size, margins and page numbers ("Trang i / N") come from the report's @page CSS, as
// with the CLI's headless Chromium, so both faces print the same pages
// (test/electron/reports/electron-print-options.test.ts compares them in Chromium).
import { pathToFileURL } from 'node:url';
import { writeFileSync } from 'node:fs';
import type { BrowserWindowConstructorOptions, PrintToPDFOptions } from 'electron';
import { PdfPrintError, type PdfPrinter } from '../reports/pdf';

/** In-memory (no `persist:`): the print window shares no cookies, cache or storage with the app. */
export const PRINT_PARTITION = 'khaosat-report-print';

/** A hidden window that can do nothing but render one static page. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    // About an A4 page at 96 dpi; printing lays the page out again at the paper's size.
    width: 794,
    height: 1123,
    webPreferences: {
      partition: PRINT_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      images: true,
      backgroundThrottling: false,
    },
  };
}

/**
 * A4 with the report's own @page size and margins (preferCSSPageSize), backgrounds printed, no
 * browser header or footer (the page numbers are the report's CSS margin boxes) — what the CLI's
 * `chromium --headless --print-to-pdf --no-pdf-header-footer` does.
 */
export const REPORT_PDF_OPTIONS: PrintToPDFOptions = Object.freeze({
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  displayHeaderFooter: false,
  landscape: false,
  generateTaggedPDF: true,
});

/** The parts of BrowserWindow the printer uses (the tests pass a stand-in). */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
  webContents: {
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
    setWindowOpenHandler(handler: () => { action: 'deny' }): void;
    on(event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', listener: (event: { preventDefault(): void }) => void): unknown;
  };
}

/** The parts of the print partition's Session the printer hardens. */
export interface PrintSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  webRequest: { onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void };
}

export interface ElectronPrinterDeps {
  createWindow: (options: BrowserWindowConstructorOptions) => PrintWindow;
  /** The session of PRINT_PARTITION (`session.fromPartition(PRINT_PARTITION)`). */
  session: PrintSession;
  timeoutMs?: number;
}

export function electronPdfPrinter(deps: ElectronPrinterDeps): PdfPrinter {
  // The only URLs the print session may load: the files being printed right now.
  const allowed = new Set<string>();
  deps.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  deps.session.setPermissionCheckHandler(() => false);
  deps.session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowed.has(details.url) }));
  const timeoutMs = deps.timeoutMs ?? 120_000;

  return {
    async printToPdf(htmlPath, pdfPath) {
      const url = pathToFileURL(htmlPath).href;
      allowed.add(url);
      const win = deps.createWindow(printWindowOptions());
      let timer: NodeJS.Timeout | undefined;
      try {
        win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
        for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) win.webContents.on(event, (e) => e.preventDefault());
        const print = (async () => {
          await win.loadURL(url);
          return win.webContents.printToPDF(REPORT_PDF_OPTIONS);
        })();
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new PdfPrintError(`In PDF quá ${timeoutMs / 1000} giây / printing the PDF took longer than ${timeoutMs / 1000} s`)), timeoutMs);
        });
        const bytes = await Promise.race([print, timeout]);
        writeFileSync(pdfPath, bytes);
      } catch (error) {
        if (error instanceof PdfPrintError) throw error;
        const message = error instanceof Error ? error.message : String(error);
        throw new PdfPrintError(`Cửa sổ in không in được PDF / the print window could not print the PDF: ${message}`);
      } finally {
        clearTimeout(timer);
        allowed.delete(url);
        if (!win.isDestroyed()) win.destroy();
      }
    },
  };
}
