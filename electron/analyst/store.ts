// The analyst store: one port (AnalystStore), one implementation over Kysely, two dialects —
// embedded SQLite (better-sqlite3, the default: `--db analyst.sqlite`) and PostgreSQL (`pg`,
// `--db postgres://user@host:port/db`) for an office that shares a server. Every query is
// written once; the only dialect branches are the connection and PostgreSQL's import lock.
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql, type Transaction } from 'kysely';
import pg from 'pg';
import { analystMigrations, type AnalystDialect } from './migrations';
import type { AnalystDatabase, DeviceTable, FormTable } from './schema';

export type AnalystDb = Kysely<AnalystDatabase>;
export type AnalystTrx = Transaction<AnalystDatabase>;

export interface AnalystStore {
  readonly dialect: AnalystDialect;
  /** The target as given, with any password hidden: for messages. */
  readonly label: string;
  readonly db: AnalystDb;
  /** One transaction; on PostgreSQL imports are serialised by a transaction-level advisory lock. */
  inImportTransaction<T>(run: (trx: AnalystTrx) => Promise<T>): Promise<T>;
  device(id: string): Promise<DeviceTable | undefined>;
  form(surveyId: string, formVersion: string): Promise<FormTable | undefined>;
  close(): Promise<void>;
}

export function isPostgresTarget(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

function hidePassword(target: string): string {
  return target.replace(/^(postgres(?:ql)?:\/\/[^:@/]+):[^@]*@/i, '$1:***@');
}

// An arbitrary, fixed key for pg_advisory_xact_lock: two analysts importing at once take turns,
// so the read-decide-write of one batch never interleaves with another's.
const IMPORT_LOCK_KEY = 0x4b53_4254;

/**
 * Opens (and migrates) the store named by `target`: a postgres:// URL, else a SQLite file path.
 * `nativeBinding`: better-sqlite3 built for Electron's ABI when the app's main process opens it.
 */
export async function openAnalystStore(target: string, options: { nativeBinding?: string } = {}): Promise<AnalystStore> {
  const dialect: AnalystDialect = isPostgresTarget(target) ? 'postgres' : 'sqlite';
  let db: AnalystDb;
  if (dialect === 'postgres') {
    // COUNT(*) and bigserial come back as int8; within a store's range they are plain numbers.
    const types = { getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 ? Number : pg.types.getTypeParser(oid, format)) };
    db = new Kysely<AnalystDatabase>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target, max: 4, types: types as pg.CustomTypesConfig }) }) });
  } else {
    const file = new Database(target, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    // As the laptop store: WAL, and FULL so an import reported done survives a power cut.
    file.pragma('journal_mode = WAL');
    file.pragma('synchronous = FULL');
    file.pragma('foreign_keys = ON');
    db = new Kysely<AnalystDatabase>({ dialect: new SqliteDialect({ database: file }) });
  }
  try {
    const { error } = await new Migrator({ db, provider: analystMigrations(dialect) }).migrateToLatest();
    if (error) throw error;
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return {
    dialect,
    label: hidePassword(target),
    db,
    inImportTransaction: (run) =>
      db.transaction().execute(async (trx) => {
        if (dialect === 'postgres') await sql`select pg_advisory_xact_lock(${IMPORT_LOCK_KEY})`.execute(trx);
        return run(trx);
      }),
    device: (id) => db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst(),
    form: (surveyId, formVersion) =>
      db.selectFrom('forms').selectAll().where('survey_id', '=', surveyId).where('form_version', '=', formVersion).executeTakeFirst(),
    close: () => db.destroy(),
  };
}
