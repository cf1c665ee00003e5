// Loads a form for the CLI and services: an XLSForm (.xlsx) is read and compiled, a form.json
// (a compiled model) is checked and its expressions re-parsed from source, so a hand-edited
// or tampered tree never disagrees with the text the designer sees.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseExpression, referencedNames } from '../../shared/engine/expr';
import { compileForm, type CompileResult, type FormError, FormIssues, FORM_MODEL_VERSION, type FormModel, CHOICE_COLUMN_REF_PREFIX } from '../../shared/forms';
import { rewriteChoiceColumns } from '../../shared/forms/expressions';
import { FormFileError, MAX_FORM_FILE_BYTES, readXlsxBuffer } from './readXlsx';
import { describeNotXlsx, sniffFormFile } from './sniffFormFile';

function failure(file: string, code: FormError['code'], vi: string, en: string, sheet = ''): CompileResult {
  const issues = new FormIssues(file);
  issues.error({ sheet, row: 0 }, code, vi, en);
  return { ok: false, errors: issues.errors, warnings: [] };
}

/**
 * Reads and compiles a form file. Every way a path can be wrong (missing, a folder, unreadable,
 * not an .xlsx workbook at all) comes back as one file-level error naming what it is and what to
 * do; compile errors come back in row order.
 */
export async function loadFormFile(path: string): Promise<CompileResult> {
  const name = basename(path);
  try {
    const info = await stat(path);
    if (info.isDirectory()) {
      return failure(name, 'not_a_file', `${path} là một thư mục, không phải tệp phiếu. Hãy chỉ ra tệp .xlsx (hoặc .json) trong đó.`, `${path} is a folder, not a form file. Give the .xlsx (or .json) file inside it.`);
    }
    if (!info.isFile()) {
      return failure(name, 'not_a_file', `${path} không phải tệp thông thường.`, `${path} is not a regular file.`);
    }
    if (extname(path).toLowerCase() === '.json') return await loadFormJson(path);
    if (info.size > MAX_FORM_FILE_BYTES) {
      return failure(name, 'file_too_large', `Tệp ${name} lớn hơn ${MAX_FORM_FILE_BYTES / 1024 / 1024} MB; phiếu hỏi không thể lớn như vậy.`, `${name} is larger than ${MAX_FORM_FILE_BYTES / 1024 / 1024} MB; a questionnaire cannot be that large.`);
    }
    const bytes = await readFile(path);
    // Judged by content, not by name: a renamed .xls or CSV is named for what it is.
    const what = sniffFormFile(bytes);
    if (what.kind !== 'xlsx') {
      const d = describeNotXlsx(name, what);
      return failure(name, d.code, d.vi, d.en);
    }
    return compileForm(await readXlsxBuffer(bytes, name));
  } catch (err) {
    if (err instanceof FormFileError) return failure(name, err.code, err.messageVi, err.message, err.sheet);
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      return failure(name, 'file_not_found', `Không có tệp ${path}. Kiểm tra lại đường dẫn và tên tệp.`, `No such file: ${path}. Check the path and the file name.`);
    }
    if (e.code === 'ENOTDIR') {
      return failure(name, 'file_not_found', `Đường dẫn ${path} đi qua một tệp như thể đó là thư mục. Kiểm tra lại đường dẫn.`, `The path ${path} goes through a file as if it were a folder. Check the path.`);
    }
    if (e.code === 'EACCES' || e.code === 'EPERM') {
      return failure(name, 'unreadable_file', `Không có quyền đọc ${path}.`, `No permission to read ${path}.`);
    }
    return failure(name, 'unreadable_file', `Không mở được tệp ${name}: ${e.code ?? e.message}`, `Could not open ${name}: ${e.code ?? e.message}`);
  }
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
