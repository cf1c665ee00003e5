// Benchmark: `khaosat import` at city scale — B batch files of P interviews (default 1,000 × 200 =
// 200,000 interviews; KHAOSAT_BENCH_IMPORT_BATCHES and KHAOSAT_BENCH_IMPORT_PER_BATCH make a quick
// run) imported into SQLite and into PostgreSQL, each next to a bare insert of the same rows into
// the same kind of store in the same run (import-child.ts says what each measures), and the peak
// RSS of each import process. The batch files are generated first, not timed (import-batches.ts:
// the real batch writer, answers from the simulator's answer generator). PostgreSQL is a
// throw-away cluster (test/electron/analyst/pg-harness.ts: fsync off); where it is missing its
// rows are left out and a note says why.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findPostgres, startPostgres } from '../electron/analyst/pg-harness';
import { writeImportBenchFiles } from './import-batches';
import type { BenchResult, BenchRow, Budget } from './report';

const RSS_BUDGET_MB = 400;
/** Import throughput must be at least half the bare insert's on SQLite: import time ≤ 2 × bare time. */
const SQLITE_TIME_RATIO_BUDGET = 2;
const ROOT = join(import.meta.dirname, '..', '..');

interface ChildRun {
  mode: 'import' | 'bare';
  ms: number;
  cpuMs: number;
  rssMb: number;
  interviews: number;
  answers: number;
}

function runChild(mode: 'import' | 'bare', target: string, files: { keysDir: string; packagePath: string; batchDir: string }): ChildRun {
  const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
  const child = spawnSync(tsx, [join(import.meta.dirname, 'import-child.ts'), mode, target, files.keysDir, files.packagePath, files.batchDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 2 ** 20,
  });
  if (child.status !== 0) throw new Error(`import bench child (${mode} into ${target}) failed with ${child.status}`);
  return JSON.parse(child.stdout.trim().split('\n').pop()!) as ChildRun;
}

export async function runImportBench(opts: { batches?: number; perBatch?: number } = {}): Promise<BenchResult> {
  const batches = opts.batches ?? 1_000;
  const perBatch = opts.perBatch ?? 200;
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-import-bench-'));
  try {
    const g0 = performance.now();
    const generated = await writeImportBenchFiles(dir, batches, perBatch);
    const generateMs = performance.now() - g0;
    const files = { keysDir: generated.keysDir, packagePath: generated.packagePath, batchDir: join(dir, 'batches') };
    const rows: BenchRow[] = [
      { label: `generate ${batches} batch files (not timed in the import; ${(generated.bytes / 2 ** 20).toFixed(0)} MiB, ${generated.answers.toLocaleString('en')} answers)`, value: generateMs / 1000, unit: 's' },
    ];
    const budgets: Budget[] = [];
    const notes: string[] = [];
    const perSecond = (run: ChildRun) => run.interviews / (run.ms / 1000);
    const measure = (store: string, bare: ChildRun, imported: ChildRun) => {
      if (bare.interviews !== generated.interviews || imported.interviews !== generated.interviews || bare.answers !== imported.answers) {
        throw new Error(`${store}: rows differ (bare ${bare.interviews}/${bare.answers}, import ${imported.interviews}/${imported.answers}, expected ${generated.interviews} interviews)`);
      }
      rows.push(
        { label: `${store}: bare insert of the same rows (one transaction per batch)`, value: perSecond(bare), unit: 'interviews/s' },
        { label: `${store}: import (verify, decrypt, validate, apply + ledger)`, value: perSecond(imported), unit: 'interviews/s' },
        { label: `${store}: import throughput / bare insert throughput`, value: bare.ms / imported.ms, unit: '×' },
        { label: `${store}: CPU time of the client process, import / bare insert`, value: imported.cpuMs / bare.cpuMs, unit: '×' },
        { label: `${store}: peak RSS of the import process`, value: imported.rssMb, unit: 'MB' },
        { label: `${store}: peak RSS of the bare-insert process`, value: bare.rssMb, unit: 'MB' },
      );
      budgets.push({ label: `${store}: peak RSS of the import process`, measured: imported.rssMb, limit: RSS_BUDGET_MB, unit: 'MB' });
    };

    const sqliteBare = runChild('bare', join(dir, 'bare.sqlite'), files);
    const sqliteImport = runChild('import', join(dir, 'import.sqlite'), files);
    measure('SQLite', sqliteBare, sqliteImport);
    budgets.push({ label: 'SQLite: import time / bare insert time (throughput ≥ 50 % of bare)', measured: sqliteImport.ms / sqliteBare.ms, limit: SQLITE_TIME_RATIO_BUDGET, unit: '×' });

    const pgFound = findPostgres();
    if ('bin' in pgFound) {
      const server = await startPostgres();
      try {
        const pgBare = runChild('bare', await server.createDatabase('bare'), files);
        const pgImport = runChild('import', await server.createDatabase('import'), files);
        measure('PostgreSQL', pgBare, pgImport);
      } finally {
        server.stop();
      }
      notes.push('PostgreSQL: a throw-away local cluster with fsync off (pg-harness.ts), reported without a time budget');
    } else notes.push(`PostgreSQL left out: ${pgFound.missing}`);
    notes.push(
      `${generated.interviews.toLocaleString('en')} interviews in ${batches} batches of ${perBatch} from 50 devices; answers drawn by the simulator's answer generator (a pool of up to 2,000 walked interviews reused with fresh ids), batch files by the real writer`,
      'SQLite with WAL and synchronous=FULL as the store opens it; each measured step runs in its own process, so peak RSS is that step\'s',
    );
    return {
      name: `Import: ${batches.toLocaleString('en')} batches × ${perBatch} interviews into SQLite and PostgreSQL`,
      rows,
      ratio: sqliteImport.ms / sqliteBare.ms,
      ratioLabel: 'SQLite import time / bare insert time',
      budgets,
      notes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
