// Checks a serialised FormModel (form.json, a stored form version, the built-in bundle): its shape,
// and every expression tree rebuilt from its source, so a hand-edited or tampered tree never
// disagrees with the text the designer sees. Apart from loadForm.ts so the main bundle, which
// loads stored forms, does not pull in the .xlsx reader.
import { parseExpression, referencedNames } from '../../shared/engine/expr';
import { type CompileResult, type FormError, FormIssues, FORM_MODEL_VERSION, type FormModel, CHOICE_COLUMN_REF_PREFIX } from '../../shared/forms';
import { rewriteChoiceColumns } from '../../shared/forms/expressions';
import { isXmlTree } from '../../shared/forms/xml';

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/**
 * The index of the first attachment that is neither a table (CSV, GeoJSON) nor an XML tree within
 * the parser's bounds, or null: the runtime walks these trees, so a tampered one is refused here.
 */
function badAttachment(list: unknown): number | null {
  if (list === undefined) return null;
  if (!Array.isArray(list)) return 0;
  const i = list.findIndex((a: unknown) => {
    if (!a || typeof a !== 'object') return true;
    const r = a as Record<string, unknown>;
    if (typeof r['file'] !== 'string') return true;
    if ('xml' in r) return !isXmlTree(r['xml']);
    return !isStrings(r['columns']) || !Array.isArray(r['rows']) || !r['rows'].every(isStrings);
  });
  return i < 0 ? null : i;
}

function failure(file: string, code: FormError['code'], vi: string, en: string, sheet = ''): CompileResult {
  const issues = new FormIssues(file);
  issues.error({ sheet, row: 0 }, code, vi, en);
  return { ok: false, errors: issues.errors, warnings: [] };
}

/** Validates the shape of a serialised FormModel and rebuilds every expression tree from its source. */
export function checkFormJson(data: unknown, name: string): CompileResult {
  const f = data as Partial<FormModel> | null;
  if (!f || typeof f !== 'object' || f.modelVersion !== FORM_MODEL_VERSION) {
    return failure(name, 'invalid_json_form', `${name} không phải phiếu KhaoSat phiên bản mô hình ${FORM_MODEL_VERSION}.`, `${name} is not a KhaoSat form of model version ${FORM_MODEL_VERSION}.`);
  }
  if (typeof f.formId !== 'string' || typeof f.version !== 'string' || !Array.isArray(f.children) || typeof f.choiceLists !== 'object' || !f.index || !Array.isArray(f.languages)) {
    return failure(name, 'invalid_json_form', `${name} thiếu trường bắt buộc (formId, version, children, choiceLists, languages, index).`, `${name} lacks required fields (formId, version, children, choiceLists, languages, index).`);
  }
  const bad = badAttachment(f.attachments);
  if (bad !== null) {
    return failure(name, 'invalid_json_form', `${name}: tệp đính kèm thứ ${bad + 1} (attachments) không đúng dạng (bảng cột/dòng hoặc cây XML trong giới hạn).`, `${name}: attachment ${bad + 1} is malformed (a table of columns and rows, or an XML tree within the limits).`);
  }
  const issues = new FormIssues(name);
  const reparse = (node: Record<string, unknown>): void => {
    for (const [k, v] of Object.entries(node)) {
      if (v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { source?: unknown }).source === 'string' && 'ast' in v) {
        const ce = v as { source: string; ast: unknown; refs: string[]; choiceColumns?: string[] };
        try {
          // choice_filter trees hold rewritten column refs (see rewriteChoiceColumns).
          const rewritten = ce.choiceColumns ? rewriteChoiceColumns(ce.source) : undefined;
          ce.ast = parseExpression(rewritten?.text ?? ce.source);
          if (rewritten) ce.choiceColumns = rewritten.columns;
          ce.refs = [...new Set(referencedNames(ce.ast as ReturnType<typeof parseExpression>))].filter((r) => !r.startsWith(CHOICE_COLUMN_REF_PREFIX));
        } catch (err) {
          issues.error({ sheet: 'form.json', row: 0, column: k }, 'expression_syntax', `Biểu thức "${ce.source}" sai cú pháp: ${(err as { messageVi?: string }).messageVi ?? ''}`, `Expression "${ce.source}" is invalid: ${(err as Error).message}`);
        }
      } else if (v && typeof v === 'object') reparse(v as Record<string, unknown>);
    }
  };
  reparse(f as Record<string, unknown>);
  if (issues.errors.length) return { ok: false, errors: issues.errors, warnings: [] };
  return { ok: true, form: f as FormModel, warnings: [] };
}
