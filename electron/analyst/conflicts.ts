// Interviews in conflict (same id and revision, different content — both kept by the import) with
// every version side by side, and the analyst's choice of one (conflict_choices, audited in
// analyst_audit): the chosen version then counts in indices and exports (counted.ts).
import { ServiceError } from '../../shared/contract/errors';
import type { AnalystStore } from './store';

/** A stored answer value (JSON text in the store): a code, a number, text, a list of codes. */
export type StoredValue = string | number | boolean | null | (string | number)[];

export interface ConflictVersion {
  contentHash: string;
  batchId: string;
  deviceId: string;
  surveyorCode: string;
  unitCode: string;
  outcome: string;
  createdAt: string;
  completedAt: string | null;
  answers: { path: string; value: StoredValue; missing: string | null }[];
}

export interface Conflict {
  interviewId: string;
  revision: number;
  surveyId: string;
  /** The content hash the analyst chose, null while unresolved. */
  chosen: string | null;
  chosenBy: string | null;
  chosenAt: string | null;
  versions: ConflictVersion[];
}

/** Interviews in conflict, unresolved first, then by id; at most `limit` of them. */
export async function listConflicts(store: AnalystStore, options: { limit?: number } = {}): Promise<{ conflicts: Conflict[]; total: number }> {
  const { db } = store;
  const rows = await db
    .selectFrom('interviews')
    .leftJoin('conflict_choices', (j) => j.onRef('conflict_choices.interview_id', '=', 'interviews.id').onRef('conflict_choices.revision', '=', 'interviews.revision'))
    .select([
      'interviews.id',
      'interviews.revision',
      'interviews.content_hash',
      'interviews.survey_id',
      'interviews.batch_id',
      'interviews.device_id',
      'interviews.surveyor_code',
      'interviews.unit_code',
      'interviews.outcome',
      'interviews.created_at',
      'interviews.completed_at',
      'conflict_choices.content_hash as chosen',
      'conflict_choices.chosen_by',
      'conflict_choices.chosen_at',
    ])
    .where('interviews.status', '=', 'conflict')
    .orderBy('interviews.id')
    .orderBy('interviews.content_hash')
    .execute();
  const byId = new Map<string, Conflict>();
  for (const r of rows) {
    const key = `${r.id}\u0000${r.revision}`;
    let c = byId.get(key);
    if (!c) {
      c = { interviewId: r.id, revision: r.revision, surveyId: r.survey_id, chosen: r.chosen ?? null, chosenBy: r.chosen_by ?? null, chosenAt: r.chosen_at ?? null, versions: [] };
      byId.set(key, c);
    }
    c.versions.push({
      contentHash: r.content_hash,
      batchId: r.batch_id,
      deviceId: r.device_id,
      surveyorCode: r.surveyor_code,
      unitCode: r.unit_code,
      outcome: r.outcome,
      createdAt: r.created_at,
      completedAt: r.completed_at,
      answers: [],
    });
  }
  const all = [...byId.values()].sort((a, b) => Number(a.chosen !== null) - Number(b.chosen !== null) || (a.interviewId < b.interviewId ? -1 : 1));
  const shown = all.slice(0, options.limit ?? 100);
  for (const c of shown) {
    const answers = await db
      .selectFrom('answers')
      .select(['content_hash', 'path', 'value', 'missing'])
      .where('interview_id', '=', c.interviewId)
      .where('revision', '=', c.revision)
      .orderBy('path')
      .execute();
    for (const v of c.versions) {
      v.answers = answers.filter((a) => a.content_hash === v.contentHash).map((a) => ({ path: a.path, value: JSON.parse(a.value) as StoredValue, missing: a.missing }));
    }
  }
  return { conflicts: shown, total: all.length };
}

export interface ConflictChoice {
  interviewId: string;
  revision: number;
  contentHash: string;
  /** The analyst's user code (audited). */
  userCode: string;
  at: string;
}

/**
 * Records the analyst's choice: refused (not_found) unless that version exists and is in conflict
 * now (a higher revision since makes the question moot). Choosing again replaces the choice; each
 * choice is appended to analyst_audit with the version it replaced.
 */
export async function chooseConflictVersion(store: AnalystStore, choice: ConflictChoice): Promise<void> {
  await store.inImportTransaction(async (trx) => {
    const version = await trx
      .selectFrom('interviews')
      .select(['status'])
      .where('id', '=', choice.interviewId)
      .where('revision', '=', choice.revision)
      .where('content_hash', '=', choice.contentHash)
      .executeTakeFirst();
    if (!version || version.status !== 'conflict') {
      throw new ServiceError('not_found', `no version ${choice.contentHash.slice(0, 12)}… of interview ${choice.interviewId} revision ${choice.revision} is in conflict`);
    }
    const before = await trx
      .selectFrom('conflict_choices')
      .select('content_hash')
      .where('interview_id', '=', choice.interviewId)
      .where('revision', '=', choice.revision)
      .executeTakeFirst();
    if (before) {
      await trx
        .updateTable('conflict_choices')
        .set({ content_hash: choice.contentHash, chosen_by: choice.userCode, chosen_at: choice.at })
        .where('interview_id', '=', choice.interviewId)
        .where('revision', '=', choice.revision)
        .execute();
    } else {
      await trx
        .insertInto('conflict_choices')
        .values({ interview_id: choice.interviewId, revision: choice.revision, content_hash: choice.contentHash, chosen_by: choice.userCode, chosen_at: choice.at })
        .execute();
    }
    await trx
      .insertInto('analyst_audit')
      .values({
        at: choice.at,
        user_code: choice.userCode,
        action: 'conflict_resolved',
        entity_id: `${choice.interviewId}@${choice.revision}`,
        detail: JSON.stringify({ chosen: choice.contentHash, replaced: before?.content_hash ?? null }),
      })
      .execute();
  });
}
