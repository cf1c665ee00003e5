// Reads an .xlsx into the neutral workbook the compiler takes: plain cell values only (rich
// text joined, formulas replaced by their cached result, dates as yyyy-mm-dd), within limits.
import ExcelJS from 'exceljs';
import type { Cell, Workbook } from '../../shared/forms';

export const MAX_FORM_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_SHEET_ROWS = 50_000;
export const MAX_SHEET_COLUMNS = 500;

/** A reading failure with a stable code and bilingual message; the loader turns it into a FormError. */
export class FormFileError extends Error {
  constructor(
    readonly code: 'unreadable_file' | 'file_too_large' | 'too_many_rows',
    readonly messageVi: string,
    messageEn: string,
    readonly sheet = '',
  ) {
    super(messageEn);
    this.name = 'FormFileError';
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** One exceljs cell value as a plain value. */
export function plainValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) {
    // Excel dates carry no zone; exceljs gives them as UTC midnight.
    const date = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const time = v.getUTCHours() || v.getUTCMinutes() || v.getUTCSeconds() ? `T${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}` : '';
    return date + time;
  }
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((p) => p.text).join('');
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && 'error' in (result as object)) return null;
      return plainValue(result as ExcelJS.CellValue);
    }
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('text' in v && typeof (v as { text: unknown }).text === 'object') return plainValue((v as { text: ExcelJS.CellValue }).text);
    if ('error' in v) return null;
  }
  return null;
}

/** Parses .xlsx bytes. Throws `FormFileError` for a file that is too large or not a workbook. */
export async function readXlsxBuffer(buffer: Uint8Array, fileName: string): Promise<Workbook> {
  if (buffer.byteLength > MAX_FORM_FILE_BYTES) {
    throw new FormFileError(
      'file_too_large',
      `Tệp ${fileName} lớn hơn ${MAX_FORM_FILE_BYTES / 1024 / 1024} MB; phiếu hỏi không thể lớn như vậy.`,
      `${fileName} is larger than ${MAX_FORM_FILE_BYTES / 1024 / 1024} MB; a questionnaire cannot be that large.`,
    );
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (err) {
    throw new FormFileError(
      'unreadable_file',
      `Không đọc được ${fileName} như tệp Excel (.xlsx): ${(err as Error).message}`,
      `Could not read ${fileName} as an Excel (.xlsx) file: ${(err as Error).message}`,
    );
  }
  const sheets: Workbook['sheets'] = {};
  for (const ws of wb.worksheets) {
    if (ws.rowCount > MAX_SHEET_ROWS) {
      throw new FormFileError(
        'too_many_rows',
        `Bảng "${ws.name}" có ${ws.rowCount} dòng, vượt giới hạn ${MAX_SHEET_ROWS}.`,
        `Sheet "${ws.name}" has ${ws.rowCount} rows, over the limit of ${MAX_SHEET_ROWS}.`,
        ws.name,
      );
    }
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Cell[] = [];
      const width = Math.min(row.cellCount, MAX_SHEET_COLUMNS);
      for (let c = 1; c <= width; c++) cells.push(plainValue(row.getCell(c).value));
      // Keep Excel's row numbers: blank rows in between stay as empty arrays.
      while (rows.length < rowNumber - 1) rows.push([]);
      rows[rowNumber - 1] = cells;
    });
    sheets[ws.name] = { rows };
  }
  return { fileName, sheets };
}
