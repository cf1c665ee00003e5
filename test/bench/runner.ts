// Runs a list of benches with the command-line arguments and decides, through report.ts, what is
// printed, whether docs/benchmarks.md is rewritten, and the exit code. The benches and the file
// writer are passed in, so tests drive it with instant stand-in benches.
import {
  benchPassed,
  budgetMet,
  exitCode,
  failures,
  fmt,
  fmtRatio,
  parseBenchArgs,
  recordDecision,
  renderMarkdown,
  type BenchResult,
} from './report';

export interface BenchEntry {
  id: string;
  run: () => Promise<BenchResult>;
}

export interface RunnerIo {
  out: (text: string) => void;
  err: (text: string) => void;
  writeRecord: (markdown: string) => void;
  machine: string;
  now: () => Date;
}

function print(io: RunnerIo, result: BenchResult): void {
  for (const row of result.rows) {
    const figures = [
      row.median !== undefined ? `median ${fmt(row.median).padStart(9)}` : '',
      row.p99 !== undefined ? `p99 ${fmt(row.p99).padStart(9)}` : '',
      row.value !== undefined ? `value ${fmt(row.value).padStart(9)}` : '',
    ].filter(Boolean);
    io.out(`  ${row.label.padEnd(60)} ${figures.join('  ')} ${row.unit}\n`);
  }
  for (const b of result.budgets) {
    io.out(`  budget: ${b.label}: ${fmt(b.measured)} ≤ ${fmt(b.limit)} ${b.unit}  ${budgetMet(b) ? 'MET' : 'NOT MET'}\n`);
  }
  io.out(`  ${result.ratioLabel}: ${fmtRatio(result.ratio)}\n`);
}

/** Returns the exit code: 2 for bad arguments, 1 when a budget was missed, else 0. */
export async function runBenchSuite(benches: BenchEntry[], argv: string[], io: RunnerIo): Promise<number> {
  let args;
  try {
    args = parseBenchArgs(argv, benches.map((b) => b.id));
  } catch (error) {
    io.err(`bench: ${(error as Error).message}\n`);
    return 2;
  }
  const results: BenchResult[] = [];
  for (const bench of benches) {
    if (args.only.length > 0 && !args.only.includes(bench.id)) continue;
    io.out(`▶ ${bench.id}…\n`);
    const result = await bench.run();
    results.push(result);
    print(io, result);
  }
  const passed = results.every(benchPassed);
  const missed = failures(results);
  if (missed.length > 0) io.err(`bench: budgets NOT met: ${missed.join('; ')}\n`);
  const decision = recordDecision({ args, allBenches: results.length === benches.length, passed });
  if (decision.write) io.writeRecord(renderMarkdown(results, { when: io.now(), machine: io.machine }));
  io.out(`${decision.reason}\n`);
  return exitCode(passed);
}
