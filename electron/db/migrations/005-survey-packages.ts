// Version 5: survey packages (issue 8). The analyst key that signed a survey's first package is
// pinned here, so a package for the same survey from another key is refused; the analyst's age
// recipient (where this laptop encrypts batches for the survey) comes with it. Every installed
// package is recorded by the SHA-256 of its file, so installing the same file again changes nothing.
import type { Database } from '../types';

export function migration005SurveyPackages(db: Database): void {
  db.exec(`
    CREATE TABLE survey_signers (
      survey_id TEXT PRIMARY KEY REFERENCES surveys(id),
      public_key TEXT NOT NULL CHECK (length(public_key) = 64),
      fingerprint TEXT NOT NULL,
      recipient TEXT NOT NULL,
      recipient_fingerprint TEXT NOT NULL,
      pinned_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE package_installs (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      survey_id TEXT NOT NULL REFERENCES surveys(id),
      form_version TEXT NOT NULL,
      signer_fingerprint TEXT NOT NULL,
      created_at TEXT NOT NULL,
      installed_at TEXT NOT NULL,
      installed_by INTEGER REFERENCES users(id),
      FOREIGN KEY (survey_id, form_version) REFERENCES form_versions(survey_id, version)
    ) STRICT;

    -- Quota progress counts a survey's interviews per unit.
    CREATE INDEX interviews_by_survey_unit ON interviews (survey_id, unit_code);

    -- The pin never changes once written: a new analyst key means a new survey id.
    CREATE TRIGGER survey_signers_pinned BEFORE UPDATE OF public_key, fingerprint ON survey_signers
      BEGIN SELECT RAISE(ABORT, 'a survey signer is pinned'); END;
  `);
}
