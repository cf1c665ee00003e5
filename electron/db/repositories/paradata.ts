// Paradata: an append-only log of what happened during an interview (answers saved, navigation).
// The table's triggers refuse UPDATE and DELETE, so this repository only appends and reads.
import type { Database } from '../types';

export interface ParadataRow {
  id: number;
  interview_id: string;
  at: string;
  event: string;
  path: string | null;
  detail: string | null;
}

export interface NewParadata {
  interviewId: string;
  at: string;
  event: string;
  path: string | null;
  detail: unknown;
}

export function createParadataRepo(db: Database) {
  const insert = db.prepare<[string, string, string, string | null, string | null]>(
    'INSERT INTO paradata (interview_id, at, event, path, detail) VALUES (?, ?, ?, ?, ?)',
  );
  const forInterview = db.prepare<[string], ParadataRow>(
    'SELECT * FROM paradata WHERE interview_id = ? ORDER BY id',
  );
  return {
    append: (e: NewParadata): void => {
      insert.run(e.interviewId, e.at, e.event, e.path, e.detail === undefined ? null : JSON.stringify(e.detail));
    },
    forInterview: (interviewId: string): ParadataRow[] => forInterview.all(interviewId),
  };
}
