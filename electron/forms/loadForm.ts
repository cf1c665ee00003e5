// Loads a form for the CLI and services: an XLSForm (.xlsx) is read and compiled, a form.json
// (a compiled model) is checked and its expressions re-parsed from source, so a hand-edited
// or tampered tree never disagrees with the text the designer sees.
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { compileForm, type CompileResult, type FormError, FormIssues } from '../../shared/forms';
import { checkFormJson } from './checkFormJson';
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

export { checkFormJson } from './checkFormJson';
