// XLSX out (docs/exports.md, "XLSX") through exceljs's streaming workbook writer (already the
// project's .xlsx library): per table a data sheet (codes and values; missing codes as codes;
// skipped and unanswered as empty cells) and a `<table>_status` sheet of the same shape
// (answered|missing|skipped|unanswered); then `value_labels` and `codebook` sheets. Written to a
// temporary name and renamed into place when complete.
//
// Memory: committing a row only hands its XML to the sheet's zip entry. exceljs's sheet stream
// never pushes back (its write() always returns true), and the zip deflates on the event loop,
// so a loop that writes every row without yielding keeps the whole sheet's XML in memory until
// `wb.commit()` (171 MB of buffers at 40,000 HIDS interviews, 27 MB at 5,000). So the rows are
// paced: after each row, while the sheet's zip entry holds more than its high-water mark, the
// writer waits for the zip to drain it (`paceRows`). Memory then stays flat at any row count.
import fs from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue, Dataset } from '../../shared/exports/dataset';
import { CODEBOOK_HEADER, codebookRows } from './codebook';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(s: string): string {
  return s.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);
}

export function statusSheetName(table: string): string {
  return sheetName(`${table.slice(0, 24)}_status`);
}

export interface XlsxOptions {
  /** Called after each row with the bytes of XML waiting for the zip (tests watch it stay bounded). */
  onPending?: (bytes: number) => void;
}

type Sheet = ExcelJS.Worksheet;

/** What the zip's reading end of a sheet shows of its buffers (Node's stream state, in readable-stream 2 too). */
interface ZipEntry {
  once: Writable['once'];
  _writableState: { length: number; needDrain: boolean };
  _readableState: { length: number };
}

/**
 * The stream the zip reads a sheet's XML from. exceljs hands its sheet buffer to archiver, which
 * pipes it into a PassThrough (readable-stream 2, the version archiver 5 uses: it has no public
 * `writableLength`/`writableNeedDrain`, so the stream state is read directly); that stream's
 * buffers are what pile up when the writer outruns the deflater, and its `drain` says when the zip
 * has caught up. exceljs is pinned (package.json); if a new version changes this shape the export
 * fails here, loudly, instead of silently buffering whole sheets again.
 */
function zipEntryOf(sheet: Sheet): ZipEntry {
  const stream = (sheet as unknown as { stream: { pipes?: unknown[] } }).stream;
  const entry = stream.pipes?.[0] as Partial<ZipEntry> | undefined;
  if (typeof entry?.once !== 'function' || typeof entry._writableState?.length !== 'number' || typeof entry._writableState.needDrain !== 'boolean' || typeof entry._readableState?.length !== 'number') {
    throw new Error('exceljs: không tìm thấy luồng zip của trang tính / the sheet stream of exceljs is not piped to the zip as expected (exceljs version changed?)');
  }
  return entry as ZipEntry;
}

/** Adds and commits each row, waiting whenever the zip has not yet taken the XML already written. */
async function paceRows(sheet: Sheet, rows: Iterable<CellValue[]>, options: XlsxOptions, failure: Promise<never>): Promise<void> {
  let entry: ZipEntry | undefined;
  for (const row of rows) {
    sheet.addRow(row).commit();
    // The sheet's stream (and its zip entry) exists from the first committed row on.
    entry ??= zipEntryOf(sheet);
    options.onPending?.(entry._writableState.length + entry._readableState.length);
    // Raced with the file's failure: a full disk would otherwise leave the zip (and us) waiting.
    if (entry._writableState.needDrain) await Promise.race([once(entry as unknown as Writable, 'drain'), failure]);
  }
}

function* valuesOf(rows: Iterable<{ values: CellValue[] }>): Iterable<CellValue[]> {
  for (const r of rows) yield r.values;
}

function* statusesOf(rows: Iterable<{ statuses: string[] }>): Iterable<CellValue[]> {
  for (const r of rows) yield r.statuses;
}

export async function writeXlsx(dataset: Dataset, file: string, options: XlsxOptions = {}): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  const out = fs.createWriteStream(tmp);
  const failure = new Promise<never>((_, reject) => out.once('error', reject));
  failure.catch(() => undefined);
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: false, useSharedStrings: false });
    wb.creator = 'KhaoSat';
    for (const t of dataset.tables) {
      const header = t.variables.map((v) => v.name);
      const data = wb.addWorksheet(sheetName(t.name));
      await paceRows(data, [header], options, failure);
      await paceRows(data, valuesOf(t.rows), options, failure);
      data.commit();
      const st = wb.addWorksheet(statusSheetName(t.name));
      await paceRows(st, [header], options, failure);
      await paceRows(st, statusesOf(t.rows), options, failure);
      st.commit();
    }
    const vl = wb.addWorksheet('value_labels');
    const labels: CellValue[][] = [['table', 'variable', 'value', 'label', 'missing_kind']];
    for (const t of dataset.tables) {
      for (const v of t.variables) {
        for (const l of v.valueLabels) {
          labels.push([t.name, v.name, l.value, l.label, v.missing.find((m) => String(m.value) === String(l.value))?.kind ?? null]);
        }
      }
    }
    await paceRows(vl, labels, options, failure);
    vl.commit();
    const cb = wb.addWorksheet('codebook');
    await paceRows(cb, [[...CODEBOOK_HEADER], ...codebookRows(dataset)], options, failure);
    cb.commit();
    await Promise.race([wb.commit(), failure]);
    fs.renameSync(tmp, file);
  } catch (e) {
    out.destroy();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
