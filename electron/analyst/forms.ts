// Registering a form version with the analyst store from a survey package (`import --package`):
// the package must verify and be signed by this analyst's own signing key (signing.pub in the
// keys folder), so the store only checks batches against forms the analyst issued. The package's
// Unit frame and agency list come with it (frames.ts): the names the report prints; and its quotas
// (quotas.ts), which the fieldwork dashboard sets against the interviews.
import { readSurveyPackage, type SurveyPackage } from '../sync/survey-package';
import { ServiceError } from '../../shared/contract/errors';
import { agencyRows, storeFrames, unitRows } from './frames';
import { dropParadataOfForm, formKeepsParadata } from './paradata';
import { quotaRows, storeQuotas } from './quotas';
import type { AnalystStore } from './store';

export interface RegisteredForm {
  survey: string;
  formVersion: string;
  /** False when this form version was registered already (the stored one is kept). */
  added: boolean;
  /** Units and agencies named by the package (registered again each time: the latest package's names win). */
  units: number;
  agencies: number;
  /** Units with a quota in the package (quotas.csv); stored unless a newer package of this version gave them. */
  quotas: number;
}

export async function registerSurveyPackage(store: AnalystStore, bytes: Uint8Array, signer: Uint8Array, now: Date = new Date()): Promise<RegisteredForm> {
  const pkg: SurveyPackage = readSurveyPackage(bytes, { pinnedSigner: signer });
  const { id, formVersion } = pkg.manifest.survey;
  const form = pkg.form as { children?: unknown };
  if (!Array.isArray(form.children)) throw new ServiceError('package_damaged', 'form.json has no list of questions (children)');
  const units = unitRows(id, pkg.parts['units.csv']!);
  const agencies = agencyRows(id, pkg.parts['agencies.csv']);
  // Checked before the transaction: a bad quotas.csv writes nothing, not even the form.
  const quotas = quotaRows(pkg.parts['quotas.csv'], units.map((u) => u.code));
  // Under the import lock: an import deciding whether to keep paradata sees the form or not, never half.
  return store.inImportTransaction(async (trx) => {
    const inserted = await trx
      .insertInto('forms')
      .values({ survey_id: id, form_version: formVersion, form: JSON.stringify(pkg.form), signer_fingerprint: pkg.signer.fingerprint, registered_at: now.toISOString() })
      .onConflict((oc) => oc.columns(['survey_id', 'form_version']).doNothing())
      .executeTakeFirst();
    await storeFrames(trx, id, units, agencies);
    await storeQuotas(trx, id, formVersion, pkg.manifest.createdAt, quotas);
    const added = Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    // Events kept while the form was unknown go when it turns out to have no audit question.
    if (added && !formKeepsParadata(form as Parameters<typeof formKeepsParadata>[0])) await dropParadataOfForm(trx, id, formVersion);
    return { survey: id, formVersion, added, units: units.length, agencies: agencies.length, quotas: quotas.length };
  });
}
