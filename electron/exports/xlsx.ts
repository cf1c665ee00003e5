// XLSX out (docs/exports.md, "XLSX") through exceljs's streaming workbook writer (already the
// project's .xlsx library; rows are committed as they are written, so memory stays flat):
// per table a data sheet (codes and values; missing codes as codes; skipped and unanswered as
// empty cells) and a `<table>_status` sheet of the same shape (answered|missing|skipped|
// unanswered); then `value_labels` and `codebook` sheets. Written to a temporary name and
// renamed into place when complete.
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Dataset } from '../../shared/exports/dataset';
import { CODEBOOK_HEADER, codebookRows } from './codebook';

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function sheetName(s: string): string {
  return s.replace(/[:\\/?*[\]]/g, '_').slice(0, 31);
}

export function statusSheetName(table: string): string {
  return sheetName(`${table.slice(0, 24)}_status`);
}

export async function writeXlsx(dataset: Dataset, file: string): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useStyles: false, useSharedStrings: false });
    wb.creator = 'KhaoSat';
    for (const t of dataset.tables) {
      const header = t.variables.map((v) => v.name);
      const data = wb.addWorksheet(sheetName(t.name));
      data.addRow(header).commit();
      for (const r of t.rows) data.addRow(r.values.map((v) => (v === null ? null : v))).commit();
      data.commit();
      const st = wb.addWorksheet(statusSheetName(t.name));
      st.addRow(header).commit();
      for (const r of t.rows) st.addRow(r.statuses).commit();
      st.commit();
    }
    const vl = wb.addWorksheet('value_labels');
    vl.addRow(['table', 'variable', 'value', 'label', 'missing_kind']).commit();
    for (const t of dataset.tables) {
      for (const v of t.variables) {
        for (const l of v.valueLabels) {
          vl.addRow([t.name, v.name, l.value, l.label, v.missing.find((m) => String(m.value) === String(l.value))?.kind ?? null]).commit();
        }
      }
    }
    vl.commit();
    const cb = wb.addWorksheet('codebook');
    cb.addRow([...CODEBOOK_HEADER]).commit();
    for (const r of codebookRows(dataset)) cb.addRow(r).commit();
    cb.commit();
    await wb.commit();
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
