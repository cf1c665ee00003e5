// The satisfaction-index report from the analyst store (issue 9 §3, docs/indices.md): counted
// interviews are those whose stored revision is `current` (the latest, not in conflict) with
// outcome `completed` (or the version of a conflict the analyst chose, counted.ts); unresolved
// conflicts are left out and counted, as are current ones with
// another outcome. One respondent per interview goes to shared/indices' sample builder.
import { createSampleBuilder, groupReport, indicesOverall, type IndexAnswer, type UnitReport } from '../../shared/indices';
import { normaliseFilters, type IndexReport, type ReportFilters } from '../../shared/indices/index-report';
import { applyReportFilters, periodOf, reportFrame } from './report-filters';
import type { FormModel } from '../../shared/forms/model';
import { ServiceError } from '../../shared/contract/errors';
import { reportGroups, type GroupListKey, type ReportGrouping } from './groups';
import { currentAnswers, IDS_PER_SELECT } from './current-answers';
import type { AnalystStore } from './store';
import { isCounted, isUnresolvedConflict } from './counted';

export type { IndexReport } from '../../shared/indices/index-report';

/** The report `--by agency|surveyor` (groups.ts): `agencies` or `surveyors` in place of `units`, same entries. */
export type GroupedIndexReport = Omit<IndexReport, 'units'> & Partial<Record<GroupListKey, UnitReport[]>>;

export interface ReportOptions {
  survey?: string;
  now?: Date;
  /** Which counted Interviews enter the report (report-filters.ts, docs/report.md). */
  filters?: ReportFilters;
}

export class ReportError extends Error {}

function indexAnswer(value: string, missing: string | null): IndexAnswer {
  if (missing === 'dont_know' || missing === 'refused' || missing === 'not_applicable') return { missing };
  const v: unknown = JSON.parse(value);
  // Select answers are stored as code strings ('4'), integers as numbers.
  const code = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(code) ? { code } : 'unanswered';
}

export function buildReport(store: AnalystStore, options?: ReportOptions & { by?: 'unit' }): Promise<IndexReport>;
export function buildReport(store: AnalystStore, options: ReportOptions & { by: ReportGrouping }): Promise<GroupedIndexReport>;
export async function buildReport(store: AnalystStore, options: ReportOptions & { by?: ReportGrouping } = {}): Promise<GroupedIndexReport> {
  const { db } = store;
  const filters = normaliseFilters({ ...options.filters, survey: options.survey ?? options.filters?.survey });
  const surveys = (await db.selectFrom('interviews').select('survey_id').distinct().orderBy('survey_id').execute()).map((r) => r.survey_id);
  const survey = filters.survey ?? (surveys.length === 1 ? surveys[0]! : undefined);
  if (!survey) {
    throw new ReportError(
      surveys.length === 0
        ? 'Kho chưa có phỏng vấn nào / the store holds no interviews yet'
        : `Kho có nhiều khảo sát, hãy chọn --survey (${surveys.join(', ')}) / the store holds several surveys, choose --survey (${surveys.join(', ')})`,
    );
  }
  const form = await db.selectFrom('forms').select(['form', 'form_version']).where('survey_id', '=', survey).orderBy('registered_at', 'desc').orderBy('form_version', 'desc').executeTakeFirst();
  if (!form) {
    throw new ReportError(
      `Chưa đăng ký bảng hỏi của khảo sát ${survey}; hãy chạy khaosat import --package P.kspkg / ` +
        `no form is registered for survey ${survey}; run khaosat import --package P.kspkg first (the index configuration comes from the form)`,
    );
  }
  const model = JSON.parse(form.form) as Pick<FormModel, 'index' | 'children' | 'choiceLists'>;
  if (!model.index || model.index.components.length === 0) throw new ServiceError('package_damaged', `form ${survey} ${form.form_version} defines no satisfaction index`);
  const questions = [...new Set(model.index.components.flatMap((c) => c.items.map((i) => i.question)))];

  const frame = reportFrame(model, surveys);
  const all = await db
    .selectFrom('interviews')
    .select(['id', 'revision', 'content_hash', 'unit_code', 'completed_at'])
    .where('survey_id', '=', survey)
    .where(isCounted)
    .where('outcome', '=', 'completed')
    .orderBy('id')
    .execute();
  const conflicts = await db.selectFrom('interviews').select((eb) => eb.fn.count<number>('id').distinct().as('n')).where('survey_id', '=', survey).where(isUnresolvedConflict).executeTakeFirstOrThrow();
  const counted = await applyReportFilters(db, all, frame, { ...filters, survey });
  const notCompleted = await db.selectFrom('interviews').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', survey).where(isCounted).where('outcome', '<>', 'completed').executeTakeFirstOrThrow();

  const builder = createSampleBuilder(model.index);
  for (let i = 0; i < counted.length; i += IDS_PER_SELECT) {
    const slice = counted.slice(i, i + IDS_PER_SELECT);
    const rows = await currentAnswers(db, slice.map((r) => r.id), { paths: questions });
    const byInterview = new Map<string, Record<string, IndexAnswer>>();
    for (const r of rows) {
      const answers = byInterview.get(r.interview_id) ?? {};
      answers[r.path] = indexAnswer(r.value, r.missing);
      byInterview.set(r.interview_id, answers);
    }
    for (const r of slice) builder.add({ id: r.id, unitCode: r.unit_code, answers: byInterview.get(r.id) ?? {} });
  }
  const sample = builder.finish();
  const { key, groups } = await reportGroups(store, survey, model, sample, options.by ?? 'unit');
  return {
    survey,
    generated_at: (options.now ?? new Date()).toISOString(),
    overall: groupReport(indicesOverall(sample)),
    [key]: groups,
    excluded: { conflicts: Number(conflicts.n), not_completed: Number(notCompleted.n) },
    filters: { ...filters, survey },
    period: periodOf(counted),
    frame,
  };
}
