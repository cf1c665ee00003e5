// Version 1: the first schema — device identity, users, surveys and their form versions, the
// sampling frame (units, quotas), interviews with their answers, append-only paradata and audit.
import type { Database } from '../types';

export function migration001Initial(db: Database): void {
  db.exec(`
    CREATE TABLE device (
      singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
      id TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE users (
      id INTEGER PRIMARY KEY,
      code TEXT NOT NULL UNIQUE COLLATE NOCASE,
      name TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('surveyor', 'supervisor', 'analyst')),
      secret_hash BLOB NOT NULL,
      secret_salt BLOB NOT NULL,
      scrypt_n INTEGER NOT NULL,
      scrypt_r INTEGER NOT NULL,
      scrypt_p INTEGER NOT NULL,
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      failed_attempts INTEGER NOT NULL DEFAULT 0,
      locked_until TEXT,
      created_at TEXT NOT NULL,
      created_by INTEGER REFERENCES users(id)
    ) STRICT;

    CREATE TABLE surveys (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE form_versions (
      survey_id TEXT NOT NULL REFERENCES surveys(id),
      version TEXT NOT NULL,
      definition TEXT NOT NULL CHECK (json_valid(definition)),
      installed_at TEXT NOT NULL,
      PRIMARY KEY (survey_id, version)
    ) STRICT;

    -- survey_id NULL: a unit of the general frame, shared by all surveys.
    CREATE TABLE units (
      code TEXT NOT NULL,
      type TEXT NOT NULL,
      name_vi TEXT NOT NULL,
      name_en TEXT,
      survey_id TEXT REFERENCES surveys(id)
    ) STRICT;
    CREATE UNIQUE INDEX units_by_survey_code ON units (ifnull(survey_id, ''), code);

    CREATE TABLE quotas (
      survey_id TEXT NOT NULL REFERENCES surveys(id),
      unit_code TEXT NOT NULL,
      target INTEGER NOT NULL CHECK (target >= 0),
      PRIMARY KEY (survey_id, unit_code)
    ) STRICT;

    CREATE TABLE interviews (
      id TEXT PRIMARY KEY,
      revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0),
      status TEXT NOT NULL CHECK (status IN ('draft', 'completed', 'rejected', 'approved')),
      device_id TEXT NOT NULL,
      surveyor_id INTEGER NOT NULL REFERENCES users(id),
      survey_id TEXT NOT NULL REFERENCES surveys(id),
      form_version TEXT NOT NULL,
      unit_code TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      completed_at TEXT,
      FOREIGN KEY (survey_id, form_version) REFERENCES form_versions(survey_id, version)
    ) STRICT;

    CREATE TABLE answers (
      interview_id TEXT NOT NULL REFERENCES interviews(id),
      path TEXT NOT NULL,
      value TEXT NOT NULL CHECK (json_valid(value)),
      missing TEXT CHECK (missing IS NULL OR missing IN ('dont_know', 'refused', 'not_applicable')),
      saved_at TEXT NOT NULL,
      PRIMARY KEY (interview_id, path)
    ) STRICT, WITHOUT ROWID;

    CREATE TABLE paradata (
      id INTEGER PRIMARY KEY,
      interview_id TEXT NOT NULL REFERENCES interviews(id),
      at TEXT NOT NULL,
      event TEXT NOT NULL,
      path TEXT,
      detail TEXT CHECK (detail IS NULL OR json_valid(detail))
    ) STRICT;
    CREATE INDEX paradata_by_interview ON paradata (interview_id, id);
    CREATE TRIGGER paradata_no_update BEFORE UPDATE ON paradata
      BEGIN SELECT RAISE(ABORT, 'paradata is append-only'); END;
    CREATE TRIGGER paradata_no_delete BEFORE DELETE ON paradata
      BEGIN SELECT RAISE(ABORT, 'paradata is append-only'); END;

    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      user_id INTEGER REFERENCES users(id),
      action TEXT NOT NULL,
      entity TEXT,
      entity_id TEXT,
      detail TEXT CHECK (detail IS NULL OR json_valid(detail))
    ) STRICT;
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `);
}
