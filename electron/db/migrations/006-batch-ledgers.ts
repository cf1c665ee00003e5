// Version 6: the batch ledgers, redesigned before first use (issue 8). Migration 2's batches_out
// and batches_in were never written by any release and could not hold what export and import
// need, so they are replaced:
// - batches_out: one row per exported batch — per-device sequence from 1 without gaps (a trigger
//   refuses a gap or a repeat), batch id, file name, SHA-256 and the file's bytes themselves, so a
//   past batch is re-exported byte-identical (age encrypts with a fresh random key every time);
// - batch_interviews_out: which interview at which revision and content hash went in which batch;
//   an approved interview is due for export while no batch holds it at its current revision;
// - batch_arrivals: every batch file that arrives on the analyst's side — imported, duplicate or
//   rejected — one row each. It has no uniqueness on (device, sequence): a duplicate or a refused
//   file never uses up a device's sequence number, so a corrected batch can still be imported.
// All three are append-only (the ledgers are evidence).
import type { Database } from '../types';

export function migration006BatchLedgers(db: Database): void {
  const leftover = db.prepare<[], { n: number }>('SELECT (SELECT count(*) FROM batches_out) + (SELECT count(*) FROM batches_in) AS n').get();
  if (leftover && leftover.n > 0) {
    // No release wrote these tables; rows here came from elsewhere and are not dropped silently.
    throw new Error(`migration 6: batches_out/batches_in hold ${leftover.n} row(s) that no release wrote; refusing to drop them`);
  }
  db.exec(`
    DROP TABLE batches_out;
    DROP TABLE batches_in;

    CREATE TABLE batches_out (
      batch_id TEXT PRIMARY KEY,
      device_id TEXT NOT NULL,
      sequence INTEGER NOT NULL CHECK (sequence >= 1),
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
      size INTEGER NOT NULL CHECK (size > 0),
      bytes BLOB NOT NULL,
      interview_count INTEGER NOT NULL CHECK (interview_count >= 1),
      created_at TEXT NOT NULL,
      exported_by INTEGER REFERENCES users(id),
      UNIQUE (device_id, sequence)
    ) STRICT;
    CREATE TRIGGER batches_out_no_gap BEFORE INSERT ON batches_out
      WHEN NEW.sequence <> (SELECT coalesce(max(sequence), 0) + 1 FROM batches_out WHERE device_id = NEW.device_id)
      BEGIN SELECT RAISE(ABORT, 'batches_out: sequence must be the next one of the device, without gaps'); END;
    CREATE TRIGGER batches_out_no_update BEFORE UPDATE ON batches_out
      BEGIN SELECT RAISE(ABORT, 'batches_out is append-only'); END;
    CREATE TRIGGER batches_out_no_delete BEFORE DELETE ON batches_out
      BEGIN SELECT RAISE(ABORT, 'batches_out is append-only'); END;

    CREATE TABLE batch_interviews_out (
      batch_id TEXT NOT NULL REFERENCES batches_out(batch_id),
      interview_id TEXT NOT NULL REFERENCES interviews(id),
      revision INTEGER NOT NULL CHECK (revision >= 0),
      content_hash TEXT NOT NULL CHECK (length(content_hash) = 64),
      PRIMARY KEY (batch_id, interview_id)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX batch_interviews_out_by_interview ON batch_interviews_out (interview_id, revision);
    CREATE TRIGGER batch_interviews_out_no_update BEFORE UPDATE ON batch_interviews_out
      BEGIN SELECT RAISE(ABORT, 'batch_interviews_out is append-only'); END;
    CREATE TRIGGER batch_interviews_out_no_delete BEFORE DELETE ON batch_interviews_out
      BEGIN SELECT RAISE(ABORT, 'batch_interviews_out is append-only'); END;

    -- What could be read of the file is kept even when it was refused (NULLs when unreadable).
    CREATE TABLE batch_arrivals (
      id INTEGER PRIMARY KEY,
      arrived_at TEXT NOT NULL,
      file_name TEXT NOT NULL,
      file_sha256 TEXT NOT NULL CHECK (length(file_sha256) = 64),
      size INTEGER NOT NULL CHECK (size >= 0),
      batch_id TEXT,
      device_id TEXT,
      device_fingerprint TEXT,
      sequence INTEGER CHECK (sequence IS NULL OR sequence >= 1),
      outcome TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'rejected')),
      reason TEXT,
      received_by INTEGER REFERENCES users(id),
      CHECK ((outcome = 'rejected') = (reason IS NOT NULL))
    ) STRICT;
    CREATE INDEX batch_arrivals_by_device ON batch_arrivals (device_id, sequence);
    CREATE INDEX batch_arrivals_by_file ON batch_arrivals (file_sha256);
    CREATE TRIGGER batch_arrivals_no_update BEFORE UPDATE ON batch_arrivals
      BEGIN SELECT RAISE(ABORT, 'batch_arrivals is append-only'); END;
    CREATE TRIGGER batch_arrivals_no_delete BEFORE DELETE ON batch_arrivals
      BEGIN SELECT RAISE(ABORT, 'batch_arrivals is append-only'); END;
  `);
}
