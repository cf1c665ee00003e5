// Version 3: append-only means append-only. `INSERT OR REPLACE` over an existing id deletes the
// old row without firing its DELETE trigger (SQLite skips delete triggers for REPLACE unless
// recursive_triggers is on), so paradata and audit rows could be rewritten. A BEFORE INSERT
// trigger refuses any insert whose id is already taken, whatever conflict clause it carries.
import type { Database } from '../types';

export function migration003AppendOnlyGuards(db: Database): void {
  db.exec(`
    CREATE TRIGGER paradata_no_replace BEFORE INSERT ON paradata
      WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM paradata WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'paradata is append-only'); END;
    CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
      WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
      BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `);
}
