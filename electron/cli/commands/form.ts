// `khaosat form check` and `khaosat form run`: validate an XLSForm/form.json the way the app
// will read it, and evaluate a filled record against it, without the UI.
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatFormError, listQuestions, walkNodes, type FormError, type FormModel } from '../../../shared/forms';
import { evaluateRecord } from '../../../shared/engine/runtime';
import { loadFormFile } from '../../forms/loadForm';
import { CliError, usageError, type CliIo } from '../io';
import { printJson, printKeyValues, printTable } from '../output';

export interface FormSummary {
  formId: string;
  version: string;
  title: Record<string, string>;
  defaultLanguage: string;
  languages: string[];
  questions: number;
  questionsByType: Record<string, number>;
  groups: number;
  repeats: number;
  choiceLists: number;
  indexComponents: { id: string; items: string[] }[];
}

export function summarizeForm(form: FormModel): FormSummary {
  const byType: Record<string, number> = {};
  for (const q of listQuestions(form)) byType[q.type] = (byType[q.type] ?? 0) + 1;
  let groups = 0;
  let repeats = 0;
  walkNodes(form.children, (n) => {
    if (n.kind === 'group') groups++;
    if (n.kind === 'repeat') repeats++;
  });
  return {
    formId: form.formId,
    version: form.version,
    title: form.title,
    defaultLanguage: form.defaultLanguage,
    languages: form.languages.map((l) => l.code),
    questions: Object.values(byType).reduce((a, b) => a + b, 0),
    questionsByType: byType,
    groups,
    repeats,
    choiceLists: Object.keys(form.choiceLists).length,
    indexComponents: form.index.components.map((c) => ({ id: c.id, items: c.items.map((i) => i.question) })),
  };
}

function printIssues(io: CliIo, label: string, issues: FormError[], write: (t: string) => void): void {
  if (issues.length === 0) return;
  write(`${label} (${issues.length}):\n`);
  for (const e of issues) write(`  ${formatFormError(e, 'vi')}\n    ${formatFormError(e, 'en')}\n`);
}

async function loadOrFail(file: string | undefined, io: CliIo) {
  if (!file) throw usageError('missing <form.xlsx|form.json>');
  return loadFormFile(resolve(io.cwd, file));
}

// Problems with the file itself (not its content): reported as one message, not as "1 error in the form".
const FILE_PROBLEMS = new Set<FormError['code']>([
  'file_not_found',
  'not_a_file',
  'empty_file',
  'legacy_xls',
  'encrypted_workbook',
  'not_xlsx',
  'unreadable_file',
  'file_too_large',
  'invalid_json_form',
]);

/** The one file-level error, when that is what went wrong. */
function fileProblem(errors: FormError[]): FormError | null {
  const [only] = errors;
  return errors.length === 1 && only && only.row === 0 && FILE_PROBLEMS.has(only.code) ? only : null;
}

function bilingual(e: FormError): string {
  return `${e.message}\n  ${e.messageEn}`;
}

export async function formCheckCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { json: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw usageError('form check takes one file');
  const result = await loadOrFail(positionals[0], io);
  if (values.json) {
    printJson(io, result.ok
      ? { ok: true, summary: summarizeForm(result.form), warnings: result.warnings }
      : { ok: false, errors: result.errors, warnings: result.warnings });
    return result.ok ? 0 : 1;
  }
  printIssues(io, 'Cảnh báo / warnings', result.warnings, io.out);
  if (!result.ok) {
    const problem = fileProblem(result.errors);
    if (problem) throw new CliError(bilingual(problem));
    printIssues(io, 'Lỗi / errors', result.errors, io.err);
    throw new CliError(`${positionals[0]}: ${result.errors.length} lỗi trong phiếu / error(s) in the form`);
  }
  const s = summarizeForm(result.form);
  printKeyValues(io, [
    ['form_id / version', `${s.formId} / ${s.version}`],
    ['title', s.title[s.defaultLanguage] ?? Object.values(s.title)[0] ?? ''],
    ['languages', s.languages.join(', ') + ` (default ${s.defaultLanguage})`],
    ['questions', s.questions],
    ['groups / repeats', `${s.groups} / ${s.repeats}`],
    ['choice lists', s.choiceLists],
    ['index components', s.indexComponents.map((c) => `${c.id}(${c.items.length})`).join(' ') || '—'],
  ]);
  printTable(io, ['type', 'questions'], Object.entries(s.questionsByType).sort((a, b) => b[1] - a[1]));
  return 0;
}

const MAX_ANSWERS_BYTES = 10 * 1024 * 1024;

async function readAnswers(path: string): Promise<Record<string, unknown>> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') throw new CliError(`Không có tệp trả lời ${path}.\n  No such answers file: ${path}.`);
    throw new CliError(`${path}: không đọc được tệp trả lời / cannot read the answers file (${code})`);
  }
  if (info.isDirectory()) throw new CliError(`${path} là thư mục, không phải tệp trả lời .json.\n  ${path} is a folder, not an answers .json file.`);
  if (info.size > MAX_ANSWERS_BYTES) throw new CliError(`${path}: tệp trả lời lớn hơn / answers file larger than ${MAX_ANSWERS_BYTES / 1024 / 1024} MB`);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new CliError(`${path}: không phải JSON hợp lệ / not valid JSON (${(error as Error).message})`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new CliError(`${path}: cần một đối tượng JSON / expected a JSON object { "<question name>": value, … }`);
  }
  return data as Record<string, unknown>;
}

export async function formRunCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      answers: { type: 'string' },
      lang: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 1) throw usageError('form run takes one form file');
  if (!values.answers) throw usageError('missing --answers <answers.json>');
  const loaded = await loadOrFail(positionals[0], io);
  if (!loaded.ok) {
    const problem = fileProblem(loaded.errors);
    if (problem) throw new CliError(bilingual(problem));
    printIssues(io, 'Lỗi / errors', loaded.errors, io.err);
    throw new CliError(`${positionals[0]}: ${loaded.errors.length} lỗi trong phiếu, hãy sửa trước (khaosat form check) / error(s) in the form; fix them first (khaosat form check)`);
  }
  const answers = await readAnswers(resolve(io.cwd, values.answers));
  const language = values.lang ?? loaded.form.defaultLanguage;
  if (!loaded.form.languages.some((l) => l.code === language)) {
    throw usageError(`--lang ${language}: the form has ${loaded.form.languages.map((l) => l.code).join(', ')}`);
  }
  const snap = evaluateRecord(loaded.form, answers, { language });
  const report = {
    relevant: snap.relevant,
    values: snap.values,
    errors: snap.errors.map((e) => ({ name: e.name, path: e.path, kind: e.kind, message: e.message })),
    complete: snap.complete,
    statuses: snap.statuses,
    missing: snap.missing,
  };
  if (values.json) {
    printJson(io, report);
  } else {
    const counts: Record<string, number> = {};
    for (const status of Object.values(snap.statuses)) counts[status] = (counts[status] ?? 0) + 1;
    printKeyValues(io, [
      ['hoàn tất / complete', snap.complete ? 'có / yes' : 'chưa / no'],
      ['câu hỏi áp dụng / relevant questions', snap.relevant.length],
      ['trạng thái / statuses', Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')],
      ['lỗi / errors', snap.errors.length],
    ]);
    if (snap.errors.length > 0) {
      printTable(io, ['đường dẫn / path', 'loại / kind', 'thông báo / message'], snap.errors.map((e) => [e.path, e.kind, e.message]));
    }
  }
  // Like form check: 0 only when the record could be finalised as it stands.
  return snap.complete ? 0 : 1;
}
