// The quotas a survey package carries (quotas.csv: `unit_code,target`), kept per form version in
// the analyst store (migration 004) for the fieldwork dashboard. They are read with the laptop's
// strict reader (frame-csv.ts), so a bad file is refused naming file, line and column, and nothing
// is written. A package replaces its version's quotas only when it is at least as new (signed
// createdAt) as the package that gave them, so re-importing a package changes nothing and an older
// copy found on a stick cannot bring back older targets. The dashboard uses the quotas of the
// survey's newest package: a package without quotas.csv means the survey has none.
import { ServiceError } from '../../shared/contract/errors';
import { describeFrameIssue, FrameError, readQuotas } from '../instruments/frame-csv';
import type { AnalystDb, AnalystTrx } from './store';

const ROWS_PER_INSERT = 500;

export interface QuotaRow {
  unitCode: string;
  target: number;
}

/** quotas.csv checked against the package's unit codes; package_invalid names the first problems. */
export function quotaRows(quotasCsv: Uint8Array | undefined, unitCodes: readonly string[]): QuotaRow[] {
  if (!quotasCsv) return [];
  try {
    return readQuotas(quotasCsv, unitCodes.map((code) => ({ code })));
  } catch (error) {
    if (!(error instanceof FrameError)) throw error;
    const vi = error.issues.map((i) => describeFrameIssue(i, 'vi')).join('; ');
    throw new ServiceError('package_invalid', `${vi} / ${error.issues.map((i) => describeFrameIssue(i, 'en')).join('; ')}`);
  }
}

/**
 * Stores the version's quotas from a package created at `createdAt`, in the caller's transaction,
 * unless a newer package of this version already gave them. Returns whether they were stored.
 */
export async function storeQuotas(trx: AnalystTrx, surveyId: string, formVersion: string, createdAt: string, quotas: readonly QuotaRow[]): Promise<boolean> {
  const form = await trx.selectFrom('forms').select('package_created_at').where('survey_id', '=', surveyId).where('form_version', '=', formVersion).executeTakeFirstOrThrow();
  if (form.package_created_at !== null && form.package_created_at > createdAt) return false;
  await trx.deleteFrom('quotas').where('survey_id', '=', surveyId).where('form_version', '=', formVersion).execute();
  const rows = quotas.map((q) => ({ survey_id: surveyId, form_version: formVersion, unit_code: q.unitCode, target: q.target }));
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await trx.insertInto('quotas').values(rows.slice(i, i + ROWS_PER_INSERT)).execute();
  await trx.updateTable('forms').set({ package_created_at: createdAt }).where('survey_id', '=', surveyId).where('form_version', '=', formVersion).execute();
  return true;
}

/**
 * The survey's quotas by Unit code: those of the form version whose package is the newest (a form
 * registered before migration 004 has no package time and no quotas until its package is imported
 * again). Empty when that package had no quotas.csv, or no package was registered.
 */
export async function currentQuotas(db: AnalystDb, surveyId: string): Promise<Map<string, number>> {
  const newest = await db
    .selectFrom('forms')
    .select(['form_version'])
    .where('survey_id', '=', surveyId)
    .where('package_created_at', 'is not', null)
    .orderBy('package_created_at', 'desc')
    .orderBy('form_version', 'desc')
    .executeTakeFirst();
  if (!newest) return new Map();
  const rows = await db.selectFrom('quotas').select(['unit_code', 'target']).where('survey_id', '=', surveyId).where('form_version', '=', newest.form_version).execute();
  return new Map(rows.map((r) => [r.unit_code, Number(r.target)]));
}
