// One export of the exports bench in its own process, so its peak RSS is its own:
//   node --import tsx exports-child.ts DB MODE OUT
// MODE is a format (csv, xlsx, spss, stata: the real `khaosat export` path, exportSurvey) or
// `plain`: the baseline — the same counted interviews and answers through the same query, written
// as one wide CSV by one fs.createWriteStream (the stored values, no runtime, no statuses).
// Prints one JSON line: { ms, maxRssMb, interviews }.
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { currentAnswers, IDS_PER_SELECT } from '../../electron/analyst/current-answers';
import { exportSurvey } from '../../electron/analyst/export-survey';
import { openAnalystStore, type AnalystStore } from '../../electron/analyst/store';
import { csvField } from '../../electron/exports/csv';
import type { ExportFormat } from '../../electron/exports';
import { listQuestions, type FormModel } from '../../shared/forms/model';

export interface ChildResult {
  ms: number;
  maxRssMb: number;
  interviews: number;
}

function plainValue(json: string): string | number | null {
  const v: unknown = JSON.parse(json);
  if (v === null || typeof v === 'number' || typeof v === 'string') return v;
  if (Array.isArray(v)) return v.join(' ');
  return String(v);
}

async function plainCsv(store: AnalystStore, outDir: string): Promise<number> {
  const form = JSON.parse((await store.db.selectFrom('forms').select('form').executeTakeFirstOrThrow()).form) as FormModel;
  const questions = listQuestions(form).filter((q) => q.type !== 'note').map((q) => q.name);
  const column = new Map(questions.map((q, i) => [q, i]));
  const out = createWriteStream(join(outDir, 'plain.csv'));
  const write = async (line: string) => {
    if (!out.write(line)) await once(out, 'drain');
  };
  await write(['interview_id', 'revision', 'device_id', 'surveyor', 'unit_code', 'outcome', 'started_at', 'ended_at', ...questions].join(',') + '\r\n');
  let after: string | null = null;
  let n = 0;
  for (;;) {
    let page = store.db
      .selectFrom('interviews')
      .select(['id', 'revision', 'device_id', 'surveyor_code', 'unit_code', 'outcome', 'created_at', 'completed_at'])
      .where('status', '=', 'current')
      .orderBy('id')
      .limit(IDS_PER_SELECT);
    if (after !== null) page = page.where('id', '>', after);
    const slice = await page.execute();
    if (slice.length === 0) break;
    after = slice[slice.length - 1]!.id;
    const byInterview = new Map<string, (string | number | null)[]>();
    for (const r of await currentAnswers(store.db, slice.map((s) => s.id))) {
      const cells = byInterview.get(r.interview_id) ?? new Array<string | number | null>(questions.length).fill(null);
      const at = column.get(r.path);
      if (at !== undefined) cells[at] = plainValue(r.value);
      byInterview.set(r.interview_id, cells);
    }
    let chunk = '';
    for (const iv of slice) {
      const cells = byInterview.get(iv.id) ?? [];
      chunk += [iv.id, iv.revision, iv.device_id, iv.surveyor_code, iv.unit_code, iv.outcome, iv.created_at, iv.completed_at, ...cells].map((c) => csvField(c ?? null)).join(',') + '\r\n';
      n++;
    }
    await write(chunk);
  }
  out.end();
  await once(out, 'close');
  return n;
}

const [dbPath, mode, outDir] = process.argv.slice(2) as [string, string, string];
mkdirSync(outDir, { recursive: true });
const store = await openAnalystStore(dbPath);
const t0 = performance.now();
let interviews: number;
try {
  interviews = mode === 'plain' ? await plainCsv(store, outDir) : (await exportSurvey(store, { format: mode as ExportFormat, outDir })).interviews;
} finally {
  await store.close();
}
const result: ChildResult = { ms: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024, interviews };
process.stdout.write(`${JSON.stringify(result)}\n`);
