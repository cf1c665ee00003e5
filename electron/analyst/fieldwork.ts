// The fieldwork dashboard from the analyst store: interviews received (the revision that counts,
// counted.ts) by unit, by surveyor and by day, their outcomes and the response rate, quality flags
// computed with shared/review/flags.ts (batches carry no review flags, so they are recomputed
// here from the answers: duration, straight-lining, don't-know share), the batches and the
// devices, missing batches per laptop and unresolved conflicts (docs/analyst.md).
import { computeFlags, FLAG_CODES, interviewDurationSeconds, medianSeconds, type FlagCode } from '../../shared/review/flags';
import type { FormModel } from '../../shared/forms/model';
import { isCounted, isUnresolvedConflict } from './counted';
import { sequenceGaps } from './rules';
import type { AnalystStore } from './store';

export interface CountRow {
  total: number;
  completed: number;
}

export interface FieldworkDashboard {
  surveys: string[];
  survey: string | null;
  totals: CountRow & {
    /** completed ÷ (all counted − ineligible), in percent with one decimal; null without interviews. */
    responseRate: number | null;
    devices: number;
    batches: number;
    unresolvedConflicts: number;
  };
  outcomes: { outcome: string; n: number }[];
  byUnit: (CountRow & { unitCode: string })[];
  bySurveyor: (CountRow & { surveyorCode: string })[];
  /** Days in Vietnam's time (UTC+7), from the interview's start. */
  byDay: (CountRow & { day: string })[];
  gaps: { device: string; missing: number[] }[];
  /** Null when no form with an index is registered for the survey (flags need its items). */
  flags: { counts: Record<FlagCode, number>; flagged: { interviewId: string; unitCode: string; surveyorCode: string; flags: FlagCode[] }[] } | null;
}

const IDS_PER_SELECT = 1_000;
const MAX_FLAGGED = 100;
const VIETNAM_OFFSET_MS = 7 * 3600_000;

function vietnamDay(iso: string): string {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? new Date(t + VIETNAM_OFFSET_MS).toISOString().slice(0, 10) : iso.slice(0, 10);
}

function tally<K extends string>(map: Map<string, CountRow>, key: string, completed: boolean): void {
  const row = map.get(key) ?? { total: 0, completed: 0 };
  row.total++;
  if (completed) row.completed++;
  map.set(key as K, row);
}

export async function buildFieldworkDashboard(store: AnalystStore, options: { survey?: string; now?: Date } = {}): Promise<FieldworkDashboard> {
  const { db } = store;
  const surveys = (await db.selectFrom('interviews').select('survey_id').distinct().orderBy('survey_id').execute()).map((r) => r.survey_id);
  const survey = options.survey ?? (surveys.length === 1 ? surveys[0]! : null);
  let query = db.selectFrom('interviews').select(['id', 'revision', 'content_hash', 'unit_code', 'surveyor_code', 'outcome', 'created_at', 'completed_at']).where(isCounted);
  if (survey) query = query.where('survey_id', '=', survey);
  const rows = await query.orderBy('id').execute();

  const byUnit = new Map<string, CountRow>();
  const bySurveyor = new Map<string, CountRow>();
  const byDay = new Map<string, CountRow>();
  const outcomes = new Map<string, number>();
  let completed = 0;
  let ineligible = 0;
  for (const r of rows) {
    const done = r.outcome === 'completed';
    if (done) completed++;
    if (r.outcome === 'ineligible') ineligible++;
    tally(byUnit, r.unit_code, done);
    tally(bySurveyor, r.surveyor_code, done);
    tally(byDay, vietnamDay(r.created_at), done);
    outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
  }
  const eligible = rows.length - ineligible;

  let conflictQuery = db.selectFrom('interviews').select((eb) => eb.fn.count<number>('id').distinct().as('n')).where(isUnresolvedConflict);
  if (survey) conflictQuery = conflictQuery.where('survey_id', '=', survey);
  const conflicts = await conflictQuery.executeTakeFirstOrThrow();
  const devices = await db.selectFrom('devices').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const accepted = await db.selectFrom('batch_arrivals').select(['device_id', 'sequence']).where('status', 'in', ['imported', 'unchanged']).execute();
  const known = accepted.filter((a): a is { device_id: string; sequence: number } => a.device_id !== null && a.sequence !== null);

  const sorted = <T extends CountRow>(m: Map<string, CountRow>, key: string) =>
    [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => ({ [key]: k, ...v }) as unknown as T);
  return {
    surveys,
    survey,
    totals: {
      total: rows.length,
      completed,
      responseRate: eligible > 0 ? Math.round((completed / eligible) * 1000) / 10 : null,
      devices: Number(devices.n),
      batches: known.length,
      unresolvedConflicts: Number(conflicts.n),
    },
    outcomes: [...outcomes.entries()].map(([outcome, n]) => ({ outcome, n })).sort((a, b) => b.n - a.n || (a.outcome < b.outcome ? -1 : 1)),
    byUnit: sorted(byUnit, 'unitCode'),
    bySurveyor: sorted(bySurveyor, 'surveyorCode'),
    byDay: sorted(byDay, 'day'),
    gaps: sequenceGaps(known),
    flags: survey ? await qualityFlags(store, survey, rows, options.now ?? new Date()) : null,
  };
}

type CountedRow = { id: string; revision: number; content_hash: string; unit_code: string; surveyor_code: string; outcome: string; created_at: string; completed_at: string | null };

async function qualityFlags(store: AnalystStore, survey: string, rows: CountedRow[], now: Date): Promise<FieldworkDashboard['flags']> {
  const { db } = store;
  const form = await db.selectFrom('forms').select(['form']).where('survey_id', '=', survey).orderBy('registered_at', 'desc').orderBy('form_version', 'desc').executeTakeFirst();
  const index = form ? (JSON.parse(form.form) as Pick<FormModel, 'index'>).index : undefined;
  if (!index || index.components.length === 0) return null;
  const completed = rows.filter((r) => r.outcome === 'completed');
  const durations = completed.map((r) => interviewDurationSeconds({ createdAt: r.created_at, completedAt: r.completed_at, paradata: [] })).filter((d): d is number => d !== null);
  const median = medianSeconds(durations);
  const counts = Object.fromEntries(FLAG_CODES.map((c) => [c, 0])) as Record<FlagCode, number>;
  const flagged: NonNullable<FieldworkDashboard['flags']>['flagged'] = [];
  for (let i = 0; i < completed.length; i += IDS_PER_SELECT) {
    const slice = completed.slice(i, i + IDS_PER_SELECT);
    const answers = await db
      .selectFrom('answers')
      .innerJoin('interviews', (j) =>
        j.onRef('interviews.id', '=', 'answers.interview_id').onRef('interviews.revision', '=', 'answers.revision').onRef('interviews.content_hash', '=', 'answers.content_hash'),
      )
      .select(['answers.interview_id', 'answers.path', 'answers.value', 'answers.missing'])
      .where(isCounted)
      .where('answers.interview_id', 'in', slice.map((r) => r.id))
      .execute();
    const byInterview = new Map<string, { path: string; value: unknown; missing: string | null }[]>();
    for (const a of answers) {
      const list = byInterview.get(a.interview_id) ?? [];
      list.push({ path: a.path, value: JSON.parse(a.value) as unknown, missing: a.missing });
      byInterview.set(a.interview_id, list);
    }
    for (const r of slice) {
      const flags = computeFlags({
        outcome: r.outcome,
        createdAt: r.created_at,
        completedAt: r.completed_at,
        answers: byInterview.get(r.id) ?? [],
        // Batches carry paradata but the store keeps none: durations are start → completion.
        paradata: [],
        index,
        surveyMedianSeconds: median,
        formInstalledAt: null,
        now: now.toISOString(),
      });
      if (flags.length === 0) continue;
      for (const f of flags) counts[f.code]++;
      if (flagged.length < MAX_FLAGGED) flagged.push({ interviewId: r.id, unitCode: r.unit_code, surveyorCode: r.surveyor_code, flags: flags.map((f) => f.code) });
    }
  }
  return { counts, flagged };
}
