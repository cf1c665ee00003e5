// The bench runner's decisions, kept pure so they are tested without running a bench: which
// budgets are met, how results become docs/benchmarks.md (one figure per column), and whether
// this run may rewrite that file.

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

export function renderMarkdown(results: BenchResult[], run: { when: Date; machine: string }): string {
  const missed = failures(results);
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench -- --record` (do not edit by hand). Every figure is measured next to a',
    'baseline in the same run, on the same machine; compare the ratios, not the absolute times.',
    '',
    `Last run: ${run.when.toISOString()} on ${run.machine}.`,
    '',
  ];
  if (missed.length > 0) {
    lines.push(
      `**Budgets missed in this run (recorded with \`--record --force\`): ${missed.join('; ')}.**`,
      '',
    );
  }
  for (const r of results) {
    lines.push(`## ${r.name}`, '', ...measurementTable(r.rows), '', ...budgetTable(r.budgets), '');
    lines.push(`${r.ratioLabel}: **${fmtRatio(r.ratio)}**`, '');
    for (const note of r.notes) lines.push(`- ${note}`);
    if (r.notes.length) lines.push('');
  }
  return lines.join('\n');
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
 * Whether docs/benchmarks.md is rewritten: only when asked (--record), only for a run of every
 * bench (the file describes them all), and a run that missed a budget only with --force.
 */
export function recordDecision(input: { args: BenchArgs; allBenches: boolean; passed: boolean }): { write: boolean; reason: string } {
  const { args } = input;
  if (!args.record) return { write: false, reason: 'not recorded (add --record to rewrite docs/benchmarks.md)' };
  if (!input.allBenches) return { write: false, reason: 'not recorded: --record needs a run of every bench' };
  if (!input.passed && !args.force) return { write: false, reason: 'not recorded: a budget was missed (--record --force records it anyway, marked as missed)' };
  return { write: true, reason: input.passed ? 'recorded' : 'recorded with missed budgets (--force)' };
}

/** Non-zero whenever a budget was missed, recorded or not. */
export function exitCode(passed: boolean): number {
  return passed ? 0 : 1;
}
