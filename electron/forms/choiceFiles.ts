// select_one_from_file / select_multiple_from_file: the choices come from a CSV shipped beside
// the form (`select_one_from_file units.csv`). When a form is loaded from its folder, each such
// CSV is read and its rows become a choice list in the model (named `file:<name>`), and the
// question becomes an ordinary select_one / select_multiple on that list (its `choicesFile`
// still says where the choices came from). Everything downstream (runtime, widgets, main's answer
// check, the survey package's form.json, exports) then treats it like any select, and the
// surveyor's laptop never needs the CSV itself.
// Columns as pyxform and ODK read them: `name` and `label` (or the `value=` and `label=`
// parameters), `label::<language>` per language, any other column kept for choice_filter.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvError, parseCsv } from '../instruments/csv';
import { FormIssues, type FormError } from '../../shared/forms';
import { listQuestions, type Choice, type FormModel, type QuestionNode } from '../../shared/forms/model';

export const MAX_CHOICES_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_CHOICES_FILE_ROWS = 50_000;
/** Prefix of the choice lists made from files, which a choices-sheet list name cannot collide with. */
export const FILE_LIST_PREFIX = 'file:';

type Read = (path: string) => Promise<Uint8Array | null>;

const readIfThere: Read = async (path) => {
  try {
    if ((await stat(path)).size > MAX_CHOICES_FILE_BYTES) return new Uint8Array(MAX_CHOICES_FILE_BYTES + 1);
    return await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
};

/** The language code of a `label::…` header, resolved against the form's languages. */
function languageOf(header: string, form: FormModel): string | null {
  const m = /^label\s*::\s*(.+)$/i.exec(header.trim());
  if (!m) return null;
  const text = (m[1] ?? '').trim();
  const code = /\(([^)]+)\)\s*$/.exec(text)?.[1]?.trim() ?? text;
  const known = form.languages.find((l) => l.code.toLowerCase() === code.toLowerCase() || l.name.toLowerCase() === text.toLowerCase());
  return known ? known.code : code;
}

/** Reads one CSV into choices, or says in both languages why it cannot. */
function choicesFromCsv(text: string, file: string, q: QuestionNode, form: FormModel): { choices: Choice[] } | { vi: string; en: string } {
  let rows: string[][];
  try {
    rows = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ''));
  } catch (err) {
    if (err instanceof CsvError) return { vi: `${file}: ${err.messageVi}`, en: `${file}: ${err.message}` };
    throw err;
  }
  const header = (rows[0] ?? []).map((h) => h.trim());
  const valueCol = q.parameters['value'] ?? 'name';
  const labelCol = q.parameters['label'] ?? 'label';
  const vi = header.indexOf(valueCol);
  if (vi < 0) return { vi: `${file} không có cột "${valueCol}" (mã lựa chọn). Các cột: ${header.join(', ') || '—'}.`, en: `${file} has no "${valueCol}" column (the choice codes). Columns: ${header.join(', ') || '—'}.` };
  if (rows.length - 1 > MAX_CHOICES_FILE_ROWS) return { vi: `${file} có hơn ${MAX_CHOICES_FILE_ROWS} dòng.`, en: `${file} has more than ${MAX_CHOICES_FILE_ROWS} rows.` };
  if (rows.length < 2) return { vi: `${file} không có dòng lựa chọn nào.`, en: `${file} has no choice rows.` };
  const li = header.indexOf(labelCol);
  const langCols = header.map((h, k) => ({ k, code: languageOf(h, form) })).filter((x): x is { k: number; code: string } => x.code !== null);
  const seen = new Map<string, number>();
  const choices: Choice[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r] as string[];
    const name = (row[vi] ?? '').trim();
    const line = r + 1;
    if (name === '') return { vi: `${file} dòng ${line}: thiếu mã ở cột "${valueCol}".`, en: `${file} line ${line}: no code in the "${valueCol}" column.` };
    if (q.type === 'select_multiple_from_file' && /\s/.test(name)) return { vi: `${file} dòng ${line}: mã "${name}" có khoảng trắng (câu chọn nhiều không nhận).`, en: `${file} line ${line}: code "${name}" contains a space (not allowed for select_multiple).` };
    const first = seen.get(name);
    if (first !== undefined) return { vi: `${file} dòng ${line}: mã "${name}" trùng dòng ${first}.`, en: `${file} line ${line}: code "${name}" repeats line ${first}.` };
    seen.set(name, line);
    const labels: Record<string, string> = {};
    if (li >= 0 && (row[li] ?? '').trim() !== '') labels[form.defaultLanguage] = (row[li] as string).trim();
    for (const { k, code } of langCols) if ((row[k] ?? '').trim() !== '') labels[code] = (row[k] as string).trim();
    const extra: Record<string, string> = {};
    header.forEach((h, k) => {
      if (k !== vi && k !== li && !langCols.some((c) => c.k === k) && h !== '') extra[h] = row[k] ?? '';
    });
    choices.push({ name, labels, extra, source: { sheet: file, row: line } });
  }
  return { choices };
}

/**
 * Reads the choice files a compiled form names, from `dir`, into its choice lists. Returns the
 * form (a new object; the input is not changed) or errors naming the question's row and the file.
 */
export async function attachChoiceFiles(form: FormModel, dir: string, read: Read = readIfThere): Promise<{ ok: true; form: FormModel } | { ok: false; errors: FormError[] }> {
  const wanted = listQuestions(form).filter((q) => q.choicesFile && (q.type === 'select_one_from_file' || q.type === 'select_multiple_from_file'));
  if (wanted.length === 0) return { ok: true, form };
  const issues = new FormIssues(form.sourceFile);
  const lists: FormModel['choiceLists'] = { ...form.choiceLists };
  const lowered = new Map<QuestionNode, QuestionNode>();
  for (const q of wanted) {
    const file = q.choicesFile as string;
    const at = { sheet: q.source.sheet, row: q.source.row, column: 'type' };
    if (!file.toLowerCase().endsWith('.csv')) {
      issues.error(at, 'invalid_choices_file', `${file}: KhaoSat đọc lựa chọn từ tệp .csv; hãy lưu danh sách thành ${file.replace(/\.[^.]+$/, '.csv')} (cột name, label).`, `${file}: KhaoSat reads choices from a .csv file; save the list as ${file.replace(/\.[^.]+$/, '.csv')} (columns name, label).`);
      continue;
    }
    const bytes = await read(join(dir, file));
    if (bytes === null) {
      issues.error(at, 'invalid_choices_file', `Không có tệp ${file} bên cạnh phiếu (câu "${q.name}" lấy lựa chọn từ đó). Đặt ${file} cùng thư mục với tệp phiếu.`, `No file ${file} beside the form (question "${q.name}" takes its choices from it). Put ${file} in the same folder as the form file.`);
      continue;
    }
    if (bytes.byteLength > MAX_CHOICES_FILE_BYTES) {
      issues.error(at, 'invalid_choices_file', `${file} lớn hơn ${MAX_CHOICES_FILE_BYTES / 1024 / 1024} MB.`, `${file} is larger than ${MAX_CHOICES_FILE_BYTES / 1024 / 1024} MB.`);
      continue;
    }
    const read1 = choicesFromCsv(new TextDecoder('utf-8').decode(bytes), file, q, form);
    if (!('choices' in read1)) {
      issues.error(at, 'invalid_choices_file', read1.vi, read1.en);
      continue;
    }
    // A question reading other value/label columns of the same file gets its own list.
    const cols = q.parameters['value'] || q.parameters['label'] ? `#${q.parameters['value'] ?? 'name'}/${q.parameters['label'] ?? 'label'}` : '';
    const name = FILE_LIST_PREFIX + file + cols;
    lists[name] = { name, choices: read1.choices };
    lowered.set(q, { ...q, type: q.type === 'select_one_from_file' ? 'select_one' : 'select_multiple', listName: name });
  }
  if (issues.errors.length) return { ok: false, errors: issues.errors };
  const swap = (nodes: FormModel['children']): FormModel['children'] =>
    nodes.map((n) => (n.kind === 'question' ? (lowered.get(n) ?? n) : { ...n, children: swap(n.children) }));
  return { ok: true, form: { ...form, children: swap(form.children), choiceLists: lists } };
}
