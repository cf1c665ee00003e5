// The supervisor's review: completed interviews with who, where, how long and their quality flags
// (computed on read from answers and paradata by shared/review/flags.ts, so nothing is stored and
// a changed threshold applies to every interview at once), the detail of one, and approve/reject
// through the interview life cycle (services.interviews.review: transition table, audit).
import { ServiceError } from '../../shared/contract/errors';
import { MAX_REVIEW_PARADATA, type ReviewDetail, type ReviewRow } from '../../shared/contract/review';
import type { InterviewStatus, User } from '../../shared/contract/schemas';
import { computeFlags, type FlagInput, type FlagParadata, interviewDurationSeconds, medianSeconds } from '../../shared/review/flags';
import type { InterviewSummaryRow } from '../db/repositories/interviews';
import type { ParadataRow } from '../db/repositories/paradata';
import { assertActorStillAllowed } from './actor';
import { nowIso, type ServiceContext } from './context';
import type { FormCatalog } from './forms';
import { type InterviewService, toAnswer, toSummary } from './interviews';

/** Rows one review:list returns when the request names no limit. */
export const DEFAULT_REVIEW_LIMIT = 200;
/** Characters of a paradata event's detail JSON shown in the review detail. */
const DETAIL_CHARS = 500;

function clientAt(row: ParadataRow): string | null {
  if (!row.detail) return null;
  try {
    const d = JSON.parse(row.detail) as { clientAt?: unknown };
    return typeof d.clientAt === 'string' ? d.clientAt : null;
  } catch {
    return null;
  }
}

function flagParadata(rows: readonly ParadataRow[]): FlagParadata[] {
  return rows.map((r) => ({ at: r.at, event: r.event, clientAt: clientAt(r) }));
}

export function createReviewService(ctx: ServiceContext, forms: FormCatalog, interviews: InterviewService) {
  const { db, repos } = ctx;

  /** The median working duration of the survey's completed interviews, per call (null under the minimum sample). */
  function surveyMedian(surveyId: string): number | null {
    const byInterview = new Map<string, { createdAt: string; completedAt: string | null; paradata: FlagParadata[] }>();
    for (const e of repos.review.sessionEvents(surveyId)) {
      let entry = byInterview.get(e.interview_id);
      if (!entry) byInterview.set(e.interview_id, (entry = { createdAt: e.created_at, completedAt: e.completed_at, paradata: [] }));
      if (e.event !== null && e.at !== null) entry.paradata.push({ at: e.at, event: e.event });
    }
    const durations = [...byInterview.values()].map(interviewDurationSeconds).filter((d): d is number => d !== null);
    return medianSeconds(durations);
  }

  /** What one call needs per survey and form version, read once for all its rows. */
  function callCache() {
    const medians = new Map<string, number | null>();
    const versions = new Map<string, { index: FlagInput['index']; installedAt: string | null }>();
    return {
      median(surveyId: string): number | null {
        if (!medians.has(surveyId)) medians.set(surveyId, surveyMedian(surveyId));
        return medians.get(surveyId) ?? null;
      },
      version(surveyId: string, version: string) {
        const key = `${surveyId}@${version}`;
        let v = versions.get(key);
        if (!v) {
          const form = forms.byVersion(surveyId, version);
          v = { index: form?.model.index ?? { components: [], validCodes: [] }, installedAt: repos.surveys.formVersion(surveyId, version)?.installed_at ?? null };
          versions.set(key, v);
        }
        return v;
      },
    };
  }

  function rowFor(summary: InterviewSummaryRow, paradata: readonly ParadataRow[], cache: ReturnType<typeof callCache>, now: string): ReviewRow {
    const surveyor = repos.users.findById(summary.surveyor_id);
    const unit = repos.review.unitName(summary.survey_id, summary.unit_code);
    const { index, installedAt: installed } = cache.version(summary.survey_id, summary.form_version);
    const answers = repos.answers.forInterview(summary.id).map((a) => ({ path: a.path, value: JSON.parse(a.value) as unknown, missing: a.missing }));
    const flagInput = {
      outcome: summary.outcome,
      createdAt: summary.created_at,
      completedAt: summary.completed_at,
      answers,
      paradata: flagParadata(paradata),
      index,
      surveyMedianSeconds: cache.median(summary.survey_id),
      formInstalledAt: installed,
      now,
    };
    const duration = summary.completed_at ? interviewDurationSeconds(flagInput) : null;
    return {
      interview: toSummary(summary),
      surveyorCode: surveyor?.code ?? null,
      surveyorName: surveyor?.name ?? null,
      unitNameVi: unit?.name_vi ?? null,
      unitNameEn: unit?.name_en ?? null,
      durationSeconds: duration,
      flags: computeFlags(flagInput),
    };
  }

  return {
    list(actor: User, filter: { surveyId?: string; status?: InterviewStatus; limit?: number }): ReviewRow[] {
      return db.transaction(() => {
        assertActorStillAllowed(repos, actor, ['supervisor']);
        const now = nowIso(ctx);
        const cache = callCache();
        return repos.interviews
          .list({ surveyorId: null, status: filter.status ?? 'completed', surveyId: filter.surveyId ?? null, unitCode: null, limit: filter.limit ?? DEFAULT_REVIEW_LIMIT })
          .map((s) => rowFor(s, repos.paradata.forInterview(s.id), cache, now));
      })();
    },

    get(actor: User, interviewId: string): ReviewDetail {
      return db.transaction(() => {
        assertActorStillAllowed(repos, actor, ['supervisor']);
        const summary = repos.interviews.summaryById(interviewId);
        if (!summary) throw new ServiceError('not_found', `interview ${interviewId}`);
        const paradata = repos.paradata.forInterview(interviewId);
        const row = rowFor(summary, paradata, callCache(), nowIso(ctx));
        return {
          ...row,
          answers: repos.answers.forInterview(interviewId).map(toAnswer),
          paradata: paradata.slice(0, MAX_REVIEW_PARADATA).map((p) => ({
            at: p.at,
            event: p.event,
            path: p.path,
            detail: p.detail === null ? null : p.detail.slice(0, DETAIL_CHARS),
          })),
          paradataTruncated: paradata.length > MAX_REVIEW_PARADATA,
        };
      })();
    },

    approve: (actor: User, interviewId: string) => interviews.review(actor, { interviewId, action: 'approve' }),

    reject(actor: User, interviewId: string, comment: string) {
      // The contract requires it too; the service refuses on its own for the CLI and tests.
      if (!comment.trim()) throw new ServiceError('invalid_request', 'a rejection needs a comment');
      return interviews.review(actor, { interviewId, action: 'reject', comment: comment.trim() });
    },
  };
}

export type ReviewService = ReturnType<typeof createReviewService>;
