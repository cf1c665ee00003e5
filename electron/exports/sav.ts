// A small SPSS .sav writer (docs/exports.md, "SPSS"). No npm package was well kept enough:
// `sav-writer` (1.0.0, ~700 downloads a month) and `@codious/sav-reader-writer` (~1,500) write
// neither UTF-8 encoding records nor long names. The format is PSPP's documented "System File
// Format"; we write the uncompressed little-endian flavour with these records:
//   1   file header ($FL2, case size, case count, bias 100)
//   2   one per variable (+ continuation records for strings wider than 8 bytes)
//   3/4 value labels and the variable they belong to
//   7.3 machine integers (character code 65001 = UTF-8), 7.4 machine floats (SYSMIS etc.)
//   7.11 measure level / display width / alignment, 7.13 long variable names, 7.20 encoding "UTF-8"
//   999 end of dictionary, then the cases (8-byte segments: doubles, space-padded strings).
// Strings are capped at 255 bytes (no very-long-string segments): longer text is cut at a
// character boundary and reported in `warnings`. Tested against PSPP, R haven and readstat.
import type { Dataset, DatasetTable, DatasetVariable } from '../../shared/exports/dataset';
import { tableTitle, truncateUtf8 } from '../../shared/exports/dataset';
import { columnsWithStatus, type OutColumn } from '../../shared/exports/statusColumns';
import { Bytes } from './bytes';
import { withSink } from './sink';

export const SAV_MAX_STRING = 255;
const SYSMIS = -Number.MAX_VALUE;
const MAX_LABEL_BYTES = 255;
const MAX_VALUE_LABEL_BYTES = 120;
const FMT_F = 5;
const FMT_A = 1;

interface SavVar {
  col: OutColumn;
  v: DatasetVariable;
  short: string;
  /** 0 numeric, else string width in bytes (1–255). */
  width: number;
  segments: number;
  /** 1-based position of the first segment in the dictionary (for record 4). */
  position: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (n: number) => String(n).padStart(2, '0');

function shortNames(names: string[]): string[] {
  const taken = new Set<string>();
  return names.map((n) => {
    const base = n.toUpperCase().slice(0, 8);
    let s = base;
    for (let i = 2; taken.has(s); i++) s = base.slice(0, 8 - String(i).length) + String(i);
    taken.add(s);
    return s;
  });
}

function format(v: SavVar): number {
  if (v.width > 0) return (FMT_A << 16) | (v.width << 8);
  const w = v.v.role === 'meta' ? 10 : 8;
  return (FMT_F << 16) | (w << 8) | v.v.decimals;
}

/** The dictionary of one table: everything before the cases. */
function dictionary(table: DatasetTable, vars: SavVar[], label: string, now: Date): Buffer {
  const caseSize = vars.reduce((n, v) => n + v.segments, 0);
  const b = new Bytes();
  // Record 1: the header.
  b.str('$FL2').fixed('@(#) SPSS DATA FILE KhaoSat export (UTF-8)', 60).i32(2).i32(caseSize).i32(0).i32(0).i32(table.rows.length).f64(100);
  b.fixed(`${two(now.getUTCDate())} ${MONTHS[now.getUTCMonth()]} ${two(now.getUTCFullYear() % 100)}`, 9);
  b.fixed(`${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())}`, 8);
  b.fixed(truncateUtf8(label, 64), 64).fixed('', 3, 0);
  // Records 2.
  for (const v of vars) {
    const label = Buffer.from(truncateUtf8(v.v.label, MAX_LABEL_BYTES), 'utf8');
    const missing = declaredMissing(v);
    const fmt = format(v);
    b.i32(2).i32(v.width).i32(label.length > 0 ? 1 : 0).i32(missing.length).i32(fmt).i32(fmt).fixed(v.short, 8);
    if (label.length > 0) {
      b.i32(label.length).push(label).fixed('', (4 - (label.length % 4)) % 4, 0x20);
    }
    for (const m of missing) {
      if (typeof m === 'number') b.f64(m);
      else b.fixed(m, 8);
    }
    for (let i = 1; i < v.segments; i++) b.i32(2).i32(-1).i32(0).i32(0).i32(0).i32(0).fixed('', 8);
  }
  // Records 3 and 4: value labels, one set per variable.
  for (const v of vars) {
    if (v.v.valueLabels.length === 0 || (v.width > 8)) continue;
    b.i32(3).i32(v.v.valueLabels.length);
    for (const l of v.v.valueLabels) {
      if (v.width === 0) b.f64(Number(l.value));
      else b.fixed(String(l.value), 8);
      const text = Buffer.from(truncateUtf8(l.label, MAX_VALUE_LABEL_BYTES), 'utf8');
      b.u8(text.length).push(text).fixed('', (8 - ((text.length + 1) % 8)) % 8, 0x20);
    }
    b.i32(4).i32(1).i32(v.position);
  }
  // Record 7.3: machine integer info; 7.4: machine floating-point info.
  b.i32(7).i32(3).i32(4).i32(8).i32(20).i32(0).i32(0).i32(-1).i32(1).i32(1).i32(2).i32(65001);
  b.i32(7).i32(4).i32(8).i32(3).f64(SYSMIS).f64(Number.MAX_VALUE);
  const lowest = Buffer.from('feffffffffffefff', 'hex'); // nextafter(-DBL_MAX, 0), little-endian
  b.push(lowest);
  // Record 7.11: measure, display width, alignment per variable.
  b.i32(7).i32(11).i32(4).i32(vars.length * 3);
  for (const v of vars) {
    b.i32(v.v.measure === 'nominal' ? 1 : v.v.measure === 'ordinal' ? 2 : 3);
    b.i32(v.width > 0 ? Math.min(Math.max(v.width, 8), 40) : 8);
    b.i32(v.width > 0 ? 0 : 1);
  }
  // Record 7.13: long names.
  const longNames = Buffer.from(vars.map((v) => `${v.short}=${v.v.name}`).join('\t'), 'utf8');
  b.i32(7).i32(13).i32(1).i32(longNames.length).push(longNames);
  // Record 7.20: character encoding.
  b.i32(7).i32(20).i32(1).i32(5).str('UTF-8');
  // Record 999.
  b.i32(999).i32(0);
  return b.build();
}

/** User-missing values SPSS can declare: up to three discrete values, strings only up to 8 bytes. */
function declaredMissing(v: SavVar): (number | string)[] {
  if (v.width > 8) return [];
  return v.v.missing.slice(0, 3).map((m) => (v.width === 0 ? Number(m.value) : String(m.value)));
}

export interface SavResult {
  warnings: string[];
}

/** Writes one table as a .sav file at `file`. */
export function writeSavTable(dataset: Dataset, table: DatasetTable, file: string, now = new Date()): SavResult {
  const warnings: string[] = [];
  const cols = columnsWithStatus(table, () => true);
  const shorts = shortNames(cols.map((c) => c.variable.name));
  let position = 1;
  const vars: SavVar[] = cols.map((col, i) => {
    const v = col.variable;
    const width = v.type === 'string' ? Math.min(Math.max(v.width, 1), SAV_MAX_STRING) : 0;
    if (v.type === 'string' && v.width > SAV_MAX_STRING) warnings.push(`${table.name}.${v.name}: text longer than ${SAV_MAX_STRING} bytes cut in the .sav (full text in CSV/XLSX)`);
    if (v.type === 'string' && v.width > 8 && v.valueLabels.length > 0) warnings.push(`${table.name}.${v.name}: value labels of strings wider than 8 bytes are not written to the .sav (see the codebook)`);
    if (v.missing.length > 3) warnings.push(`${table.name}.${v.name}: SPSS declares at most 3 missing values; ${v.missing.length} codes`);
    const segments = width === 0 ? 1 : Math.ceil(width / 8);
    const sv: SavVar = { col, v, short: shorts[i] as string, width, segments, position };
    position += segments;
    return sv;
  });
  withSink(file, (sink) => {
    sink.write(dictionary(table, vars, tableTitle(dataset, table), now));
    const caseBytes = vars.reduce((n, v) => n + v.segments * 8, 0);
    // One case buffer, reused (the sink copies it): see the same loop in dta.ts.
    const buf = Buffer.alloc(caseBytes, 0x20);
    for (const row of table.rows) {
      buf.fill(0x20);
      let at = 0;
      for (const v of vars) {
        const value = v.col.value(row);
        if (v.width === 0) {
          buf.writeDoubleLE(value === null ? SYSMIS : Number(value), at);
        } else if (value !== null) {
          buf.write(truncateUtf8(String(value), v.width), at, v.width, 'utf8');
        }
        at += v.segments * 8;
      }
      sink.write(buf);
    }
  });
  return { warnings };
}

/** `<table>.sav` for every table of the dataset. */
export function writeSav(dataset: Dataset, outDir: string, join: (dir: string, file: string) => string): { files: string[]; warnings: string[] } {
  const files: string[] = [];
  const warnings: string[] = [];
  for (const t of dataset.tables) {
    const name = `${t.name}.sav`;
    warnings.push(...writeSavTable(dataset, t, join(outDir, name)).warnings);
    files.push(name);
  }
  return { files, warnings };
}
