// Benchmark: `khaosat export` of N counted interviews of the HIDS instrument (default 200,000;
// KHAOSAT_BENCH_EXPORTS_INTERVIEWS) from an analyst store (SQLite) to each format — csv, xlsx,
// spss, stata — next to a baseline in the same run: the same rows read through the same answer
// query and written as plain CSV by a bare writer (one fs.createWriteStream, the stored values, no
// form runtime, no dataset, no statuses). Each export and the baseline run in their own child
// process (exports-child.ts), so each peak RSS is that export's own.
//
// The store is filled directly with SQL, fast: a pool of answer sets is drawn by the simulator's
// walker (electron/simulate walkInterview: the real form runtime, the simulator's respondents and
// ratings), and the N interviews take them in turn with their own ids, units, surveyors and times.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { openAnalystStore } from '../../electron/analyst/store';
import { compileBuiltinInstruments } from '../../electron/instruments/compileBuiltin';
import { walkInterview, type SimulatedAnswer } from '../../electron/simulate/simulate';
import { drawRespondent, pick, unitMean } from '../../electron/simulate/respondent';
import { seededRandom } from '../../shared/indices/prng';
import type { ChildResult } from './exports-child';

const run = promisify(execFile);
const SURVEY = 'hids-satisfaction';
const FORMATS = ['csv', 'xlsx', 'spss', 'stata'] as const;
/** Export time within this multiple of the plain CSV writer's (csv, spss, stata). */
const TIME_RATIO_BUDGET = 4;
/** XLSX is zipped XML: allowed more. */
const XLSX_TIME_RATIO_BUDGET = 12;
/** Peak RSS of each export process, MB. */
const RSS_BUDGET_MB = 300;

function uuidOf(n: number): string {
  const h = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${h}`;
}

interface Drawn {
  outcome: string;
  answers: SimulatedAnswer[];
}

/** `size` answer sets drawn through the form runtime as the simulator draws them. */
async function drawPool(size: number) {
  const bundle = await compileBuiltinInstruments(join(import.meta.dirname, '../../shared/instruments'));
  const hids = bundle.instruments.find((i) => i.surveyId === SURVEY)!;
  const units = hids.units.map((u) => u.code);
  const rng = seededRandom(2026);
  const means = new Map(units.map((u) => [u, unitMean(rng)]));
  let t = Date.UTC(2026, 10, 2, 1);
  const now = () => new Date((t += 60_000));
  const pool: (Drawn & { unitCode: string })[] = [];
  for (let i = 0; i < size; i++) {
    const respondent = drawRespondent(rng);
    const unitCode = pick(rng, units);
    if (respondent.kind === 'refusal') {
      pool.push({ outcome: 'refused', answers: [], unitCode });
      continue;
    }
    const answers = walkInterview(hids.model, { rng, respondent, mean: means.get(unitCode)!, unitCode, today: '2026-11-02' }, now, { deviceId: 'bench', username: 'DTV01' });
    pool.push({ outcome: respondent.kind === 'ineligible' ? 'ineligible' : 'completed', answers, unitCode });
  }
  return { model: hids.model, pool, units };
}

export async function seed(dbPath: string, interviews: number, poolSize: number): Promise<{ answers: number }> {
  const { model, pool } = await drawPool(poolSize);
  const store = await openAnalystStore(dbPath);
  await store.db
    .insertInto('forms')
    .values({ survey_id: SURVEY, form_version: model.version, form: JSON.stringify(model), signer_fingerprint: 'BENCH', registered_at: '2026-11-01T00:00:00.000Z' })
    .execute();
  await store.close();
  const db = new BetterSqlite3(dbPath);
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF');
  const insI = db.prepare(`INSERT INTO interviews (id, revision, content_hash, status, device_id, surveyor_code, unit_code, survey_id, form_version,
    outcome, created_at, completed_at, approved_at, batch_id) VALUES (?, 1, ?, 'current', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insA = db.prepare('INSERT INTO answers (interview_id, revision, content_hash, path, value, missing, saved_at) VALUES (?, 1, ?, ?, ?, ?, ?)');
  let answers = 0;
  const batchSize = 10_000;
  for (let from = 0; from < interviews; from += batchSize) {
    db.transaction(() => {
      for (let i = from; i < Math.min(interviews, from + batchSize); i++) {
        const p = pool[i % pool.length]!;
        const id = uuidOf(i);
        const hash = (i % 2 ** 32).toString(16).padStart(64, '0');
        const t0 = Date.UTC(2026, 10, 2) + i * 30_000;
        const at = (ms: number) => new Date(t0 + ms).toISOString();
        insI.run(id, hash, uuidOf(1_000_000 + (i % 40)), `DTV${String((i % 80) + 1).padStart(2, '0')}`, p.unitCode, SURVEY, model.version, p.outcome, at(0), at(900_000), at(1_800_000), uuidOf(2_000_000 + Math.floor(i / 500)));
        p.answers.forEach((a, k) => {
          insA.run(id, hash, a.path, JSON.stringify(a.value), a.missing, at(10_000 * (k + 1)));
          answers++;
        });
      }
    })();
  }
  db.close();
  return { answers };
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((n, f) => n + statSync(join(dir, f)).size, 0);
}

async function child(dbPath: string, mode: string, outDir: string): Promise<ChildResult> {
  const script = join(import.meta.dirname, 'exports-child.ts');
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, dbPath, mode, outDir], {
    cwd: join(import.meta.dirname, '../..'),
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = JSON.parse(stdout.trim().split('\n').pop()!) as ChildResult;
  // A long bench: show each export as it ends.
  process.stderr.write(`  … ${mode}: ${Math.round(result.ms)} ms, peak RSS ${Math.round(result.maxRssMb)} MB\n`);
  return result;
}

/**
 * The formats to export (KHAOSAT_BENCH_EXPORTS_FORMATS, comma-separated; default all four): at
 * 200,000 interviews each format takes several minutes on the shared machine, so one format can be
 * measured again alone, still next to the plain CSV of the same run.
 */
export function parseFormats(text: string | undefined): (typeof FORMATS)[number][] {
  if (text === undefined || text.trim() === '') return [...FORMATS];
  const asked = text.split(',').map((f) => f.trim());
  const unknown = asked.filter((f) => !(FORMATS as readonly string[]).includes(f));
  if (unknown.length > 0) throw new Error(`KHAOSAT_BENCH_EXPORTS_FORMATS: unknown format ${unknown.join(', ')} (known: ${FORMATS.join(', ')})`);
  return FORMATS.filter((f) => asked.includes(f));
}

export async function runExportsBench(opts: { interviews?: number; pool?: number; formats?: (typeof FORMATS)[number][] } = {}) {
  const interviews = opts.interviews ?? 200_000;
  const formats = opts.formats ?? [...FORMATS];
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-exports-bench-'));
  try {
    const dbPath = join(dir, 'analyst.sqlite');
    const t0 = performance.now();
    const { answers } = await seed(dbPath, interviews, opts.pool ?? 1_000);
    const seedMs = performance.now() - t0;
    const plainOut = join(dir, 'plain');
    const plain = await child(dbPath, 'plain', plainOut);
    if (plain.interviews !== interviews) throw new Error(`plain CSV wrote ${plain.interviews} of ${interviews} interviews`);
    const results: { format: (typeof FORMATS)[number]; r: ChildResult; bytes: number }[] = [];
    for (const format of formats) {
      const out = join(dir, format);
      const r = await child(dbPath, format, out);
      if (r.interviews !== interviews) throw new Error(`${format} exported ${r.interviews} of ${interviews} interviews`);
      results.push({ format, r, bytes: dirBytes(out) });
      rmSync(out, { recursive: true, force: true });
    }
    const worst = Math.max(...results.map((x) => x.r.ms / plain.ms));
    return {
      name: `Exports: ${interviews.toLocaleString('en')} counted HIDS interviews (${answers.toLocaleString('en')} stored answers) from the analyst store (SQLite)${formats.length < FORMATS.length ? `, ${formats.join(', ')} only` : ''}`,
      rows: [
        { label: 'plain CSV: same answer query, one fs.createWriteStream', value: plain.ms, unit: 'ms' },
        { label: 'plain CSV: peak RSS', value: plain.maxRssMb, unit: 'MB' },
        ...results.flatMap(({ format, r, bytes }) => [
          { label: `${format}: export time`, value: r.ms, unit: 'ms' },
          { label: `${format}: peak RSS`, value: r.maxRssMb, unit: 'MB' },
          { label: `${format}: files written`, value: bytes / 2 ** 20, unit: 'MiB' },
        ]),
        { label: 'seeding the store (not timed against anything)', value: seedMs, unit: 'ms' },
      ],
      ratio: worst,
      ratioLabel: 'slowest export / plain CSV',
      budgets: results.flatMap(({ format, r }) => [
        {
          label: `${format} time / plain CSV time`,
          measured: r.ms / plain.ms,
          limit: format === 'xlsx' ? XLSX_TIME_RATIO_BUDGET : TIME_RATIO_BUDGET,
          unit: '×',
        },
        { label: `${format} peak RSS`, measured: r.maxRssMb, limit: RSS_BUDGET_MB, unit: 'MB' },
      ]),
      notes: [
        `one run per format, each in its own process; the store holds ${interviews.toLocaleString('en')} interviews drawn from a pool of ${opts.pool ?? 1_000} simulated answer sets`,
        'the store is filled by bulk SQL inserts (10,000 interviews a transaction), not through the import path: the subject here is the export, and the import has its own bench',
        'an export also runs the form runtime per interview (skipped vs unanswered), builds both the values and the statuses tables, and writes a codebook; the plain CSV does none of that',
        'rows are spooled on disk until the row count and string widths are known (SPSS and Stata headers need both), so memory does not grow with the number of interviews',
        'XLSX: after each row the writer waits while the sheet\'s zip entry holds more than its high-water mark (exceljs never pushes back), so the sheets\' XML does not pile up in memory either',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
