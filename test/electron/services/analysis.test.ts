// The analyst's face through the core's handlers and the guard: the store opened lazily beside the
// laptop database, the key folder chosen and kept wrapped, an import job polled to its end (a
// survey package registered first, a damaged file rejected with its reason, a gap, a conflict),
// the conflict resolved so it counts, the dashboard, the report, the export, and the refusals.
import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGuard } from '../../../electron/ipc/guard';
import type { Core } from '../../../electron/services';
import type { ImportStatus } from '../../../shared/contract';
import { generateAnalystKeys, loadAnalystSigningKeys } from '../../../electron/sync/analyst-keys';
import { passphraseProtector, plainProtector } from '../../../electron/sync/key-protector';
import { createSurveyPackage } from '../../../electron/sync/survey-package';
import { compileForm } from '../../../shared/forms';
import { workbook } from '../../fixtures/forms/workbooks';
import { batchFile, makeDevice, record } from '../analyst/fixtures';
import { cleanup, makeCore, session, testClock } from './helpers';

const cores: Core[] = [];
afterEach(() => cleanup(cores));

const X = '11111111-1111-4111-8111-111111111111';
const Y = '22222222-2222-4222-8222-222222222222';
const APP = 'app://khaosat/index.html';

function form() {
  const r = compileForm(
    workbook('hids.xlsx', {
      survey: [['type', 'name', 'label'], ['select_one sat5', 'ACC1', 'Tiếp cận dịch vụ'], ['select_one sat5', 'ACC2', 'Thủ tục']],
      choices: [['list_name', 'name', 'label'], ...[1, 2, 3, 4, 5].map((c) => ['sat5', c, `Mức ${c}`]), ['sat5', 9, 'Không biết']],
      settings: [['form_title', 'form_id', 'version', 'missing_codes'], ['HIDS', 'hids-2026', '2026.1', '9=dont_know']],
    }),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const index = { origin: 'sheet', satisfiedCodes: [4, 5], validCodes: [1, 2, 3, 4, 5], components: [{ id: 'ACC', labels: { vi: 'Tiếp cận' }, weight: 1, items: [{ question: 'ACC1', weight: 1 }, { question: 'ACC2', weight: 1 }] }] };
  return { ...r.form, index };
}

/** A laptop core with an analyst, the analyst's keys folder, and a folder of batches + the package. */
async function setUp(options: { protector?: ReturnType<typeof plainProtector> } = {}) {
  const clock = testClock('2026-12-01T03:00:00.000Z');
  let keyFolder: string | null = null;
  let importPaths: string[] | null = null;
  let exportFolder: string | null = null;
  const core = makeCore({
    clock: clock.clock,
    analyst: {
      keyProtector: () => options.protector ?? plainProtector(),
      chooseKeyFolder: async () => keyFolder,
      chooseImport: async () => importPaths,
      chooseExportFolder: async () => exportFolder,
    },
  });
  cores.push(core);
  const admin = session();
  await core.handlers['setup:createFirstSupervisor']({ code: 'GS01', name: 'Giám Sát', secret: '24681357' }, admin);
  const analyst = await core.handlers['user:create']({ code: 'PT01', name: 'Phạm Thu Hà', role: 'analyst', secret: '86420135' }, admin);
  const surveyor = await core.handlers['user:create']({ code: 'DTV01', name: 'Trần An', role: 'surveyor', secret: '1358' }, admin);

  const keys = join(core.dir, 'keys');
  const made = await generateAnalystKeys(keys, plainProtector());
  const { signing, recipient } = await loadAnalystSigningKeys(keys, plainProtector());
  const batches = join(core.dir, 'batches');
  mkdirSync(batches);
  const pkg = createSurveyPackage(
    { survey: { id: 'hids-2026', title: 'HIDS', formVersion: '2026.1' }, recipient, createdAt: '2026-11-01T00:00:00.000Z', parts: { 'form.json': Buffer.from(JSON.stringify(form())), 'units.csv': Buffer.from('code,name_vi\n26734,Phường Bến Nghé\n'), 'quotas.csv': Buffer.from('unit_code,target\n26734,5\n') } },
    signing,
  );
  writeFileSync(join(batches, 'hids.kspkg'), pkg);
  const one = makeDevice('LAPTOP-01');
  const two = makeDevice('LAPTOP-02');
  await batchFile(batches, one, 1, [record(one, X, 1, { answers: [{ path: 'ACC1', value: '5', missing: null, savedAt: '2026-11-30T09:01:00.000Z' }] }), record(one, Y, 0)], recipient);
  await batchFile(batches, one, 3, [record(one, '33333333-3333-4333-8333-333333333333', 0, { outcome: 'refused', answers: [] })], recipient);
  await batchFile(batches, two, 1, [record(two, X, 1, { surveyorCode: 'DTV02', answers: [{ path: 'ACC1', value: '1', missing: null, savedAt: '2026-11-30T09:01:00.000Z' }] })], recipient);
  writeFileSync(join(batches, 'zz-damaged.ksbatch'), 'not a batch');
  const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: (u) => u === APP });
  return {
    core,
    clock,
    made,
    keys,
    batches,
    as: (user: typeof analyst) => async (op: Parameters<typeof guard>[0], payload: unknown) => guard(op, payload, { senderUrl: APP, session: { user } }),
    analyst,
    surveyor,
    setKeyFolder: (f: string | null) => (keyFolder = f),
    setImport: (p: string[] | null) => (importPaths = p),
    setExport: (f: string | null) => (exportFolder = f),
  };
}

/** The value of a successful call (fails the test otherwise). */
function valueOf<T>(r: { ok: boolean }): T {
  if (!r.ok) throw new Error(`call failed: ${JSON.stringify(r)}`);
  return (r as unknown as { value: T }).value;
}

async function untilDone(call: (op: 'analysis:importStatus', payload: unknown) => Promise<{ ok: boolean }>, jobId: string): Promise<ImportStatus> {
  for (let i = 0; i < 400; i++) {
    const r = await call('analysis:importStatus', { jobId });
    const status = valueOf<ImportStatus>(r);
    if (status.state !== 'running') return status;
    await new Promise((res) => setTimeout(res, 25));
  }
  throw new Error('import did not finish');
}

describe('the analyst face through the guard', () => {
  it('keys: none at first; a chosen folder is kept wrapped and its fingerprints shown; a cancelled dialog changes nothing', async () => {
    const t = await setUp({ protector: passphraseProtector('mot cum mat khau dai', { workFactor: 10 }) });
    const call = t.as(t.analyst);
    expect(await call('analysis:keys', {})).toMatchObject({ ok: true, value: { keys: null, store: join(t.core.dir, 'analyst.sqlite') } });
    // The store is opened lazily: nothing created until an analyst operation needs it.
    expect(existsSync(join(t.core.dir, 'analyst.sqlite'))).toBe(false);
    expect(await call('analysis:chooseKeys', {})).toEqual({ ok: true, value: { cancelled: true, keys: null } });
    t.setKeyFolder(t.keys);
    const chosen = await call('analysis:chooseKeys', {});
    expect(chosen).toMatchObject({
      ok: true,
      value: { cancelled: false, keys: { recipient: t.made.encryption.recipient, recipientFingerprint: t.made.encryption.fingerprint, signingFingerprint: t.made.signing.fingerprint, protection: 'age-passphrase', chosenAt: '2026-12-01T03:00:00.000Z' } },
    });
    const file = join(t.core.dir, 'analyst-keys.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The decryption key itself is not in the file, only its wrapped form.
    const secret = readFileSync(join(t.keys, 'encryption.key'), 'utf8').split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
    expect(readFileSync(file, 'utf8')).not.toContain(secret);
  });

  it('import without keys is refused with analyst_keys_missing, naming what to do', async () => {
    const t = await setUp();
    const r = await t.as(t.analyst)('analysis:import', { choose: 'folder' });
    expect(r).toMatchObject({ ok: false, error: { code: 'analyst_keys_missing', message: expect.stringContaining('khaosat keys generate') } });
  });

  it('imports a chosen folder as a job: package first, each file with its result, gaps; a conflict is resolved and then counts', async () => {
    const t = await setUp();
    const call = t.as(t.analyst);
    t.setKeyFolder(t.keys);
    await call('analysis:chooseKeys', {});
    expect(await call('analysis:import', { choose: 'folder' })).toEqual({ ok: true, value: { cancelled: true, jobId: null, total: 0 } });
    t.setImport([t.batches]);
    const started = await call('analysis:import', { choose: 'folder' });
    expect(started).toMatchObject({ ok: true, value: { cancelled: false, total: 4 } });
    const status = await untilDone(call, valueOf<{ jobId: string }>(started).jobId);
    expect(status).toMatchObject({ state: 'done', done: 4, total: 4, currentFile: null, error: null });
    expect(status.packages).toEqual([{ file: 'hids.kspkg', survey: 'hids-2026', formVersion: '2026.1', added: true, reason: null }]);
    expect(status.results.map((r) => [r.status, r.reasonCode])).toEqual([
      ['imported', null],
      ['imported', null],
      ['imported', null],
      ['rejected', 'batch_damaged'],
    ]);
    expect(status.results[3]!.reason).toMatch(/^batch_damaged: .+ \/ .+/);
    expect(status.interviews).toEqual({ new: 3, replaced: 0, unchanged: 0, stale: 0, conflicts: 1 });
    expect(status.gaps).toEqual([{ device: expect.any(String), missing: [2] }]);
    expect(status.formsUnknown).toEqual([]);

    const before = await call('analysis:dashboard', {});
    expect(before).toMatchObject({ ok: true, value: { totals: { total: 2, completed: 1, unresolvedConflicts: 1 } } });
    const conflicts = await call('analysis:conflicts', {});
    expect(conflicts).toMatchObject({ ok: true, value: { total: 1 } });
    const c = valueOf<{ conflicts: { versions: { contentHash: string; surveyorCode: string }[] }[] }>(conflicts).conflicts[0]!;
    expect(c.versions).toHaveLength(2);
    const chosen = c.versions.find((v) => v.surveyorCode === 'DTV02')!.contentHash;
    expect(await call('analysis:resolveConflict', { interviewId: X, revision: 1, contentHash: chosen })).toEqual({ ok: true, value: { interviewId: X, revision: 1, chosen } });
    const after = await call('analysis:dashboard', {});
    expect(after).toMatchObject({ ok: true, value: { totals: { total: 3, completed: 2, unresolvedConflicts: 0, quota: 5, quotaPercent: 40 } } });
    // The Unit by its name from the package frame, against the package's quota.
    expect(valueOf<{ byUnit: unknown[] }>(after).byUnit).toEqual([{ unitCode: '26734', nameVi: 'Phường Bến Nghé', nameEn: null, total: 3, completed: 2, quota: 5, percent: 40 }]);
    const report = await call('analysis:report', {});
    expect(report).toMatchObject({ ok: true, value: { survey: 'hids-2026', overall: { n: 2 }, excluded: { conflicts: 0, not_completed: 1 } } });
    // ACC1: the chosen 1 and Y's 4 → one satisfied of two.
    expect(valueOf<{ overall: { components: Record<string, { items: Record<string, { index: number }> }> } }>(report).overall.components.ACC!.items.ACC1!.index).toBe(50);

    // Filters reach buildReport: a day range after fieldwork leaves nobody; a reversed range is the request's fault.
    expect(await call('analysis:report', { filters: { from: '2099-01-01' } })).toMatchObject({ ok: true, value: { overall: { n: 0 }, filters: { from: '2099-01-01' } } });
    expect(await call('analysis:report', { filters: { from: '2026-12-02', to: '2026-12-01' } })).toMatchObject({ ok: false, error: { code: 'invalid_request', issues: [{ path: 'filters' }] } });

    // Export: cancelled without a folder; then csv files into the folder.
    expect(await call('analysis:export', { format: 'csv' })).toMatchObject({ ok: true, value: { cancelled: true, files: [] } });
    const out = join(t.core.dir, 'out');
    mkdirSync(out);
    t.setExport(out);
    const exported = await call('analysis:export', { format: 'csv' });
    expect(exported).toMatchObject({ ok: true, value: { cancelled: false, folder: out, survey: 'hids-2026', formVersion: '2026.1', interviews: 3 } });
    expect(readdirSync(out)).toEqual(expect.arrayContaining(['interviews.csv', 'statuses.csv']));
    expect(readFileSync(join(out, 'interviews.csv'), 'utf8')).toContain(X);
  });

  it('dropped files are imported from their bytes; a report before any form is registered says what to do', async () => {
    const t = await setUp();
    const call = t.as(t.analyst);
    t.setKeyFolder(t.keys);
    await call('analysis:chooseKeys', {});
    const files = readdirSync(t.batches)
      .filter((n) => n.endsWith('.ksbatch'))
      .map((name) => ({ name, contentBase64: readFileSync(join(t.batches, name)).toString('base64') }));
    const started = await call('analysis:import', { files });
    const status = await untilDone(call, valueOf<{ jobId: string }>(started).jobId);
    expect(status.results.map((r) => r.status)).toEqual(['imported', 'imported', 'imported', 'rejected']);
    expect(status.formsUnknown).toEqual([{ survey: 'hids-2026', formVersion: '2026.1' }]);
    const report = await call('analysis:report', {});
    expect(report).toMatchObject({ ok: false, error: { code: 'analysis_not_ready', message: expect.stringContaining('Chưa đăng ký bảng hỏi của khảo sát hids-2026') } });
  });

  it('a dropped file name that is a folder step or a path is refused by the guard', async () => {
    const t = await setUp();
    for (const name of ['..', '.', 'sub/a.ksbatch', '..\\a.ksbatch']) {
      const r = await t.as(t.analyst)('analysis:import', { files: [{ name, contentBase64: 'AQID' }] });
      expect(r, name).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    }
    // Neither both ways at once nor none.
    expect(await t.as(t.analyst)('analysis:import', { choose: 'folder', files: [{ name: 'a.ksbatch', contentBase64: 'AQID' }] })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await t.as(t.analyst)('analysis:import', {})).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it('surveyors and supervisors are refused every analyst operation', async () => {
    const t = await setUp();
    for (const user of [t.surveyor]) {
      for (const [op, payload] of [['analysis:keys', {}], ['analysis:import', { choose: 'folder' }], ['analysis:dashboard', {}], ['analysis:export', { format: 'csv' }]] as const) {
        expect(await t.as(user)(op, payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    const supervisor = t.core.currentUser(1)!;
    expect(await t.as(supervisor)('analysis:conflicts', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});

describe('the files an export lists', () => {
  it('lists every file while they fit the contract, else the data files and the media/ folder once', async () => {
    const { listedExportFiles, EXPORT_FILES_LISTED } = await import('../../../electron/services/analysis');
    const { DataExportResultSchema } = await import('../../../shared/contract/analysis');
    const few = ['interviews.csv', 'media/a/audit.csv', 'mau - audit.csv'];
    expect(listedExportFiles(few)).toEqual(few);
    const many = ['interviews.csv', 'statuses.csv', ...Array.from({ length: EXPORT_FILES_LISTED + 5 }, (_, i) => `media/${i}/audit.csv`), 'mau - audit.csv'];
    const listed = listedExportFiles(many);
    expect(listed).toEqual(['interviews.csv', 'statuses.csv', 'media/', 'mau - audit.csv']);
    const result = { cancelled: false, folder: '/x', survey: 's', formVersion: 'v', interviews: 1, warnings: [] };
    expect(DataExportResultSchema.safeParse({ ...result, files: listed }).success).toBe(true);
    expect(DataExportResultSchema.safeParse({ ...result, files: many }).success).toBe(false);
  });
});
