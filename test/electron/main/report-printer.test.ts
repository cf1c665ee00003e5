// The app's PdfPrinter around a stand-in BrowserWindow (no Electron binary here): the hidden window's
// options (sandboxed, no preload, no Node, no JavaScript, its own in-memory session), what is loaded
// and the print options passed, the session letting through only the file being printed, navigation
// and new windows denied, the window destroyed after a print, a failure and a timeout; and the save
// dialog of report-ports.ts (default name in Documents, cancel, the .pdf extension).
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { electronPdfPrinter, PRINT_PARTITION, printWindowOptions, REPORT_PDF_OPTIONS, type PrintSession, type PrintWindow } from '../../../electron/main/report-printer';
import { mainReportPorts, type SaveDialog } from '../../../electron/main/report-ports';
import { PdfPrintError, type PdfPrinter } from '../../../electron/reports/pdf';

const dir = mkdtempSync(join(tmpdir(), 'khaosat-print-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Listener = (event: { preventDefault(): void }) => void;

/** A BrowserWindow stand-in recording what the printer does with it. */
class FakeWindow implements PrintWindow {
  readonly loaded: string[] = [];
  readonly printed: unknown[] = [];
  readonly listeners = new Map<string, Listener[]>();
  openHandler: (() => { action: 'deny' }) | null = null;
  destroyed = false;
  constructor(
    readonly options: unknown,
    private readonly behaviour: { load?: () => Promise<void>; print?: () => Promise<Uint8Array> },
    private readonly session: FakeSession,
  ) {}
  async loadURL(url: string) {
    this.loaded.push(url);
    // The session decides whether the request goes out, as Electron's webRequest does.
    if (this.session.blocks(url)) throw new Error(`ERR_BLOCKED_BY_CLIENT (-20) loading '${url}'`);
    await this.behaviour.load?.();
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
  }
  webContents = {
    printToPDF: async (options: unknown) => {
      this.printed.push(options);
      return this.behaviour.print ? this.behaviour.print() : new TextEncoder().encode('%PDF-1.7\n<</Type /Page>>\n%%EOF\n');
    },
    setWindowOpenHandler: (handler: () => { action: 'deny' }) => {
      this.openHandler = handler;
    },
    on: (event: string, listener: Listener) => {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this.webContents;
    },
  };
  /** Emits a navigation-like event; true when every listener prevented it. */
  prevented(event: string): boolean {
    let prevented = false;
    for (const l of this.listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) });
    return prevented;
  }
}

class FakeSession implements PrintSession {
  permission: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  check: (() => boolean) | null = null;
  request: ((details: { url: string }, callback: (response: { cancel: boolean }) => void) => void) | null = null;
  setPermissionRequestHandler(h: NonNullable<FakeSession['permission']>) {
    this.permission = h;
  }
  setPermissionCheckHandler(h: () => boolean) {
    this.check = h;
  }
  webRequest = { onBeforeRequest: (l: NonNullable<FakeSession['request']>) => void (this.request = l) };
  blocks(url: string): boolean {
    let cancel = true;
    this.request?.({ url }, (r) => (cancel = r.cancel));
    return cancel;
  }
}

function setUp(behaviour: ConstructorParameters<typeof FakeWindow>[1] = {}, timeoutMs?: number) {
  const session = new FakeSession();
  const windows: FakeWindow[] = [];
  const printer = electronPdfPrinter({
    createWindow: (options) => {
      const w = new FakeWindow(options, behaviour, session);
      windows.push(w);
      return w;
    },
    session,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  return { printer, windows, session };
}

function htmlFile(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '<!doctype html><title>r</title><p>Báo cáo</p>');
  return path;
}

describe('the Electron PdfPrinter', () => {
  it('prints in a hidden, sandboxed window without preload, Node or JavaScript, in its own in-memory session', () => {
    const options = printWindowOptions();
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({ partition: PRINT_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false, webSecurity: true, webviewTag: false });
    expect(options.webPreferences).not.toHaveProperty('preload');
    expect(PRINT_PARTITION.startsWith('persist:')).toBe(false);
  });

  it('loads the report file, prints it A4 with the report\'s own @page CSS and backgrounds, writes the PDF, destroys the window', async () => {
    const { printer, windows } = setUp();
    const html = htmlFile('ok.html');
    const pdf = join(dir, 'ok.pdf');
    await printer.printToPdf(html, pdf);
    expect(windows).toHaveLength(1);
    const w = windows[0]!;
    expect(w.options).toEqual(printWindowOptions());
    expect(w.loaded).toEqual([pathToFileURL(html).href]);
    expect(w.printed).toEqual([{ pageSize: 'A4', preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false, landscape: false, generateTaggedPDF: true }]);
    expect(w.printed[0]).toBe(REPORT_PDF_OPTIONS);
    expect(readFileSync(pdf, 'latin1')).toMatch(/^%PDF-1\.7/);
    expect(w.destroyed).toBe(true);
  });

  it('denies new windows and every navigation; the session grants no permission and loads only the file being printed', async () => {
    let during: { other: boolean; same: boolean; otherFile: boolean } | null = null;
    const { printer, windows, session } = setUp({
      load: async () => {
        during = { other: session.blocks('https://example.org/x.png'), same: session.blocks(windows[0]!.loaded[0]!), otherFile: session.blocks('file:///etc/passwd') };
      },
    });
    const html = htmlFile('deny.html');
    await printer.printToPdf(html, join(dir, 'deny.pdf'));
    expect(during).toEqual({ other: true, same: false, otherFile: true });
    const w = windows[0]!;
    expect(w.openHandler?.()).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect', 'will-frame-navigate']) expect(w.prevented(event)).toBe(true);
    // Once printed, even that file is refused again.
    expect(session.blocks(pathToFileURL(html).href)).toBe(true);
    let granted: boolean | null = null;
    session.permission!(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(session.check!()).toBe(false);
  });

  it('a failed load or print is a PdfPrintError, writes no PDF and still destroys the window', async () => {
    for (const behaviour of [{ load: async () => Promise.reject(new Error('ERR_FILE_NOT_FOUND')) }, { print: async () => Promise.reject(new Error('Printing failed')) }]) {
      const { printer, windows } = setUp(behaviour);
      const pdf = join(dir, 'failed.pdf');
      const error = await printer.printToPdf(htmlFile('failed.html'), pdf).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PdfPrintError);
      expect((error as Error).message).toMatch(/Cửa sổ in không in được PDF \/ the print window could not print the PDF: (ERR_FILE_NOT_FOUND|Printing failed)/);
      expect(existsSync(pdf)).toBe(false);
      expect(windows[0]!.destroyed).toBe(true);
    }
  });

  it('a print that never ends times out and destroys the window', async () => {
    const { printer, windows } = setUp({ print: () => new Promise<Uint8Array>(() => {}) }, 50);
    const error = await printer.printToPdf(htmlFile('slow.html'), join(dir, 'slow.pdf')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfPrintError);
    expect((error as Error).message).toContain('printing the PDF took longer than 0.05 s');
    expect(windows[0]!.destroyed).toBe(true);
  });
});

describe("the app's report ports", () => {
  function ports(answer: { canceled: boolean; filePath?: string }) {
    const asked: Parameters<SaveDialog['showSaveDialog']>[0][] = [];
    let made = 0;
    const printer: PdfPrinter = { printToPdf: async () => undefined };
    const p = mainReportPorts({
      dialog: { showSaveDialog: async (o) => (asked.push(o), answer) },
      documentsDir: () => '/home/pt/Documents',
      printer: () => (made++, printer),
    });
    return { p, asked, made: () => made, printer };
  }

  it('offers the default name in Documents, PDF files only, confirming an overwrite', async () => {
    const { p, asked } = ports({ canceled: false, filePath: '/home/pt/Documents/bao-cao.pdf' });
    expect(await p.chooseReportFile('bao-cao-chi-so-hids-2026-2026-12-01.pdf')).toBe('/home/pt/Documents/bao-cao.pdf');
    expect(asked).toEqual([
      {
        title: 'Lưu báo cáo PDF / Save the PDF report',
        defaultPath: '/home/pt/Documents/bao-cao-chi-so-hids-2026-2026-12-01.pdf',
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      },
    ]);
  });

  it('a cancelled dialog chooses nothing; a name typed without .pdf gets it', async () => {
    expect(await ports({ canceled: true, filePath: '' }).p.chooseReportFile('x.pdf')).toBeNull();
    expect(await ports({ canceled: false }).p.chooseReportFile('x.pdf')).toBeNull();
    expect(await ports({ canceled: false, filePath: '/tmp/bao-cao' }).p.chooseReportFile('x.pdf')).toBe('/tmp/bao-cao.pdf');
    expect(await ports({ canceled: false, filePath: '/tmp/B.PDF' }).p.chooseReportFile('x.pdf')).toBe('/tmp/B.PDF');
  });

  it('makes the printer once, on first use', () => {
    const { p, made, printer } = ports({ canceled: true });
    expect(made()).toBe(0);
    expect(p.pdfPrinter()).toBe(printer);
    expect(p.pdfPrinter()).toBe(printer);
    expect(made()).toBe(1);
  });
});
