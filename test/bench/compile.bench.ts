// Benchmark: compiling XLSForms. A generated 2,000-question form (groups of 20: integers with a
// constraint and a relevance chain, select_one on shared lists, text, a calculation per group)
// and the two built-in instruments, each timed as `form check` runs it: read the .xlsx with
// exceljs into the neutral workbook, then compileForm. Baseline in the same run: exceljs alone
// loading the same bytes, the floor any .xlsx-based compiler pays. Budget: the compiler itself
// (compileForm, without reading) costs no more than exceljs's reading of the same 2,000-question
// workbook, so reading stays the larger part of `form check`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsxBuffer } from '../../electron/forms/readXlsx';
import { compileForm, listQuestions, type Cell, type Workbook } from '../../shared/forms';
import type { BenchResult, BenchRow } from './report';

const BUDGET_COMPILE_OVER_READ = 1.0;
const GROUP = 20;

/** The 2,000-question workbook as sheet arrays. */
export function bigFormSheets(questions = 2000): Record<string, Cell[][]> {
  const survey: Cell[][] = [['type', 'name', 'label::Tiếng Việt (vi)', 'label::English (en)', 'relevant', 'constraint', 'constraint_message', 'calculation', 'required']];
  let n = 0;
  for (let g = 0; n < questions; g++) {
    survey.push(['begin group', `G${g}`, `Nhóm ${g}`, `Group ${g}`, g > 0 ? `\${G${g - 1}_sum} >= 0` : null, null, null, null, null]);
    for (let k = 0; k < GROUP - 1 && n < questions; k++, n++) {
      const name = `q${n}`;
      const prev = k > 0 ? `\${q${n - 1}}` : null;
      if (k % 4 === 0) survey.push(['integer', name, `Câu ${n}: số lần`, `Question ${n}: times`, prev ? `${prev} != ''` : null, '. >= 0 and . <= 99', 'Từ 0 đến 99', null, 'yes']);
      else if (k % 4 === 1) survey.push([`select_one sat5`, name, `Câu ${n}: mức hài lòng`, `Question ${n}: satisfaction`, prev ? `${prev} > 2` : null, null, null, null, 'yes']);
      else if (k % 4 === 2) survey.push([`select_multiple ch`, name, `Câu ${n}: kênh`, `Question ${n}: channels`, null, "count-selected(.) <= 3", 'Tối đa 3', null, null]);
      else survey.push(['text', name, `Câu ${n}: ý kiến`, `Question ${n}: comment`, `selected(\${q${n - 2}}, 'web')`, 'string-length(.) <= 500', null, null, null]);
    }
    survey.push(['calculate', `G${g}_sum`, null, null, null, null, null, `coalesce(\${q${n - GROUP + 1}}, 0) + 1`, null]);
    survey.push(['end group', null, null, null, null, null, null, null, null]);
  }
  const choices: Cell[][] = [['list_name', 'name', 'label::Tiếng Việt (vi)', 'label::English (en)']];
  for (let c = 1; c <= 5; c++) choices.push(['sat5', c, `Mức ${c}`, `Level ${c}`]);
  for (const c of ['tv', 'web', 'zalo', 'radio', 'loa']) choices.push(['ch', c, c.toUpperCase(), c]);
  return { survey, choices, settings: [['form_id', 'version', 'default_language'], ['bench2000', '1', 'Tiếng Việt (vi)']] };
}

async function toXlsx(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] as number;
}

async function timed<T>(runs: number, fn: () => Promise<T> | T): Promise<{ samples: number[]; last: T }> {
  const samples: number[] = [];
  let last!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = await fn();
    samples.push(performance.now() - t0);
  }
  return { samples, last };
}

interface Measured {
  read: number[];
  readCompile: number[];
  compile: number[];
  questions: number;
}

async function measure(bytes: Buffer, name: string, runs: number): Promise<Measured> {
  // Warm-up: one of each, untimed.
  await new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer);
  const wb0 = await readXlsxBuffer(bytes, name);
  compileForm(wb0);
  const read = await timed(runs, () => new ExcelJS.Workbook().xlsx.load(bytes as unknown as ArrayBuffer));
  const readCompile = await timed(runs, async () => compileForm(await readXlsxBuffer(bytes, name)));
  const wb: Workbook = await readXlsxBuffer(bytes, name);
  const compile = await timed(runs, () => compileForm(wb));
  const result = compile.last;
  if (!result.ok) throw new Error(`${name} does not compile: ${result.errors.slice(0, 3).map((e) => e.messageEn).join('; ')}`);
  return { read: read.samples, readCompile: readCompile.samples, compile: compile.samples, questions: listQuestions(result.form).length };
}

const row = (label: string, xs: number[]): BenchRow => ({ label, median: median(xs), p99: Math.max(...xs), unit: 'ms' });

export async function runCompileBench(opts: { runs?: number; questions?: number } = {}): Promise<BenchResult> {
  const runs = opts.runs ?? 7;
  const big = await toXlsx(bigFormSheets(opts.questions ?? 2000));
  const root = join(import.meta.dirname, '..', '..', 'shared', 'instruments');
  const forms: [string, Buffer][] = [
    [`generated ${opts.questions ?? 2000}-question form`, big],
    ['HIDS instrument', readFileSync(join(root, 'hids-satisfaction.xlsx'))],
    ['Fatherland Front instrument', readFileSync(join(root, 'mttq-satisfaction.xlsx'))],
  ];
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  let bigRead = 0;
  let bigCompile = 0;
  for (const [label, bytes] of forms) {
    const m = await measure(bytes, `${label}.xlsx`, runs);
    rows.push(row(`${label}: exceljs load alone (baseline)`, m.read));
    rows.push(row(`${label}: read + compileForm (form check)`, m.readCompile));
    rows.push(row(`${label}: compileForm alone`, m.compile));
    notes.push(`${label}: ${(bytes.length / 1024).toFixed(0)} KB, ${m.questions} questions in the model.`);
    if (bigRead === 0) {
      bigRead = median(m.read);
      bigCompile = median(m.compile);
    }
  }
  notes.push(`${runs} timed runs each after one warm-up; p99 column = slowest run. Median and slowest in ms.`);
  return {
    name: 'Compile: XLSForm → form model (2,000-question form, built-in instruments)',
    rows,
    ratio: bigCompile / bigRead,
    ratioLabel: 'compileForm median / exceljs load median, 2,000-question form',
    budgets: [{ label: 'compileForm / exceljs load (2,000 questions)', measured: bigCompile / bigRead, limit: BUDGET_COMPILE_OVER_READ, unit: '×' }],
    notes,
  };
}
