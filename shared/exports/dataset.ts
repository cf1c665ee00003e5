// The dataset every export writer consumes (docs/exports.md): tables of typed variables and rows,
// built once from a compiled form and the analyst store's interviews (`fromForm.ts`), so CSV,
// XLSX, SPSS and Stata agree on names, labels, codes and missing values. Pure: no Node.
import type { MissingKind } from '../forms/model';

/**
 * What a cell holds (DOMAIN.md, "Answers and missing values"):
 * - `answered`: a real answer;
 * - `missing`: one of the form's missing codes (don't know, refused, not applicable) — the value
 *   is that code and `DatasetVariable.missing` says which kind;
 * - `skipped`: not asked, the question was not relevant (value null);
 * - `unanswered`: relevant but left without an answer (value null).
 */
export const CELL_STATUSES = ['answered', 'missing', 'skipped', 'unanswered'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];
/** Numeric codes of the companion status variables in SPSS/Stata (value-labelled there). */
export const STATUS_CODES: Record<CellStatus, number> = { answered: 1, missing: 2, skipped: 3, unanswered: 4 };
export const STATUS_LABELS: Record<CellStatus, string> = {
  answered: 'Đã trả lời (answered)',
  missing: 'Mã thiếu: không biết/từ chối/không áp dụng (missing code)',
  skipped: 'Bỏ qua theo logic (skipped)',
  unanswered: 'Không trả lời (unanswered)',
};

export type CellValue = number | string | null;

export interface ValueLabel {
  value: number | string;
  label: string;
}

export interface MissingValue {
  value: number | string;
  kind: MissingKind;
  label: string;
}

export type Measure = 'nominal' | 'ordinal' | 'scale';
/** `meta`: interview columns; `key`: repeat instance keys; `question`: an answer; `choice`: a select_multiple 0/1 column. */
export type VariableRole = 'meta' | 'key' | 'question' | 'choice';

export interface DatasetVariable {
  /** ASCII name valid in SPSS and Stata (`names.ts`), unique in its table, case-insensitively. */
  name: string;
  /** What it came from: the question name, `question/choice` for a 0/1 column, or the meta column. */
  source: string;
  role: VariableRole;
  type: 'numeric' | 'string';
  /** Strings: the widest value in bytes of UTF-8 (at least 1). Numerics: 0. */
  width: number;
  /** Decimals shown for numerics (0 for codes and integers). */
  decimals: number;
  label: string;
  valueLabels: ValueLabel[];
  /** The form's missing codes this variable can hold, declared as user-missing in SPSS. */
  missing: MissingValue[];
  measure: Measure;
  /**
   * Name of the companion status variable (`<name>_st`) for question and choice variables, where
   * skipped and unanswered must be told apart; absent for meta and key columns (never missing).
   */
  statusName?: string;
}

export interface DatasetRow {
  values: CellValue[];
  statuses: CellStatus[];
}

/**
 * A table's rows as the writers read them: an array in memory, or a spool on disk
 * (electron/exports/spool.ts) for large exports. Writers may iterate it more than once (values,
 * then statuses); `length` is known before the first row is written (SPSS and Stata headers).
 */
export interface DatasetRows extends Iterable<DatasetRow> {
  readonly length: number;
}

/** Where a builder puts a table's rows as it makes them. */
export interface DatasetRowSink extends DatasetRows {
  push(row: DatasetRow): unknown;
}

export interface DatasetTable<R extends DatasetRows = DatasetRows> {
  /** `interviews`, or the repeat's name (sanitised) for a repeat group's table. */
  name: string;
  label: string;
  variables: DatasetVariable[];
  rows: R;
}

export interface Dataset<R extends DatasetRows = DatasetRows> {
  formId: string;
  formVersion: string;
  title: string;
  /** Language the labels were taken from. */
  language: string;
  /** `interviews` first, then one table per repeat group in form order. */
  tables: DatasetTable<R>[];
}

/** Bytes of a string in UTF-8 (widths of SPSS/Stata string variables are in bytes). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** The longest prefix of `s` that fits in `maxBytes` of UTF-8, never cutting a character. */
export function truncateUtf8(s: string, maxBytes: number): string {
  let n = 0;
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    const w = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (n + w > maxBytes) break;
    n += w;
    out += ch;
  }
  return out;
}

/** The kind of missing code a cell holds, when its status is `missing`. */
export function missingKindOf(variable: DatasetVariable, value: CellValue): MissingKind | undefined {
  if (value === null) return undefined;
  return variable.missing.find((m) => String(m.value) === String(value))?.kind;
}

/** The file label of a table: the form's title, and the repeat group's label for repeat tables. */
export function tableTitle(dataset: Dataset, table: DatasetTable): string {
  return table.name === 'interviews' ? dataset.title : `${dataset.title} — ${table.label}`;
}
