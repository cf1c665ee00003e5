// The bench runner's decisions, kept pure so they are tested without running a bench: which
// budgets are met, how results become sections of docs/benchmarks.md (one figure per column),
// how a run of some benches is merged into the file (their sections and summary rows replaced,
// the rest kept), and whether this run may write it.

/** One measured line. Timings carry median and p99; counts carry value. */
export interface BenchRow {
  label: string;
  unit: string;
  median?: number;
  p99?: number;
  value?: number;
}

/** A budget is met when the measured figure is a number no greater than its limit. */
export interface Budget {
  label: string;
  measured: number;
  limit: number;
  unit: string;
}

export interface BenchResult {
  name: string;
  rows: BenchRow[];
  /** Measured next to a baseline in the same run; the figure to compare between machines. */
  ratio: number;
  ratioLabel: string;
  budgets: Budget[];
  notes: string[];
}

export function budgetMet(b: Budget): boolean {
  return Number.isFinite(b.measured) && b.measured <= b.limit;
}

/** A bench with no budget has proved nothing, so it does not pass. */
export function benchPassed(r: BenchResult): boolean {
  return r.budgets.length > 0 && r.budgets.every(budgetMet);
}

/** Each way the run failed, as "<bench> — <budget>", in order. Empty when every bench passed. */
export function failures(results: BenchResult[]): string[] {
  return results.flatMap((r) =>
    r.budgets.length === 0 ? [`${r.name} — no budget declared`] : r.budgets.filter((b) => !budgetMet(b)).map((b) => `${r.name} — ${b.label}`),
  );
}

export function fmt(n: number | undefined): string {
  if (n === undefined) return '';
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(4);
}

/** Ratios far below 1 (KhaoSat much faster than the baseline) keep three significant digits. */
export function fmtRatio(r: number): string {
  return r !== 0 && Math.abs(r) < 0.1 ? r.toPrecision(3) : r.toFixed(2);
}

/** Markdown cells must not break the table. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

const FIGURES = [
  { key: 'median', title: 'median (p50)' },
  { key: 'p99', title: 'p99' },
  { key: 'value', title: 'value' },
] as const;

/** The measurements: a column per kind of figure that some row has, so no figure sits under another's heading. */
export function measurementTable(rows: BenchRow[]): string[] {
  const figures = FIGURES.filter((f) => rows.some((r) => r[f.key] !== undefined));
  return table(
    ['measurement', ...figures.map((f) => f.title), 'unit'],
    rows.map((r) => [r.label, ...figures.map((f) => fmt(r[f.key])), r.unit]),
  );
}

export function budgetTable(budgets: Budget[]): string[] {
  return table(
    ['budget', 'measured', 'limit', 'unit', 'met'],
    budgets.map((b) => [b.label, fmt(b.measured), fmt(b.limit), b.unit, budgetMet(b) ? 'yes' : '**NO**']),
  );
}

/** When and where one bench ran: each recorded section states its own (benches are recorded alone). */
export interface RunInfo {
  when: Date;
  machine: string;
  /** os.loadavg() as the bench started: 1, 5 and 15 minutes. */
  load: number[];
}

/** One bench's result with its id (the name on the command line) and its run. */
export interface RecordedBench {
  id: string;
  result: BenchResult;
  run: RunInfo;
}

const HEADER = [
  '# Benchmarks',
  '',
  'Written by `npm run bench -- --record` (do not edit the sections by hand). Every figure is measured',
  'next to a baseline in the same run, on the same machine; compare the ratios, not the absolute',
  'times. `npm run bench -- NAME… --record` records only the benches named: their sections and',
  'their rows in the summary table are replaced, every other section and row is kept. So each',
  'section states its own run: date, machine and load average as it started (the machines are',
  'shared; a load far above the core count means a loaded run).',
];

const marker = (id: string) => `<!-- bench:${id} -->`;
const MARKER = /^<!-- bench:([a-z0-9-]+) -->$/;
/** A summary row belongs to the bench whose id opens its first cell in backticks. */
const SUMMARY_ROW_ID = /^(?:> )?\| `([a-z0-9-]+)`/;
const SUMMARY_HEADER = /^((?:> )?)\| bench \|/;

function loadText(load: number[]): string {
  return load.map((l) => l.toFixed(2)).join(' / ');
}

/** A bench's section: its id marker, heading, run line, tables and notes. */
export function renderSection(b: RecordedBench): string[] {
  const { result: r, run } = b;
  const missed = r.budgets.length === 0 ? ['no budget declared'] : r.budgets.filter((x) => !budgetMet(x)).map((x) => x.label);
  const lines = [
    marker(b.id),
    `## ${r.name}`,
    '',
    `Run ${run.when.toISOString()} on ${run.machine}; load average at start ${loadText(run.load)} (1 / 5 / 15 min).`,
    '',
  ];
  if (missed.length > 0) lines.push(`**Budgets missed in this run (recorded with \`--record --force\`): ${missed.join('; ')}.**`, '');
  lines.push(...measurementTable(r.rows), '', ...budgetTable(r.budgets), '');
  lines.push(`${r.ratioLabel}: **${fmtRatio(r.ratio)}**`, '');
  for (const note of r.notes) lines.push(`- ${note}`);
  if (r.notes.length) lines.push('');
  return lines;
}

/** A bench's row in the summary table (bench | measured | budget | met). */
export function summaryRow(b: RecordedBench, prefix = ''): string {
  const { result: r, run } = b;
  const missed = r.budgets.filter((x) => !budgetMet(x)).map((x) => x.label);
  const when = `${run.when.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const met = r.budgets.length === 0 ? '**no** (no budget)' : missed.length === 0 ? 'yes' : `**no**: ${missed.join('; ')}`;
  const budget = r.budgets.length === 1 ? '1 budget' : `${r.budgets.length} budgets`;
  return `${prefix}| ${[`\`${b.id}\` (${when}, load ${run.load[0]?.toFixed(1) ?? '?'}): ${r.name}`, `${r.ratioLabel}: ${fmtRatio(r.ratio)}`, budget, met].map(cell).join(' | ')} |`;
}

interface Section {
  id?: string;
  heading: string;
  lines: string[];
}

/** What a heading names, for a section written before sections carried their id: the part before `:`. */
function family(heading: string): string {
  const colon = heading.indexOf(':');
  return (colon >= 0 ? heading.slice(0, colon) : heading).trim();
}

/** Splits a recorded file: the lines before the first section, then the `## ` sections (with their id when marked). */
function parseRecord(text: string): { preamble: string[]; sections: Section[] } {
  const lines = text.replace(/\n+$/, '').split('\n');
  const preamble: string[] = [];
  const sections: Section[] = [];
  let current: Section | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = MARKER.exec(line);
    if (m || (line.startsWith('## ') && !MARKER.test(lines[i - 1] ?? ''))) {
      const headingLine = m ? (lines[i + 1] ?? '') : line;
      current = { ...(m ? { id: m[1] } : {}), heading: headingLine.replace(/^## /, ''), lines: [] };
      sections.push(current);
    }
    (current ? current.lines : preamble).push(line);
  }
  return { preamble, sections };
}

/**
 * docs/benchmarks.md after recording `recorded` into `previous` (null: no file yet): each recorded
 * bench's section replaces its earlier one (found by its id marker, or, in a file written before
 * the markers, by the heading's part before `:`), or is inserted before the first section of a
 * bench that comes after it in `order` (else at the end); its summary rows (first cell opening with its id in backticks) are replaced
 * by one generated row. Every other section, summary row and paragraph is kept as it was.
 */
export function mergeRecord(previous: string | null, recorded: RecordedBench[], order: string[]): string {
  const { preamble, sections } = parseRecord(previous ?? '');
  // The generated head ends at the `Last recorded:` line (`Last run:` in files written whole).
  const headEnd = preamble.findIndex((l) => /^Last (recorded|run): /.test(l));
  let kept = headEnd >= 0 ? preamble.slice(headEnd + 1) : preamble.filter((l) => l !== '# Benchmarks' && l !== '');
  const legacyRun = headEnd >= 0 ? /^Last run: (.*)\.$/.exec(preamble[headEnd]!) : null;
  if (legacyRun && sections.some((s) => !s.id)) kept = ['', `Sections without a run line of their own: the full run of ${legacyRun[1]}.`, ...kept];

  // The summary table: found by its header, or made after the head.
  let header = kept.findIndex((l) => SUMMARY_HEADER.test(l));
  if (header < 0) {
    kept = ['', '| bench | measured | budget | met |', '|---|---|---|---|', ...kept];
    header = 1;
  }
  const prefix = SUMMARY_HEADER.exec(kept[header]!)![1]!;
  let end = header + 1;
  while (end < kept.length && kept[end]!.startsWith(`${prefix}|`)) end++;
  let rows = kept.slice(header + 2, end);
  for (const b of recorded) {
    const at = rows.findIndex((r) => SUMMARY_ROW_ID.exec(r)?.[1] === b.id);
    const others = rows.filter((r) => SUMMARY_ROW_ID.exec(r)?.[1] !== b.id);
    const insertAt = at >= 0 ? rows.slice(0, at).filter((r) => SUMMARY_ROW_ID.exec(r)?.[1] !== b.id).length : others.length;
    rows = [...others.slice(0, insertAt), summaryRow(b, prefix), ...others.slice(insertAt)];
  }
  kept = [...kept.slice(0, header + 2), ...rows, ...kept.slice(end)];

  const out = [...sections];
  for (const b of recorded) {
    const section: Section = { id: b.id, heading: b.result.name, lines: renderSection(b) };
    let at = out.findIndex((s) => s.id === b.id);
    if (at < 0) at = out.findIndex((s) => !s.id && family(s.heading) === family(b.result.name));
    if (at >= 0) {
      out[at] = section;
      continue;
    }
    // New to the file: before the first section of a bench that comes after it, else at the end.
    const rank = order.indexOf(b.id);
    const before = out.findIndex((s) => s.id !== undefined && order.indexOf(s.id) > rank);
    out.splice(before >= 0 ? before : out.length, 0, section);
  }

  const when = recorded.map((b) => b.run.when.getTime());
  const stamp = when.length ? new Date(Math.max(...when)).toISOString() : 'never';
  const lines = [...HEADER, '', `Last recorded: ${stamp} (${recorded.map((b) => `\`${b.id}\``).join(', ')}).`, ...kept];
  for (const s of out) {
    if (lines[lines.length - 1] !== '') lines.push('');
    lines.push(...s.lines);
  }
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

export interface BenchArgs {
  only: string[];
  record: boolean;
  force: boolean;
}

export function parseBenchArgs(argv: string[], known: string[]): BenchArgs {
  const args: BenchArgs = { only: [], record: false, force: false };
  for (const a of argv) {
    if (a === '--record') args.record = true;
    else if (a === '--force') args.force = true;
    else if (a.startsWith('-')) throw new Error(`unknown option ${a} (use --record, --force, or bench names: ${known.join(', ')})`);
    else if (known.includes(a)) args.only.push(a);
    else throw new Error(`unknown bench ${a} (known: ${known.join(', ')})`);
  }
  if (args.force && !args.record) throw new Error('--force only makes sense with --record');
  return args;
}

/**
 * Whether docs/benchmarks.md is written: only when asked (--record), and a run that missed a
 * budget only with --force. A run of some benches records only their sections (mergeRecord).
 */
export function recordDecision(input: { args: BenchArgs; ran: string[]; passed: boolean }): { write: boolean; reason: string } {
  const { args } = input;
  if (!args.record) return { write: false, reason: 'not recorded (add --record to write these benches into docs/benchmarks.md)' };
  if (input.ran.length === 0) return { write: false, reason: 'not recorded: no bench ran' };
  if (!input.passed && !args.force) return { write: false, reason: 'not recorded: a budget was missed (--record --force records it anyway, marked as missed)' };
  const which = `${input.ran.join(', ')}${args.only.length > 0 ? ' (other sections kept)' : ''}`;
  return { write: true, reason: input.passed ? `recorded: ${which}` : `recorded with missed budgets (--force): ${which}` };
}

/** Non-zero whenever a budget was missed, recorded or not. */
export function exitCode(passed: boolean): number {
  return passed ? 0 : 1;
}
