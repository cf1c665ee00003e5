// Quotas in the analyst store (migration 004), on both stores: a registered survey package brings
// its quotas.csv per form version, re-registering changes nothing, a newer package replaces them
// and an older one cannot bring them back, a bad file is refused with nothing written, a store made
// before 004 is upgraded in place; and the fieldwork dashboard by Unit — names from the frame,
// completed / total / quota / percent, furthest behind first, the total row.
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFieldworkDashboard } from '../../../electron/analyst/fieldwork';
import { registerSurveyPackage } from '../../../electron/analyst/forms';
import { importBatchFiles } from '../../../electron/analyst/import';
import { analystMigrations } from '../../../electron/analyst/migrations';
import { currentQuotas } from '../../../electron/analyst/quotas';
import type { AnalystStore } from '../../../electron/analyst/store';
import { generateSigningKey, type SigningKey } from '../../../electron/sync/signing';
import { createSurveyPackage } from '../../../electron/sync/survey-package';
import { ServiceError } from '../../../shared/contract/errors';
import { batchFile, makeAnalyst, makeDevice, record, registerForm, storeFactory, STORE_KINDS, type StoreKind } from './fixtures';

const FORM = { formId: 'hids-2026', version: '2026.1', children: [{ kind: 'question', name: 'ACC1', orOther: false }] };
const UNITS_CSV =
  'code,type,name_vi,name_en,former_province,former_district,merged_from\n' +
  '26734,Phường/Ward,Phường Bến Thành,Ben Thanh Ward,TP. Hồ Chí Minh,Quận 1,\n' +
  '26737,Xã/Commune,Xã Long Hòa,Long Hoa Commune,Bình Dương,Huyện Dầu Tiếng,\n' +
  '26740,Phường/Ward,Phường An Đông,An Dong Ward,TP. Hồ Chí Minh,Quận 5,\n' +
  '27001,Xã/Commune,Xã Cần Giờ,Can Gio Commune,TP. Hồ Chí Minh,Huyện Cần Giờ,\n' +
  '27002,Đặc khu/Special zone,Đặc khu Côn Đảo,Con Dao Special Zone,Bà Rịa - Vũng Tàu,Huyện Côn Đảo,\n';
const QUOTAS_CSV = 'unit_code,target\n26734,4\n26737,2\n26740,8\n27001,3\n';

function pkg(
  signer: SigningKey,
  recipient: string,
  over: { formVersion?: string; createdAt?: string; quotas?: string | null } = {},
): Buffer {
  const quotas = over.quotas === undefined ? QUOTAS_CSV : over.quotas;
  return createSurveyPackage(
    {
      survey: { id: 'hids-2026', title: 'HIDS 2026', formVersion: over.formVersion ?? '2026.1' },
      recipient,
      createdAt: over.createdAt ?? '2026-11-30T08:00:00.000Z',
      parts: {
        'form.json': Buffer.from(JSON.stringify({ ...FORM, version: over.formVersion ?? '2026.1' })),
        'units.csv': Buffer.from(UNITS_CSV),
        ...(quotas === null ? {} : { 'quotas.csv': Buffer.from(quotas) }),
      },
    },
    signer,
  );
}

const quotaRows = (store: AnalystStore) =>
  store.db.selectFrom('quotas').select(['form_version', 'unit_code', 'target']).orderBy('form_version').orderBy('unit_code').execute();

/** A Kysely connection of the test's own, to build a store as an older KhaoSat left it. */
function rawDb(kind: StoreKind, target: string): Kysely<any> {
  return kind === 'postgres'
    ? new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: target, max: 1 }) }) })
    : new Kysely({ dialect: new SqliteDialect({ database: new Database(target) }) });
}

describe.each(STORE_KINDS)('quotas in the analyst store (%s)', (kind) => {
  const stores = storeFactory(kind);
  let analyst: { identity: string; recipient: string };
  let signer: SigningKey;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    analyst = await makeAnalyst();
    signer = generateSigningKey();
  });

  it('stores the package quotas with its form version; registering it again changes nothing', async () => {
    const store = await stores.open();
    const bytes = pkg(signer, analyst.recipient);
    expect(await registerSurveyPackage(store, bytes, signer.publicKey)).toEqual({ survey: 'hids-2026', formVersion: '2026.1', added: true, units: 5, agencies: 0, quotas: 4 });
    const first = await quotaRows(store);
    expect(first).toEqual([
      { form_version: '2026.1', unit_code: '26734', target: 4 },
      { form_version: '2026.1', unit_code: '26737', target: 2 },
      { form_version: '2026.1', unit_code: '26740', target: 8 },
      { form_version: '2026.1', unit_code: '27001', target: 3 },
    ]);
    expect(await registerSurveyPackage(store, bytes, signer.publicKey)).toMatchObject({ added: false, quotas: 4 });
    expect(await quotaRows(store)).toEqual(first);
    expect([...(await currentQuotas(store.db, 'hids-2026')).entries()]).toEqual([
      ['26734', 4],
      ['26737', 2],
      ['26740', 8],
      ['27001', 3],
    ]);
  });

  it('a newer package replaces the quotas; the older one imported again does not bring them back', async () => {
    const store = await stores.open();
    const older = pkg(signer, analyst.recipient);
    await registerSurveyPackage(store, older, signer.publicKey);
    await registerSurveyPackage(store, pkg(signer, analyst.recipient, { createdAt: '2026-12-02T08:00:00.000Z', quotas: 'unit_code,target\n26734,10\n' }), signer.publicKey);
    expect(await quotaRows(store)).toEqual([{ form_version: '2026.1', unit_code: '26734', target: 10 }]);
    await registerSurveyPackage(store, older, signer.publicKey);
    expect(await quotaRows(store)).toEqual([{ form_version: '2026.1', unit_code: '26734', target: 10 }]);
  });

  it('the survey takes the newest package’s quotas: a newer form version without quotas.csv means none', async () => {
    const store = await stores.open();
    await registerSurveyPackage(store, pkg(signer, analyst.recipient), signer.publicKey);
    await registerSurveyPackage(store, pkg(signer, analyst.recipient, { formVersion: '2026.2', createdAt: '2026-12-05T08:00:00.000Z', quotas: 'unit_code,target\n27001,6\n' }), signer.publicKey);
    expect([...(await currentQuotas(store.db, 'hids-2026')).entries()]).toEqual([['27001', 6]]);
    // The older version's quotas stay stored with it (a version is never rewritten by another).
    expect((await quotaRows(store)).filter((q) => q.form_version === '2026.1')).toHaveLength(4);
    expect(await registerSurveyPackage(store, pkg(signer, analyst.recipient, { formVersion: '2026.3', createdAt: '2026-12-06T08:00:00.000Z', quotas: null }), signer.publicKey)).toMatchObject({ quotas: 0 });
    expect((await currentQuotas(store.db, 'hids-2026')).size).toBe(0);
  });

  it('refuses a quotas.csv naming a Unit outside the frame or a bad target, writing nothing', async () => {
    const store = await stores.open();
    const bad = pkg(signer, analyst.recipient, { quotas: 'unit_code,target\n99999,4\n26734,-2\n' });
    const error = await registerSurveyPackage(store, bad, signer.publicKey).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('package_invalid');
    expect((error as ServiceError).detail).toContain('quotas.csv, dòng 2, cột unit_code: mã đơn vị "99999" không có trong units.csv.');
    expect((error as ServiceError).detail).toContain('quotas.csv, line 3, column target: target "-2" must be a whole number from 0 to 100000.');
    expect(await store.db.selectFrom('forms').selectAll().execute()).toEqual([]);
    expect(await store.db.selectFrom('units').selectAll().execute()).toEqual([]);
    expect(await quotaRows(store)).toEqual([]);
  });

  it('upgrades a store made before migration 004: its form keeps no quotas until its package is imported again', async () => {
    const target = await stores.target();
    const old = rawDb(kind, target);
    const { error } = await new Migrator({ db: old, provider: analystMigrations(kind) }).migrateTo('003_conflict_choices');
    expect(error).toBeUndefined();
    await registerForm(old, FORM, { signer: signer.fingerprint, at: '2026-11-30T09:00:00.000Z' });
    await old.destroy();
    const store = await stores.open(target);
    expect(await store.db.selectFrom('forms').select(['form_version', 'package_created_at']).execute()).toEqual([{ form_version: '2026.1', package_created_at: null }]);
    expect((await currentQuotas(store.db, 'hids-2026')).size).toBe(0);
    expect(await registerSurveyPackage(store, pkg(signer, analyst.recipient), signer.publicKey)).toMatchObject({ added: false, quotas: 4 });
    expect((await currentQuotas(store.db, 'hids-2026')).get('26740')).toBe(8);
  });
});

describe.each(STORE_KINDS)('the fieldwork dashboard by Unit with names and quotas (%s)', (kind) => {
  const stores = storeFactory(kind);
  let store: AnalystStore;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    const analyst = await makeAnalyst();
    const signer = generateSigningKey();
    store = await stores.open();
    await registerSurveyPackage(store, pkg(signer, analyst.recipient), signer.publicKey);
    const laptop = makeDevice('LAPTOP-01');
    let n = 0;
    const interviews = (unitCode: string, completed: number, other = 0) =>
      Array.from({ length: completed + other }, (_, k) =>
        record(laptop, `${String(++n).padStart(8, '0')}-1111-4111-8111-111111111111`, 0, { unitCode, outcome: k < completed ? 'completed' : 'refused', answers: [] }),
      );
    const records = [
      ...interviews('26734', 3, 1), // 3 of 4: 75 %, 1 short
      ...interviews('26737', 2), // 2 of 2: 100 %
      ...interviews('26740', 6, 2), // 6 of 8: 75 %, 2 short
      ...interviews('27002', 5), // in the frame, no quota
      ...interviews('99999', 1), // not in the frame: no name, no quota
      // 27001: a quota of 3 and no interview yet.
    ];
    const report = await importBatchFiles(store, [await batchFile(stores.dir, laptop, 1, records, analyst.recipient)], { identity: analyst.identity });
    expect(report.batches.map((b) => b.reason ?? b.status)).toEqual(['imported']);
  }, 120_000);

  it('names every Unit from the frame and sets completed against its quota, furthest behind first, with the total', async () => {
    const d = await buildFieldworkDashboard(store);
    expect(d.byUnit).toEqual([
      { unitCode: '27001', nameVi: 'Xã Cần Giờ', nameEn: 'Can Gio Commune', total: 0, completed: 0, quota: 3, percent: 0 },
      // Same share of quota: the one more interviews short first.
      { unitCode: '26740', nameVi: 'Phường An Đông', nameEn: 'An Dong Ward', total: 8, completed: 6, quota: 8, percent: 75 },
      { unitCode: '26734', nameVi: 'Phường Bến Thành', nameEn: 'Ben Thanh Ward', total: 4, completed: 3, quota: 4, percent: 75 },
      { unitCode: '26737', nameVi: 'Xã Long Hòa', nameEn: 'Long Hoa Commune', total: 2, completed: 2, quota: 2, percent: 100 },
      // Without a quota: after, by name (a code without a name sorts by its code).
      { unitCode: '99999', nameVi: null, nameEn: null, total: 1, completed: 1, quota: null, percent: null },
      { unitCode: '27002', nameVi: 'Đặc khu Côn Đảo', nameEn: 'Con Dao Special Zone', total: 5, completed: 5, quota: null, percent: null },
    ]);
    // Quotas 4 + 2 + 8 + 3 = 17; completed in those Units 3 + 2 + 6 + 0 = 11 → 64.7 %.
    expect(d.totals).toMatchObject({ total: 20, completed: 17, quota: 17, quotaPercent: 64.7 });
  });

  it('without quotas the Units are by name and the total has no quota', async () => {
    await store.db.deleteFrom('quotas').execute();
    const d = await buildFieldworkDashboard(store);
    expect(d.byUnit.map((u) => [u.unitCode, u.quota, u.percent])).toEqual([
      ['99999', null, null],
      ['27002', null, null],
      ['26740', null, null],
      ['26734', null, null],
      ['26737', null, null],
    ]);
    expect(d.totals).toMatchObject({ quota: null, quotaPercent: null });
  });
});
