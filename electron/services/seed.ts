// Test and development helper: install a survey and one form version straight into the database,
// until signed survey packages (a later issue) are the only way surveys arrive.
// NOT for production paths: it skips every check a survey package will get.
import { createRepositories } from '../db/repositories';
import type { Database } from '../db/types';
import { installFormVersion, type InstallResult, type UnitInput } from './forms';

export interface SeedSurvey {
  id: string;
  title: string;
  formVersion: string;
  /** A FormModel (interviews need one); any JSON is stored as given. */
  definition: unknown;
  /** Optional frame for this survey; when given, interviews must use one of these unit codes. */
  units?: UnitInput[];
  installedAt?: Date;
}

export function installSurvey(db: Database, survey: SeedSurvey): InstallResult {
  const repos = createRepositories(db);
  const at = (survey.installedAt ?? new Date()).toISOString();
  return db.transaction(() =>
    installFormVersion(repos, {
      surveyId: survey.id,
      title: survey.title,
      formVersion: survey.formVersion,
      definition: survey.definition ?? null,
      units: survey.units,
      installedAt: at,
    }),
  ).immediate();
}
