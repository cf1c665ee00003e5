// The satisfaction-index report from the analyst store (issue 9 §3, docs/indices.md): counted
// interviews are those whose stored revision is `current` (the latest, not in conflict) with
// outcome `completed`; interviews in conflict are left out and counted, as are current ones with
// another outcome. One respondent per interview goes to shared/indices' sample builder.
import { createSampleBuilder, groupReport, indicesOverall, type GroupReport, type IndexAnswer, type UnitReport } from '../../shared/indices';
import type { FormModel } from '../../shared/forms/model';
import { ServiceError } from '../../shared/contract/errors';
import { reportGroups, type GroupListKey, type ReportGrouping } from './groups';
import type { AnalystStore } from './store';

export interface IndexReport {
  survey: string;
  generated_at: string;
  overall: GroupReport;
  units: UnitReport[];
  excluded: { conflicts: number; not_completed: number };
}

/** The report `--by agency|surveyor` (groups.ts): `agencies` or `surveyors` in place of `units`, same entries. */
export type GroupedIndexReport = Omit<IndexReport, 'units'> & Partial<Record<GroupListKey, UnitReport[]>>;

export interface ReportOptions {
  survey?: string;
  now?: Date;
}

export class ReportError extends Error {}

const IDS_PER_SELECT = 1_000;

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
  const surveys = (await db.selectFrom('interviews').select('survey_id').distinct().orderBy('survey_id').execute()).map((r) => r.survey_id);
  const survey = options.survey ?? (surveys.length === 1 ? surveys[0]! : undefined);
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

  const counted = await db
    .selectFrom('interviews')
    .select(['id', 'revision', 'content_hash', 'unit_code'])
    .where('survey_id', '=', survey)
    .where('status', '=', 'current')
    .where('outcome', '=', 'completed')
    .orderBy('id')
    .execute();
  const conflicts = await db.selectFrom('interviews').select((eb) => eb.fn.count<number>('id').distinct().as('n')).where('survey_id', '=', survey).where('status', '=', 'conflict').executeTakeFirstOrThrow();
  const notCompleted = await db.selectFrom('interviews').select((eb) => eb.fn.countAll<number>().as('n')).where('survey_id', '=', survey).where('status', '=', 'current').where('outcome', '<>', 'completed').executeTakeFirstOrThrow();

  const builder = createSampleBuilder(model.index);
  for (let i = 0; i < counted.length; i += IDS_PER_SELECT) {
    const slice = counted.slice(i, i + IDS_PER_SELECT);
    const rows = await db
      .selectFrom('answers')
      .innerJoin('interviews', (j) =>
        j.onRef('interviews.id', '=', 'answers.interview_id').onRef('interviews.revision', '=', 'answers.revision').onRef('interviews.content_hash', '=', 'answers.content_hash'),
      )
      .select(['answers.interview_id', 'answers.path', 'answers.value', 'answers.missing'])
      .where('interviews.status', '=', 'current')
      .where('answers.interview_id', 'in', slice.map((r) => r.id))
      .where('answers.path', 'in', questions)
      .execute();
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
  };
}
