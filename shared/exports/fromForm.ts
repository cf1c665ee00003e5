// Builds the export dataset from a compiled form and the interviews the analyst store hands over
// (`ExportInterview`): one `interviews` table (metadata columns, then one column per question in
// form order; select_multiple as the raw string plus one 0/1 column per choice), and one table per
// repeat group linked by `interview_id` and the instance numbers. docs/exports.md.
import { parsePathSegments } from '../forms/answerPath';
import type { FormModel, FormNode, Localized, MissingKind, QuestionNode, RepeatNode } from '../forms/model';
import {
  utf8Length,
  type CellStatus,
  type CellValue,
  type Dataset,
  type DatasetRow,
  type DatasetRowSink,
  type DatasetTable,
  type DatasetVariable,
  type MissingValue,
  type ValueLabel,
} from './dataset';
import { isMediaType, parseMediaValue } from '../forms/media';
import { parseGeoPoint } from '../forms/geo';
import { mediaExportPath } from './media';
import { NameAllocator } from './names';

/** One counted interview as the analyst store gives it to the exports. */
export interface ExportInterview {
  interviewId: string;
  revision: number;
  deviceId: string;
  surveyor: string;
  unitCode: string;
  /** Outcome by name: `completed`, `refused`, … */
  outcome: string;
  /** ISO 8601 times, or null when unknown. */
  startedAt: string | null;
  endedAt: string | null;
  /** Stored answers by answer path (`ACC1`, `members[2]/member_name`); select codes as strings. */
  answers: Readonly<Record<string, string | number | null>>;
  /**
   * Answer paths the runtime found not relevant (skipped by logic). A question neither answered
   * nor listed here is `unanswered`.
   */
  skipped: readonly string[];
}

/** Question types that hold no answer worth a column. */
const NO_COLUMN = new Set(['note']);
const NUMERIC_TYPES = new Set(['integer', 'decimal', 'range']);

export const META_VARIABLES: { name: string; label: string; type: 'numeric' | 'string' }[] = [
  { name: 'interview_id', label: 'Mã phỏng vấn (interview id)', type: 'string' },
  { name: 'revision', label: 'Lần sửa (revision)', type: 'numeric' },
  { name: 'device_id', label: 'Mã thiết bị (device id)', type: 'string' },
  { name: 'surveyor', label: 'Điều tra viên (surveyor)', type: 'string' },
  { name: 'unit_code', label: 'Mã đơn vị (unit code)', type: 'string' },
  { name: 'outcome', label: 'Kết quả (outcome)', type: 'string' },
  { name: 'started_at', label: 'Bắt đầu (start, ISO 8601)', type: 'string' },
  { name: 'ended_at', label: 'Kết thúc (end, ISO 8601)', type: 'string' },
];

function pick(labels: Localized, language: string, fallback: string): string {
  return labels[language] ?? Object.values(labels)[0] ?? fallback;
}

/** How one column is filled from an interview (or a repeat instance). */
interface Column {
  variable: DatasetVariable;
  read: (answer: string | number | null | undefined) => CellValue;
  /** When the cell also needs where the answer is (attachments: the exported file's path). */
  readAt?: (answer: string | number | null | undefined, interviewId: string, path: string) => CellValue;
  /** Status of a present answer (after `read`). */
  status: (value: CellValue) => CellStatus;
  question?: string;
}

interface TableSpec {
  table: DatasetTable<DatasetRowSink>;
  repeats: string[];
  columns: Column[];
}

const isNumber = (s: string) => /^-?\d+(\.\d+)?$/.test(s);

/** The whole dataset in memory (rows as arrays): tests and small exports. */
export function buildDataset(form: FormModel, interviews: Iterable<ExportInterview>, options: { language?: string } = {}): Dataset<DatasetRow[]> {
  const builder = createDatasetBuilder(form, () => [] as DatasetRow[], options);
  for (const iv of interviews) builder.add(iv);
  return builder.finish();
}

export interface DatasetBuilder<R extends DatasetRowSink> {
  /** Adds one interview's rows (main table and repeat instances) to the tables' sinks. */
  add(iv: ExportInterview): void;
  /** The dataset: variables (string widths as wide as the widest value added), the sinks as rows. */
  finish(): Dataset<R>;
}

/**
 * Lays out the tables from the form once, then takes interviews one at a time, so the caller can
 * stream them from the store and keep the rows where it likes (`newRows` per table: an array, or
 * a spool on disk). The columns and widths come out the same as buildDataset's.
 */
export function createDatasetBuilder<R extends DatasetRowSink>(form: FormModel, newRows: (tableName: string) => R, options: { language?: string } = {}): DatasetBuilder<R> {
  const language = options.language ?? form.defaultLanguage;
  const missingByCode = new Map(form.missingCodes.map((m) => [m.code, m]));
  const missingOf = (q: QuestionNode, numeric: boolean): MissingValue[] =>
    q.missingCodes
      .map((code) => missingByCode.get(code))
      .filter((m): m is NonNullable<typeof m> => m !== undefined && (!numeric || isNumber(m.code)))
      .map((m) => ({ value: numeric ? Number(m.code) : m.code, kind: m.kind as MissingKind, label: pick(m.labels, language, m.kind) }));
  const indexItems = new Set(form.index.components.flatMap((c) => c.items.map((i) => i.question)));

  const specs: TableSpec[] = [];
  const newSpec = (name: string, label: string, repeats: string[]): TableSpec => {
    const spec: TableSpec = { table: { name, label, variables: [], rows: newRows(name) }, repeats, columns: [] };
    specs.push(spec);
    return spec;
  };

  const tableNames = new NameAllocator();
  const layouts: { spec: TableSpec; names: NameAllocator }[] = [];

  const plain = (name: string, source: string, role: DatasetVariable['role'], type: 'numeric' | 'string', label: string): DatasetVariable => ({
    name, source, role, type, width: type === 'string' ? 1 : 0, decimals: 0, label, valueLabels: [], missing: [], measure: type === 'numeric' ? 'scale' : 'nominal',
  });

  function addQuestion(spec: TableSpec, names: NameAllocator, q: QuestionNode): void {
    const label = pick(q.labels, language, q.name);
    const list = q.listName ? form.choiceLists[q.listName] : undefined;
    const choices = list?.choices ?? [];
    const answeredOrMissing = (missing: MissingValue[]) => (v: CellValue): CellStatus =>
      v === null ? 'unanswered' : missing.some((m) => String(m.value) === String(v)) ? 'missing' : 'answered';

    // A from-file select (CSV, XML, GeoJSON) has its file's list, labelled as any other list.
    if ((q.type === 'select_one' || q.type === 'select_one_from_file') && choices.length > 0) {
      const numeric = choices.every((c) => isNumber(c.name)) && q.missingCodes.every(isNumber);
      const missing = missingOf(q, numeric);
      const labels: ValueLabel[] = choices.map((c) => ({ value: numeric ? Number(c.name) : c.name, label: pick(c.labels, language, c.name) }));
      for (const m of missing) if (!labels.some((l) => String(l.value) === String(m.value))) labels.push({ value: m.value, label: m.label });
      const v: DatasetVariable = {
        ...plain(names.allocate(q.name), q.name, 'question', numeric ? 'numeric' : 'string', label),
        valueLabels: labels, missing, measure: indexItems.has(q.name) ? 'ordinal' : 'nominal',
      };
      spec.columns.push({ variable: v, question: q.name, read: (a) => (a === null || a === undefined || a === '' ? null : numeric ? Number(a) : String(a)), status: answeredOrMissing(missing) });
    } else if ((q.type === 'select_multiple' || q.type === 'select_multiple_from_file') && choices.length > 0) {
      const missing = missingOf(q, false);
      const raw: DatasetVariable = { ...plain(names.allocate(q.name), q.name, 'question', 'string', label), missing };
      const rawStatus = answeredOrMissing(missing);
      spec.columns.push({ variable: raw, question: q.name, read: (a) => (a === null || a === undefined || a === '' ? null : String(a)), status: rawStatus });
      const numericMissing = missingOf(q, true);
      for (const c of choices) {
        if (c.missing) continue;
        const v: DatasetVariable = {
          ...plain(names.allocate(`${q.name}_${c.name}`), `${q.name}/${c.name}`, 'choice', 'numeric', `${label}: ${pick(c.labels, language, c.name)}`),
          valueLabels: [{ value: 0, label: 'Không chọn' }, { value: 1, label: 'Có chọn' }, ...numericMissing.map((m) => ({ value: m.value, label: m.label }))],
          missing: numericMissing, measure: 'nominal',
        };
        spec.columns.push({
          variable: v, question: q.name,
          read: (a) => {
            if (a === null || a === undefined || a === '') return null;
            const s = String(a);
            const m = numericMissing.find((x) => String(x.value) === s);
            if (m) return m.value as number;
            return s.split(/\s+/).includes(c.name) ? 1 : 0;
          },
          status: answeredOrMissing(numericMissing),
        });
      }
    } else {
      const numeric = NUMERIC_TYPES.has(q.type);
      const missing = missingOf(q, numeric);
      const v: DatasetVariable = { ...plain(names.allocate(q.name), q.name, 'question', numeric ? 'numeric' : 'string', label), missing, valueLabels: missing.map((m) => ({ value: m.value, label: m.label })) };
      if (numeric && q.type === 'decimal') v.decimals = 2;
      const column: Column = {
        variable: v, question: q.name,
        read: (a) => (a === null || a === undefined || a === '' ? null : numeric ? Number(a) : String(a)),
        status: answeredOrMissing(missing),
      };
      // An attachment's cell is the path of the file written beside the data, never its bytes.
      if (isMediaType(q.type)) {
        column.readAt = (a, interviewId, path) => {
          const m = typeof a === 'string' ? parseMediaValue(a) : null;
          return m ? mediaExportPath(interviewId, path, m.name) : a === null || a === undefined || a === '' ? null : String(a);
        };
      }
      spec.columns.push(column);
    }
    if (q.type === 'geopoint') {
      // ODK's `lat lon alt acc` split into numbers, beside the raw text column (docs/exports.md).
      const parts = ['lat', 'lon', 'alt', 'acc'] as const;
      const partLabels = { lat: 'vĩ độ (latitude)', lon: 'kinh độ (longitude)', alt: 'độ cao (altitude, m)', acc: 'độ chính xác (accuracy, m)' };
      parts.forEach((part) => {
        const v: DatasetVariable = { ...plain(names.allocate(`${q.name}_${part}`), `${q.name}#${part}`, 'question', 'numeric', `${label}: ${partLabels[part]}`), decimals: part === 'lat' || part === 'lon' ? 6 : 1 };
        spec.columns.push({
          variable: v, question: q.name,
          read: (a) => {
            if (a === null || a === undefined || a === '') return null;
            const p = parseGeoPoint(String(a));
            return p.ok ? (p.point[part] ?? null) : null;
          },
          status: (x) => (x === null ? 'unanswered' : 'answered'),
        });
      });
    }
    if (q.orOther && list) {
      const other = plain(names.allocate(`${q.name}_other`), `${q.name}_other`, 'question', 'string', `${label}: khác (other)`);
      spec.columns.push({ variable: other, question: `${q.name}_other`, read: (a) => (a === null || a === undefined || a === '' ? null : String(a)), status: (v) => (v === null ? 'unanswered' : 'answered') });
    }
  }

  function layout(nodes: readonly FormNode[], spec: TableSpec, names: NameAllocator, repeats: string[]): void {
    for (const node of nodes) {
      if (node.kind === 'group') layout(node.children, spec, names, repeats);
      else if (node.kind === 'repeat') addRepeat(node, repeats);
      else if (!NO_COLUMN.has(node.type)) addQuestion(spec, names, node);
    }
  }

  function addRepeat(node: RepeatNode, parentRepeats: string[]): void {
    const repeats = [...parentRepeats, node.name];
    const names = new NameAllocator();
    const spec = newSpec(tableNames.allocate(node.name), pick(node.labels, language, node.name), repeats);
    layouts.push({ spec, names });
    spec.columns.push({ variable: plain(names.reserve('interview_id'), 'interview_id', 'key', 'string', 'Mã phỏng vấn (interview id)'), read: (a) => (a == null ? null : String(a)), status: () => 'answered' });
    for (const r of repeats) {
      const v = plain(names.allocate(`${r}_n`), `${r}[n]`, 'key', 'numeric', `Thứ tự trong nhóm lặp ${r} (instance)`);
      spec.columns.push({ variable: v, read: (a) => (a == null ? null : Number(a)), status: () => 'answered' });
    }
    layout(node.children, spec, names, repeats);
  }

  const mainNames = new NameAllocator();
  tableNames.reserve('interviews');
  const main = newSpec('interviews', pick(form.title, language, form.formId), []);
  layouts.push({ spec: main, names: mainNames });
  for (const m of META_VARIABLES) {
    main.columns.push({ variable: plain(mainNames.reserve(m.name), m.name, 'meta', m.type, m.label), read: (a) => (a == null ? null : m.type === 'numeric' ? Number(a) : String(a)), status: () => 'answered' });
  }
  layout(form.children, main, mainNames, []);

  // Status variable names come after every value name, so `q_st` never steals a question's name.
  for (const { spec, names } of layouts) {
    for (const c of spec.columns) {
      if (c.variable.role === 'question' || c.variable.role === 'choice') c.variable.statusName = names.allocate(`${c.variable.name}_st`);
    }
    spec.table.variables = spec.columns.map((c) => c.variable);
  }

  const note = (v: DatasetVariable, value: CellValue) => {
    if (v.type === 'string' && typeof value === 'string') v.width = Math.max(v.width, utf8Length(value));
  };
  const fill = (spec: TableSpec, iv: ExportInterview, skipped: Set<string>, prefix: string, keys: number[]): void => {
    const row: DatasetRow = { values: [], statuses: [] };
    let keyIndex = 0;
    for (const c of spec.columns) {
      let value: CellValue;
      let status: CellStatus;
      if (c.variable.role === 'meta') {
        value = c.read(metaValue(iv, c.variable.source));
        status = 'answered';
      } else if (c.variable.role === 'key') {
        value = c.variable.source === 'interview_id' ? iv.interviewId : (keys[keyIndex++] as number);
        status = 'answered';
      } else {
        const path = prefix + (c.question as string);
        const answer = iv.answers[path];
        value = c.readAt ? c.readAt(answer, iv.interviewId, path) : c.read(answer);
        if (typeof value === 'number' && !Number.isFinite(value)) {
          throw new Error(`Phỏng vấn ${iv.interviewId}, câu ${path}: cần một số, nhận ${JSON.stringify(answer)} / interview ${iv.interviewId}, question ${path}: expected a number, got ${JSON.stringify(answer)}`);
        }
        if (value === null) status = skipped.has(path) || ancestorSkipped(path, skipped) ? 'skipped' : 'unanswered';
        else status = c.status(value);
      }
      note(c.variable, value);
      row.values.push(value);
      row.statuses.push(status);
    }
    spec.table.rows.push(row);
  };

  const add = (iv: ExportInterview): void => {
    const skipped = new Set(iv.skipped);
    fill(main, iv, skipped, '', []);
    const instances = repeatInstances(iv);
    for (const spec of specs) {
      if (spec === main) continue;
      for (const keys of instances.get(spec.repeats.join('/')) ?? []) {
        const prefix = spec.repeats.map((r, i) => `${r}[${keys[i]}]/`).join('');
        fill(spec, iv, skipped, prefix, keys);
      }
    }
  };
  const finish = (): Dataset<R> => ({
    formId: form.formId,
    formVersion: form.version,
    title: pick(form.title, language, form.formId),
    language,
    tables: specs.map((s) => s.table as DatasetTable<R>),
  });
  return { add, finish };
}

function metaValue(iv: ExportInterview, name: string): string | number | null {
  switch (name) {
    case 'interview_id': return iv.interviewId;
    case 'revision': return iv.revision;
    case 'device_id': return iv.deviceId;
    case 'surveyor': return iv.surveyor;
    case 'unit_code': return iv.unitCode;
    case 'outcome': return iv.outcome;
    case 'started_at': return iv.startedAt;
    case 'ended_at': return iv.endedAt;
    default: return null;
  }
}

/** A question inside a skipped repeat instance or group path is skipped too (`members[2]`). */
function ancestorSkipped(path: string, skipped: Set<string>): boolean {
  for (let i = path.lastIndexOf('/'); i > 0; i = path.lastIndexOf('/', i - 1)) if (skipped.has(path.slice(0, i))) return true;
  return false;
}

/** Repeat instances present in an interview's answers, by repeat chain (`hh/members`), sorted. */
function repeatInstances(iv: ExportInterview): Map<string, number[][]> {
  const seen = new Map<string, Map<string, number[]>>();
  for (const path of Object.keys(iv.answers)) {
    // Only a path with an instance index is inside a repeat.
    if (!path.includes('[')) continue;
    const segs = parsePathSegments(path);
    if (!segs) continue;
    const chain: string[] = [];
    const keys: number[] = [];
    for (const s of segs) {
      if (s.index === undefined) break;
      chain.push(s.name);
      keys.push(s.index);
      const byKeys = seen.get(chain.join('/')) ?? new Map<string, number[]>();
      byKeys.set(keys.join(','), [...keys]);
      seen.set(chain.join('/'), byKeys);
    }
  }
  const out = new Map<string, number[][]>();
  for (const [chain, byKeys] of seen) {
    out.set(chain, [...byKeys.values()].sort((a, b) => { for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number); return 0; }));
  }
  return out;
}
