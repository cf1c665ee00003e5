// SPSS (and Stata, for strings) cannot tell skipped from unanswered in the value itself, so the
// writers add a companion numeric status variable after each question/choice variable
// (`<name>_st`: 1 answered, 2 missing code, 3 skipped, 4 unanswered; value-labelled).
import { CELL_STATUSES, STATUS_CODES, STATUS_LABELS, type CellValue, type DatasetRow, type DatasetTable, type DatasetVariable } from './dataset';

export interface OutColumn {
  variable: DatasetVariable;
  /** The cell of this column in a row. */
  value: (row: DatasetRow) => CellValue;
  /** Set for the value columns; absent for a companion status column. */
  index?: number;
}

export const STATUS_VALUE_LABELS = CELL_STATUSES.map((s) => ({ value: STATUS_CODES[s], label: STATUS_LABELS[s] }));

export function statusVariable(v: DatasetVariable): DatasetVariable {
  return {
    name: v.statusName as string, source: `${v.source}#status`, role: v.role, type: 'numeric', width: 0, decimals: 0,
    label: `Tình trạng (status): ${v.name}`, valueLabels: STATUS_VALUE_LABELS, missing: [], measure: 'nominal',
  };
}

/** The table's columns with a status column after each variable `withStatus` selects. */
export function columnsWithStatus(table: DatasetTable, withStatus: (v: DatasetVariable) => boolean): OutColumn[] {
  const out: OutColumn[] = [];
  table.variables.forEach((v, i) => {
    out.push({ variable: v, index: i, value: (r) => r.values[i] ?? null });
    if (v.statusName && withStatus(v)) {
      out.push({ variable: statusVariable(v), value: (r) => STATUS_CODES[r.statuses[i] ?? 'unanswered'] });
    }
  });
  return out;
}
