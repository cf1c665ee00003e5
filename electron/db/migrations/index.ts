// The ordered list of schema migrations and the runner that applies the pending ones on
// `PRAGMA user_version`, all in one transaction: a database is either fully upgraded or untouched.
import { ServiceError } from '../../../shared/contract/errors';
import type { Database } from '../types';
import { migration001Initial } from './001-initial';
import { migration002BatchesAndListingIndexes } from './002-batches-and-listing-indexes';
import { migration003AppendOnlyGuards } from './003-append-only-guards';
import { migration004InterviewLifecycle } from './004-interview-lifecycle';
import { migration005SurveyPackages } from './005-survey-packages';
import { migration006BatchLedgers } from './006-batch-ledgers';

export interface Migration {
  version: number;
  name: string;
  up: (db: Database) => void;
}

/** Append only: never renumber, edit or remove a shipped migration. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: migration001Initial },
  { version: 2, name: 'batches-and-listing-indexes', up: migration002BatchesAndListingIndexes },
  { version: 3, name: 'append-only-guards', up: migration003AppendOnlyGuards },
  { version: 4, name: 'interview-lifecycle', up: migration004InterviewLifecycle },
  { version: 5, name: 'survey-packages', up: migration005SurveyPackages },
  { version: 6, name: 'batch-ledgers', up: migration006BatchLedgers },
];

/** Throws unless versions run 1, 2, 3… with no gap, duplicate or reordering. */
export function checkMigrationList(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) {
      throw new Error(`migration list is not contiguous: position ${i + 1} holds version ${m.version} (${m.name})`);
    }
  });
}

export function latestVersion(migrations: readonly Migration[] = MIGRATIONS): number {
  return migrations.length;
}

export function readUserVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** The refusal shared by the read-only pre-check and the runner. */
export function assertNotTooNew(version: number, migrations: readonly Migration[] = MIGRATIONS): void {
  const latest = latestVersion(migrations);
  if (version > latest) {
    throw new ServiceError('database_too_new', `database is at version ${version}, this KhaoSat knows up to ${latest}`);
  }
}

/**
 * Brings the database to `to` (default: the latest). Returns the versions applied.
 * `to` exists for tests that build a database as an older release left it.
 */
export function migrate(
  db: Database,
  opts: { to?: number; migrations?: readonly Migration[] } = {},
): number[] {
  const migrations = opts.migrations ?? MIGRATIONS;
  checkMigrationList(migrations);
  const target = opts.to ?? latestVersion(migrations);
  const applied: number[] = [];
  db.transaction(() => {
    // Read inside the transaction so two processes cannot both apply the same step.
    const current = readUserVersion(db);
    assertNotTooNew(current, migrations);
    for (const m of migrations) {
      if (m.version <= current || m.version > target) continue;
      m.up(db);
      applied.push(m.version);
    }
    const reached = Math.max(current, Math.min(target, latestVersion(migrations)));
    // PRAGMA takes no bound parameters; `reached` is an integer we computed, never user input.
    if (reached !== current) db.pragma(`user_version = ${Math.trunc(reached)}`);
  }).immediate();
  return applied;
}
