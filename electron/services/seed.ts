// Test and development helper: install a survey and one form version straight into the database,
// until signed survey packages (a later issue) are the only way surveys arrive.
// NOT for production paths: it skips every check a survey package will get.
import { createRepositories } from '../db/repositories';
import type { Database } from '../db/types';

export interface SeedSurvey {
  id: string;
  title: string;
  formVersion: string;
  definition: unknown;
  /** Optional frame for this survey; when given, interviews must use one of these unit codes. */
  units?: { code: string; type?: string; nameVi: string; nameEn?: string }[];
  installedAt?: Date;
}

export function installSurvey(db: Database, survey: SeedSurvey): void {
  const repos = createRepositories(db);
  const at = (survey.installedAt ?? new Date()).toISOString();
  db.transaction(() => {
    repos.surveys.upsertSurvey(survey.id, survey.title, at);
    repos.surveys.installFormVersion(survey.id, survey.formVersion, JSON.stringify(survey.definition ?? null), at);
    for (const u of survey.units ?? []) {
      repos.surveys.insertUnit({
        code: u.code,
        type: u.type ?? 'unit',
        name_vi: u.nameVi,
        name_en: u.nameEn ?? null,
        survey_id: survey.id,
      });
    }
  }).immediate();
}
