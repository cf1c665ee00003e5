// analysis:reportPdf through the core's handlers and the guard: the printable report of the filters
// given, printed by the face's printer and written atomically where the save dialog said; analysts
// only; cancelled, no data, no printer, a failed print and a failed write each leave no file. One
// case prints through real Chromium and checks the pages with pdfinfo.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGuard } from '../../../electron/ipc/guard';
import { openAnalystStore } from '../../../electron/analyst/store';
import { chromiumPrinter, findChromium, PdfPrintError, type PdfPrinter } from '../../../electron/reports/pdf';
import { reportPdfName } from '../../../electron/services/analysis';
import type { Core } from '../../../electron/services';
import { storeFactory } from '../analyst/fixtures';
import { twoInterviewFilterStore } from '../analyst/filter-form';
import { cleanup, makeCore, session, testClock } from './helpers';

const APP = 'app://khaosat/index.html';
const stores = storeFactory('sqlite');
let target = '';

beforeAll(async () => {
  target = await twoInterviewFilterStore(stores);
}, 120_000);
afterAll(() => stores.cleanup());

const cores: Core[] = [];
afterEach(() => cleanup(cores));

/** A printer that keeps the HTML it was given and writes a two-page PDF (or does what `fail` says). */
function recordingPrinter(fail?: (pdfPath: string) => void) {
  const printed: string[] = [];
  const printer: PdfPrinter = {
    async printToPdf(htmlPath, pdfPath) {
      printed.push(readFileSync(htmlPath, 'utf8'));
      if (fail) return fail(pdfPath);
      writeFileSync(pdfPath, '%PDF-1.7\n1 0 obj <</Type /Pages /Count 2>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type /Page>>\n%%EOF\n');
    },
  };
  return { printer, printed };
}

async function setUp(options: { printer?: PdfPrinter | null; file?: string | null } = {}) {
  const clock = testClock('2026-12-01T03:00:00.000Z');
  const dialog: string[] = [];
  const core = makeCore({
    clock: clock.clock,
    analyst: {
      target,
      chooseReportFile: async (name) => {
        dialog.push(name);
        return options.file === undefined ? join(core.dir, 'out', name) : options.file;
      },
      pdfPrinter: () => (options.printer === undefined ? recordingPrinter().printer : options.printer),
    },
  });
  cores.push(core);
  mkdirSync(join(core.dir, 'out'));
  const admin = session();
  const supervisor = await core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'Giám Sát', secret: '24681357' }, admin);
  const analyst = await core.handlers['user:create']({ code: 'PT01', name: 'Phạm Thu Hà', role: 'analyst', secret: '86420135' }, admin);
  const surveyor = await core.handlers['user:create']({ code: 'DTV01', name: 'Trần An', role: 'surveyor', secret: '1358' }, admin);
  const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: (u) => u === APP });
  const as = (user: typeof analyst) => (payload: unknown) => guard('analysis:reportPdf', payload, { senderUrl: APP, session: { user } });
  return { core, clock, dialog, out: join(core.dir, 'out'), analyst: as(analyst), supervisor: as(supervisor), surveyor: as(surveyor) };
}

describe('analysis:reportPdf', () => {
  it('prints the report of the filters given and writes it where the dialog said, with its pages and bytes (audited)', async () => {
    const rec = recordingPrinter();
    const t = await setUp({ printer: rec.printer });
    const r = await t.analyst({ filters: { sexes: ['2'] } });
    const name = reportPdfName('hids-2026', t.clock.clock());
    expect(name).toMatch(/^bao-cao-chi-so-hids-2026-2026-12-0[12]\.pdf$/);
    expect(t.dialog).toEqual([name]);
    const path = join(t.out, name);
    const bytes = readFileSync(path);
    expect(r).toEqual({ ok: true, value: { cancelled: false, path, survey: 'hids-2026', pages: 2, bytes: bytes.length } });
    // The same HTML as `khaosat report --format html`, of the filtered Interviews only.
    expect(rec.printed).toHaveLength(1);
    expect(rec.printed[0]).toContain('<h1>Báo cáo chỉ số hài lòng</h1>');
    expect(rec.printed[0]).toContain('Giới tính: Nữ');
    expect(rec.printed[0]).toContain('Xã Hai (Bình Dương cũ)');
    expect(rec.printed[0]).not.toContain('Phường Một');
    // Only the PDF in the folder: no temporary file left beside it.
    expect(readdirSync(t.out)).toEqual([name]);
    const store = await openAnalystStore(target);
    try {
      const audit = await store.db.selectFrom('analyst_audit').selectAll().where('action', '=', 'report_pdf_written').execute();
      expect(audit.map((a) => [a.user_code, a.entity_id, JSON.parse(a.detail).path])).toContainEqual(['PT01', 'hids-2026', path]);
    } finally {
      await store.close();
    }
  });

  it('refuses surveyors and supervisors before any dialog or print', async () => {
    const rec = recordingPrinter();
    const t = await setUp({ printer: rec.printer });
    for (const call of [t.surveyor, t.supervisor]) {
      expect(await call({})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(t.dialog).toEqual([]);
    expect(rec.printed).toEqual([]);
    expect(readdirSync(t.out)).toEqual([]);
  });

  it('a cancelled dialog prints and writes nothing', async () => {
    const rec = recordingPrinter();
    const t = await setUp({ printer: rec.printer, file: null });
    expect(await t.analyst({})).toEqual({ ok: true, value: { cancelled: true, path: null, survey: 'hids-2026', pages: 0, bytes: 0 } });
    expect(t.dialog).toHaveLength(1);
    expect(rec.printed).toEqual([]);
    expect(readdirSync(t.out)).toEqual([]);
  });

  it('no Interview for these filters, or no printer: refused before the dialog', async () => {
    const t = await setUp();
    const empty = await t.analyst({ filters: { from: '2099-01-01' } });
    expect(empty).toMatchObject({ ok: false, error: { code: 'report_no_data', message: expect.stringContaining('Không có phỏng vấn nào khớp với bộ lọc') } });
    const none = await setUp({ printer: null });
    expect(await none.analyst({})).toMatchObject({ ok: false, error: { code: 'report_printer_missing', message: expect.stringContaining('Chromium') } });
    expect([...t.dialog, ...none.dialog]).toEqual([]);
  });

  it('a bad filter is the request\'s fault, named', async () => {
    const t = await setUp();
    expect(await t.analyst({ filters: { from: '2026-12-02', to: '2026-12-01' } })).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'filters' }] } });
    expect(await t.analyst({ filters: { sexes: ['2'] }, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('a printer failure leaves no partial file, and an earlier file of that name untouched', async () => {
    // The printer gets halfway (part of a PDF on disk), then fails.
    const half = recordingPrinter((pdfPath) => {
      writeFileSync(pdfPath, '%PDF-1.7\n1 0 obj <</Type /Page');
      throw new PdfPrintError('Chromium không in được PDF / Chromium could not print the PDF (exit code 1)');
    });
    const t = await setUp({ printer: half.printer });
    const r = await t.analyst({});
    expect(r).toMatchObject({ ok: false, error: { code: 'report_print_failed', message: 'Không in được báo cáo ra PDF; không có tệp nào được ghi.' } });
    expect(readdirSync(t.out)).toEqual([]);

    const earlier = join(t.out, 'bao-cao.pdf');
    writeFileSync(earlier, 'the report of last week');
    const junk = recordingPrinter((pdfPath) => writeFileSync(pdfPath, '<html>not a pdf</html>'));
    const u = await setUp({ printer: junk.printer, file: earlier });
    expect(await u.analyst({})).toMatchObject({ ok: false, error: { code: 'report_print_failed' } });
    expect(readFileSync(earlier, 'utf8')).toBe('the report of last week');
    expect(readdirSync(t.out)).toEqual(['bao-cao.pdf']);
  });

  it('a file that cannot be written is refused with its path, nothing left behind', async () => {
    const t = await setUp({ file: '/nonexistent-khaosat-folder/bao-cao.pdf' });
    const r = await t.analyst({});
    expect(r).toMatchObject({ ok: false, error: { code: 'report_write_failed', issues: [{ path: 'file' }] } });
    const error = (r as { error: { message: string; messageEn: string } }).error;
    expect(error.message).toMatch(/^Không ghi được tệp PDF vào \/nonexistent-khaosat-folder\/bao-cao\.pdf \(ENOENT\)/);
    expect(error.messageEn).toMatch(/could not be written to \/nonexistent-khaosat-folder\/bao-cao\.pdf/);
    expect(existsSync('/nonexistent-khaosat-folder')).toBe(false);
  });

  const chromium = findChromium(process.env);
  it.skipIf(!chromium && !process.env.CI)('printed by real Chromium: the pages it reports are the pages pdfinfo counts', async () => {
    const t = await setUp({ printer: chromiumPrinter(chromium!) });
    const r = await t.analyst({});
    expect(r.ok).toBe(true);
    const value = (r as { value: { path: string; pages: number; bytes: number } }).value;
    const info = execFileSync('pdfinfo', [value.path], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)![1])).toBe(value.pages);
    expect(info).toMatch(/\(A4\)/);
    expect(readFileSync(value.path).length).toBe(value.bytes);
    expect(execFileSync('pdftotext', ['-layout', value.path, '-'], { encoding: 'utf8' })).toContain(`Trang 1 / ${value.pages}`);
  }, 120_000);
});
