// The index report's filters over the analyst store (issue 10 §3, docs/report.md): which counted
// Interviews enter the report by completion day, unit type, former province and respondent
// group, and the frame the filters choose from (read from the survey's form). Same queries on
// SQLite and PostgreSQL.
import type { Kysely } from 'kysely';
import { walkNodes, type FormModel, type QuestionNode } from '../../shared/forms/model';
import {
  RESPONDENT_GROUP_QUESTIONS,
  RESPONDENT_GROUPS,
  UNIT_TYPES,
  unitTypeOf,
  vietnamDay,
  type ReportChoice,
  type ReportFilters,
  type ReportFrame,
} from '../../shared/indices/index-report';
import type { AnalystDatabase } from './schema';

const IDS_PER_SELECT = 1_000;

export interface CountedInterview {
  id: string;
  revision: number;
  content_hash: string;
  unit_code: string;
  completed_at: string | null;
}

type FormParts = Partial<Pick<FormModel, 'children' | 'choiceLists' | 'index'>>;

const vi = (labels: Record<string, string> | undefined, fallback: string) => labels?.['vi'] ?? Object.values(labels ?? {})[0] ?? fallback;

function questionsByName(model: FormParts): Map<string, QuestionNode> {
  const found = new Map<string, QuestionNode>();
  walkNodes(model.children ?? [], (node) => {
    if (node.kind === 'question') found.set(node.name, node);
  });
  return found;
}

/** What the filters can choose from and the labels the charts show, from the survey's form. */
export function reportFrame(model: FormParts, surveys: string[]): ReportFrame {
  const questions = questionsByName(model);
  const lists = model.choiceLists ?? {};
  const units: ReportFrame['units'] = {};
  for (const c of lists['units']?.choices ?? []) {
    units[c.name] = { name: vi(c.labels, c.name), type: unitTypeOf(c.extra?.['unit_type']), former_province: c.extra?.['former_province'] || null };
  }
  const presentTypes = new Set(Object.values(units).map((u) => u.type));
  const groupChoices = (question: string): ReportChoice[] => {
    const listName = questions.get(question)?.listName;
    const list = listName ? lists[listName] : undefined;
    return (list?.choices ?? []).filter((c) => !c.missing).map((c) => ({ code: c.name, label: vi(c.labels, c.name) }));
  };
  const items: Record<string, string> = {};
  for (const c of model.index?.components ?? []) for (const it of c.items) items[it.question] = vi(questions.get(it.question)?.labels, it.question);
  return {
    surveys,
    unit_types: UNIT_TYPES.filter((t) => presentTypes.has(t)),
    former_provinces: [...new Set(Object.values(units).flatMap((u) => (u.former_province ? [u.former_province] : [])))].sort((a, b) => a.localeCompare(b, 'vi')),
    age_groups: groupChoices(RESPONDENT_GROUP_QUESTIONS.age_groups),
    sexes: groupChoices(RESPONDENT_GROUP_QUESTIONS.sexes),
    respondent_types: groupChoices(RESPONDENT_GROUP_QUESTIONS.respondent_types),
    components: (model.index?.components ?? []).map((c) => ({ code: c.id, label: vi(c.labels, c.id) })),
    items,
    units,
  };
}

/** A stored select answer ('2', or 2) as its choice code; anything else as null. */
function choiceCode(value: string): string | null {
  const v: unknown = JSON.parse(value);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/**
 * The counted Interviews that pass the filters, in the same order. A filter on a group whose
 * question an Interview did not answer leaves that Interview out.
 */
export async function applyReportFilters(db: Kysely<AnalystDatabase>, counted: CountedInterview[], frame: ReportFrame, filters: ReportFilters): Promise<CountedInterview[]> {
  let kept = counted.filter((iv) => {
    if (filters.from || filters.to) {
      const day = vietnamDay(iv.completed_at);
      if (!day || (filters.from && day < filters.from) || (filters.to && day > filters.to)) return false;
    }
    const unit = frame.units[iv.unit_code];
    if (filters.unit_types && !(unit?.type && filters.unit_types.includes(unit.type))) return false;
    if (filters.former_provinces && !(unit?.former_province && filters.former_provinces.includes(unit.former_province))) return false;
    return true;
  });
  const groups = RESPONDENT_GROUPS.filter((g) => filters[g]);
  if (groups.length === 0 || kept.length === 0) return kept;
  const wanted = new Map(groups.map((g) => [RESPONDENT_GROUP_QUESTIONS[g] as string, new Set(filters[g])]));
  const matches = new Map<string, number>();
  for (let i = 0; i < kept.length; i += IDS_PER_SELECT) {
    const slice = kept.slice(i, i + IDS_PER_SELECT);
    const rows = await db
      .selectFrom('answers')
      .innerJoin('interviews', (j) =>
        j.onRef('interviews.id', '=', 'answers.interview_id').onRef('interviews.revision', '=', 'answers.revision').onRef('interviews.content_hash', '=', 'answers.content_hash'),
      )
      .select(['answers.interview_id', 'answers.path', 'answers.value'])
      .where('interviews.status', '=', 'current')
      .where('answers.missing', 'is', null)
      .where('answers.interview_id', 'in', slice.map((r) => r.id))
      .where('answers.path', 'in', [...wanted.keys()])
      .execute();
    for (const r of rows) {
      const code = choiceCode(r.value);
      if (code !== null && wanted.get(r.path)?.has(code)) matches.set(r.interview_id, (matches.get(r.interview_id) ?? 0) + 1);
    }
  }
  kept = kept.filter((iv) => matches.get(iv.id) === wanted.size);
  return kept;
}

/** First and last completion day of the Interviews counted. */
export function periodOf(counted: CountedInterview[]): { from: string | null; to: string | null } {
  let from: string | null = null;
  let to: string | null = null;
  for (const iv of counted) {
    const day = vietnamDay(iv.completed_at);
    if (!day) continue;
    if (from === null || day < from) from = day;
    if (to === null || day > to) to = day;
  }
  return { from, to };
}
