// Version 4: what an interview attempt needs in the field (issue 7). Interviews get a serial number
// unique per device (assigned by the database itself), their outcome, the respondent reference,
// consent, where to resume (current_path) and the supervisor's latest comment; form versions get
// their content hash (SHA-256 of the canonical definition JSON), by which the renderer fetches them;
// units keep their former province/district and what they were merged from.
import { formHash } from '../../forms/formHash';
import type { Database } from '../types';

export function migration004InterviewLifecycle(db: Database): void {
  db.exec(`
    ALTER TABLE form_versions ADD COLUMN hash TEXT CHECK (hash IS NULL OR length(hash) = 64);
    CREATE INDEX form_versions_by_hash ON form_versions (hash);

    ALTER TABLE interviews ADD COLUMN serial INTEGER CHECK (serial IS NULL OR serial >= 1);
    ALTER TABLE interviews ADD COLUMN outcome TEXT CHECK (outcome IS NULL OR outcome IN
      ('completed', 'partial', 'refused', 'not_at_home', 'ineligible', 'interrupted'));
    ALTER TABLE interviews ADD COLUMN respondent_ref TEXT;
    ALTER TABLE interviews ADD COLUMN consent INTEGER NOT NULL DEFAULT 1 CHECK (consent IN (0, 1));
    ALTER TABLE interviews ADD COLUMN current_path TEXT;
    ALTER TABLE interviews ADD COLUMN comment TEXT;

    -- The 2025 frame tells apart units of the same name by where they were before the merger.
    ALTER TABLE units ADD COLUMN former_province TEXT;
    ALTER TABLE units ADD COLUMN former_district TEXT;
    ALTER TABLE units ADD COLUMN merged_from TEXT;
  `);

  // Existing interviews: serials in order of creation per device; a record already past draft was
  // a completed questionnaire (the only way out of draft before this version).
  db.exec(`
    UPDATE interviews SET serial = (
      SELECT count(*) FROM interviews o
      WHERE o.device_id = interviews.device_id
        AND (o.created_at < interviews.created_at OR (o.created_at = interviews.created_at AND o.rowid <= interviews.rowid))
    );
    UPDATE interviews SET outcome = 'completed' WHERE status <> 'draft';

    CREATE UNIQUE INDEX interviews_by_device_serial ON interviews (device_id, serial);
    -- The serial is the database's to give: the next free one of the device, whoever inserts.
    CREATE TRIGGER interviews_assign_serial AFTER INSERT ON interviews WHEN NEW.serial IS NULL
      BEGIN
        UPDATE interviews SET serial = (SELECT coalesce(max(serial), 0) + 1 FROM interviews WHERE device_id = NEW.device_id)
        WHERE id = NEW.id;
      END;
  `);

  const rows = db.prepare<[], { survey_id: string; version: string; definition: string }>(
    'SELECT survey_id, version, definition FROM form_versions',
  ).all();
  const setHash = db.prepare<[string, string, string]>('UPDATE form_versions SET hash = ? WHERE survey_id = ? AND version = ?');
  for (const r of rows) setHash.run(formHash(JSON.parse(r.definition)), r.survey_id, r.version);
}
