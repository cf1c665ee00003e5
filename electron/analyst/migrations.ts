// The analyst store's migrations, run by Kysely's Migrator on both dialects. Kysely's schema
// builder writes each dialect's DDL; the one difference (the arrival counter) is chosen here.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

export type AnalystDialect = 'sqlite' | 'postgres';

function migrations(dialect: AnalystDialect): Record<string, Migration> {
  return {
    '001_analyst_store': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('devices')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('public_key', 'text', (c) => c.notNull())
          .addColumn('fingerprint', 'text', (c) => c.notNull())
          .addColumn('first_seen_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('batch_arrivals')
          .addColumn('arrival', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
            dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
          )
          .addColumn('file_name', 'text', (c) => c.notNull())
          .addColumn('file_sha256', 'text')
          .addColumn('batch_id', 'text')
          .addColumn('device_id', 'text')
          .addColumn('sequence', 'integer')
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('imported', 'unchanged', 'rejected', 'duplicate')`))
          .addColumn('reason', 'text')
          .addColumn('counts', 'text')
          .addColumn('received_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('batch_arrivals_device').on('batch_arrivals').columns(['device_id', 'sequence']).execute();
        await db.schema.createIndex('batch_arrivals_file').on('batch_arrivals').column('file_sha256').execute();
        await db.schema.createIndex('batch_arrivals_batch').on('batch_arrivals').column('batch_id').execute();
        await db.schema
          .createTable('interviews')
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('current', 'replaced', 'conflict')`))
          .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
          .addColumn('surveyor_code', 'text', (c) => c.notNull())
          .addColumn('unit_code', 'text', (c) => c.notNull())
          .addColumn('survey_id', 'text', (c) => c.notNull())
          .addColumn('form_version', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('completed_at', 'text')
          .addColumn('approved_at', 'text')
          .addColumn('batch_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('interviews_pk', ['id', 'revision', 'content_hash'])
          .execute();
        await db.schema.createIndex('interviews_status').on('interviews').columns(['survey_id', 'status']).execute();
        await db.schema
          .createTable('answers')
          .addColumn('interview_id', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('path', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addColumn('missing', 'text')
          .addColumn('saved_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('answers_pk', ['interview_id', 'revision', 'content_hash', 'path'])
          .addForeignKeyConstraint('answers_interview', ['interview_id', 'revision', 'content_hash'], 'interviews', ['id', 'revision', 'content_hash'])
          .execute();
        await db.schema
          .createTable('forms')
          .addColumn('survey_id', 'text', (c) => c.notNull())
          .addColumn('form_version', 'text', (c) => c.notNull())
          .addColumn('form', 'text', (c) => c.notNull())
          .addColumn('signer_fingerprint', 'text', (c) => c.notNull())
          .addColumn('registered_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('forms_pk', ['survey_id', 'form_version'])
          .execute();
      },
    },
    // Names for the report: the Unit frame and the agency list of each registered survey package
    // (units.csv, agencies.csv), keyed by survey so two surveys may name a code differently.
    '002_units_and_agencies': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('units')
          .addColumn('survey_id', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('name_vi', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text')
          .addColumn('former_province', 'text')
          .addColumn('former_district', 'text')
          .addPrimaryKeyConstraint('units_pk', ['survey_id', 'code'])
          .execute();
        await db.schema
          .createTable('agencies')
          .addColumn('survey_id', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addColumn('kind', 'text')
          .addColumn('name_vi', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text')
          .addPrimaryKeyConstraint('agencies_pk', ['survey_id', 'code'])
          .execute();
      },
    },
    // The analyst's choice of one version of an interview in conflict (same id and revision,
    // different content): that version then counts in indices and exports. One row per
    // (interview, revision), replaced when the analyst chooses again; every choice is also
    // appended to analyst_audit (who, when, what).
    '003_conflict_choices': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('conflict_choices')
          .addColumn('interview_id', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('chosen_by', 'text', (c) => c.notNull())
          .addColumn('chosen_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('conflict_choices_pk', ['interview_id', 'revision'])
          .addForeignKeyConstraint('conflict_choices_interview', ['interview_id', 'revision', 'content_hash'], 'interviews', ['id', 'revision', 'content_hash'])
          .execute();
        await db.schema
          .createTable('analyst_audit')
          .addColumn('id', dialect === 'postgres' ? 'bigserial' : 'integer', (c) => (dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement()))
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('user_code', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('detail', 'text', (c) => c.notNull())
          .execute();
      },
    },
    // The quotas (quotas.csv: unit_code,target) of each registered form version, for the fieldwork
    // dashboard; and on forms, the signed creation time of the package whose quotas are stored, so
    // the dashboard takes the newest package's quotas and an older package re-imported later
    // cannot bring back older targets (quotas.ts).
    '004_quotas': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('forms').addColumn('package_created_at', 'text').execute();
        await db.schema
          .createTable('quotas')
          .addColumn('survey_id', 'text', (c) => c.notNull())
          .addColumn('form_version', 'text', (c) => c.notNull())
          .addColumn('unit_code', 'text', (c) => c.notNull())
          .addColumn('target', 'integer', (c) => c.notNull().check(sql`target >= 0`))
          .addPrimaryKeyConstraint('quotas_pk', ['survey_id', 'form_version', 'unit_code'])
          .addForeignKeyConstraint('quotas_form', ['survey_id', 'form_version'], 'forms', ['survey_id', 'form_version'])
          .execute();
      },
    },
    // The paradata of each imported revision, kept only for forms with an `audit` question (the
    // ODK audit log the export writes): one row per event, in the laptop's order (`seq`), tied to
    // its revision like the answers, so it follows the revision through replaced, stale and
    // conflict. Forms without an audit question keep the lean store (docs/analyst-store.md).
    '005_audit_paradata': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('paradata')
          .addColumn('interview_id', 'text', (c) => c.notNull())
          .addColumn('revision', 'integer', (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('event', 'text', (c) => c.notNull())
          .addColumn('path', 'text')
          .addColumn('detail', 'text')
          .addPrimaryKeyConstraint('paradata_pk', ['interview_id', 'revision', 'content_hash', 'seq'])
          .addForeignKeyConstraint('paradata_interview', ['interview_id', 'revision', 'content_hash'], 'interviews', ['id', 'revision', 'content_hash'])
          .execute();
      },
    },
  };
}

export function analystMigrations(dialect: AnalystDialect): MigrationProvider {
  return { getMigrations: async () => migrations(dialect) };
}
