// Benchmark: the satisfaction-index report (overall + 168 Units × 5 components, linearised
// intervals) over 200,000 interviews, next to one plain SQL aggregate over the same answers in
// the same SQLite file. Budget (ARCHITECTURE.md): report ≤ 3× the aggregate. The analyst store
// is not built yet, so the tables here are a stand-in with the shape an answers table will have.
import BetterSqlite3 from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  computeIndices,
  createSampleBuilder,
  groupReport,
  indicesByUnit,
  indicesOverall,
  unitReport,
  type IndexAnswer,
} from '../../shared/indices';
import { HIDS_SETTINGS, simulate } from '../shared/indices/simulate';

const BUDGET_RATIO = 3;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timed<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const v = fn();
  return [performance.now() - t0, v];
}

export async function runIndicesBench(opts: { interviews?: number; units?: number; rounds?: number } = {}) {
  const interviews = opts.interviews ?? 200_000;
  const units = opts.units ?? 168;
  const rounds = opts.rounds ?? 3;
  const people = simulate(interviews, units, 2026);
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-indices-bench-'));
  const db = new BetterSqlite3(join(dir, 'analyst.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE interviews (id TEXT PRIMARY KEY, unit_code TEXT NOT NULL, weight REAL NOT NULL);
             CREATE TABLE answers (interview_id TEXT NOT NULL, question TEXT NOT NULL, status TEXT NOT NULL, code INTEGER,
                                   PRIMARY KEY (interview_id, question)) WITHOUT ROWID;`);
    const insI = db.prepare('INSERT INTO interviews VALUES (?, ?, ?)');
    const insA = db.prepare('INSERT INTO answers VALUES (?, ?, ?, ?)');
    db.transaction(() => {
      for (const r of people) {
        insI.run(r.id, r.unitCode, r.weight ?? 1);
        for (const [q, a] of Object.entries(r.answers)) {
          if (typeof a === 'string') insA.run(r.id, q, a, null);
          else if (a && 'code' in a) insA.run(r.id, q, 'answered', a.code);
          else if (a) insA.run(r.id, q, a.missing, null);
        }
      }
    })();
    const answerRows = (db.prepare('SELECT count(*) FROM answers').pluck().get() as number);

    const aggregate = db.prepare(`SELECT i.unit_code, a.question, count(*) AS n, sum(a.code >= 4) AS satisfied, avg(a.code) AS mean
      FROM answers a JOIN interviews i ON i.id = a.interview_id
      WHERE a.status = 'answered' AND a.code BETWEEN 1 AND 5
      GROUP BY i.unit_code, a.question`);
    const stream = db.prepare(`SELECT a.interview_id, i.unit_code, i.weight, a.question, a.status, a.code
      FROM answers a JOIN interviews i ON i.id = a.interview_id ORDER BY a.interview_id`).raw();

    // One row per Interview: SQLite groups the answers into a JSON object, JavaScript parses one
    // small object per Interview instead of receiving every answer as a row of its own.
    const perInterview = db.prepare(`SELECT i.id, i.unit_code, i.weight,
        json_group_object(a.question, CASE WHEN a.status = 'answered' THEN a.code ELSE a.status END)
      FROM interviews i JOIN answers a ON a.interview_id = i.id GROUP BY i.id ORDER BY i.id`).raw();
    const toAnswer = (v: number | string): IndexAnswer =>
      typeof v === 'number' ? { code: v } : v === 'skipped' || v === 'unanswered' ? v : { missing: v as 'dont_know' };
    const finishReport = (builder: ReturnType<typeof createSampleBuilder>): string => {
      const sample = builder.finish();
      return JSON.stringify({ overall: groupReport(indicesOverall(sample)), units: indicesByUnit(sample).map((g) => unitReport(g)) });
    };
    const reportGrouped = (): string => {
      const builder = createSampleBuilder(HIDS_SETTINGS);
      for (const [id, unitCode, weight, json] of perInterview.iterate() as Iterable<[string, string, number, string]>) {
        const raw = JSON.parse(json) as Record<string, number | string>;
        const answers: Record<string, IndexAnswer> = {};
        for (const q in raw) answers[q] = toAnswer(raw[q]!);
        builder.add({ id, unitCode, weight, answers });
      }
      return finishReport(builder);
    };

    const report = (): string => {
      const builder = createSampleBuilder(HIDS_SETTINGS);
      let current = null as { id: string; unitCode: string; weight: number; answers: Record<string, IndexAnswer> } | null;
      for (const row of stream.iterate() as Iterable<[string, string, number, string, string, number | null]>) {
        const [id, unitCode, weight, question, status, code] = row;
        if (current?.id !== id) {
          if (current) builder.add(current);
          current = { id, unitCode, weight, answers: {} };
        }
        current.answers[question] =
          status === 'answered' ? { code: code! } : status === 'skipped' || status === 'unanswered' ? status : { missing: status as 'dont_know' };
      }
      if (current) builder.add(current);
      return finishReport(builder);
    };

    const sqlMs: number[] = [];
    const reportMs: number[] = [];
    const groupedMs: number[] = [];
    const computeMs: number[] = [];
    let groups = 0;
    for (let k = 0; k < rounds; k++) {
      sqlMs.push(timed(() => aggregate.all())[0]);
      const [t, json] = timed(report);
      reportMs.push(t);
      const [tg, jsonGrouped] = timed(reportGrouped);
      groupedMs.push(tg);
      if (jsonGrouped !== json) throw new Error('the two read paths gave different reports');
      groups = (JSON.parse(json) as { units: unknown[] }).units.length;
      computeMs.push(timed(() => computeIndices(people, HIDS_SETTINGS, { by: (r) => r.unitCode }))[0]);
    }
    const bootN = Math.round(interviews / 10);
    const [bootMs] = timed(() => computeIndices(people.slice(0, bootN), HIDS_SETTINGS, { by: (r) => r.unitCode, interval: { method: 'bootstrap', replicates: 1000 } }));

    const ratio = median(groupedMs) / median(sqlMs);
    return {
      name: `Index report: ${units} Units × 5 components over ${interviews.toLocaleString('en')} interviews`,
      rows: [
        { label: 'plain SQL aggregate (GROUP BY unit, question) over the answers', median: median(sqlMs), unit: 'ms' },
        { label: 'index report, one row per interview (json_group_object): read, reduce, indices + intervals, JSON', median: median(groupedMs), unit: 'ms' },
        { label: `index report, one row per answer (${answerRows.toLocaleString('en')} rows through better-sqlite3)`, median: median(reportMs), unit: 'ms' },
        { label: 'index computation alone (in-memory respondents, overall + by Unit)', median: median(computeMs), unit: 'ms' },
        { label: `bootstrap option, B = 1000, ${bootN.toLocaleString('en')} interviews (overall + by Unit)`, median: bootMs, unit: 'ms' },
      ],
      ratio,
      ratioLabel: 'report (one row per interview) median / SQL aggregate median',
      budgets: [
        { label: 'report (one row per interview) / plain SQL aggregate', measured: ratio, limit: BUDGET_RATIO, unit: '×' },
        // Every unit must come out of the report: a missing one makes the measured value exceed 0.
        { label: 'units missing from the report', measured: units - groups, limit: 0, unit: 'units' },
      ],
      notes: [
        `${answerRows.toLocaleString('en')} answer rows (the 19 index items of each interview, every status), SQLite file in /tmp, ${rounds} rounds, medians`,
        'linearised intervals (the default); the bootstrap row is for information, at a tenth of the interviews',
        `one row per answer instead: ${(median(reportMs) / median(sqlMs)).toFixed(2)}× the aggregate — the cost is in handing millions of rows to JavaScript, so the analyst store should deliver one row per interview`,
        `index computation alone: ${(median(computeMs) / median(sqlMs)).toFixed(2)}× the aggregate`,
      ],
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await runIndicesBench({ interviews: Number(process.env.KHAOSAT_BENCH_INTERVIEWS ?? 200_000) });
  console.log(JSON.stringify(r, null, 2));
}
