// The neutral workbook the compiler reads: sheets of plain cell values, first row = header.
// The Node side (electron/forms/readXlsx) fills it from an .xlsx; tests build it from arrays.

export type Cell = string | number | boolean | null;

export interface WorkbookSheet {
  rows: Cell[][];
}

export interface Workbook {
  fileName: string;
  sheets: Record<string, WorkbookSheet>;
}

/** One header cell, split into its base column and optional language (`label::English (en)`). */
export interface Column {
  index: number;
  /** Header as written, trimmed. */
  header: string;
  /** Normalised base name (`label`, `required_message`, …) after aliases. */
  base: string;
  /** Text after `::`, trimmed, if any. */
  language?: string;
}

/** A data row with its 1-based Excel row number and typed access to cells by column. */
export interface SheetRow {
  row: number;
  cells: Cell[];
}

export interface SheetTable {
  sheet: string;
  columns: Column[];
  rows: SheetRow[];
}

// pyxform accepts these spellings; KhaoSat reads forms as their authors wrote them.
const COLUMN_ALIASES: Record<string, string> = {
  calculate: 'calculation',
  readonly: 'read_only',
  'read-only': 'read_only',
  'jr:count': 'repeat_count',
  'jr:constraintmsg': 'constraint_message',
  'jr:requiredmsg': 'required_message',
  'constraint-msg': 'constraint_message',
  'required-msg': 'required_message',
  'list name': 'list_name',
  'list-name': 'list_name',
  'choice-filter': 'choice_filter',
  'repeat-count': 'repeat_count',
  'form-title': 'form_title',
  'form-id': 'form_id',
  id_string: 'form_id',
  title: 'form_title',
  'set form title': 'form_title',
  'set form id': 'form_id',
  caption: 'label',
  relevance: 'relevant',
  'constraint message': 'constraint_message',
  'constraining message': 'constraint_message',
  'required message': 'required_message',
  requiredmsg: 'required_message',
  'jr:noapperrorstring': 'no_app_error_string',
  noapperrorstring: 'no_app_error_string',
  command: 'type',
  tag: 'name',
  value: 'name',
  count: 'repeat_count',
};

export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'boolean') return c ? 'true' : 'false';
  if (typeof c === 'number') return String(c);
  return c.trim();
}

function parseHeader(raw: Cell, index: number): Column | undefined {
  const header = cellText(raw);
  if (!header) return undefined;
  const sep = header.indexOf('::');
  const basePart = sep >= 0 ? header.slice(0, sep) : header;
  const lang = sep >= 0 ? header.slice(sep + 2).trim() : undefined;
  const norm = basePart.trim().toLowerCase().replace(/\s+/g, ' ');
  const aliased = COLUMN_ALIASES[norm] ?? norm.replace(/ /g, '_');
  const col: Column = { index, header, base: aliased };
  if (lang) col.language = lang;
  return col;
}

/** Looks a sheet up by name, ignoring case and surrounding spaces (`Survey`, ` choices `). */
export function findSheet(wb: Workbook, name: string): { name: string; sheet: WorkbookSheet } | undefined {
  for (const [k, v] of Object.entries(wb.sheets)) {
    if (k.trim().toLowerCase() === name) return { name: k, sheet: v };
  }
  return undefined;
}

/** Turns a sheet into header columns and non-empty data rows (blank rows are skipped, as in pyxform). */
export function readTable(sheetName: string, sheet: WorkbookSheet): SheetTable {
  const header = sheet.rows[0] ?? [];
  const columns: Column[] = [];
  header.forEach((h, i) => {
    const c = parseHeader(h, i);
    if (c) columns.push(c);
  });
  const rows: SheetRow[] = [];
  for (let i = 1; i < sheet.rows.length; i++) {
    const cells = sheet.rows[i] ?? [];
    if (cells.every((c) => cellText(c) === '')) continue;
    rows.push({ row: i + 1, cells });
  }
  return { sheet: sheetName, columns, rows };
}

/** The first column with this base name and no language, else the first with any language. */
export function columnOf(t: SheetTable, base: string): Column | undefined {
  return t.columns.find((c) => c.base === base && c.language === undefined) ?? t.columns.find((c) => c.base === base);
}

export function valueAt(r: SheetRow, col: Column | undefined): string {
  return col ? cellText(r.cells[col.index]) : '';
}
