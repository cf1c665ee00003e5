// Form versions in the store: installing one (idempotent, never replacing a version drafts may
// still use) and a cache of compiled models keyed by content hash, so the main process loads each
// form version once and checks answers against exactly the form the interview began with.
import { checkFormJson } from '../forms/checkFormJson';
import { formHash } from '../forms/formHash';
import type { FormModel } from '../../shared/forms';
import type { Repositories } from '../db/repositories';
import type { Database } from '../db/types';

export interface UnitInput {
  code: string;
  type?: string;
  nameVi: string;
  nameEn?: string | null;
  formerProvince?: string | null;
  formerDistrict?: string | null;
  mergedFrom?: string | null;
}

export interface FormInstall {
  surveyId: string;
  title: string;
  /** Version name to install under (default: the model's own `version`). */
  formVersion?: string;
  /** Normally a FormModel; test seeds may install any JSON. */
  definition: unknown;
  units?: readonly UnitInput[];
  installedAt: string;
}

export interface InstallResult {
  formVersion: string;
  hash: string;
  /** False when this exact form (same hash) was already installed for the survey. */
  installed: boolean;
}

/**
 * Installs a survey's form version and frame in the caller's transaction. The same form again
 * changes nothing; a changed form whose version name is already taken by different content is
 * installed beside it as `<version>-<first 8 hex of its hash>`, so interviews on the older content
 * keep loading what they were started with. Units are upserted, never removed.
 */
export function installFormVersion(repos: Repositories, input: FormInstall): InstallResult {
  const hash = formHash(input.definition);
  const modelVersion = (input.definition as { version?: unknown } | null)?.version;
  const base = input.formVersion ?? (typeof modelVersion === 'string' ? modelVersion : 'v1');
  repos.surveys.upsertSurvey(input.surveyId, input.title, input.installedAt);
  let result: InstallResult;
  const same = repos.surveys.formByHash(hash);
  const taken = repos.surveys.formVersion(input.surveyId, base);
  if (same && same.survey_id === input.surveyId) {
    result = { formVersion: same.version, hash, installed: false };
  } else {
    const version = taken ? `${base}-${hash.slice(0, 8)}` : base;
    repos.surveys.insertFormVersion(input.surveyId, version, JSON.stringify(input.definition ?? null), input.installedAt, hash);
    result = { formVersion: version, hash, installed: true };
  }
  for (const u of input.units ?? []) {
    repos.surveys.upsertUnit({
      code: u.code,
      type: u.type ?? 'unit',
      name_vi: u.nameVi,
      name_en: u.nameEn ?? null,
      survey_id: input.surveyId,
      former_province: u.formerProvince ?? null,
      former_district: u.formerDistrict ?? null,
      merged_from: u.mergedFrom ?? null,
    });
  }
  return result;
}

/** Fills in the hash of form versions written without one (test seeds, databases from older tools). */
export function hashUnhashedForms(db: Database, repos: Repositories): void {
  const rows = repos.surveys.unhashed();
  if (rows.length === 0) return;
  db.transaction(() => {
    for (const r of rows) repos.surveys.setHash(r.survey_id, r.version, formHash(JSON.parse(r.definition)));
  }).immediate();
}

export interface LoadedForm {
  hash: string;
  surveyId: string;
  formVersion: string;
  model: FormModel;
}

const CACHE_SIZE = 16;

export function createFormCatalog(repos: Repositories) {
  // Insertion-ordered Map as a small LRU: a laptop has a handful of form versions.
  const cache = new Map<string, LoadedForm>();

  function load(row: { survey_id: string; version: string; definition: string; hash: string | null }): LoadedForm {
    const hash = row.hash ?? formHash(JSON.parse(row.definition));
    const hit = cache.get(hash);
    if (hit) {
      cache.delete(hash);
      cache.set(hash, hit);
      return hit;
    }
    // Expressions are re-parsed from their source: the stored tree is never trusted as is.
    const checked = checkFormJson(JSON.parse(row.definition), `${row.survey_id}@${row.version}`);
    if (!checked.ok) {
      throw new Error(`form version ${row.survey_id}@${row.version} is not a valid form model: ${checked.errors.map((e) => e.messageEn).join('; ')}`);
    }
    const loaded: LoadedForm = { hash, surveyId: row.survey_id, formVersion: row.version, model: checked.form };
    cache.set(hash, loaded);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return loaded;
  }

  return {
    byHash(hash: string): LoadedForm | null {
      const row = repos.surveys.formByHash(hash);
      return row ? load(row) : null;
    },
    byVersion(surveyId: string, version: string): LoadedForm | null {
      // Every saved answer asks for its form: a cached one is found by its hash without reading
      // the definition (~150 kB for HIDS) out of SQLite again.
      const hash = repos.surveys.formVersionHash(surveyId, version)?.hash;
      const hit = hash ? cache.get(hash) : undefined;
      if (hit && hit.surveyId === surveyId && hit.formVersion === version) {
        cache.delete(hash!);
        cache.set(hash!, hit);
        return hit;
      }
      const row = repos.surveys.formVersion(surveyId, version);
      return row ? load(row) : null;
    },
  };
}

export type FormCatalog = ReturnType<typeof createFormCatalog>;
