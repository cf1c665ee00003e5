// Loads a form for the CLI and services: an XLSForm (.xlsx) is read and compiled, a form.json
// (a compiled model) is checked and its expressions re-parsed from source, so a hand-edited
// or tampered tree never disagrees with the text the designer sees.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseExpression, referencedNames } from '../../shared/engine/expr';
import { compileForm, type CompileResult, type FormError, FormIssues, FORM_MODEL_VERSION, type FormModel, CHOICE_COLUMN_REF_PREFIX } from '../../shared/forms';
import { rewriteChoiceColumns } from '../../shared/forms/expressions';
import { FormFileError, MAX_FORM_FILE_BYTES, readXlsxFile } from './readXlsx';

function failure(file: string, code: FormError['code'], vi: string, en: string, sheet = ''): CompileResult {
  const issues = new FormIssues(file);
  issues.error({ sheet, row: 0 }, code, vi, en);
  return { ok: false, errors: issues.errors, warnings: [] };
}

export async function loadFormFile(path: string): Promise<CompileResult> {
  const name = basename(path);
  const ext = extname(path).toLowerCase();
  try {
    if (ext === '.xlsx') return compileForm(await readXlsxFile(path));
    if (ext === '.json') return await loadFormJson(path);
  } catch (err) {
    if (err instanceof FormFileError) return failure(name, err.code, err.messageVi, err.message, err.sheet);
    const e = err as NodeJS.ErrnoException;
    return failure(name, 'unreadable_file', `Không mở được tệp ${name}: ${e.code ?? e.message}`, `Could not open ${name}: ${e.code ?? e.message}`);
  }
  return failure(name, 'unreadable_file', `Không nhận dạng được ${name}: cần tệp .xlsx (XLSForm) hoặc .json (phiếu đã biên dịch).`, `Unrecognised file ${name}: expected .xlsx (XLSForm) or .json (compiled form).`);
}

async function loadFormJson(path: string): Promise<CompileResult> {
  const name = basename(path);
  if ((await stat(path)).size > MAX_FORM_FILE_BYTES) {
    return failure(name, 'file_too_large', `Tệp ${name} quá lớn.`, `${name} is too large.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    return failure(name, 'invalid_json_form', `${name} không phải JSON hợp lệ: ${(err as Error).message}`, `${name} is not valid JSON: ${(err as Error).message}`);
  }
  return checkFormJson(data, name);
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
