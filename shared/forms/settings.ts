// The settings sheet (form_title, form_id, version, default_language, instance_name,
// missing_codes, index_satisfied, index_valid): one header row and one value row.
import type { FormIssues } from './errors';
import { readLocalized } from './languages';
import type { Localized, MissingCode, MissingKind } from './model';
import { cellText, type SheetTable } from './workbook';

export interface Settings {
  values: Record<string, { text: string; columnIndex: number; header: string }>;
  row: number;
  table?: SheetTable;
}

export function readSettings(table: SheetTable | undefined): Settings {
  const values: Settings['values'] = {};
  const first = table?.rows[0];
  if (table && first) {
    for (const c of table.columns) {
      if (c.language !== undefined) continue;
      const text = cellText(first.cells[c.index]);
      if (text) values[c.base] = { text, columnIndex: c.index, header: c.header };
    }
  }
  const s: Settings = { values, row: first?.row ?? 2 };
  if (table) s.table = table;
  return s;
}

export function settingsTitle(s: Settings, defaultLanguage: string): Localized {
  const first = s.table?.rows[0];
  if (!s.table || !first) return {};
  return readLocalized(s.table, first.cells, 'form_title', defaultLanguage);
}

const KIND_WORDS: Record<string, MissingKind> = {
  not_applicable: 'not_applicable',
  na: 'not_applicable',
  'n/a': 'not_applicable',
  khong_ap_dung: 'not_applicable',
  dont_know: 'dont_know',
  "don't_know": 'dont_know',
  dk: 'dont_know',
  khong_biet: 'dont_know',
  refused: 'refused',
  ref: 'refused',
  tu_choi: 'refused',
};

export function missingKind(word: string): MissingKind | undefined {
  return KIND_WORDS[word.trim().toLowerCase()];
}

export const MISSING_LABELS: Record<MissingKind, Localized> = {
  not_applicable: { vi: 'Không áp dụng', en: 'Not applicable' },
  dont_know: { vi: 'Không biết, không trả lời', en: "Don't know, refused" },
  refused: { vi: 'Từ chối trả lời', en: 'Refused' },
};

/** DOMAIN.md: 8 = not applicable, 9 = don't know / refused. */
export const DEFAULT_MISSING_CODES: readonly MissingCode[] = [
  { code: '8', kind: 'not_applicable', labels: MISSING_LABELS.not_applicable },
  { code: '9', kind: 'dont_know', labels: MISSING_LABELS.dont_know },
];

/** `8=not_applicable 9=dont_know` (spaces, commas or semicolons between pairs). */
export function parseMissingCodes(s: Settings, issues: FormIssues): { codes: MissingCode[]; declared: boolean } {
  const v = s.values['missing_codes'];
  if (!v) return { codes: DEFAULT_MISSING_CODES.map((c) => ({ ...c })), declared: false };
  const codes: MissingCode[] = [];
  for (const token of v.text.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^([^=]+)=(.+)$/.exec(token);
    const kind = m ? missingKind(m[2] ?? '') : undefined;
    const code = (m?.[1] ?? '').trim();
    if (!m || !kind || !code) {
      issues.error(
        { sheet: s.table?.sheet ?? 'settings', row: s.row, column: v.header, columnIndex: v.columnIndex },
        'invalid_missing_codes',
        `"${token}" không đúng dạng mã=loại; loại là not_applicable, dont_know hoặc refused (ví dụ: 8=not_applicable 9=dont_know).`,
        `"${token}" is not code=kind; kind is not_applicable, dont_know or refused (e.g. 8=not_applicable 9=dont_know).`,
        '8=not_applicable 9=dont_know',
      );
      continue;
    }
    codes.push({ code, kind, labels: { ...MISSING_LABELS[kind] } });
  }
  return { codes, declared: true };
}
