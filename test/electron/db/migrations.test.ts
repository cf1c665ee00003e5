// Schema migrations: fresh databases, upgrades from every earlier version, refusals that must
// leave the file untouched.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../shared/contract/errors';
import { openDatabase } from '../../../electron/db/open';
import { checkMigrationList, latestVersion, migrate, MIGRATIONS, type Migration } from '../../../electron/db/migrations';
import type { Database } from '../../../electron/db/types';
import { removeTempDirs, tempDir } from './fixtures/temp';

afterEach(removeTempDirs);

const EXPECTED_TABLES = [
  'answers',
  'audit_log',
  'batch_arrivals',
  'batch_interviews_out',
  'batches_out',
  'device',
  'form_versions',
  'interviews',
  'package_installs',
  'paradata',
  'quotas',
  'survey_signers',
  'surveys',
  'units',
  'users',
];

/** Migration 2's batch tables, never written by a release, replaced by migration 6's ledgers. */
const DROPPED_BY_006 = ['batches_in'];

function tables(db: Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

function snapshotWithoutRowid(db: Database): Record<string, unknown[]> {
  // answers and batch_interviews_out are WITHOUT ROWID; order them by their key instead.
  const order: Record<string, string> = { answers: 'interview_id, path', batch_interviews_out: 'batch_id, interview_id' };
  return Object.fromEntries(
    tables(db).map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY ${order[t] ?? 'rowid'}`).all()]),
  );
}

/** Rows for the tables each version introduced, as a release at that version would write them. */
const SEED_FOR_VERSION: Record<number, string> = {
  1: `
      INSERT INTO device VALUES (1, '11111111-1111-4111-8111-111111111111', '2025-07-01T00:00:00.000Z');
      INSERT INTO users (id, code, name, role, secret_hash, secret_salt, scrypt_n, scrypt_r, scrypt_p, created_at)
        VALUES (1, 'GS01', 'Nguyễn Văn A', 'supervisor', x'00', x'01', 16384, 8, 1, '2025-07-01T00:00:00.000Z'),
               (2, 'DTV01', 'Trần Thị B', 'surveyor', x'02', x'03', 16384, 8, 1, '2025-07-01T00:00:00.000Z');
      INSERT INTO surveys VALUES ('hids', 'Khảo sát HIDS', '2025-07-01T00:00:00.000Z');
      INSERT INTO form_versions (survey_id, version, definition, installed_at) VALUES ('hids', 'v1', '{"items":[]}', '2025-07-01T00:00:00.000Z');
      INSERT INTO units (code, type, name_vi, name_en, survey_id) VALUES ('26734', 'ward', 'Phường Sài Gòn', 'Sai Gon Ward', 'hids');
      INSERT INTO quotas VALUES ('hids', '26734', 40);
      INSERT INTO interviews (id, revision, status, device_id, surveyor_id, survey_id, form_version, unit_code,
                              created_at, updated_at, completed_at)
        VALUES ('22222222-2222-4222-8222-222222222222', 0, 'draft',
        '11111111-1111-4111-8111-111111111111', 2, 'hids', 'v1', '26734',
        '2025-07-02T01:00:00.000Z', '2025-07-02T01:05:00.000Z', NULL);
      INSERT INTO answers VALUES ('22222222-2222-4222-8222-222222222222', 'ACC1', '4', NULL, '2025-07-02T01:05:00.000Z');
      INSERT INTO paradata (interview_id, at, event, path) VALUES ('22222222-2222-4222-8222-222222222222', '2025-07-02T01:05:00.000Z', 'answer', 'ACC1');
      INSERT INTO audit_log (at, user_id, action) VALUES ('2025-07-01T00:00:00.000Z', 1, 'user_created');
  `,
  // No release ever wrote 002's batch tables (006 replaces them, refusing to drop rows).
  2: '',
  // 003 adds triggers only; one more append-only row each, written the way the services write them.
  3: `
      INSERT INTO paradata (interview_id, at, event, path) VALUES ('22222222-2222-4222-8222-222222222222', '2025-07-05T00:00:00.000Z', 'answer', 'ACC1');
      INSERT INTO audit_log (at, user_id, action) VALUES ('2025-07-05T00:00:00.000Z', 1, 'signed_in');
  `,
  4: `
      INSERT INTO form_versions (survey_id, version, definition, installed_at, hash)
        VALUES ('hids', 'v2', '{"items":[1]}', '2025-08-01T00:00:00.000Z', '${'ab'.repeat(32)}');
      INSERT INTO interviews (id, revision, status, device_id, surveyor_id, survey_id, form_version, unit_code,
                              created_at, updated_at, completed_at, outcome, respondent_ref, consent, current_path, comment)
        VALUES ('44444444-4444-4444-8444-444444444444', 0, 'completed', '11111111-1111-4111-8111-111111111111', 2,
                'hids', 'v2', '26734', '2025-08-02T01:00:00.000Z', '2025-08-02T01:00:00.000Z',
                '2025-08-02T01:00:00.000Z', 'refused', 'HH-17', 0, NULL, NULL);
      INSERT INTO units (code, type, name_vi, name_en, survey_id, former_province, former_district, merged_from)
        VALUES ('26740', 'Xã/Commune', 'Xã Thạnh An', 'Thanh An Commune', 'hids', 'TP. Hồ Chí Minh', 'Huyện Cần Giờ', 'Xã Thạnh An');
  `,
  5: `
      INSERT INTO survey_signers VALUES ('hids', '${'cd'.repeat(32)}', 'ABCD-ABCD-ABCD-ABCD-ABCD-ABCD-ABCD-ABCD',
        'age1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqs3290gq', 'EF01-EF01-EF01-EF01-EF01-EF01-EF01-EF01', '2025-09-01T00:00:00.000Z');
      INSERT INTO package_installs VALUES ('${'ef'.repeat(32)}', 'hids', 'v2', 'ABCD-ABCD-ABCD-ABCD-ABCD-ABCD-ABCD-ABCD',
        '2025-08-31T00:00:00.000Z', '2025-09-01T00:00:00.000Z', 1);
  `,
  6: `
      INSERT INTO batches_out (batch_id, device_id, sequence, file_name, file_sha256, size, bytes, interview_count, created_at, exported_by)
        VALUES ('55555555-5555-4555-8555-555555555555', '11111111-1111-4111-8111-111111111111', 1, 'hids_KS-11111111_000001.ksbatch',
                '${'cd'.repeat(32)}', 3, x'4b5342', 1, '2025-08-03T00:00:00.000Z', 1);
      INSERT INTO batch_interviews_out VALUES ('55555555-5555-4555-8555-555555555555', '44444444-4444-4444-8444-444444444444', 0, '${'ef'.repeat(32)}');
      INSERT INTO batch_arrivals (arrived_at, file_name, file_sha256, size, outcome, reason)
        VALUES ('2025-08-04T00:00:00.000Z', 'x.ksbatch', '${'01'.repeat(32)}', 10, 'rejected', 'batch_damaged');
  `,
};

/** Rows a release at `to` could have written; `from` skips versions already seeded. */
function seedAt(db: Database, to: number, from = 0): void {
  for (let v = from + 1; v <= to; v++) {
    const rows = SEED_FOR_VERSION[v];
    if (rows === undefined) throw new Error(`no seed rows for version ${v}: add them with the migration`);
    db.exec(rows);
  }
}

describe('migrations', () => {
  it('the shipped migration list is contiguous and has at least two steps', () => {
    expect(() => checkMigrationList(MIGRATIONS)).not.toThrow();
    expect(MIGRATIONS.length).toBeGreaterThanOrEqual(2);
  });

  it('a list with a gap or out of order is refused', () => {
    const noop = () => {};
    const gap: Migration[] = [
      { version: 1, name: 'a', up: noop },
      { version: 3, name: 'c', up: noop },
    ];
    const swapped: Migration[] = [
      { version: 2, name: 'b', up: noop },
      { version: 1, name: 'a', up: noop },
    ];
    expect(() => checkMigrationList(gap)).toThrow(/contiguous/);
    expect(() => checkMigrationList(swapped)).toThrow(/contiguous/);
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, { migrations: gap })).toThrow(/contiguous/);
    db.close();
  });

  it('a fresh database reaches the latest version with every expected table', () => {
    const path = join(tempDir(), 'fresh.sqlite');
    const db = openDatabase(path);
    expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
    expect(tables(db)).toEqual(EXPECTED_TABLES);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('reopening an up-to-date database applies nothing and keeps its rows', () => {
    const path = join(tempDir(), 'again.sqlite');
    const db = openDatabase(path);
    seedAt(db, latestVersion());
    const before = snapshotWithoutRowid(db);
    db.close();
    const again = openDatabase(path);
    expect(snapshotWithoutRowid(again)).toEqual(before);
    again.close();
  });

  for (let from = 0; from < latestVersion(); from++) {
    it(`upgrading from version ${from} reaches the latest and preserves every row`, () => {
      const path = join(tempDir(), `v${from}.sqlite`);
      const old = new BetterSqlite3(path);
      old.pragma('journal_mode = WAL');
      migrate(old, { to: from });
      expect(old.pragma('user_version', { simple: true })).toBe(from);
      seedAt(old, from);
      const before = snapshotWithoutRowid(old);
      old.close();

      const db = openDatabase(path);
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion());
      expect(tables(db)).toEqual(EXPECTED_TABLES);
      const after = snapshotWithoutRowid(db);
      // Columns added by later versions are new; every column the old rows had keeps its value.
      for (const [table, rows] of Object.entries(before)) {
        // 002's empty batch tables are replaced by 006's ledgers.
        if (DROPPED_BY_006.includes(table)) {
          expect(rows, table).toEqual([]);
          continue;
        }
        const kept = (after[table] as Record<string, unknown>[]).map((row, i) =>
          Object.fromEntries(Object.keys((rows[i] ?? {}) as object).map((k) => [k, row[k]])),
        );
        expect(kept, table).toEqual(rows);
      }
      // The upgraded schema accepts what the latest version writes.
      seedAt(db, latestVersion(), from);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      db.close();
    });
  }

  it('a migration that fails leaves the database at its previous version with no partial schema', () => {
    const path = join(tempDir(), 'fail.sqlite');
    const db = new BetterSqlite3(path);
    migrate(db, { to: 1 });
    const broken: Migration[] = [
      ...MIGRATIONS.slice(0, 1),
      {
        version: 2,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE half_done (x INTEGER)');
          throw new Error('boom');
        },
      },
    ];
    expect(() => migrate(db, { migrations: broken })).toThrow('boom');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('a database from a newer KhaoSat is refused and left byte-for-byte unchanged', () => {
    const dir = tempDir();
    const path = join(dir, 'future.sqlite');
    const db = openDatabase(path);
    seedAt(db, latestVersion());
    db.close();
    const raw = new BetterSqlite3(path);
    raw.pragma(`user_version = ${latestVersion() + 1}`);
    raw.close();
    const bytes = readFileSync(path);
    const files = readdirSync(dir).sort();

    let error: unknown;
    try {
      openDatabase(path);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('database_too_new');
    expect(readFileSync(path).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(files);

    // The migration runner refuses on its own too (a connection opened some other way).
    const direct = new BetterSqlite3(path, { readonly: true });
    expect(() => migrate(direct)).toThrow(/database_too_new/);
    direct.close();
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });
});

describe('migration 4 (interview life cycle)', () => {
  it('gives existing interviews serials per device in creation order, a completed outcome past draft, and hashes existing form versions', () => {
    const path = join(tempDir(), 'v3.sqlite');
    const old = new BetterSqlite3(path);
    migrate(old, { to: 3 });
    seedAt(old, 3);
    old.exec(`
      INSERT INTO interviews (id, revision, status, device_id, surveyor_id, survey_id, form_version, unit_code, created_at, updated_at, completed_at)
      VALUES ('55555555-5555-4555-8555-555555555555', 1, 'approved', '11111111-1111-4111-8111-111111111111', 2, 'hids', 'v1', '26734',
              '2025-07-01T09:00:00.000Z', '2025-07-03T00:00:00.000Z', '2025-07-02T00:00:00.000Z');
    `);
    old.close();
    const db = openDatabase(path);
    const rows = db.prepare('SELECT id, serial, outcome, consent FROM interviews ORDER BY serial').all();
    expect(rows).toEqual([
      { id: '55555555-5555-4555-8555-555555555555', serial: 1, outcome: 'completed', consent: 1 },
      { id: '22222222-2222-4222-8222-222222222222', serial: 2, outcome: null, consent: 1 },
    ]);
    const fv = db.prepare("SELECT hash FROM form_versions WHERE version = 'v1'").get() as { hash: string };
    expect(fv.hash).toMatch(/^[0-9a-f]{64}$/);
    // A new interview gets the next serial of its device, whoever inserts it.
    db.exec(`INSERT INTO interviews (id, revision, status, device_id, surveyor_id, survey_id, form_version, unit_code, created_at, updated_at)
             VALUES ('66666666-6666-4666-8666-666666666666', 0, 'draft', '11111111-1111-4111-8111-111111111111', 2, 'hids', 'v1', '26734', 'x', 'x')`);
    expect(db.prepare("SELECT serial FROM interviews WHERE id = '66666666-6666-4666-8666-666666666666'").get()).toEqual({ serial: 3 });
    expect(() => db.exec("UPDATE interviews SET serial = 1 WHERE id = '66666666-6666-4666-8666-666666666666'")).toThrow(/UNIQUE/);
    db.close();
  });
});

describe('migration 6 (batch ledgers)', () => {
  function atVersion(v: number): Database {
    const db = new BetterSqlite3(join(tempDir(), `v${v}.sqlite`));
    migrate(db, { to: v });
    seedAt(db, v);
    return db;
  }

  it("refuses to drop rows found in migration 2's batch tables, leaving the database at version 5", () => {
    const db = atVersion(5);
    db.exec(`INSERT INTO batches_out VALUES ('b1', 1, '2025-07-03T00:00:00.000Z', 'batch-0001.ksb', 1, 'abc')`);
    expect(() => migrate(db)).toThrow(/batches_out\/batches_in hold 1 row/);
    expect(db.pragma('user_version', { simple: true })).toBe(5);
    db.close();
  });

  it('batches_out takes the next sequence of a device only: a gap or a repeat is refused; the ledgers are append-only', () => {
    const db = atVersion(6);
    const insert = db.prepare(
      `INSERT INTO batches_out (batch_id, device_id, sequence, file_name, file_sha256, size, bytes, interview_count, created_at)
       VALUES (?, ?, ?, 'f', '${'ab'.repeat(32)}', 1, x'00', 1, '2025-08-05T00:00:00.000Z')`,
    );
    const device = '11111111-1111-4111-8111-111111111111';
    expect(() => insert.run('66666666-6666-4666-8666-666666666666', device, 3)).toThrow(/without gaps/);
    expect(() => insert.run('66666666-6666-4666-8666-666666666666', device, 1)).toThrow(/without gaps/);
    insert.run('66666666-6666-4666-8666-666666666666', device, 2);
    // Another device's sequence starts at 1 (an analyst database holding several devices' ledgers).
    insert.run('77777777-7777-4777-8777-777777777777', '99999999-9999-4999-8999-999999999999', 1);
    expect(() => db.exec('UPDATE batches_out SET file_name = 2')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM batch_interviews_out')).toThrow(/append-only/);
    expect(() => db.exec('DELETE FROM batch_arrivals')).toThrow(/append-only/);
    db.close();
  });

  it('batch_arrivals records a duplicate and a refused file for the same device and sequence without a conflict', () => {
    const db = atVersion(6);
    const arrive = db.prepare(
      `INSERT INTO batch_arrivals (arrived_at, file_name, file_sha256, size, batch_id, device_id, sequence, outcome, reason)
       VALUES ('2025-08-06T00:00:00.000Z', 'a.ksbatch', '${'02'.repeat(32)}', 10, 'b', 'd', 4, ?, ?)`,
    );
    arrive.run('rejected', 'batch_bad_signature');
    arrive.run('imported', null);
    arrive.run('duplicate', null);
    expect(() => arrive.run('rejected', null)).toThrow(/CHECK/);
    expect(db.prepare("SELECT count(*) AS n FROM batch_arrivals WHERE device_id = 'd' AND sequence = 4").get()).toEqual({ n: 3 });
    db.close();
  });
});
