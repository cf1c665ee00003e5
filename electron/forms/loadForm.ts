// Loads a form for the CLI and services: an XLSForm (.xlsx) is read and compiled, a form.json
// (a compiled model) is checked and its expressions re-parsed from source, so a hand-edited
// or tampered tree never disagrees with the text the designer sees.
import { readFileSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { compileForm, type CompileResult, type FormError, FormIssues } from '../../shared/forms';
import { checkFormJson } from './checkFormJson';
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
    return compileForm(await readXlsxBuffer(bytes, name), { attachment: attachmentReader(dirname(path)) });
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

/**
 * Files shipped with the form (select_*_from_file CSV/XML/GeoJSON files, pulldata CSVs,
 * csv-external and xml-external instances) are read from the form's own folder, as ODK servers
 * take them as the form's attachments. Only a plain file name is looked up (never a path), each
 * is limited like a form file and read as UTF-8; shared/forms parses it.
 */
export function attachmentReader(folder: string): (file: string) => string | null {
  return (file) => {
    if (file !== basename(file) || file.startsWith('.')) return null;
    const full = join(folder, file);
    let size: number;
    try {
      const info = statSync(full);
      if (!info.isFile()) return null;
      size = info.size;
    } catch {
      return null;
    }
    if (size > MAX_FORM_FILE_BYTES) {
      throw new FormFileError('file_too_large', `Tệp đính kèm ${file} lớn hơn ${MAX_FORM_FILE_BYTES / 1024 / 1024} MB.`, `The attached file ${file} is larger than ${MAX_FORM_FILE_BYTES / 1024 / 1024} MB.`, file);
    }
    return readFileSync(full, 'utf8');
  };
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
