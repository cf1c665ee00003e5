// The audit log: who did what to which record, when. Append-only (enforced by triggers).
import type { Database } from '../types';

export interface AuditRow {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  detail: string | null;
}

export interface NewAudit {
  at: string;
  userId: number | null;
  action: string;
  entity?: string | null;
  entityId?: string | number | null;
  detail?: unknown;
}

export function createAuditRepo(db: Database) {
  const insert = db.prepare<[string, number | null, string, string | null, string | null, string | null]>(
    'INSERT INTO audit_log (at, user_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const recent = db.prepare<[number], AuditRow>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?');
  return {
    append: (e: NewAudit): void => {
      insert.run(
        e.at,
        e.userId,
        e.action,
        e.entity ?? null,
        e.entityId === undefined || e.entityId === null ? null : String(e.entityId),
        e.detail === undefined ? null : JSON.stringify(e.detail),
      );
    },
    /** Newest first. */
    recent: (limit = 100): AuditRow[] => recent.all(limit),
  };
}
