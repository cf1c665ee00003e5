// Benchmark: saving one answer durably (synchronous=FULL) through the service handler, against a
// bare better-sqlite3 single-row commit with the same pragmas measured in the same run.
// Budget (ARCHITECTURE.md): service p99 ≤ 5 ms and within 1.5× of the bare commit's p99.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { User } from '../../shared/contract';
import { createCore, installSurvey } from '../../electron/services';
import { benchForm } from './engine.bench';
import type { BenchResult, BenchRow } from './report';

export { runDurabilityRounds, type DurabilityReport } from '../electron/db/fixtures/durability';

const BUDGET_P99_MS = 5;
const BUDGET_RATIO = 1.5;

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

function summarise(label: string, samplesMs: number[]): BenchRow {
  const sorted = [...samplesMs].sort((x, y) => x - y);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return { label, median: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), unit: 'ms' };
}

function elapsedMs(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function runAnswerSaveBench(opts: { iterations: number; dir?: string }): Promise<BenchResult> {
  const iterations = Math.max(1, Math.trunc(opts.iterations));
  const dir = mkdtempSync(join(opts.dir ?? tmpdir(), 'khaosat-bench-answer-'));
  const core = createCore({ dbPath: join(dir, 'service.sqlite'), scryptParams: { N: 2 ** 10, r: 8, p: 1 } });
  const bare = new BetterSqlite3(join(dir, 'bare.sqlite'));
  try {
    // The service side: a signed-in surveyor with one open interview.
    const admin: { session: { user: User | null } } = { session: { user: null } };
    await core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'Giám sát', secret: '246810' }, admin);
    const surveyor = await core.handlers['user:create'](
      { code: 'DTV01', name: 'Điều tra viên', role: 'surveyor', secret: '135791' },
      admin,
    );
    // The 300-question generated form: each save is checked against it as in the app.
    const form = benchForm();
    const entered = form.children.filter((n) => n.kind === 'question' && n.type === 'integer').map((n) => n.name);
    installSurvey(core.db, { id: 'hids', title: 'HIDS', formVersion: 'v1', definition: form });
    const ctx = { session: { user: surveyor } };
    const interview = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, ctx);
    const save = core.handlers['interview:saveAnswer'];

    // The baseline: the same pragmas as openDatabase, one row per IMMEDIATE transaction.
    bare.pragma('journal_mode = WAL');
    bare.pragma('synchronous = FULL');
    bare.pragma('foreign_keys = ON');
    bare.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL)');
    const insert = bare.prepare('INSERT INTO t (v) VALUES (?)');
    const commitOne = bare.transaction((v: string) => insert.run(v));

    const serviceMs: number[] = [];
    const bareMs: number[] = [];
    const warmup = Math.min(50, iterations);
    // Interleaved so both sides see the same machine noise (shared CI runners).
    for (let i = 0; i < warmup + iterations; i++) {
      // Cycles through the form's questions: the first round answers, later rounds change answers.
      const path = entered[i % entered.length] as string;
      let t = process.hrtime.bigint();
      save({ interviewId: interview.id, path, value: (i % 5) + 1 }, ctx);
      const s = elapsedMs(t);
      t = process.hrtime.bigint();
      commitOne.immediate(String(i % 5));
      const b = elapsedMs(t);
      if (i >= warmup) {
        serviceMs.push(s);
        bareMs.push(b);
      }
      // In the app every save is its own IPC call, so the event loop turns between saves; let it
      // (outside the timed region) so deferred work such as WAL checkpoints runs as it would there.
      await new Promise((r) => setImmediate(r));
    }

    const service = summarise('save one answer through the service (FULL)', serviceMs);
    const baseline = summarise('bare better-sqlite3 single-row commit (FULL)', bareMs);
    const ratio = Math.round((service.p99! / baseline.p99!) * 100) / 100;
    return {
      name: 'Save one answer, durable (synchronous=FULL), through the service',
      rows: [service, baseline],
      ratio,
      ratioLabel: 'service p99 / bare commit p99',
      budgets: [
        { label: 'service save p99', measured: service.p99!, limit: BUDGET_P99_MS, unit: 'ms' },
        { label: 'service p99 / bare commit p99', measured: ratio, limit: BUDGET_RATIO, unit: '×' },
      ],
      notes: [
        `${iterations} saves per side after ${warmup} warm-up saves, interleaved; WAL on a file in ${opts.dir ?? tmpdir()}`,
        'service save = interview check + answer checked against the form (300-question generated form) + answer upsert + interview updated_at + paradata event, one IMMEDIATE transaction',
        'service WAL checkpoints are deferred until after the save returns (electron/services/checkpoint.ts); the bare side keeps SQLite\'s inline autocheckpoint',
      ],
    };
  } finally {
    core.close();
    bare.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
