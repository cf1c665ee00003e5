// The index configuration: which questions form each component (ACC, PRO, CIV, RES, FBK), which
// codes count as satisfied and valid, and weights. From the `index` sheet, else derived by name.
import type { FormIssues } from './errors';
import { readLocalized } from './languages';
import type { IndexComponent, IndexConfig, Localized, QuestionNode } from './model';
import { suggest } from './names';
import type { Settings } from './settings';
import { columnOf, type SheetTable, valueAt } from './workbook';

export const DEFAULT_COMPONENT_LABELS: Record<string, Localized> = {
  ACC: { vi: 'Tiếp cận dịch vụ', en: 'Access to services' },
  PRO: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
  CIV: { vi: 'Công chức trực tiếp giải quyết công việc', en: 'Civil servants handling the case' },
  RES: { vi: 'Kết quả giải quyết thủ tục hành chính', en: 'Results of the procedure' },
  FBK: { vi: 'Tiếp nhận, xử lý phản ánh, kiến nghị', en: 'Handling of feedback and petitions' },
};
const DEFAULT_ORDER = ['ACC', 'PRO', 'CIV', 'RES', 'FBK'];
const SCORABLE = new Set(['select_one', 'integer', 'decimal', 'range']);

/** `4 5`, `4,5` or a range `1-5`. */
function parseCodes(text: string): number[] | undefined {
  const out: number[] = [];
  for (const tok of text.split(/[\s,;]+/).filter(Boolean)) {
    const range = /^(-?\d+)\s*-\s*(-?\d+)$/.exec(tok);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      if (b < a) return undefined;
      for (let i = a; i <= b; i++) out.push(i);
    } else if (/^-?\d+$/.test(tok)) out.push(Number(tok));
    else return undefined;
  }
  return out.length ? [...new Set(out)] : undefined;
}

function codesSetting(s: Settings, key: string, fallback: number[], issues: FormIssues): number[] {
  const v = s.values[key];
  if (!v) return fallback;
  const codes = parseCodes(v.text);
  if (codes) return codes;
  issues.error(
    { sheet: s.table?.sheet ?? 'settings', row: s.row, column: v.header, columnIndex: v.columnIndex },
    'index_invalid_codes',
    `"${v.text}" không phải danh sách mã số (ví dụ "4 5" hoặc "1-5").`,
    `"${v.text}" is not a list of numeric codes (e.g. "4 5" or "1-5").`,
    '4 5',
  );
  return fallback;
}

export function readIndexConfig(
  t: SheetTable | undefined,
  s: Settings,
  questions: ReadonlyMap<string, QuestionNode>,
  defaultLanguage: string,
  issues: FormIssues,
): IndexConfig {
  const satisfiedCodes = codesSetting(s, 'index_satisfied', [4, 5], issues);
  const validCodes = codesSetting(s, 'index_valid', [1, 2, 3, 4, 5], issues);
  if (!t || t.rows.length === 0) {
    const byId = new Map<string, IndexComponent>();
    for (const q of questions.values()) {
      const m = /^(ACC|PRO|CIV|RES|FBK)\d+$/i.exec(q.name);
      if (!m || !SCORABLE.has(q.type)) continue;
      const id = (m[1] ?? '').toUpperCase();
      const comp = byId.get(id) ?? { id, labels: { ...DEFAULT_COMPONENT_LABELS[id] }, weight: 1, items: [] };
      comp.items.push({ question: q.name, weight: 1 });
      byId.set(id, comp);
    }
    const components = DEFAULT_ORDER.flatMap((id) => byId.get(id) ?? []);
    return { origin: components.length ? 'default' : 'none', components, satisfiedCodes, validCodes };
  }

  const compCol = columnOf(t, 'component');
  const qCol = columnOf(t, 'question');
  const wCol = columnOf(t, 'weight');
  if (!compCol) {
    issues.error({ sheet: t.sheet, row: 1 }, 'missing_column', 'Bảng index thiếu cột "component".', 'The index sheet has no "component" column.', 'component');
    return { origin: 'none', components: [], satisfiedCodes, validCodes };
  }
  const components: IndexComponent[] = [];
  const names = [...questions.keys()];
  for (const r of t.rows) {
    const id = valueAt(r, compCol);
    if (!id) {
      issues.error({ sheet: t.sheet, row: r.row, column: compCol.header, columnIndex: compCol.index }, 'index_missing_component', 'Dòng này thiếu mã thành phần (component), ví dụ ACC.', 'This row has no component id (e.g. ACC).', 'ACC');
      continue;
    }
    let comp = components.find((c) => c.id === id);
    if (!comp) {
      comp = { id, labels: { ...DEFAULT_COMPONENT_LABELS[id.toUpperCase()] }, weight: 1, items: [] };
      components.push(comp);
    }
    Object.assign(comp.labels, readLocalized(t, r.cells, 'label', defaultLanguage));
    const wText = valueAt(r, wCol);
    let weight = 1;
    if (wText) {
      weight = Number(wText);
      if (!Number.isFinite(weight) || weight < 0) {
        issues.error({ sheet: t.sheet, row: r.row, column: wCol?.header, columnIndex: wCol?.index }, 'index_invalid_weight', `Trọng số "${wText}" không phải số không âm.`, `Weight "${wText}" is not a non-negative number.`);
        weight = 1;
      }
    }
    const qName = valueAt(r, qCol);
    if (!qName) {
      // A row naming only a component sets its label and its weight in the overall index.
      comp.weight = weight;
      continue;
    }
    const at = { sheet: t.sheet, row: r.row, column: qCol?.header, columnIndex: qCol?.index };
    const q = questions.get(qName);
    if (!q) {
      const sug = suggest(qName, names);
      issues.error(at, 'index_unknown_question', `Không có câu hỏi "${qName}" trong phiếu${sug ? `; có phải ý bạn là "${sug}"?` : '.'}`, `There is no question "${qName}" in the form${sug ? `; did you mean "${sug}"?` : '.'}`, sug);
      continue;
    }
    if (!SCORABLE.has(q.type)) {
      issues.error(at, 'index_bad_question_type', `Câu "${qName}" có kiểu ${q.type}, không tính được chỉ số hài lòng (cần select_one hoặc integer).`, `Question "${qName}" is of type ${q.type}, which cannot be scored (needs select_one or integer).`, 'select_one');
      continue;
    }
    comp.items.push({ question: qName, weight });
  }
  return { origin: 'sheet', components, satisfiedCodes, validCodes };
}
