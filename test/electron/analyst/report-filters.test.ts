// The index report's filters on both stores: completion day in Vietnam time, unit type and former
// province from the form's `units` list, respondent groups from DEM_AGE / DEM_SEX / DEM_TYPE;
// the frame the filters choose from; the same flags on `khaosat report`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { importBatchFiles } from '../../../electron/analyst/import';
import { buildReport } from '../../../electron/analyst/report';
import type { AnalystStore } from '../../../electron/analyst/store';
import type { InterviewRecord } from '../../../shared/formats/batch';
import { batchFile, makeAnalyst, makeDevice, record, registerForm, storeFactory, STORE_KINDS } from './fixtures';
import { FILTER_FORM } from './filter-form';
import { IndexReportSchema } from '../../../shared/contract/indices';

type Ans = InterviewRecord['answers'][number];
const a = (path: string, value: Ans['value']): Ans => ({ path, value, missing: null, savedAt: '2026-11-30T09:01:00.000Z' });

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env: {}, cwd: '/' };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

const id = (n: number) => `${String(n).repeat(8)}-2222-4222-8222-222222222222`;

describe.each(STORE_KINDS)('report filters on the %s store', (kind) => {
  const stores = storeFactory(kind);
  let store: AnalystStore;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    const analyst = await makeAnalyst();
    const laptop = makeDevice('LAPTOP-01');
    store = await stores.open();
    await registerForm(store.db, FILTER_FORM);
    const person = (age: string, sex: string, type: string, score: number) => [a('A1', score), a('DEM_AGE', age), a('DEM_SEX', sex), a('DEM_TYPE', type)];
    const records = [
      // 1: ward, TP.HCM, 18-24 male citizen, satisfied; completed 30/11 in Vietnam.
      record(laptop, id(1), 0, { unitCode: '26734', completedAt: '2026-11-30T03:00:00.000Z', answers: person('1', '1', '1', 5) }),
      // 2: ward, TP.HCM, 25-34 female business, not satisfied; 23:30 UTC on 30/11 is 01/12 in Vietnam.
      record(laptop, id(2), 0, { unitCode: '26734', completedAt: '2026-11-30T23:30:00.000Z', answers: person('2', '2', '2', 2) }),
      // 3: commune, Bình Dương, 25-34 male citizen, satisfied; 02/12.
      record(laptop, id(3), 0, { unitCode: '25747', completedAt: '2026-12-02T02:00:00.000Z', answers: person('2', '1', '1', 4) }),
      // 4: special zone, TP.HCM, age not given; 02/12.
      record(laptop, id(4), 0, { unitCode: '26500', completedAt: '2026-12-02T04:00:00.000Z', answers: [a('A1', 1), a('DEM_SEX', '2'), a('DEM_TYPE', '1')] }),
    ];
    await importBatchFiles(store, [await batchFile(stores.dir, laptop, 1, records, analyst.recipient)], { identity: analyst.identity });
  }, 120_000);

  const counted = async (filters: Parameters<typeof buildReport>[1] extends infer O ? O extends { filters?: infer F } ? F : never : never) => {
    const r = await buildReport(store, { filters });
    return { n: r.overall.n, units: r.units.map((u) => u.code), index: r.overall.index, period: r.period };
  };

  it('without filters counts everyone and gives the period in Vietnam days', async () => {
    expect(await counted({})).toEqual({ n: 4, units: ['25747', '26500', '26734'], index: 50, period: { from: '2026-11-30', to: '2026-12-02' } });
  });

  it('a date range counts Interviews by their completion day in Vietnam time, both ends included', async () => {
    expect(await counted({ from: '2026-12-01', to: '2026-12-01' })).toMatchObject({ n: 1, units: ['26734'], index: 0, period: { from: '2026-12-01', to: '2026-12-01' } });
    expect(await counted({ to: '2026-11-30' })).toMatchObject({ n: 1, index: 100 });
    expect(await counted({ from: '2026-12-02' })).toMatchObject({ n: 2, units: ['25747', '26500'] });
  });

  it('unit type and former province come from the form’s units list', async () => {
    expect(await counted({ unit_types: ['commune'] })).toMatchObject({ n: 1, units: ['25747'] });
    expect(await counted({ unit_types: ['ward', 'special_zone'] })).toMatchObject({ n: 3, units: ['26500', '26734'] });
    expect(await counted({ former_provinces: ['TP.HCM'] })).toMatchObject({ n: 3, units: ['26500', '26734'] });
    expect(await counted({ former_provinces: ['Bình Dương'], unit_types: ['ward'] })).toMatchObject({ n: 0, units: [], index: null });
  });

  it('respondent groups filter by the answers, all groups at once; an unanswered group question leaves the Interview out', async () => {
    expect(await counted({ sexes: ['1'] })).toMatchObject({ n: 2, units: ['25747', '26734'], index: 100 });
    expect(await counted({ age_groups: ['2'] })).toMatchObject({ n: 2, units: ['25747', '26734'] });
    expect(await counted({ age_groups: ['2'], respondent_types: ['1'] })).toMatchObject({ n: 1, units: ['25747'] });
    expect(await counted({ respondent_types: ['2'], sexes: ['2'] })).toMatchObject({ n: 1, units: ['26734'], index: 0 });
    // Interview 4 gave no age: any age filter leaves it out.
    expect(await counted({ age_groups: ['1', '2'] })).toMatchObject({ n: 3 });
  });

  it('the report carries its filters and the frame the filters choose from, labels from the form', async () => {
    const r = await buildReport(store, { filters: { sexes: ['2', '1', '2'], unit_types: [] } });
    expect(r.filters).toEqual({ survey: 'hids-2026', sexes: ['1', '2'] });
    expect(r.frame).toMatchObject({
      surveys: ['hids-2026'],
      unit_types: ['ward', 'commune', 'special_zone'],
      former_provinces: ['Bình Dương', 'TP.HCM'],
      age_groups: [{ code: '1', label: 'Từ 18 - 24 tuổi' }, { code: '2', label: 'Từ 25-34 tuổi' }],
      respondent_types: [{ code: '1', label: 'Người dân' }, { code: '2', label: 'Đại diện tổ chức, doanh nghiệp' }],
      components: [{ code: 'A', label: 'Tiếp cận' }],
      items: { A1: 'Câu A1' },
    });
    expect(r.frame!.units['25747']).toEqual({ name: 'Xã Hai (Bình Dương cũ)', type: 'commune', former_province: 'Bình Dương' });
    // What the store gives is what the contract carries to the screen.
    expect(IndexReportSchema.parse(r)).toEqual(r);
  });

  it('refuses a bad date, a reversed range and an unknown unit type, in Vietnamese and English', async () => {
    await expect(buildReport(store, { filters: { from: '2026-02-30' } })).rejects.toThrow(/không hợp lệ.*not a date/);
    await expect(buildReport(store, { filters: { from: '2026-12-02', to: '2026-12-01' } })).rejects.toThrow(/ngược.*reversed/);
    await expect(buildReport(store, { filters: { unit_types: ['district' as never] } })).rejects.toThrow(/không có.*unknown unit type/);
  });

  it('khaosat report takes the same filters as flags', async () => {
    const json = fakeIo();
    expect(await runCli(['report', '--db', store.label, '--format', 'json', '--from', '2026-12-02', '--unit-type', 'commune,special_zone', '--sex', '1'], json.io)).toBe(0);
    const r = JSON.parse(json.out());
    expect(r.filters).toEqual({ survey: 'hids-2026', from: '2026-12-02', unit_types: ['commune', 'special_zone'], sexes: ['1'] });
    expect(r.units.map((u: { code: string }) => u.code)).toEqual(['25747']);
    const groups = fakeIo();
    expect(await runCli(['report', '--db', store.label, '--format', 'csv', '--province', 'TP.HCM', '--age', '1', '--age', '2', '--respondent', '1'], groups.io)).toBe(0);
    expect(groups.out().split('\n').filter(Boolean).map((l) => l.split(',')[0])).toEqual(['unit_code', '26734']);
    // Filters select respondents for any grouping.
    const bySurveyor = fakeIo();
    expect(await runCli(['report', '--db', store.label, '--format', 'json', '--by', 'surveyor', '--unit-type', 'ward'], bySurveyor.io)).toBe(0);
    expect(JSON.parse(bySurveyor.out()).surveyors.map((g: { code: string; n: number }) => [g.code, g.n])).toEqual([['DTV01', 2]]);
    const bad = fakeIo();
    expect(await runCli(['report', '--db', store.label, '--to', '30/11/2026'], bad.io)).not.toBe(0);
    expect(bad.err()).toMatch(/YYYY-MM-DD/);
  });
});
