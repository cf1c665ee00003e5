// The counted interviews of one survey, read from the analyst store as the export dataset builder
// wants them (`ExportInterview`, shared/exports/fromForm.ts; docs/exports.md): status `current`
// (the latest, non-conflicting revision), every outcome (the outcome is a column), their answers,
// and the paths the form runtime finds not relevant (`skipped`), so skipped, unanswered and
// don't-know stay apart. The form comes from the store (registered with `import --package`).
import type { AnswerValue } from '../../shared/contract/schemas';
import { buildPlan, createFormRuntime, type FormPlan } from '../../shared/engine/runtime';
import { loadAnswers, type StoredAnswer } from '../../shared/engine/answers';
import type { ExportInterview } from '../../shared/exports/fromForm';
import { listQuestions, type FormModel, type MissingKind } from '../../shared/forms/model';
import { parsePathSegments } from '../../shared/forms/answerPath';
import { currentAnswers, IDS_PER_SELECT } from './current-answers';
import type { AnalystStore } from './store';
import { isCounted } from './counted';

export class ExportSourceError extends Error {}

export interface ExportSource {
  survey: string;
  /** The form the dataset's columns come from: the newest registered version the interviews use. */
  form: FormModel;
  interviews: ExportInterview[];
  /** Stored answers a form version did not accept (a path or code it does not have), by interview. */
  warnings: string[];
}

/** An exported interview with the form version it was answered in (its audit log follows that version). */
export type StoredExportInterview = ExportInterview & { formVersion: string; contentHash: string };

/** The same, streamed: interviews are read from the store page by page while they are iterated. */
export interface ExportStream {
  survey: string;
  form: FormModel;
  /** The registered form of each version the counted interviews use. */
  versions: ReadonlyMap<string, FormModel>;
  /** How many counted interviews the stream will give. */
  count: number;
  /** The counted interviews in id order; reads the store as it goes (one page of ids at a time). */
  interviews(): AsyncGenerator<StoredExportInterview>;
  /** Filled while `interviews()` runs. */
  warnings: string[];
}

/**
 * One form plan per form version (`buildPlan`: the parsed expressions and dependency graph),
 * built the first time a version is met and shared by every interview of that version; each
 * interview still gets its own runtime (its answers), which is cheap next to the plan.
 */
export class FormPlans {
  private readonly plans = new Map<string, FormPlan>();
  /** How many plans were built (a test checks there is one per form version). */
  built = 0;

  constructor(private readonly build: (form: FormModel) => FormPlan = buildPlan) {}

  planFor(formVersion: string, form: FormModel): FormPlan {
    let plan = this.plans.get(formVersion);
    if (!plan) {
      plan = this.build(form);
      this.built++;
      this.plans.set(formVersion, plan);
    }
    return plan;
  }
}

async function chooseSurvey(store: AnalystStore, survey: string | undefined): Promise<string> {
  const surveys = (await store.db.selectFrom('interviews').select('survey_id').distinct().orderBy('survey_id').execute()).map((r) => r.survey_id);
  if (survey) {
    if (!surveys.includes(survey)) throw new ExportSourceError(`Kho không có phỏng vấn nào của khảo sát ${survey} / the store holds no interviews of survey ${survey}`);
    return survey;
  }
  if (surveys.length === 1) return surveys[0]!;
  throw new ExportSourceError(
    surveys.length === 0
      ? 'Kho chưa có phỏng vấn nào / the store holds no interviews yet'
      : `Kho có nhiều khảo sát, hãy chọn --survey (${surveys.join(', ')}) / the store holds several surveys, choose --survey (${surveys.join(', ')})`,
  );
}

/** The code a form stores for a missing kind on this question (a record may carry the kind with no value). */
function missingCodeFor(form: FormModel, path: string, kind: MissingKind): string | null {
  const segments = parsePathSegments(path);
  const name = segments?.[segments.length - 1]?.name;
  const byCode = new Map(form.missingCodes.map((m) => [m.code, m.kind]));
  const allowed = listQuestions(form).find((q) => q.name === name)?.missingCodes ?? [];
  return allowed.find((c) => byCode.get(c) === kind) ?? form.missingCodes.find((m) => m.kind === kind)?.code ?? null;
}

/** A stored value as the dataset holds it: select_multiple/rank lists as space-separated codes. */
function exportValue(v: unknown): string | number | null {
  if (v === null || v === undefined) return null;
  if (Array.isArray(v)) return v.map(String).join(' ');
  if (typeof v === 'boolean') return v ? 'OK' : null;
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** Every counted interview in memory at once: for small stores and tests; exports use openExportStream. */
export async function loadExportSource(store: AnalystStore, options: { survey?: string; plans?: FormPlans } = {}): Promise<ExportSource> {
  const stream = await openExportStream(store, options);
  const interviews: ExportInterview[] = [];
  for await (const iv of stream.interviews()) interviews.push(iv);
  return { survey: stream.survey, form: stream.form, interviews, warnings: stream.warnings };
}

export async function openExportStream(store: AnalystStore, options: { survey?: string; plans?: FormPlans } = {}): Promise<ExportStream> {
  const { db } = store;
  const survey = await chooseSurvey(store, options.survey);
  const counted = db.selectFrom('interviews').where('survey_id', '=', survey).where(isCounted);
  const versions = (await counted.select('form_version').distinct().execute()).map((r) => r.form_version);
  const { n } = await counted.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const registered = await db.selectFrom('forms').select(['form_version', 'form', 'registered_at']).where('survey_id', '=', survey).execute();
  const forms = new Map(registered.map((r) => [r.form_version, { model: JSON.parse(r.form) as FormModel, registeredAt: r.registered_at }]));
  const unknown = versions.filter((v) => !forms.has(v));
  if (registered.length === 0 || unknown.length > 0) {
    const which = unknown.length > 0 ? unknown.join(', ') : '(none)';
    throw new ExportSourceError(
      `Chưa đăng ký bảng hỏi của khảo sát ${survey} (phiên bản ${which}); hãy nhập với --package trước: khaosat import --package P.kspkg / ` +
        `no form is registered for survey ${survey} (version ${which}); import with --package first: khaosat import --package P.kspkg`,
    );
  }
  // Columns come from the newest registered version among those the interviews carry.
  const newest = (versions.length > 0 ? versions : [...forms.keys()])
    .map((v) => ({ v, ...forms.get(v)! }))
    .sort((a, b) => (a.registeredAt < b.registeredAt ? 1 : a.registeredAt > b.registeredAt ? -1 : a.v < b.v ? 1 : -1))[0]!;
  const plans = options.plans ?? new FormPlans();
  const warnings: string[] = [];

  async function* interviews(): AsyncGenerator<StoredExportInterview> {
    // Keyset pages: one page of interviews and their answers in memory at a time, on both dialects.
    let after: string | null = null;
    for (;;) {
      let page = counted
        .select(['id', 'revision', 'content_hash', 'device_id', 'surveyor_code', 'unit_code', 'form_version', 'outcome', 'created_at', 'completed_at'])
        .orderBy('id')
        .limit(IDS_PER_SELECT);
      if (after !== null) page = page.where('id', '>', after);
      const slice = await page.execute();
      if (slice.length === 0) return;
      after = slice[slice.length - 1]!.id;
      const byInterview = new Map<string, { path: string; value: unknown; missing: MissingKind | null }[]>();
      for (const r of await currentAnswers(db, slice.map((iv) => iv.id))) {
        const list = byInterview.get(r.interview_id) ?? [];
        list.push({ path: r.path, value: JSON.parse(r.value) as unknown, missing: r.missing as MissingKind | null });
        byInterview.set(r.interview_id, list);
      }
      for (const iv of slice) {
        const form = forms.get(iv.form_version)!.model;
        const stored: StoredAnswer[] = (byInterview.get(iv.id) ?? []).map((a) => ({
          path: a.path,
          // A coded missing answer keeps its code as the value; a record may carry only the kind.
          value: (a.missing && (a.value === null || a.value === undefined) ? missingCodeFor(form, a.path, a.missing) : a.value) as AnswerValue,
          missing: a.missing,
        }));
        // The form is evaluated as at the interview's own time, held still: a ticking clock would
        // re-stamp `end` (and re-evaluate what reads it) after every answer loaded.
        const at = new Date(iv.completed_at ?? iv.created_at);
        const rt = createFormRuntime(form, { plan: plans.planFor(iv.form_version, form), now: () => at });
        for (const issue of loadAnswers(rt, stored)) warnings.push(`interview ${iv.id} revision ${iv.revision}: ${issue.path}: ${issue.en}`);
        const statuses = rt.snapshot().statuses;
        const answers: Record<string, string | number | null> = {};
        for (const a of stored) answers[a.path] = exportValue(a.value);
        yield {
          interviewId: iv.id,
          formVersion: iv.form_version,
          contentHash: iv.content_hash,
          revision: iv.revision,
          deviceId: iv.device_id,
          surveyor: iv.surveyor_code,
          unitCode: iv.unit_code,
          outcome: iv.outcome,
          startedAt: iv.created_at,
          endedAt: iv.completed_at,
          answers,
          skipped: Object.keys(statuses).filter((p) => statuses[p] === 'skipped'),
        };
      }
    }
  }

  const used = new Map(versions.map((v) => [v, forms.get(v)!.model]));
  return { survey, form: newest.model, versions: used, count: Number(n), interviews, warnings };
}
