// Installed surveys, their form versions (the definition JSON) and the sampling frame.
import type { Database } from '../types';

export interface SurveyListRow {
  id: string;
  title: string;
  form_version: string | null;
}

export interface UnitRow {
  code: string;
  type: string;
  name_vi: string;
  name_en: string | null;
  survey_id: string | null;
}

export function createSurveysRepo(db: Database) {
  // The current form version is the one installed last.
  const currentVersion = `(SELECT fv.version FROM form_versions fv WHERE fv.survey_id = s.id
                            ORDER BY fv.installed_at DESC, fv.rowid DESC LIMIT 1)`;
  const list = db.prepare<[], SurveyListRow>(
    `SELECT s.id, s.title, ${currentVersion} AS form_version FROM surveys s ORDER BY s.id`,
  );
  const byId = db.prepare<[string], SurveyListRow>(
    `SELECT s.id, s.title, ${currentVersion} AS form_version FROM surveys s WHERE s.id = ?`,
  );
  const upsertSurvey = db.prepare<[string, string, string]>(
    'INSERT INTO surveys (id, title, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title',
  );
  const insertForm = db.prepare<[string, string, string, string]>(
    `INSERT INTO form_versions (survey_id, version, definition, installed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (survey_id, version) DO UPDATE SET definition = excluded.definition`,
  );
  const formDefinition = db.prepare<[string, string], { definition: string }>(
    'SELECT definition FROM form_versions WHERE survey_id = ? AND version = ?',
  );
  const unitCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM units WHERE survey_id = ?');
  const unitExists = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM units WHERE survey_id = ? AND code = ?',
  );
  const insertUnit = db.prepare<UnitRow>(
    `INSERT INTO units (code, type, name_vi, name_en, survey_id) VALUES (@code, @type, @name_vi, @name_en, @survey_id)`,
  );

  return {
    list: (): SurveyListRow[] => list.all(),
    findById: (id: string): SurveyListRow | undefined => byId.get(id),
    upsertSurvey: (id: string, title: string, createdAt: string): void => {
      upsertSurvey.run(id, title, createdAt);
    },
    installFormVersion: (surveyId: string, version: string, definitionJson: string, installedAt: string): void => {
      insertForm.run(surveyId, version, definitionJson, installedAt);
    },
    formDefinition: (surveyId: string, version: string): string | undefined =>
      formDefinition.get(surveyId, version)?.definition,
    /** True when the survey has its own unit list and `code` is not on it. */
    unitOutsideFrame: (surveyId: string, code: string): boolean =>
      (unitCount.get(surveyId)?.n ?? 0) > 0 && unitExists.get(surveyId, code) === undefined,
    insertUnit: (unit: UnitRow): void => {
      insertUnit.run(unit);
    },
  };
}
