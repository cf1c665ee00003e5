// Form errors a survey designer can act on: which file, sheet, row and column, a stable code,
// and a message in Vietnamese (first) and English. Warnings use the same shape.

export type FormErrorCode =
  | 'unreadable_file'
  | 'file_not_found'
  | 'not_a_file'
  | 'empty_file'
  | 'legacy_xls'
  | 'encrypted_workbook'
  | 'not_xlsx'
  | 'file_too_large'
  | 'too_many_rows'
  | 'invalid_json_form'
  | 'missing_sheet'
  | 'missing_column'
  | 'missing_type'
  | 'unknown_type'
  | 'missing_name'
  | 'invalid_name'
  | 'duplicate_name'
  | 'missing_label'
  | 'missing_list_name'
  | 'unknown_list'
  | 'empty_list'
  | 'duplicate_choice'
  | 'missing_choice_name'
  | 'choice_name_space'
  | 'unclosed_block'
  | 'unopened_end'
  | 'mismatched_end'
  | 'empty_block'
  | 'expression_syntax'
  | 'unknown_function'
  | 'unknown_reference'
  | 'reference_cycle'
  | 'unknown_filter_column'
  | 'invalid_parameters'
  | 'invalid_missing_codes'
  | 'unknown_missing_code'
  | 'missing_setting'
  | 'column_ignored'
  | 'index_unknown_question'
  | 'index_bad_question_type'
  | 'index_invalid_weight'
  | 'index_invalid_codes'
  | 'index_missing_component'
  | 'reserved_name'
  | 'generated_name_clash'
  | 'invalid_choices_file'
  | 'not_collected'
  | 'unknown_column'
  | 'unknown_setting'
  | 'unknown_parameter'
  | 'bare_name'
  | 'missing_attachment'
  | 'invalid_attachment';

export interface FormError {
  file: string;
  sheet: string;
  /** 1-based row as Excel shows it; 0 when the problem concerns the whole sheet or file. */
  row: number;
  /** Header name of the column, when the problem is in one cell. */
  column?: string;
  /** Excel column letter (`A`, `B`, … `AA`). */
  columnLetter?: string;
  code: FormErrorCode;
  /** Vietnamese. */
  message: string;
  messageEn: string;
  /** What would have been accepted, when that helps (`tên danh sách`, `)`, …). */
  expected?: string;
}

/** Where a problem is: everything of `FormError` except the message. */
export interface FormErrorAt {
  sheet: string;
  row: number;
  column?: string;
  /** 0-based column index, turned into a letter. */
  columnIndex?: number;
}

/** `0 → A`, `25 → Z`, `26 → AA`. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Collects errors and warnings for one file; the compiler never stops at the first. */
export class FormIssues {
  readonly errors: FormError[] = [];
  readonly warnings: FormError[] = [];
  constructor(readonly file: string) {}

  error(at: FormErrorAt, code: FormErrorCode, vi: string, en: string, expected?: string): void {
    this.errors.push(this.make(at, code, vi, en, expected));
  }

  warn(at: FormErrorAt, code: FormErrorCode, vi: string, en: string, expected?: string): void {
    this.warnings.push(this.make(at, code, vi, en, expected));
  }

  private make(at: FormErrorAt, code: FormErrorCode, vi: string, en: string, expected?: string): FormError {
    const e: FormError = { file: this.file, sheet: at.sheet, row: at.row, code, message: vi, messageEn: en };
    if (at.column !== undefined) e.column = at.column;
    if (at.columnIndex !== undefined) e.columnLetter = columnLetter(at.columnIndex);
    if (expected !== undefined) e.expected = expected;
    return e;
  }
}

/** One line for a terminal or a log: `form.xlsx survey!C12 [unknown_reference] …`. */
export function formatFormError(e: FormError, lang: 'vi' | 'en' = 'vi'): string {
  const cell = e.row > 0 ? `${e.columnLetter ?? ''}${e.row}` : '';
  const where = cell ? `${e.sheet}!${cell}` : e.sheet;
  const col = e.column ? ` (${e.column})` : '';
  return `${e.file} ${where}${col} [${e.code}] ${lang === 'vi' ? e.message : e.messageEn}`;
}

/** `A → 0`, `AA → 26`; no letter sorts first. */
function columnNumber(letter: string | undefined): number {
  if (!letter) return -1;
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Errors as a designer reads the workbook: file-level first, then sheet by sheet in the
 * workbook's tab order (sheets it lacks after those), each by row, then column. Stable, so
 * several errors in one cell keep the order they were found in.
 */
export function inRowOrder(errors: readonly FormError[], sheetOrder: readonly string[]): FormError[] {
  const rank = (sheet: string): number => {
    if (sheet === '') return -1;
    const i = sheetOrder.indexOf(sheet);
    return i >= 0 ? i : sheetOrder.length;
  };
  return errors
    .map((e, i) => ({ e, i }))
    .sort(
      (a, b) =>
        rank(a.e.sheet) - rank(b.e.sheet) ||
        (rank(a.e.sheet) === sheetOrder.length ? a.e.sheet.localeCompare(b.e.sheet) : 0) ||
        a.e.row - b.e.row ||
        columnNumber(a.e.columnLetter) - columnNumber(b.e.columnLetter) ||
        a.i - b.i,
    )
    .map(({ e }) => e);
}
