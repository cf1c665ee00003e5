// Installed surveys, their form versions (the definition JSON and its content hash) and the
// sampling frame.
import type { Database } from '../types';

export interface SurveyListRow {
  id: string;
  title: string;
  form_version: string | null;
  form_hash: string | null;
  unit_count: number;
}

export interface FormVersionRow {
  survey_id: string;
  version: string;
  definition: string;
  installed_at: string;
  hash: string | null;
}

export interface UnitRow {
  code: string;
  type: string;
  name_vi: string;
  name_en: string | null;
  survey_id: string | null;
  former_province: string | null;
  former_district: string | null;
  merged_from: string | null;
}

export function createSurveysRepo(db: Database) {
  // The current form version is the one installed last.
  const current = (col: string) => `(SELECT fv.${col} FROM form_versions fv WHERE fv.survey_id = s.id
                            ORDER BY fv.installed_at DESC, fv.rowid DESC LIMIT 1)`;
  const columns = `s.id, s.title, ${current('version')} AS form_version, ${current('hash')} AS form_hash,
    (SELECT count(*) FROM units u WHERE u.survey_id = s.id) AS unit_count`;
  const list = db.prepare<[], SurveyListRow>(`SELECT ${columns} FROM surveys s ORDER BY s.id`);
  const byId = db.prepare<[string], SurveyListRow>(`SELECT ${columns} FROM surveys s WHERE s.id = ?`);
  const upsertSurvey = db.prepare<[string, string, string]>(
    'INSERT INTO surveys (id, title, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO UPDATE SET title = excluded.title',
  );
  // A version once installed is never replaced: drafts on it must keep loading the form they began with.
  const insertForm = db.prepare<[string, string, string, string, string]>(
    'INSERT INTO form_versions (survey_id, version, definition, installed_at, hash) VALUES (?, ?, ?, ?, ?)',
  );
  const formVersion = db.prepare<[string, string], FormVersionRow>(
    'SELECT * FROM form_versions WHERE survey_id = ? AND version = ?',
  );
  // The hash alone, so a cached form is found without copying its definition out of SQLite.
  const formVersionHash = db.prepare<[string, string], { hash: string | null }>(
    'SELECT hash FROM form_versions WHERE survey_id = ? AND version = ?',
  );
  const formByHash = db.prepare<[string], FormVersionRow>(
    'SELECT * FROM form_versions WHERE hash = ? ORDER BY installed_at, rowid LIMIT 1',
  );
  const unhashed = db.prepare<[], FormVersionRow>('SELECT * FROM form_versions WHERE hash IS NULL');
  const setHash = db.prepare<[string, string, string]>('UPDATE form_versions SET hash = ? WHERE survey_id = ? AND version = ?');
  const unitCount = db.prepare<[string], { n: number }>('SELECT count(*) AS n FROM units WHERE survey_id = ?');
  const unitExists = db.prepare<[string, string], { one: number }>(
    'SELECT 1 AS one FROM units WHERE survey_id = ? AND code = ?',
  );
  const units = db.prepare<[string], UnitRow>('SELECT * FROM units WHERE survey_id = ? ORDER BY code');
  const upsertUnit = db.prepare<UnitRow>(
    `INSERT INTO units (code, type, name_vi, name_en, survey_id, former_province, former_district, merged_from)
     VALUES (@code, @type, @name_vi, @name_en, @survey_id, @former_province, @former_district, @merged_from)
     ON CONFLICT (ifnull(survey_id, ''), code) DO UPDATE SET type = excluded.type, name_vi = excluded.name_vi,
       name_en = excluded.name_en, former_province = excluded.former_province,
       former_district = excluded.former_district, merged_from = excluded.merged_from`,
  );

  return {
    list: (): SurveyListRow[] => list.all(),
    findById: (id: string): SurveyListRow | undefined => byId.get(id),
    upsertSurvey: (id: string, title: string, createdAt: string): void => {
      upsertSurvey.run(id, title, createdAt);
    },
    insertFormVersion: (surveyId: string, version: string, definitionJson: string, installedAt: string, hash: string): void => {
      insertForm.run(surveyId, version, definitionJson, installedAt, hash);
    },
    formVersion: (surveyId: string, version: string): FormVersionRow | undefined => formVersion.get(surveyId, version),
    formVersionHash: (surveyId: string, version: string): { hash: string | null } | undefined => formVersionHash.get(surveyId, version),
    formByHash: (hash: string): FormVersionRow | undefined => formByHash.get(hash),
    /** Form versions written without a hash (test seeds, older tools); the service fills them in. */
    unhashed: (): FormVersionRow[] => unhashed.all(),
    setHash: (surveyId: string, version: string, hash: string): void => {
      setHash.run(hash, surveyId, version);
    },
    /** True when the survey has its own unit list and `code` is not on it. */
    unitOutsideFrame: (surveyId: string, code: string): boolean =>
      (unitCount.get(surveyId)?.n ?? 0) > 0 && unitExists.get(surveyId, code) === undefined,
    units: (surveyId: string): UnitRow[] => units.all(surveyId),
    upsertUnit: (unit: UnitRow): void => {
      upsertUnit.run(unit);
    },
  };
}
