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
  'batches_in',
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

function tables(db: Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

function snapshotWithoutRowid(db: Database): Record<string, unknown[]> {
  // answers is WITHOUT ROWID; order it by its key instead.
  return Object.fromEntries(
    tables(db).map((t) => [
      t,
      db.prepare(t === 'answers' ? 'SELECT * FROM answers ORDER BY interview_id, path' : `SELECT * FROM "${t}" ORDER BY rowid`).all(),
    ]),
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
  2: `
      INSERT INTO batches_out VALUES ('b1', 1, '2025-07-03T00:00:00.000Z', 'batch-0001.ksb', 1, 'abc');
      INSERT INTO batches_in VALUES ('b9', '33333333-3333-4333-8333-333333333333', 1, '2025-07-04T00:00:00.000Z', 'def', 'imported');
  `,
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
