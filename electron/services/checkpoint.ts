// Keeps WAL checkpoints out of the save path. SQLite's automatic checkpoint runs inside the
// commit that crosses the threshold, so one answer save in a few hundred would pay for copying
// and fsyncing the whole log. Instead, every few saves a PASSIVE checkpoint is queued with
// setImmediate: it runs after the acknowledgement has gone back to the caller.
import type { Database } from '../db/types';

/** Safety net when the event loop never idles (a tight loop in a script): 8000 pages ≈ 32 MiB. */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 8000;

export interface Checkpointer {
  /** Call after each committed write. */
  afterCommit(): void;
  /** Number of deferred checkpoints run so far (for tests). */
  readonly runs: number;
}

export function createCheckpointer(db: Database, opts: { everyCommits?: number } = {}): Checkpointer {
  const every = Math.max(1, opts.everyCommits ?? 100);
  db.pragma(`wal_autocheckpoint = ${FALLBACK_AUTOCHECKPOINT_PAGES}`);
  let commits = 0;
  let queued = false;
  let runs = 0;
  return {
    afterCommit() {
      if (++commits < every || queued) return;
      queued = true;
      setImmediate(() => {
        queued = false;
        commits = 0;
        // A closed connection (app quitting) has already checkpointed on close.
        if (!db.open) return;
        try {
          db.pragma('wal_checkpoint(PASSIVE)');
          runs++;
        } catch {
          // Busy or failing checkpoints are retried after the next batch of commits; the
          // fallback autocheckpoint still bounds the log.
        }
      });
    },
    get runs() {
      return runs;
    },
  };
}
