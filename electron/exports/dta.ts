// A small Stata .dta writer, format 118 (Stata 14+, UTF-8), after Stata's published "dta file
// format" description (docs/exports.md, "Stata"): the XML-like tagged sections, little-endian
// (`LSF`), numerics as doubles, strings as str# (1–2045 bytes; longer text is cut at a character
// boundary and reported in `warnings`), variable labels, value labels (`<lbl>` tables).
// Missing values use Stata's extended missing values, so they stay distinguishable:
//   don't know → .d, refused → .r, not applicable → .n, skipped → .s, unanswered → .u
// each value-labelled (the code's own label and code; "skipped"; "unanswered"). String question
// variables cannot hold extended missing values, so they get a companion `<name>_st`.
import type { MissingKind } from '../../shared/forms/model';
import { STATUS_LABELS, tableTitle, truncateUtf8, type CellStatus, type Dataset, type DatasetTable, type DatasetVariable, type ValueLabel } from '../../shared/exports/dataset';
import { columnsWithStatus, STATUS_VALUE_LABELS, type OutColumn } from '../../shared/exports/statusColumns';
import { Bytes } from './bytes';
import { withSink } from './sink';

export const DTA_MAX_STR = 2045;
const T_DOUBLE = 65526;
const STATUS_LABEL_SET = 'khaosat_status';

/** Letters of the extended missing values (a = 1 … z = 26). */
export const STATA_MISSING: Record<MissingKind | 'skipped' | 'unanswered', string> = {
  dont_know: 'd', refused: 'r', not_applicable: 'n', skipped: 's', unanswered: 'u',
};
const letterNumber = (l: string) => (l === '' ? 0 : l.charCodeAt(0) - 96);

/** The double holding `.a`…`.z` (`.` is 0x7FE0000000000000; each letter adds 2^40). */
export function stataMissingDouble(letter: string): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(0x7fe0000000000000n + BigInt(letterNumber(letter)) * 0x10000000000n);
  return b;
}
/** `.` and the extended missing values this writer uses, made once. */
const MISSING_DOUBLES: Record<string, Buffer> = Object.fromEntries(['', ...Object.values(STATA_MISSING)].map((l) => [l, stataMissingDouble(l)]));
/** The integer standing for `.a`…`.z` in value-label tables (long missing `.` is 2,147,483,621). */
const labelValueOfMissing = (letter: string) => 2147483621 + letterNumber(letter);

interface DtaVar {
  col: OutColumn;
  v: DatasetVariable;
  /** 0 for doubles, else str# width. */
  width: number;
  labelSet?: string;
  /** Value labels of the set, integer-valued, extended missing values included. */
  labels?: { value: number; label: string }[];
}

function cutChars(s: string, chars: number, bytes: number): string {
  return truncateUtf8([...s].slice(0, chars).join(''), bytes);
}

function numericLabels(v: DatasetVariable): { value: number; label: string }[] {
  const out: { value: number; label: string }[] = [];
  const isMissing = (val: ValueLabel['value']) => v.missing.some((m) => String(m.value) === String(val));
  for (const l of v.valueLabels) if (!isMissing(l.value) && Number.isInteger(Number(l.value))) out.push({ value: Number(l.value), label: l.label });
  for (const m of v.missing) out.push({ value: labelValueOfMissing(STATA_MISSING[m.kind]), label: `${m.label} (${m.value})` });
  out.push({ value: labelValueOfMissing('s'), label: STATUS_LABELS.skipped });
  out.push({ value: labelValueOfMissing('u'), label: STATUS_LABELS.unanswered });
  // A form may map two codes to one kind: keep the first label per value.
  return out.filter((l, i) => out.findIndex((x) => x.value === l.value) === i);
}

function lblTable(name: string, labels: { value: number; label: string }[]): Buffer {
  const texts = labels.map((l) => Buffer.from(cutChars(l.label, 32000, 32000) + '\0', 'utf8'));
  const txtlen = texts.reduce((n, t) => n + t.length, 0);
  const b = new Bytes().str('<lbl>').i32(8 + 8 * labels.length + txtlen).fixed(name, 129, 0).fixed('', 3, 0);
  b.i32(labels.length).i32(txtlen);
  let off = 0;
  for (const t of texts) {
    b.i32(off);
    off += t.length;
  }
  for (const l of labels) b.i32(l.value);
  for (const t of texts) b.push(t);
  return b.str('</lbl>').build();
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

export function writeDtaTable(dataset: Dataset, table: DatasetTable, file: string, now = new Date()): { warnings: string[] } {
  const warnings: string[] = [];
  const cols = columnsWithStatus(table, (v) => v.type === 'string');
  const vars: DtaVar[] = cols.map((col) => {
    const v = col.variable;
    if (v.type === 'string') {
      if (v.width > DTA_MAX_STR) warnings.push(`${table.name}.${v.name}: text longer than ${DTA_MAX_STR} bytes cut in the .dta (full text in CSV/XLSX)`);
      return { col, v, width: Math.min(Math.max(v.width, 1), DTA_MAX_STR) };
    }
    if (col.index === undefined) return { col, v, width: 0, labelSet: STATUS_LABEL_SET };
    if (v.role === 'question' || v.role === 'choice') return { col, v, width: 0, labelSet: v.name, labels: numericLabels(v) };
    return { col, v, width: 0 };
  });
  const K = vars.length;
  if (K > 32767) throw new Error(`Stata .dta: too many variables (${K} > 32,767)`);
  const offsets: number[] = [];

  withSink(file, (sink) => {
    const mark = () => offsets.push(sink.position);
    mark(); // <stata_dta>
    const label = Buffer.from(cutChars(tableTitle(dataset, table), 80, 320), 'utf8');
    const ts = `${two(now.getUTCDate())} ${MONTHS[now.getUTCMonth()]} ${now.getUTCFullYear()} ${two(now.getUTCHours())}:${two(now.getUTCMinutes())}`;
    sink.write(new Bytes().str('<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>').u16(K).str('</K><N>').u64(table.rows.length)
      .str('</N><label>').u16(label.length).push(label).str('</label><timestamp>').u8(ts.length).str(ts).str('</timestamp></header>').build());
    mark(); // <map>
    const mapAt = sink.position;
    sink.write(new Bytes().str('<map>').push(Buffer.alloc(14 * 8)).str('</map>').build());
    mark();
    sink.write(new Bytes().str('<variable_types>').build());
    for (const d of vars) sink.write(new Bytes().u16(d.width === 0 ? T_DOUBLE : d.width).build());
    sink.text('</variable_types>');
    mark();
    sink.text('<varnames>');
    for (const d of vars) sink.write(new Bytes().fixed(d.v.name, 129, 0).build());
    sink.text('</varnames>');
    mark();
    sink.write(new Bytes().str('<sortlist>').push(Buffer.alloc(2 * (K + 1))).str('</sortlist>').build());
    mark();
    sink.text('<formats>');
    for (const d of vars) {
      const fmt = d.width > 0 ? `%-${Math.min(d.width, 40)}s` : d.v.decimals > 0 ? `%10.${d.v.decimals}f` : '%10.0g';
      sink.write(new Bytes().fixed(fmt, 57, 0).build());
    }
    sink.text('</formats>');
    mark();
    sink.text('<value_label_names>');
    for (const d of vars) sink.write(new Bytes().fixed(d.labelSet ?? '', 129, 0).build());
    sink.text('</value_label_names>');
    mark();
    sink.text('<variable_labels>');
    for (const d of vars) sink.write(new Bytes().fixed(cutChars(d.v.label, 80, 320), 321, 0).build());
    sink.text('</variable_labels>');
    mark();
    sink.text('<characteristics></characteristics>');
    mark();
    sink.text('<data>');
    const rowBytes = vars.reduce((n, d) => n + (d.width === 0 ? 8 : d.width), 0);
    // One row buffer, reused: the sink copies it, and a fresh buffer per row (with one more per
    // missing double and per string) left the garbage collector far behind at 200,000 rows.
    const buf = Buffer.alloc(rowBytes);
    for (const row of table.rows) {
      buf.fill(0);
      let at = 0;
      for (const d of vars) {
        const value = d.col.value(row);
        if (d.width === 0) {
          const status: CellStatus = d.col.index === undefined ? 'answered' : (row.statuses[d.col.index] ?? 'unanswered');
          if (status === 'skipped' || status === 'unanswered') MISSING_DOUBLES[STATA_MISSING[status]]!.copy(buf, at);
          else if (status === 'missing') {
            const kind = d.v.missing.find((m) => String(m.value) === String(value))?.kind;
            if (!kind) throw new Error(`${table.name}.${d.v.name}: value ${String(value)} marked missing but not a missing code`);
            MISSING_DOUBLES[STATA_MISSING[kind]]!.copy(buf, at);
          } else if (value === null) MISSING_DOUBLES['']!.copy(buf, at);
          else buf.writeDoubleLE(Number(value), at);
          at += 8;
        } else {
          if (value !== null) buf.write(truncateUtf8(String(value), d.width), at, d.width, 'utf8');
          at += d.width;
        }
      }
      sink.write(buf);
    }
    sink.text('</data>');
    mark();
    sink.text('<strls></strls>');
    mark();
    sink.text('<value_labels>');
    if (vars.some((d) => d.labelSet === STATUS_LABEL_SET)) sink.write(lblTable(STATUS_LABEL_SET, STATUS_VALUE_LABELS.map((l) => ({ value: Number(l.value), label: l.label }))));
    for (const d of vars) if (d.labels && d.labelSet) sink.write(lblTable(d.labelSet, d.labels));
    sink.text('</value_labels>');
    mark();
    sink.text('</stata_dta>');
    mark();
    const map = new Bytes();
    for (const o of offsets) map.u64(o);
    sink.patch(mapAt + 5, map.build());
  });
  return { warnings };
}

export function writeDta(dataset: Dataset, outDir: string, join: (dir: string, file: string) => string): { files: string[]; warnings: string[] } {
  const files: string[] = [];
  const warnings: string[] = [];
  for (const t of dataset.tables) {
    const name = `${t.name}.dta`;
    warnings.push(...writeDtaTable(dataset, t, join(outDir, name)).warnings);
    files.push(name);
  }
  return { files, warnings };
}
