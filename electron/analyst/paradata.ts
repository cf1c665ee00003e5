// Which paradata the analyst store keeps (migration 005): the events of revisions whose form has
// an `audit` question, for the ODK audit log the export writes. A form the store does not know
// yet keeps its events until it is registered; registering it without an audit question drops
// them, so the tables end the same whichever came first, the batch or the package.
import { auditQuestionOf } from '../../shared/forms/audit';
import type { FormModel } from '../../shared/forms/model';
import type { AnalystDb, AnalystTrx } from './store';

/** True when the stored form has an audit question, or when the store has no such form yet. */
export async function keepsParadata(db: AnalystDb | AnalystTrx, surveyId: string, formVersion: string): Promise<boolean> {
  const row = await db.selectFrom('forms').select('form').where('survey_id', '=', surveyId).where('form_version', '=', formVersion).executeTakeFirst();
  return row ? formKeepsParadata(JSON.parse(row.form) as Pick<FormModel, 'children'>) : true;
}

export function formKeepsParadata(form: Pick<FormModel, 'children'>): boolean {
  return Array.isArray(form.children) && auditQuestionOf(form) !== undefined;
}

/** Drops the events kept for a form version that turned out to have no audit question; returns how many. */
export async function dropParadataOfForm(trx: AnalystTrx, surveyId: string, formVersion: string): Promise<number> {
  const result = await trx
    .deleteFrom('paradata')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('interviews')
          .select('interviews.id')
          .whereRef('interviews.id', '=', 'paradata.interview_id')
          .whereRef('interviews.revision', '=', 'paradata.revision')
          .whereRef('interviews.content_hash', '=', 'paradata.content_hash')
          .where('interviews.survey_id', '=', surveyId)
          .where('interviews.form_version', '=', formVersion),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface StoredParadata {
  at: string;
  event: string;
  path: string | null;
  detail: unknown;
}

/** The events of one stored revision (the export passes the counted one), in the laptop's order; empty when none were kept. */
export async function revisionParadata(db: AnalystDb, key: { interviewId: string; revision: number; contentHash: string }): Promise<StoredParadata[]> {
  // The primary key's order: no join and no sort, one index range per interview.
  const rows = await db
    .selectFrom('paradata')
    .select(['at', 'event', 'path', 'detail'])
    .where('interview_id', '=', key.interviewId)
    .where('revision', '=', key.revision)
    .where('content_hash', '=', key.contentHash)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ at: r.at, event: r.event, path: r.path, detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown) }));
}
