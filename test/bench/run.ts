// `npm run bench`: runs every benchmark, prints the results, and rewrites docs/benchmarks.md.
// Machines are shared and noisy, so each figure is reported next to a baseline measured in the
// same run (a ratio), and as medians/percentiles rather than single timings.
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';

export interface BenchResult {
  name: string;
  rows: { label: string; p50?: number; median?: number; p99?: number; unit: string }[];
  ratio: number;
  ratioLabel?: string;
  budget: string;
  pass: boolean;
  notes?: string[];
}

type Bench = () => Promise<BenchResult>;

const benches: { id: string; load: () => Promise<Bench> }[] = [
  {
    id: 'answer-save',
    load: async () => {
      const m = await import('./answer-save.bench');
      return () => m.runAnswerSaveBench({ iterations: Number(process.env.KHAOSAT_BENCH_SAVES ?? 2000) });
    },
  },
  {
    id: 'durability',
    load: async () => {
      const m = await import('./durability.bench');
      return () => m.runDurabilityBench({ rounds: Number(process.env.KHAOSAT_DURABILITY_ROUNDS ?? 200) });
    },
  },
  {
    id: 'engine',
    load: async () => {
      const m = await import('./engine.bench');
      return () => m.runEngineBench({});
    },
  },
  {
    id: 'indices',
    load: async () => {
      const m = await import('./indices.bench');
      return () => m.runIndicesBench({ interviews: Number(process.env.KHAOSAT_BENCH_INTERVIEWS ?? 200_000) });
    },
  },
];

function fmt(n: number | undefined): string {
  if (n === undefined) return '';
  if (Number.isInteger(n)) return String(n);
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(4);
}

/** Ratios far below 1 (KhaoSat much faster than the baseline) keep three significant digits. */
function fmtRatio(r: number): string {
  return r !== 0 && Math.abs(r) < 0.1 ? r.toPrecision(3) : r.toFixed(2);
}

function toMarkdown(results: BenchResult[], when: Date): string {
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (do not edit by hand). Every figure is measured next to a baseline',
    'in the same run, on the same machine; compare the ratios, not the absolute times.',
    '',
    `Last run: ${when.toISOString()} on ${machine}.`,
    '',
  ];
  for (const r of results) {
    lines.push(`## ${r.name}`, '', `Budget: ${r.budget} — **${r.pass ? 'met' : 'NOT met'}**`, '');
    lines.push('| measurement | p50 / median | p99 | unit |', '|---|---|---|---|');
    for (const row of r.rows) lines.push(`| ${row.label} | ${fmt(row.p50 ?? row.median)} | ${fmt(row.p99)} | ${row.unit} |`);
    lines.push('', `${r.ratioLabel ?? 'Ratio'}: **${fmtRatio(r.ratio)}**`, '');
    for (const note of r.notes ?? []) lines.push(`- ${note}`);
    if (r.notes?.length) lines.push('');
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const results: BenchResult[] = [];
  for (const bench of benches) {
    if (only.length > 0 && !only.includes(bench.id)) continue;
    process.stdout.write(`▶ ${bench.id}…\n`);
    const run = await bench.load();
    const result = await run();
    results.push(result);
    for (const row of result.rows) {
      process.stdout.write(
        `  ${row.label.padEnd(60)} p50 ${fmt(row.p50 ?? row.median).padStart(9)}  p99 ${fmt(row.p99).padStart(9)} ${row.unit}\n`,
      );
    }
    process.stdout.write(`  ${result.ratioLabel ?? 'ratio'}: ${fmtRatio(result.ratio)}  budget: ${result.budget}  ${result.pass ? 'MET' : 'NOT MET'}\n`);
  }
  if (only.length === 0) {
    const out = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');
    writeFileSync(out, toMarkdown(results, new Date()));
    process.stdout.write(`wrote ${out}\n`);
  }
}

await main();
