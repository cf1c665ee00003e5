// The choices sheet: lists by list_name, labels per language, extra columns for choice_filter,
// and choices marked as missing codes.
import type { FormIssues } from './errors';
import { readLocalized } from './languages';
import type { Choice, ChoiceList, MissingCode } from './model';
import { missingKind } from './settings';
import { columnOf, type SheetTable, valueAt } from './workbook';

const CHOICE_COLUMNS = new Set(['list_name', 'name', 'label', 'missing', 'image', 'big-image', 'audio', 'video', 'media']);
const TRUTHY = new Set(['yes', 'true', '1', 'true()', 'có', 'co', 'x']);

export interface ChoicesRead {
  lists: Record<string, ChoiceList>;
  /** Header names of extra columns, per list (only columns with a value in that list count). */
  extraColumns: Record<string, Set<string>>;
  /** Every extra column of the sheet (choice_filter may name a column a list leaves empty). */
  sheetExtraColumns: Set<string>;
  /** Row where each list first appears, for messages about the whole list. */
  firstRow: Record<string, number>;
}

export function readChoices(
  t: SheetTable | undefined,
  defaultLanguage: string,
  missing: { codes: MissingCode[]; declared: boolean },
  issues: FormIssues,
  /** settings `allow_choice_duplicates: yes`: the same name twice in a list is kept (pyxform's rule). */
  allowDuplicates = false,
): ChoicesRead {
  const lists: Record<string, ChoiceList> = {};
  const extraColumns: Record<string, Set<string>> = {};
  const sheetExtraColumns = new Set<string>();
  const firstRow: Record<string, number> = {};
  if (!t) return { lists, extraColumns, sheetExtraColumns, firstRow };
  const listCol = columnOf(t, 'list_name');
  const nameCol = columnOf(t, 'name');
  const missingCol = columnOf(t, 'missing');
  for (const [base, col] of [['list_name', listCol], ['name', nameCol]] as const) {
    if (!col) {
      issues.error({ sheet: t.sheet, row: 1 }, 'missing_column', `Bảng choices thiếu cột "${base}".`, `The choices sheet has no "${base}" column.`, base);
    }
  }
  if (!listCol || !nameCol) return { lists, extraColumns, sheetExtraColumns, firstRow };
  const extras = t.columns.filter((c) => !CHOICE_COLUMNS.has(c.base) && c.base !== 'value' && !c.base.startsWith('media'));
  for (const c of extras) sheetExtraColumns.add(c.header);
  const firstRowOf = new Map<string, number>();

  for (const r of t.rows) {
    const listName = valueAt(r, listCol);
    const name = valueAt(r, nameCol);
    if (!listName) {
      issues.error(
        { sheet: t.sheet, row: r.row, column: listCol.header, columnIndex: listCol.index },
        'missing_list_name',
        'Dòng lựa chọn này không có tên danh sách (list_name).',
        'This choice row has no list_name.',
      );
      continue;
    }
    const list = (lists[listName] ??= { name: listName, choices: [] });
    firstRow[listName] ??= r.row;
    if (!name) {
      issues.error(
        { sheet: t.sheet, row: r.row, column: nameCol.header, columnIndex: nameCol.index },
        'missing_choice_name',
        `Lựa chọn trong danh sách "${listName}" không có giá trị (name).`,
        `A choice in list "${listName}" has no name (value).`,
      );
      continue;
    }
    const extraSet = (extraColumns[listName] ??= new Set());
    const key = `${listName}\u0000${name}`;
    const first = firstRowOf.get(key);
    if (first !== undefined && !allowDuplicates) {
      issues.error(
        { sheet: t.sheet, row: r.row, column: nameCol.header, columnIndex: nameCol.index },
        'duplicate_choice',
        `Giá trị "${name}" bị trùng trong danh sách "${listName}" (đã có ở dòng ${first}). Đổi tên, hoặc đặt allow_choice_duplicates = yes trong settings nếu cố ý.`,
        `Choice "${name}" appears twice in list "${listName}" (first at row ${first}). Rename it, or set allow_choice_duplicates = yes in settings if this is intended.`,
      );
      continue;
    }
    if (first === undefined) firstRowOf.set(key, r.row);
    const extra: Record<string, string> = {};
    for (const c of extras) {
      const v = valueAt(r, c);
      if (v) {
        extra[c.header] = v;
        extraSet.add(c.header);
      }
    }
    const choice: Choice = { name, labels: readLocalized(t, r.cells, 'label', defaultLanguage), extra, source: { sheet: t.sheet, row: r.row } };
    const declared = missing.codes.find((m) => m.code === name);
    const flag = valueAt(r, missingCol).toLowerCase();
    if (flag && (TRUTHY.has(flag) || missingKind(flag))) {
      choice.missing = missingKind(flag) ?? declared?.kind ?? 'dont_know';
    } else if (missing.declared && declared) {
      choice.missing = declared.kind;
    }
    list.choices.push(choice);
  }
  return { lists, extraColumns, sheetExtraColumns, firstRow };
}
