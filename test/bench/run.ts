// `npm run bench`: runs every benchmark (or those named), prints the results, and exits 1 when a
// budget is missed. `--record` writes the benches that ran into docs/benchmarks.md (their sections
// and summary rows replaced, the others kept; a run that met every budget, or `--record --force`,
// marked as missed). Logic in runner.ts and report.ts.
// Machines are shared and noisy, so each figure is reported next to a baseline measured in the
// same run (a ratio), and as medians/percentiles rather than single timings.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { runBenchSuite, type BenchEntry } from './runner';

const benches: BenchEntry[] = [
  {
    id: 'answer-save',
    run: async () => (await import('./answer-save.bench')).runAnswerSaveBench({ iterations: Number(process.env.KHAOSAT_BENCH_SAVES ?? 2000) }),
  },
  {
    id: 'durability',
    run: async () => (await import('./durability.bench')).runDurabilityBench({ rounds: Number(process.env.KHAOSAT_DURABILITY_ROUNDS ?? 200) }),
  },
  {
    id: 'engine',
    run: async () => (await import('./engine.bench')).runEngineBench({}),
  },
  {
    id: 'indices',
    run: async () => (await import('./indices.bench')).runIndicesBench({ interviews: Number(process.env.KHAOSAT_BENCH_INTERVIEWS ?? 200_000) }),
  },
  {
    id: 'batch-export',
    run: async () =>
      (await import('./batch-export.bench')).runBatchExportBench({ interviews: Number(process.env.KHAOSAT_BENCH_EXPORT_INTERVIEWS ?? 5_000) }),
  },
  {
    id: 'compile',
    run: async () => (await import('./compile.bench')).runCompileBench({ runs: Number(process.env.KHAOSAT_BENCH_COMPILE_RUNS ?? 7) }),
  },
  {
    id: 'import',
    run: async () =>
      (await import('./import.bench')).runImportBench({
        batches: Number(process.env.KHAOSAT_BENCH_IMPORT_BATCHES ?? 1_000),
        perBatch: Number(process.env.KHAOSAT_BENCH_IMPORT_PER_BATCH ?? 200),
      }),
  },
  {
    id: 'exports',
    run: async () => {
      const bench = await import('./exports.bench');
      return bench.runExportsBench({
        interviews: Number(process.env.KHAOSAT_BENCH_EXPORTS_INTERVIEWS ?? 200_000),
        formats: bench.parseFormats(process.env.KHAOSAT_BENCH_EXPORTS_FORMATS),
      });
    },
  },
  {
    id: 'ui',
    run: async () =>
      (await import('./ui.bench')).runUiBench({
        interviews: Number(process.env.KHAOSAT_BENCH_UI_INTERVIEWS ?? 5),
        pages: Number(process.env.KHAOSAT_BENCH_UI_PAGES ?? 150),
        saves: Number(process.env.KHAOSAT_BENCH_UI_SAVES ?? 200),
      }),
  },
];

const record = join(import.meta.dirname, '..', '..', 'docs', 'benchmarks.md');
process.exitCode = await runBenchSuite(benches, process.argv.slice(2), {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  readRecord: () => (existsSync(record) ? readFileSync(record, 'utf8') : null),
  writeRecord: (markdown) => writeFileSync(record, markdown),
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
  now: () => new Date(),
  load: () => loadavg(),
});
