// Files shipped beside a form (ODK's "form attachments"): the CSV, XML or GeoJSON files of
// select_*_from_file, `csv-external` / `xml-external` instances and the tables `pulldata()` and
// `instance('…')` read. The compiler reads them through the loader's `attachment(file)` (shared/
// has no file system), keeps them in the model (`FormModel.attachments`) and turns a
// select_*_from_file file into a choice list named after the file, so the runtime offers, checks,
// labels and exports those choices like any other list.
import type { Expr } from '../engine/expr';
import { parseCsv } from './csv';
import type { PendingExpression } from './expressions';
import type { FormErrorAt, FormIssues } from './errors';
import { GeoJsonFileError, parseGeoJsonFile } from './geojson';
import { attachmentInstanceId, type Choice, type ChoiceList, type FormAttachment, isXmlAttachment, type QuestionNode, type TableAttachment, type XmlAttachment } from './model';
import { parseXmlFile, XmlFileError } from './xml';

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
  externalInstances: readonly { name: string; file: string; at: FormErrorAt }[];
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
    `${why.vi} cần tệp "${file}" đặt cạnh tệp phiếu, nhưng không tìm thấy; giá trị đọc từ tệp sẽ rỗng.`,
    `${why.en} needs the file "${file}" beside the form file, and it is not there; values read from it will be empty.`,
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

type Kind = 'csv' | 'xml' | 'geojson';

function kindOf(file: string): Kind | null {
  const lower = file.toLowerCase();
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.xml')) return 'xml';
  if (lower.endsWith('.geojson')) return 'geojson';
  return null;
}

/** Reads one file by its kind; a file that cannot be read throws (XmlFileError, GeoJsonFileError). */
function readFile(file: string, text: string): FormAttachment {
  switch (kindOf(file)) {
    case 'xml':
      return { file, xml: parseXmlFile(file, text) };
    case 'geojson':
      return parseGeoJsonFile(file, text, MAX_ATTACHMENT_ROWS);
    default: {
      const [header = [], ...rows] = parseCsv(text, { lenient: true });
      return { file, columns: header.map((h) => h.trim()), rows: rows.slice(0, MAX_ATTACHMENT_ROWS) };
    }
  }
}

/**
 * An XML choices file as a table: ODK's shape is `<root><item><name>…</name><label>…</label>…</item></root>`
 * (the itemset `instance('F')/root/item`); the columns are the items' leaf children, in the order met.
 */
function xmlChoicesTable(a: XmlAttachment): TableAttachment | null {
  if (a.xml.name !== 'root') return null;
  const columns: string[] = [];
  const index = new Map<string, number>();
  const rows: string[][] = [];
  for (const item of a.xml.children ?? []) {
    if (item.name !== 'item') continue;
    const row: string[] = [];
    for (const leaf of item.children ?? []) {
      if (leaf.children) continue;
      let k = index.get(leaf.name);
      if (k === undefined) {
        k = columns.length;
        columns.push(leaf.name);
        index.set(leaf.name, k);
      }
      if (row[k] === undefined) row[k] = leaf.text ?? '';
    }
    rows.push(row);
  }
  return { file: a.file, columns, rows: rows.map((r) => columns.map((_, k) => r[k] ?? '')) };
}

/** Reads the attachments the form names; returns those found (for `FormModel.attachments`). */
export function readAttachments(input: AttachmentInput): FormAttachment[] {
  const { issues, lists } = input;
  const looked = input.read !== undefined;
  const loaded = new Map<string, FormAttachment | null>();
  const bad = new Set<string>();
  /** The file, or null when it is not there or cannot be read (then said once, at its first use). */
  const load = (file: string, at: FormErrorAt): FormAttachment | null => {
    if (loaded.has(file)) return loaded.get(file) ?? null;
    const text = kindOf(file) ? (input.read?.(file) ?? null) : null;
    let a: FormAttachment | null = null;
    if (text !== null) {
      try {
        a = readFile(file, text);
      } catch (err) {
        if (!(err instanceof XmlFileError || err instanceof GeoJsonFileError)) throw err;
        bad.add(file);
        issues.error(at, 'invalid_attachment', err.messageVi, err.message, file);
      }
    }
    loaded.set(file, a);
    return a;
  };

  for (const { q, at } of input.fromFile) {
    const file = q.choicesFile as string;
    const a = load(file, at);
    if (!a) {
      if (!bad.has(file)) missing(issues, at, file, { vi: `"${q.name}"`, en: `"${q.name}"` }, looked);
      continue;
    }
    let table: TableAttachment;
    if (isXmlAttachment(a)) {
      const t = xmlChoicesTable(a);
      if (!t) {
        issues.error(at, 'invalid_choices_file', `Tệp "${file}" phải có dạng <root><item><name>…</name><label>…</label></item>…</root> (phần tử gốc là <${a.xml.name}>).`, `The file "${file}" must be shaped <root><item><name>…</name><label>…</label></item>…</root> (its document element is <${a.xml.name}>).`, '<root>');
        continue;
      }
      table = t;
    } else table = a;
    // pyxform's defaults: the value in column `name`, the label in `label` (parameters value=, label=
    // change them); a GeoJSON feature's value is its `id` and its label its `title` property.
    const geo = kindOf(file) === 'geojson';
    const valueCol = q.parameters['value'] ?? (geo ? 'id' : 'name');
    const labelCol = q.parameters['label'] ?? (geo && !table.columns.includes('title') ? 'name' : geo ? 'title' : 'label');
    const vi = table.columns.indexOf(valueCol);
    const li = table.columns.indexOf(labelCol);
    // A file with no rows (an empty FeatureCollection, `<root/>`) is an empty list, as in ODK.
    if (vi < 0 && table.rows.length > 0) {
      issues.error(at, 'invalid_choices_file', `Tệp "${file}" không có cột "${valueCol}" (giá trị của lựa chọn).`, `The file "${file}" has no "${valueCol}" column (the choice values).`, valueCol);
      continue;
    }
    if (!lists[file]) {
      // A CSV's first data row is line 2 (after the header); an XML item or a GeoJSON feature counts from 1.
      const firstRow = kindOf(file) === 'csv' ? 2 : 1;
      const choices: Choice[] = table.rows.map((row, k) => {
        const extra: Record<string, string> = {};
        table.columns.forEach((c, j) => {
          if (j !== vi && j !== li && c !== '') extra[c] = row[j] ?? '';
        });
        const label = li >= 0 ? (row[li] ?? '') : (row[vi] ?? '');
        return { name: (row[vi] ?? '').trim(), labels: label ? { [input.language]: label } : {}, extra, source: { sheet: file, row: k + firstRow } };
      });
      lists[file] = { name: file, choices: choices.filter((c) => c.name !== '') };
    }
    q.listName = file;
  }

  const instanceFiles = new Map<string, string>();
  for (const x of input.externalInstances) {
    instanceFiles.set(x.name, x.file);
    const what = x.file.endsWith('.csv') ? 'csv-external' : 'xml-external';
    if (!load(x.file, x.at) && !bad.has(x.file)) missing(issues, x.at, x.file, { vi: `Dòng ${what} "${x.name}"`, en: `The ${what} row "${x.name}"` }, looked);
  }
  for (const { q } of input.fromFile) instanceFiles.set(attachmentInstanceId(q.choicesFile as string), q.choicesFile as string);

  for (const p of input.pending) {
    const names: { name: string; fn: string }[] = [];
    instanceNames(p.expr.ast, names);
    for (const { name, fn } of names) {
      if (fn === 'instance' && Object.prototype.hasOwnProperty.call(lists, name)) continue;
      // instance('x') of an xml-external / csv-external row or a from-file list reads that file;
      // anything else (and every pulldata) reads x.csv.
      const file = (fn === 'instance' ? instanceFiles.get(name) : undefined) ?? `${name}.csv`;
      if (!load(file, p.at) && !bad.has(file)) missing(issues, p.at, file, { vi: `${fn}('${name}')`, en: `${fn}('${name}')` }, looked);
    }
  }
  return [...loaded.values()].filter((a): a is FormAttachment => a !== null);
}

