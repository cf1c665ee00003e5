// Registering a form version with the analyst store from a survey package (`import --package`):
// the package must verify and be signed by this analyst's own signing key (signing.pub in the
// keys folder), so the store only checks batches against forms the analyst issued.
import { readSurveyPackage, type SurveyPackage } from '../sync/survey-package';
import { ServiceError } from '../../shared/contract/errors';
import type { AnalystStore } from './store';

export interface RegisteredForm {
  survey: string;
  formVersion: string;
  /** False when this form version was registered already (the stored one is kept). */
  added: boolean;
}

export async function registerSurveyPackage(store: AnalystStore, bytes: Uint8Array, signer: Uint8Array, now: Date = new Date()): Promise<RegisteredForm> {
  const pkg: SurveyPackage = readSurveyPackage(bytes, { pinnedSigner: signer });
  const { id, formVersion } = pkg.manifest.survey;
  const form = pkg.form as { children?: unknown };
  if (!Array.isArray(form.children)) throw new ServiceError('package_damaged', 'form.json has no list of questions (children)');
  const inserted = await store.db
    .insertInto('forms')
    .values({ survey_id: id, form_version: formVersion, form: JSON.stringify(pkg.form), signer_fingerprint: pkg.signer.fingerprint, registered_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['survey_id', 'form_version']).doNothing())
    .executeTakeFirst();
  return { survey: id, formVersion, added: Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0 };
}
