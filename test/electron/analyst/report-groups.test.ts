// Names and groupings of the report, on both stores: the survey package registered with the
// analyst store brings its Unit frame and agency list (migration 002), the report names Units and
// agencies by them, and `--by agency|surveyor` gives the same entries per agency and surveyor,
// indices computed by hand below.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { displayWidth } from '../../../electron/cli/output';
import { registerSurveyPackage } from '../../../electron/analyst/forms';
import { importBatchFiles } from '../../../electron/analyst/import';
import { buildReport } from '../../../electron/analyst/report';
import type { AnalystStore } from '../../../electron/analyst/store';
import { generateSigningKey } from '../../../electron/sync/signing';
import { createSurveyPackage } from '../../../electron/sync/survey-package';
import type { InterviewRecord } from '../../../shared/formats/batch';
import { batchFile, makeAnalyst, makeDevice, record, storeFactory, STORE_KINDS } from './fixtures';

const q = (name: string, listName?: string) => ({ kind: 'question', name, orOther: false, ...(listName ? { listName } : {}) });
const FORM = {
  formId: 'hids-2026',
  version: '2026.1',
  children: [q('A1'), q('B1'), { kind: 'group', name: 'META', children: [q('agency', 'agencies')] }],
  choiceLists: {
    agencies: {
      name: 'agencies',
      choices: [
        { name: '101', labels: { vi: 'Nhãn cũ trong phiếu' } },
        { name: '26737', labels: { vi: 'Ủy ban nhân dân Xã Long Hoà' } },
      ],
    },
  },
  index: {
    origin: 'sheet',
    satisfiedCodes: [4, 5],
    validCodes: [1, 2, 3, 4, 5],
    components: [
      { id: 'A', labels: { vi: 'A' }, weight: 1, items: [{ question: 'A1', weight: 1 }] },
      { id: 'B', labels: { vi: 'B' }, weight: 1, items: [{ question: 'B1', weight: 1 }] },
    ],
  },
};
// "Long Hoà" decomposed (a + combining grave): one column per letter on a terminal, two UTF-16 units.
const LONG_HOA = 'Xã Long Hoa\u0300';
const UNITS_CSV =
  'code,type,name_vi,name_en,former_province,former_district,merged_from\n' +
  `26734,Phường/Ward,Phường Bến Thành,Ben Thanh Ward,TP. Hồ Chí Minh,Quận 1,\n26737,Xã/Commune,${LONG_HOA},Long Hoa Commune,Bình Dương,Huyện Dầu Tiếng,\n`;
const AGENCIES_CSV = 'code,kind,name_vi,name_en\n101,department,Sở Nội vụ,Department of Home Affairs\n';

type Ans = InterviewRecord['answers'][number];
const a = (path: string, value: Ans['value']): Ans => ({ path, value, missing: null, savedAt: '2026-11-30T09:01:00.000Z' });

function fakeIo() {
  const out: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: () => undefined, readSecret: async () => '', env: {}, cwd: '/' };
  return { io, out: () => out.join('') };
}

describe.each(STORE_KINDS)('report names and groups (%s store)', (kind) => {
  const stores = storeFactory(kind);
  let store: AnalystStore;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    const analyst = await makeAnalyst();
    const signer = generateSigningKey();
    store = await stores.open();
    const pkg = createSurveyPackage(
      {
        survey: { id: 'hids-2026', title: 'HIDS 2026', formVersion: '2026.1' },
        recipient: analyst.recipient,
        createdAt: '2026-11-30T08:00:00.000Z',
        parts: { 'form.json': Buffer.from(JSON.stringify(FORM)), 'units.csv': Buffer.from(UNITS_CSV), 'agencies.csv': Buffer.from(AGENCIES_CSV) },
      },
      signer,
    );
    expect(await registerSurveyPackage(store, pkg, signer.publicKey)).toEqual({ survey: 'hids-2026', formVersion: '2026.1', added: true, units: 2, agencies: 1, quotas: 0 });
    // Registering the same package again keeps the form and the names (nothing doubled).
    expect(await registerSurveyPackage(store, pkg, signer.publicKey)).toMatchObject({ added: false, units: 2, agencies: 1 });
    const laptop = makeDevice('LAPTOP-01');
    const id = (n: number) => `${String(n).repeat(8)}-1111-4111-8111-111111111111`;
    const records = [
      record(laptop, id(1), 0, { surveyorCode: 'DTV01', unitCode: '26734', answers: [a('A1', 5), a('B1', 4), a('agency', '101')] }),
      record(laptop, id(2), 0, { surveyorCode: 'DTV02', unitCode: '26734', answers: [a('A1', 2), a('B1', 5), a('agency', '101')] }),
      record(laptop, id(3), 0, { surveyorCode: 'DTV01', unitCode: '26737', answers: [a('A1', 4), a('B1', 1), a('agency', '26737')] }),
      record(laptop, id(4), 0, { surveyorCode: 'DTV02', unitCode: '26737', answers: [a('A1', 1)] }),
    ];
    const files = [await batchFile(stores.dir, laptop, 1, records, analyst.recipient)];
    await importBatchFiles(store, files, { identity: analyst.identity });
  }, 120_000);

  it('stores the package frame and agency list once per survey', async () => {
    expect(await store.db.selectFrom('units').select(['code', 'name_vi', 'type', 'former_district']).orderBy('code').execute()).toEqual([
      { code: '26734', name_vi: 'Phường Bến Thành', type: 'Phường/Ward', former_district: 'Quận 1' },
      { code: '26737', name_vi: LONG_HOA, type: 'Xã/Commune', former_district: 'Huyện Dầu Tiếng' },
    ]);
    expect(await store.db.selectFrom('agencies').select(['code', 'name_vi', 'kind']).execute()).toEqual([{ code: '101', name_vi: 'Sở Nội vụ', kind: 'department' }]);
  });

  it('names Units by the frame; --by unit keeps the `units` key', async () => {
    const report = await buildReport(store);
    // 26734: A1 1 of 2 → A 50, B1 2 of 2 → B 100, overall 75; 26737: A 50, B1 0 of 1 → 0, overall 25.
    expect(report.units.map((u) => [u.code, u.name, u.n, u.index])).toEqual([
      ['26734', 'Phường Bến Thành', 2, 75],
      ['26737', LONG_HOA, 2, 25],
    ]);
  });

  it('groups by agency: the package list over the form labels, interviews without one together', async () => {
    const report = await buildReport(store, { by: 'agency' });
    expect(report.units).toBeUndefined();
    // '': #4 only, A1 = 1 → A 0, B missing; 101: as Unit 26734; 26737: A 100, B 0 → 50.
    expect(report.agencies!.map((g) => [g.code, g.name, g.n, g.index, g.components_missing])).toEqual([
      ['', '(không có / none)', 1, 0, ['B']],
      ['101', 'Sở Nội vụ', 2, 75, []],
      ['26737', 'Ủy ban nhân dân Xã Long Hoà', 1, 50, []],
    ]);
    expect(report.agencies![1]!.components.A!.items.A1).toMatchObject({ index: 50, n: 2 });
  });

  it('groups by surveyor code', async () => {
    const report = await buildReport(store, { by: 'surveyor' });
    // DTV01: #1 #3, A1 2 of 2 → 100, B1 1 of 2 → 50 → 75; DTV02: #2 #4, A1 0 of 2, B1 1 of 1 → 50.
    expect(report.surveyors!.map((g) => [g.code, g.name, g.n, g.index])).toEqual([
      ['DTV01', 'DTV01', 2, 75],
      ['DTV02', 'DTV02', 2, 50],
    ]);
    expect(report.overall.n).toBe(4);
  });

  it('prints an aligned table with Vietnamese names sorted by index, JSON and CSV per grouping', async () => {
    const table = fakeIo();
    expect(await runCli(['report', '--db', store.label], table.io)).toBe(0);
    const lines = table.out().split('\n');
    const header = lines.findIndex((l) => l.startsWith('đơn vị / unit'));
    const rows = lines.slice(header + 2, header + 4);
    expect(rows[0]).toMatch(/^26734 +Phường Bến Thành +2 +75 /);
    expect(rows[1]).toMatch(new RegExp(`^26737 +${LONG_HOA} +2 +25 `));
    // The n column starts at the same terminal column on every line, decomposed accents or not.
    const nColumn = (l: string) => displayWidth(l.slice(0, l.search(/ 2 /) + 1));
    expect(nColumn(rows[0]!)).toBe(nColumn(rows[1]!));
    expect(displayWidth(lines[header]!.slice(0, lines[header]!.indexOf('n  '))) ).toBe(nColumn(rows[0]!));

    const json = fakeIo();
    expect(await runCli(['report', '--db', store.label, '--by', 'agency', '--format', 'json'], json.io)).toBe(0);
    expect(Object.keys(JSON.parse(json.out())).sort()).toEqual(['agencies', 'excluded', 'filters', 'frame', 'generated_at', 'overall', 'period', 'survey']);
    const csv = fakeIo();
    expect(await runCli(['report', '--db', store.label, '--by', 'surveyor', '--format', 'csv'], csv.io)).toBe(0);
    expect(csv.out().split('\n').slice(0, 3)).toEqual(['surveyor_code,surveyor_name,n,index,ci_lo,ci_hi,A,B', expect.stringMatching(/^DTV01,DTV01,2,75,/), expect.stringMatching(/^DTV02,DTV02,2,50,/)]);
    const agencies = fakeIo();
    expect(await runCli(['report', '--db', store.label, '--by', 'agency'], agencies.io)).toBe(0);
    expect(agencies.out()).toMatch(/cơ quan \/ agency +tên \/ name/);
    expect(agencies.out().indexOf('Sở Nội vụ')).toBeLessThan(agencies.out().indexOf('Ủy ban nhân dân Xã Long Hoà'));
  });

  it('refuses an unknown grouping, naming the choices', async () => {
    const t = fakeIo();
    const errors: string[] = [];
    t.io.err = (s) => void errors.push(s);
    expect(await runCli(['report', '--db', store.label, '--by', 'ward'], t.io)).not.toBe(0);
    expect(errors.join('')).toContain('--by ward: expected unit, agency, surveyor');
  });
});
