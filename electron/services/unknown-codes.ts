// Failure counts for user codes that do not exist, so that trying codes at the sign-in screen
// behaves for an unknown code exactly as for a known one: the same "N tries left", the same lock
// after MAX_FAILED_ATTEMPTS, the same wait. Without it, "still not locked after five tries" would
// tell an attacker which codes are real.
//
// Kept in memory rather than in a table, on purpose: the counts exist to answer like a known code
// within a running app; persisting attacker-chosen strings would grow the database for nothing
// (they are audited already), and resetting them needs a restart of the app, which needs the
// desktop session — from where the database file, which lists every code, can be read anyway.
// Bounded: beyond MAX_TRACKED codes the oldest entry is forgotten first.
import { LOCKOUT_MS, MAX_FAILED_ATTEMPTS } from '../../shared/users/lockout';

export const MAX_TRACKED_UNKNOWN_CODES = 10_000;

interface Entry {
  failures: number;
  lockedUntilMs: number | null;
}

export type UnknownCodeOutcome =
  | { kind: 'failed'; failures: number }
  | { kind: 'now_locked'; untilMs: number }
  | { kind: 'locked'; untilMs: number };

/** Codes are matched without regard to case, as the users table does (COLLATE NOCASE). */
function keyOf(code: string): string {
  return code.normalize('NFC').toLowerCase();
}

export function createUnknownCodeCounter(maxTracked = MAX_TRACKED_UNKNOWN_CODES) {
  const entries = new Map<string, Entry>();

  return {
    /** Records one failed sign-in with an unknown code at `nowMs` and says how it ends. */
    fail(code: string, nowMs: number): UnknownCodeOutcome {
      const key = keyOf(code);
      const entry = entries.get(key) ?? { failures: 0, lockedUntilMs: null };
      entries.delete(key); // re-inserted below, so the Map's order is least recently tried first
      try {
        if (entry.lockedUntilMs !== null && entry.lockedUntilMs > nowMs) return { kind: 'locked', untilMs: entry.lockedUntilMs };
        entry.failures += 1;
        if (entry.failures >= MAX_FAILED_ATTEMPTS) {
          // As for a known code: the count restarts, a whole new run is needed after the lock.
          entry.failures = 0;
          entry.lockedUntilMs = nowMs + LOCKOUT_MS;
          return { kind: 'now_locked', untilMs: entry.lockedUntilMs };
        }
        return { kind: 'failed', failures: entry.failures };
      } finally {
        entries.set(key, entry);
        if (entries.size > maxTracked) entries.delete(entries.keys().next().value!);
      }
    },
    size: (): number => entries.size,
  };
}
