// The fieldwork dashboard from the analyst store: interviews received (the revision that counts,
// counted.ts) by unit — named from the package's frame and set against its quotas (quotas.ts),
// furthest behind first — by surveyor and by day, their outcomes and the response rate, quality flags
// computed with shared/review/flags.ts (batches carry no review flags, so they are recomputed
// here from the answers: duration, straight-lining, don't-know share), the batches and the
// devices, missing batches per laptop and unresolved conflicts (docs/analyst.md).
import { computeFlags, FLAG_CODES, interviewDurationSeconds, medianSeconds, type FlagCode } from '../../shared/review/flags';
import type { FormModel } from '../../shared/forms/model';
import { isCounted, isUnresolvedConflict } from './counted';
import { currentQuotas } from './quotas';
import { sequenceGaps } from './rules';
import type { AnalystStore } from './store';

export interface CountRow {
  total: number;
  completed: number;
}

export interface UnitProgress extends CountRow {
  unitCode: string;
  /** From the survey's Unit frame (units.csv of its package); null when the store has no name for the code. */
  nameVi: string | null;
  nameEn: string | null;
  /** The target of completed interviews in the survey's newest package; null without one. */
  quota: number | null;
  /** completed ÷ quota in percent, one decimal (above 100 when the quota is passed); null without a quota above 0. */
  percent: number | null;
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
    /** The sum of the Units' quotas; null when the survey has none. */
    quota: number | null;
    /** Completed interviews in Units with a quota ÷ the sum of quotas, in percent with one decimal. */
    quotaPercent: number | null;
  };
  outcomes: { outcome: string; n: number }[];
  /** Units with interviews or a quota: furthest behind their quota first (lowest percent, then most
   * interviews short), then Units without a quota, each group by name. */
  byUnit: UnitProgress[];
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

  const units = await unitProgress(store, survey, byUnit);
  const withQuota = units.filter((u) => u.quota !== null);
  const quota = withQuota.length > 0 ? withQuota.reduce((n, u) => n + u.quota!, 0) : null;
  const quotaCompleted = withQuota.reduce((n, u) => n + u.completed, 0);

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
      quota,
      quotaPercent: quota ? percentOf(quotaCompleted, quota) : null,
    },
    outcomes: [...outcomes.entries()].map(([outcome, n]) => ({ outcome, n })).sort((a, b) => b.n - a.n || (a.outcome < b.outcome ? -1 : 1)),
    byUnit: units,
    bySurveyor: sorted(bySurveyor, 'surveyorCode'),
    byDay: sorted(byDay, 'day'),
    gaps: sequenceGaps(known),
    flags: survey ? await qualityFlags(store, survey, rows, options.now ?? new Date()) : null,
  };
}

const percentOf = (part: number, whole: number) => Math.round((part / whole) * 1000) / 10;

/**
 * By Unit, named and set against the quotas. Sorted for the question the dashboard answers — where
 * must fieldwork go next: the lowest share of quota first, ties by the most interviews short; Units
 * without a quota (or with a quota of 0) after, by name. Without quotas that is simply by name.
 */
async function unitProgress(store: AnalystStore, survey: string | null, counts: Map<string, CountRow>): Promise<UnitProgress[]> {
  const { db } = store;
  // Without a chosen survey there are no quotas to compare with; names come from any survey's frame.
  const quotas = survey ? await currentQuotas(db, survey) : new Map<string, number>();
  let names = db.selectFrom('units').select(['code', 'name_vi', 'name_en']);
  if (survey) names = names.where('survey_id', '=', survey);
  const named = new Map<string, { name_vi: string; name_en: string | null }>();
  for (const u of await names.orderBy('survey_id', 'desc').execute()) named.set(u.code, u);
  const codes = new Set([...counts.keys(), ...quotas.keys()]);
  const rows: UnitProgress[] = [...codes].map((unitCode) => {
    const { total, completed } = counts.get(unitCode) ?? { total: 0, completed: 0 };
    const quota = quotas.get(unitCode) ?? null;
    const name = named.get(unitCode);
    return { unitCode, nameVi: name?.name_vi ?? null, nameEn: name?.name_en ?? null, total, completed, quota, percent: quota ? percentOf(completed, quota) : null };
  });
  const label = (u: UnitProgress) => u.nameVi ?? u.unitCode;
  return rows.sort((a, b) => {
    if ((a.percent === null) !== (b.percent === null)) return a.percent === null ? 1 : -1;
    if (a.percent !== null && b.percent !== null) {
      const behind = a.percent - b.percent || b.quota! - b.completed - (a.quota! - a.completed);
      if (behind !== 0) return behind;
    }
    return label(a).localeCompare(label(b), 'vi') || (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0);
  });
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
