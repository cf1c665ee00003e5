// The groups a report is broken down by (`khaosat report --by unit|agency|surveyor`): which key
// each counted interview has, and the name printed for each key. Units are named by the frame of
// the registered survey package (units.csv), agencies by its agency list (agencies.csv) or else
// by the choice labels of the form's agency question; surveyors by their code (the analyst store
// holds codes only). Every group has the shape of the report's `units` entries.
import { indicesBy, unitReport, type ReducedSample, type UnitReport } from '../../shared/indices';
import type { FormModel, FormNode, QuestionNode } from '../../shared/forms/model';
import type { AnalystStore } from './store';

export const REPORT_GROUPINGS = ['unit', 'agency', 'surveyor'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** The report's JSON key holding the groups: `units` (as before --by existed), `agencies`, `surveyors`. */
export const GROUP_LIST_KEYS = { unit: 'units', agency: 'agencies', surveyor: 'surveyors' } as const satisfies Record<ReportGrouping, string>;
export type GroupListKey = (typeof GROUP_LIST_KEYS)[ReportGrouping];

/** The question whose answer is the agency rated (the HIDS and MTTQ instruments' `agency`). */
export const AGENCY_QUESTION = 'agency';
/** The key of interviews without an agency answer. */
export const NO_AGENCY = '';
const NO_AGENCY_NAME = '(không có / none)';

const IDS_PER_SELECT = 1_000;

function findQuestion(nodes: readonly FormNode[], name: string): QuestionNode | undefined {
  for (const n of nodes) {
    if (n.kind === 'question' && n.name === name) return n;
    if (n.kind === 'group' || n.kind === 'repeat') {
      const found = findQuestion(n.children, name);
      if (found) return found;
    }
  }
  return undefined;
}

/** The agency answer of each counted interview of the survey, by interview id. */
async function agencyOf(store: AnalystStore, survey: string, ids: readonly string[]): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (let i = 0; i < ids.length; i += IDS_PER_SELECT) {
    const rows = await store.db
      .selectFrom('answers')
      .innerJoin('interviews', (j) =>
        j.onRef('interviews.id', '=', 'answers.interview_id').onRef('interviews.revision', '=', 'answers.revision').onRef('interviews.content_hash', '=', 'answers.content_hash'),
      )
      .select(['answers.interview_id', 'answers.value', 'answers.missing'])
      .where('interviews.survey_id', '=', survey)
      .where('interviews.status', '=', 'current')
      .where('answers.path', '=', AGENCY_QUESTION)
      .where('answers.interview_id', 'in', ids.slice(i, i + IDS_PER_SELECT))
      .execute();
    for (const r of rows) {
      const v: unknown = r.missing ? null : JSON.parse(r.value);
      if (typeof v === 'string' || typeof v === 'number') keys.set(r.interview_id, String(v));
    }
  }
  return keys;
}

async function surveyorOf(store: AnalystStore, survey: string): Promise<Map<string, string>> {
  const rows = await store.db.selectFrom('interviews').select(['id', 'surveyor_code']).where('survey_id', '=', survey).where('status', '=', 'current').execute();
  return new Map(rows.map((r) => [r.id, r.surveyor_code]));
}

async function unitNames(store: AnalystStore, survey: string): Promise<Map<string, string>> {
  const rows = await store.db.selectFrom('units').select(['code', 'name_vi']).where('survey_id', '=', survey).execute();
  return new Map(rows.map((r) => [r.code, r.name_vi]));
}

async function agencyNames(store: AnalystStore, survey: string, form: Pick<FormModel, 'children' | 'choiceLists'>): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  // The form's choice labels first, the package's agency list over them (it is the analyst's own).
  const question = Array.isArray(form.children) ? findQuestion(form.children, AGENCY_QUESTION) : undefined;
  const list = question?.listName ? form.choiceLists?.[question.listName] : undefined;
  for (const c of list?.choices ?? []) if (c.labels.vi) names.set(c.name, c.labels.vi);
  const rows = await store.db.selectFrom('agencies').select(['code', 'name_vi']).where('survey_id', '=', survey).execute();
  for (const r of rows) names.set(r.code, r.name_vi);
  names.set(NO_AGENCY, NO_AGENCY_NAME);
  return names;
}

/**
 * The report's groups for `by`, each with the shape of a Unit's entry (`code`, `name`, `n`,
 * `index`, `ci`, `components`, `components_missing`), in code order; a code without a name is
 * named by itself.
 */
export async function reportGroups(
  store: AnalystStore,
  survey: string,
  form: Pick<FormModel, 'children' | 'choiceLists'>,
  sample: ReducedSample,
  by: ReportGrouping,
): Promise<{ key: GroupListKey; groups: UnitReport[] }> {
  let keyOf: (id: string, unitCode: string) => string;
  let names: Map<string, string>;
  if (by === 'unit') {
    keyOf = (_id, unitCode) => unitCode;
    names = await unitNames(store, survey);
  } else if (by === 'agency') {
    const agencies = await agencyOf(store, survey, sample.ids);
    keyOf = (id) => agencies.get(id) ?? NO_AGENCY;
    names = await agencyNames(store, survey, form);
  } else {
    const surveyors = await surveyorOf(store, survey);
    keyOf = (id) => surveyors.get(id)!;
    names = new Map();
  }
  const groups = indicesBy(sample, (r) => keyOf(r.id, r.unitCode)).map((g) => unitReport(g, names.get(g.key)));
  return { key: GROUP_LIST_KEYS[by], groups };
}
