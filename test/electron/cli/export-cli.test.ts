// `khaosat export` end to end on both stores: batches from the real writer imported first without
// a package (export refuses: no form registered), then with the package; CSV rows and statuses
// computed by hand (skipped by relevance vs unanswered vs don't know), and the .sav read back by readstat.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { loadAnalystSigningKeys } from '../../../electron/sync/analyst-keys';
import { plainProtector } from '../../../electron/sync/key-protector';
import { createSurveyPackage } from '../../../electron/sync/survey-package';
import type { InterviewRecord } from '../../../shared/formats/batch';
import { batchFile, makeDevice, record, storeFactory, STORE_KINDS } from '../analyst/fixtures';
import { sampleForm } from '../../fixtures/exports/sample';
import { parseCsv, probeTools, run } from '../exports/tools';

function fakeIo(cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env: {}, cwd };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

type Ans = InterviewRecord['answers'][number];
const a = (path: string, value: Ans['value'], missing: Ans['missing'] = null): Ans => ({ path, value, missing, savedAt: '2026-11-30T09:01:00.000Z' });
const id = (n: number) => `${String(n).repeat(8)}-${String(n).repeat(4)}-4${String(n).repeat(3)}-8${String(n).repeat(3)}-${String(n).repeat(12)}`;
const readstat = probeTools().readstat;

describe.each(STORE_KINDS)('khaosat export (%s)', (kind) => {
  const stores = storeFactory(kind);
  let target: string;
  let deviceId: string;
  let b2: string;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    expect(await runCli(['keys', 'generate', '--out', 'keys'], fakeIo(stores.dir).io)).toBe(0);
    const keys = await loadAnalystSigningKeys(join(stores.dir, 'keys'), plainProtector());
    const input = {
      survey: { id: 'mau', title: 'Khảo sát hài lòng', formVersion: '2025.1' },
      recipient: keys.recipient,
      createdAt: '2026-11-30T08:00:00.000Z',
      parts: { 'form.json': Buffer.from(JSON.stringify(sampleForm())), 'units.csv': Buffer.from('code,type,name_vi\n26734,Phường,Phường Bến Thành\n') },
    };
    writeFileSync(join(stores.dir, 'mau.kspkg'), createSurveyPackage(input, keys.signing));
    const store = await stores.open();
    target = store.label;
    await store.close();

    const laptop = makeDevice('LAPTOP-01');
    deviceId = laptop.id;
    const r = (n: number, revision: number, o: Partial<InterviewRecord>) => record(laptop, id(n), revision, { surveyId: 'mau', formVersion: '2025.1', ...o });
    const first = [
      r(1, 1, { answers: [a('ACC1', '3')] }), // replaced by revision 2 below
      r(2, 0, { answers: [a('ACC1', null, 'dont_know'), a('kenh', ['web']), a('Q99', 1)] }), // the kind only: its code 9 comes from the form; Q99 is not in the form (imported before it was registered)
      r(4, 0, { answers: [a('ACC1', '1')] }),
    ];
    const second = [
      r(1, 2, { answers: [a('ACC1', '5'), a('ACC2', '4'), a('ghichu', 'Cán bộ, nhiệt tình'), a('kenh', ['tv', 'ban']), a('members[1]/ten', 'Trần Thị Bình'), a('members[1]/tuoi_tv', 60)] }),
      r(3, 0, { outcome: 'refused', answers: [] }),
      r(4, 0, { answers: [a('ACC1', '2')] }), // same revision, other content: a conflict, left out
    ];
    const b1 = await batchFile(stores.dir, laptop, 1, first, keys.recipient);
    b2 = await batchFile(stores.dir, laptop, 2, second, keys.recipient);
    expect(await runCli(['import', b1, '--db', target, '--keys', 'keys'], fakeIo(stores.dir).io)).toBe(0);
  }, 180_000);

  it('refuses, in Vietnamese and English, while no form is registered', async () => {
    const t = fakeIo(stores.dir);
    expect(await runCli(['export', '--db', target, '--format', 'csv', '--out', 'none'], t.io)).toBe(1);
    expect(t.err()).toMatch(/Chưa đăng ký bảng hỏi của khảo sát mau .*import with --package first/);
  });

  it('writes interviews.csv and statuses.csv: counted revisions, every outcome, skipped vs unanswered vs don\'t know', async () => {
    expect(await runCli(['import', b2, '--db', target, '--keys', 'keys', '--package', 'mau.kspkg'], fakeIo(stores.dir).io)).toBe(0);
    const t = fakeIo(stores.dir);
    expect(await runCli(['export', '--db', target, '--format', 'csv', '--out', 'csv', '--json'], t.io)).toBe(0);
    const summary = JSON.parse(t.out());
    expect(summary).toMatchObject({ survey: 'mau', form_version: '2025.1', format: 'csv', interviews: 3 });
    expect(summary.warnings).toEqual([expect.stringMatching(new RegExp(`^interview ${id(2)} revision 0: Q99: `))]);
    expect(summary.files).toEqual(['interviews.csv', 'statuses.csv', 'members.csv', 'members-statuses.csv', 'codebook.csv', 'codebook.md']);
    const meta = (n: number, revision: number, outcome: string) => `${id(n)},${revision},${deviceId},DTV01,26734,${outcome},2026-11-30T09:00:00.000Z,2026-11-30T09:20:00.000Z`;
    expect(readFileSync(join(stores.dir, 'csv', 'interviews.csv'), 'utf8').split('\r\n')).toEqual([
      'interview_id,revision,device_id,surveyor,unit_code,outcome,started_at,ended_at,tuoi,ACC1,ACC2,ghichu,kenh,kenh_tv,kenh_web,kenh_ban',
      `${meta(1, 2, 'completed')},,5,4,"Cán bộ, nhiệt tình",tv ban,1,0,1`,
      `${meta(2, 0, 'completed')},,9,,,web,0,1,0`,
      `${meta(3, 0, 'refused')},,,,,,,,`,
      '',
    ]);
    const ok = Array(8).fill('answered').join(',');
    // ACC2 is relevant only when ACC1 = 5: skipped for the don't know and for the empty ACC1.
    expect(readFileSync(join(stores.dir, 'csv', 'statuses.csv'), 'utf8').split('\r\n').slice(1)).toEqual([
      `${ok},unanswered,answered,answered,answered,answered,answered,answered,answered`,
      `${ok},unanswered,missing,skipped,unanswered,answered,answered,answered,answered`,
      `${ok},unanswered,unanswered,skipped,unanswered,unanswered,unanswered,unanswered,unanswered`,
      '',
    ]);
    expect(readFileSync(join(stores.dir, 'csv', 'members.csv'), 'utf8')).toBe(`interview_id,members_n,ten,tuoi_tv\r\n${id(1)},1,Trần Thị Bình,60\r\n`);
  });

  it('refuses a bad --format before opening the store', async () => {
    const t = fakeIo(stores.dir);
    expect(await runCli(['export', '--db', target, '--format', 'sas', '--out', 'x'], t.io)).toBe(2);
    expect(t.err()).toMatch(/--format sas: expected csv, xlsx, spss, stata/);
  });

  it.skipIf(!readstat.available)('writes an SPSS .sav that readstat reads back with the same values and statuses', async () => {
    expect(await runCli(['export', '--db', target, '--format', 'spss', '--out', 'spss'], fakeIo(stores.dir).io)).toBe(0);
    const rows = parseCsv(run('readstat', ['interviews.sav', '-'], join(stores.dir, 'spss')));
    const header = rows[0] as string[];
    const col = (name: string) => rows.slice(1).map((row) => row[header.indexOf(name)]);
    expect(col('outcome')).toEqual(['completed', 'completed', 'refused']);
    expect(col('ACC1').map((v) => (v === '' ? null : Number(v)))).toEqual([5, 9, null]);
    expect(col('ACC1_st').map(Number)).toEqual([1, 2, 4]);
    expect(col('ACC2_st').map(Number)).toEqual([1, 3, 3]);
  });

  it.skipIf(!readstat.available)('writes a Stata .dta (readstat reads it) and an .xlsx with the codebook', async () => {
    const t = fakeIo(stores.dir);
    expect(await runCli(['export', '--db', target, '--format', 'stata', '--out', 'stata', '--survey', 'mau'], t.io)).toBe(0);
    expect(t.out()).toMatch(/exported 3 .*interviews\.dta/s);
    expect(t.err()).toMatch(/warning: interview .* Q99/);
    expect(run('readstat', ['interviews.dta'], join(stores.dir, 'stata'))).toMatch(/Rows: 3/);
    expect(await runCli(['export', '--db', target, '--format', 'xlsx', '--out', 'xlsx'], fakeIo(stores.dir).io)).toBe(0);
    expect(readFileSync(join(stores.dir, 'xlsx', 'mau.xlsx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('names the survey when --survey is not in the store', async () => {
    const t = fakeIo(stores.dir);
    expect(await runCli(['export', '--db', target, '--format', 'csv', '--out', 'x', '--survey', 'khac'], t.io)).toBe(1);
    expect(t.err()).toMatch(/không có phỏng vấn nào của khảo sát khac .* no interviews of survey khac/);
  });
});
