// The triggers that make paradata, audit_log and the batch ledgers append-only. A trigger dropped or rewritten by
// another program would silently turn the logs editable, so every open checks them against what
// the migrations create, and a database missing one is refused for writing.
import BetterSqlite3 from 'better-sqlite3';
import { migrate, type Migration } from './migrations';
import type { Database } from './types';

/** Every protective trigger, with the schema version that created it. */
export const PROTECTIVE_TRIGGERS: readonly { name: string; table: string; since: number }[] = [
  { name: 'paradata_no_update', table: 'paradata', since: 1 },
  { name: 'paradata_no_delete', table: 'paradata', since: 1 },
  { name: 'audit_log_no_update', table: 'audit_log', since: 1 },
  { name: 'audit_log_no_delete', table: 'audit_log', since: 1 },
  { name: 'paradata_no_replace', table: 'paradata', since: 3 },
  { name: 'audit_log_no_replace', table: 'audit_log', since: 3 },
  // The batch ledgers (006): sequences without gaps, evidence never rewritten.
  { name: 'batches_out_no_gap', table: 'batches_out', since: 6 },
  { name: 'batches_out_no_update', table: 'batches_out', since: 6 },
  { name: 'batches_out_no_delete', table: 'batches_out', since: 6 },
  { name: 'batch_interviews_out_no_update', table: 'batch_interviews_out', since: 6 },
  { name: 'batch_interviews_out_no_delete', table: 'batch_interviews_out', since: 6 },
  { name: 'batch_arrivals_no_update', table: 'batch_arrivals', since: 6 },
  { name: 'batch_arrivals_no_delete', table: 'batch_arrivals', since: 6 },
];

function triggerSql(db: Database): Map<string, string> {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string | null }[];
  // Whitespace is not meaning: compare the statements with runs of spaces collapsed.
  return new Map(rows.map((r) => [r.name, (r.sql ?? '').replace(/\s+/g, ' ').trim()]));
}

const expectedCache = new WeakMap<readonly Migration[], Map<number, Map<string, string>>>();

/** The trigger statements the migrations themselves write at `version` (built once in memory). */
function expectedTriggers(version: number, migrations: readonly Migration[], nativeBinding?: string): Map<string, string> {
  let byVersion = expectedCache.get(migrations);
  if (!byVersion) expectedCache.set(migrations, (byVersion = new Map()));
  let found = byVersion.get(version);
  if (!found) {
    const mem = new BetterSqlite3(':memory:', nativeBinding ? { nativeBinding } : {});
    try {
      migrate(mem, { to: version, migrations });
      found = triggerSql(mem);
    } finally {
      mem.close();
    }
    byVersion.set(version, found);
  }
  return found;
}

/**
 * Names of the protective triggers that a database at `version` should have and does not (or
 * has in a different form). Empty when all are in place.
 */
export function missingProtectiveTriggers(
  db: Database,
  version: number,
  migrations: readonly Migration[],
  nativeBinding?: string,
): string[] {
  const present = triggerSql(db);
  const expected = expectedTriggers(version, migrations, nativeBinding);
  return PROTECTIVE_TRIGGERS.filter((t) => t.since <= version && expected.has(t.name))
    .filter((t) => present.get(t.name) !== expected.get(t.name))
    .map((t) => t.name);
}
