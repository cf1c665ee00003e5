// Files shipped beside a form (ODK's "form attachments"): the CSVs of select_*_from_file,
// `csv-external` instances and the tables `pulldata()` and `instance('…')` read. The compiler
// reads them through the loader's `attachment(file)` (shared/ has no file system), keeps them in
// the model (`FormModel.attachments`) and turns a select_*_from_file CSV into a choice list
// named after the file, so the runtime offers, checks and labels those choices like any other.
import type { Expr } from '../engine/expr';
import { parseCsv } from './csv';
import type { PendingExpression } from './expressions';
import type { FormErrorAt, FormIssues } from './errors';
import type { Choice, ChoiceList, FormAttachment, QuestionNode } from './model';

/** Reads an attached file's text by name, or null when there is none (the loader's side). */
export type AttachmentReader = (file: string) => string | null;

/** At most this many data rows per attached CSV (a unit frame has a few thousand). */
export const MAX_ATTACHMENT_ROWS = 100_000;

export interface FromFileQuestion {
  q: QuestionNode;
  at: FormErrorAt;
}

export interface AttachmentInput {
  fromFile: readonly FromFileQuestion[];
  externalInstances: readonly { name: string; file: string }[];
  pending: readonly PendingExpression[];
  lists: Record<string, ChoiceList>;
  read: AttachmentReader | undefined;
  issues: FormIssues;
  /** Language a CSV's `label` column is read as (the form's default). */
  language: string;
}

function missing(issues: FormIssues, at: FormErrorAt, file: string, why: { vi: string; en: string }, looked: boolean): void {
  // Compiled without a folder to look in (a workbook alone, as pyxform does): nothing to say.
  if (!looked) return;
  issues.warn(
    at,
    'missing_attachment',
    `${why.vi} cần tệp "${file}" đặt cạnh tệp phiếu, nhưng không tìm thấy; ${file.endsWith('.csv') ? 'giá trị đọc từ tệp sẽ rỗng' : 'KhaoSat chỉ đọc tệp .csv'}.`,
    `${why.en} needs the file "${file}" beside the form file, and it is not there; ${file.endsWith('.csv') ? 'values read from it will be empty' : 'KhaoSat reads .csv files only'}.`,
    file,
  );
}

/** `instance('x')` and `pulldata('x', …)` with a literal name, in the order written. */
function instanceNames(e: Expr, out: { name: string; fn: string }[]): void {
  switch (e.kind) {
    case 'call':
      if ((e.name === 'instance' || e.name === 'pulldata') && e.args[0]?.kind === 'string') out.push({ name: e.args[0].value, fn: e.name });
      for (const a of e.args) instanceNames(a, out);
      return;
    case 'neg':
      instanceNames(e.operand, out);
      return;
    case 'binary':
    case 'union':
      instanceNames(e.left, out);
      instanceNames(e.right, out);
      return;
    case 'path':
      if (e.start.kind === 'expr') {
        instanceNames(e.start.expr, out);
        for (const p of e.start.predicates) instanceNames(p, out);
      }
      for (const s of e.steps) for (const p of s.predicates) instanceNames(p, out);
      return;
    default:
      return;
  }
}

/** Reads the attachments the form names; returns them (only CSVs found) for `FormModel.attachments`. */
export function readAttachments(input: AttachmentInput): FormAttachment[] {
  const { issues, lists } = input;
  const looked = input.read !== undefined;
  const loaded = new Map<string, FormAttachment | null>();
  const load = (file: string): FormAttachment | null => {
    if (loaded.has(file)) return loaded.get(file) ?? null;
    const text = file.toLowerCase().endsWith('.csv') ? (input.read?.(file) ?? null) : null;
    let a: FormAttachment | null = null;
    if (text !== null) {
      const [header = [], ...rows] = parseCsv(text, { lenient: true });
      a = { file, columns: header.map((h) => h.trim()), rows: rows.slice(0, MAX_ATTACHMENT_ROWS) };
    }
    loaded.set(file, a);
    return a;
  };

  for (const { q, at } of input.fromFile) {
    const file = q.choicesFile as string;
    const a = load(file);
    if (!a) {
      missing(issues, at, file, { vi: `"${q.name}"`, en: `"${q.name}"` }, looked);
      continue;
    }
    // pyxform's defaults: the value in column `name`, the label in `label` (parameters value=, label= change them).
    const valueCol = q.parameters['value'] ?? 'name';
    const labelCol = q.parameters['label'] ?? 'label';
    const vi = a.columns.indexOf(valueCol);
    const li = a.columns.indexOf(labelCol);
    if (vi < 0) {
      issues.error(at, 'invalid_choices_file', `Tệp "${file}" không có cột "${valueCol}" (giá trị của lựa chọn).`, `The file "${file}" has no "${valueCol}" column (the choice values).`, valueCol);
      continue;
    }
    if (!lists[file]) {
      const choices: Choice[] = a.rows.map((row, k) => {
        const extra: Record<string, string> = {};
        a.columns.forEach((c, j) => {
          if (j !== vi && j !== li && c !== '') extra[c] = row[j] ?? '';
        });
        const label = li >= 0 ? (row[li] ?? '') : (row[vi] ?? '');
        return { name: (row[vi] ?? '').trim(), labels: label ? { [input.language]: label } : {}, extra, source: { sheet: file, row: k + 2 } };
      });
      lists[file] = { name: file, choices: choices.filter((c) => c.name !== '') };
    }
    q.listName = file;
  }

  for (const x of input.externalInstances) {
    if (!load(x.file)) missing(issues, { sheet: 'survey', row: 0 }, x.file, { vi: `Dòng ${x.file.endsWith('.csv') ? 'csv-external' : 'xml-external'} "${x.name}"`, en: `The ${x.file.endsWith('.csv') ? 'csv-external' : 'xml-external'} row "${x.name}"` }, looked);
  }

  for (const p of input.pending) {
    const names: { name: string; fn: string }[] = [];
    instanceNames(p.expr.ast, names);
    for (const { name, fn } of names) {
      if (fn === 'instance' && Object.prototype.hasOwnProperty.call(lists, name)) continue;
      const file = `${name}.csv`;
      if (!load(file)) missing(issues, p.at, file, { vi: `${fn}('${name}')`, en: `${fn}('${name}')` }, looked);
    }
  }
  return [...loaded.values()].filter((a): a is FormAttachment => a !== null);
}
