// Version 2: the batch ledgers (outgoing per-device sequence, incoming per source device) that the
// USB exchange needs, and the indexes behind the interview lists (by surveyor, by status).
import type { Database } from '../types';

export function migration002BatchesAndListingIndexes(db: Database): void {
  db.exec(`
    CREATE TABLE batches_out (
      id TEXT PRIMARY KEY,
      seq INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
      created_at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      interview_count INTEGER NOT NULL CHECK (interview_count >= 0),
      hash TEXT NOT NULL
    ) STRICT;

    CREATE TABLE batches_in (
      id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      seq INTEGER NOT NULL CHECK (seq >= 1),
      imported_at TEXT NOT NULL,
      file_hash TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('imported', 'duplicate', 'rejected')),
      UNIQUE (device_id, seq)
    ) STRICT;

    -- updated_at is deliberately not indexed: every saved answer touches it, and each indexed
    -- column would add index pages to the fsynced commit of every save.
    CREATE INDEX interviews_by_surveyor ON interviews (surveyor_id, status);
    CREATE INDEX interviews_by_status ON interviews (status);
  `);
}
