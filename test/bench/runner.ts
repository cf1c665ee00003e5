// Runs a list of benches with the command-line arguments and decides, through report.ts, what is
// printed, what is recorded into docs/benchmarks.md (the sections of the benches that ran, merged
// into the file as it is), and the exit code. The benches, the clock, the load average and the
// file are passed in, so tests drive it with instant stand-in benches.
import {
  benchPassed,
  budgetMet,
  exitCode,
  failures,
  fmt,
  fmtRatio,
  mergeRecord,
  parseBenchArgs,
  recordDecision,
  type BenchResult,
  type RecordedBench,
} from './report';

export interface BenchEntry {
  id: string;
  run: () => Promise<BenchResult>;
}

export interface RunnerIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** docs/benchmarks.md as it is (null when there is none yet). */
  readRecord: () => string | null;
  writeRecord: (markdown: string) => void;
  machine: string;
  now: () => Date;
  /** os.loadavg(): stated in each recorded section. */
  load: () => number[];
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
  const recorded: RecordedBench[] = [];
  for (const bench of benches) {
    if (args.only.length > 0 && !args.only.includes(bench.id)) continue;
    io.out(`▶ ${bench.id}…\n`);
    const run = { when: io.now(), machine: io.machine, load: io.load() };
    const result = await bench.run();
    recorded.push({ id: bench.id, result, run });
    print(io, result);
  }
  const results = recorded.map((r) => r.result);
  const passed = results.every(benchPassed);
  const missed = failures(results);
  if (missed.length > 0) io.err(`bench: budgets NOT met: ${missed.join('; ')}\n`);
  const decision = recordDecision({ args, ran: recorded.map((r) => r.id), passed });
  if (decision.write) io.writeRecord(mergeRecord(io.readRecord(), recorded, benches.map((b) => b.id)));
  io.out(`${decision.reason}\n`);
  return exitCode(passed);
}
