// Batch export from the laptop database: approved interviews leave once per revision, one batch per
// survey, in sequence without gaps; the analyst's identity opens exactly what the database holds;
// a past batch is written again byte-identical; supervisors only.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { User } from '../../../shared/contract/schemas';
import { createGuard } from '../../../electron/ipc/guard';
import { type Core } from '../../../electron/services';
import { openBatch, readBatchManifest } from '../../../electron/sync/batch';
import { generateSigningKey } from '../../../electron/sync/signing';
import { COMPLETE_ANSWERS } from '../../fixtures/forms/interviewForm';
import { cleanup, makeCore, refusal, session, setUpStaff, testClock } from './helpers';

const IDENTITY = readFileSync(join(__dirname, '../../fixtures/sync/analyst-age.key'), 'utf8').trim().split('\n').pop()!;
const RECIPIENT = readFileSync(join(__dirname, '../../fixtures/sync/analyst-age.pub'), 'utf8').trim();
const recipientFor = () => RECIPIENT;

const cores: Core[] = [];
afterEach(() => cleanup(cores));

async function setUp(opts: { folder?: () => Promise<string | null> } = {}) {
  const time = testClock();
  const deviceKey = generateSigningKey();
  const core = makeCore({
    clock: time.clock,
    batchExport: { deviceKey: async () => deviceKey, recipientFor, ...(opts.folder ? { chooseFolder: opts.folder } : {}) },
  });
  cores.push(core);
  const staff = await setUpStaff(core, time.clock);
  const out = join(core.dir, 'out');
  mkdirSync(out);
  const a = session(staff.surveyorA);

  /** A completed interview of surveyor A, answered in full. */
  async function completed(): Promise<string> {
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: true }, a);
    for (const x of COMPLETE_ANSWERS) await core.handlers['interview:saveAnswer']({ interviewId: iv.id, path: x.path, value: x.value }, a);
    time.advance(60_000);
    await core.handlers['interview:complete']({ interviewId: iv.id }, a);
    return iv.id;
  }
  const approve = (id: string) => core.services.interviews.review(staff.supervisor, { interviewId: id, action: 'approve' });
  const exportNow = (actor: User | null = staff.supervisor) => core.services.batches.export(actor, { outDir: out, recipientFor });
  return { core, time, staff, deviceKey, out, a, completed, approve, exportNow };
}

describe('batch export', () => {
  it('round trip: approved interviews leave in one batch that the analyst opens to the same answers and paradata', async () => {
    const { core, deviceKey, out, completed, approve, exportNow } = await setUp();
    const first = await completed();
    const second = await completed();
    await completed(); // completed, not approved: stays behind
    approve(first);
    approve(second);

    const [batch, ...more] = await exportNow();
    expect(more).toEqual([]);
    expect(batch).toMatchObject({ sequence: 1, surveyId: 'hids' });
    expect(batch!.fileName).toMatch(/^hids_KS-[0-9A-F]{8}_000001\.ksbatch$/);
    expect(readdirSync(out)).toEqual([batch!.fileName]);

    const bytes = readFileSync(join(out, batch!.fileName));
    const opened = await openBatch(bytes, IDENTITY, { pinnedDeviceKey: deviceKey.publicKey });
    expect(opened.manifest.sequence).toBe(1);
    expect(opened.manifest.device).toMatchObject({ id: core.deviceId, fingerprint: deviceKey.fingerprint });
    expect(opened.interviews.map((r) => r.id)).toEqual([first, second].sort());
    for (const record of opened.interviews) {
      const stored = core.services.interviews.load(core.services.users.current(2)!, record.id);
      expect(record.answers).toEqual(stored.answers.map((x) => ({ path: x.path, value: x.value, missing: x.missing, savedAt: x.savedAt })));
      expect(record).toMatchObject({ revision: 0, surveyorCode: 'DTV01', unitCode: '26734', outcome: 'completed', formVersion: 'v1' });
      expect(record.approvedAt).not.toBeNull();
      expect(record.paradata.map((p) => p.event)).toEqual(expect.arrayContaining(['created', 'answered', 'completed']));
    }
    // The ledger holds the file's hash and bytes; the interviews stay approved.
    expect(core.services.batches.list()).toMatchObject([{ sequence: 1, fileName: batch!.fileName, fileSha256: batch!.fileSha256, interviewCount: 2 }]);
    expect((await core.handlers['interview:list']({ status: 'approved' }, session(core.services.users.current(1))))).toHaveLength(2);
    // Nothing is due any more: a second export writes no file.
    expect(await exportNow()).toEqual([]);
    expect(readdirSync(out)).toHaveLength(1);
  });

  it('nothing approved: nothing written, no sequence used, no device key needed', async () => {
    const time = testClock();
    const core = makeCore({ clock: time.clock, batchExport: { deviceKey: async () => { throw new Error('must not be asked'); } } });
    cores.push(core);
    const staff = await setUpStaff(core, time.clock);
    expect(await core.services.batches.export(staff.supervisor, { outDir: core.dir, recipientFor })).toEqual([]);
    expect(core.services.batches.list()).toEqual([]);
  });

  it('a survey with approved interviews but no analyst key is refused before any file is written', async () => {
    const { core, staff, out, completed, approve } = await setUp();
    approve(await completed());
    const err = await refusal(() => core.services.batches.export(staff.supervisor, { outDir: out, recipientFor: () => null }));
    expect(err.code).toBe('analyst_key_missing');
    expect(readdirSync(out)).toEqual([]);
  });

  it('re-export writes the stored bytes again, byte-identical, under the same name', async () => {
    const { core, staff, out, completed, approve, exportNow } = await setUp();
    approve(await completed());
    const [batch] = await exportNow();
    const original = readFileSync(batch!.path);
    rmSync(batch!.path);
    const again = await core.services.batches.reexport(staff.supervisor, { sequence: 1, outDir: out });
    expect(again.fileName).toBe(batch!.fileName);
    expect(readFileSync(again.path).equals(original)).toBe(true);
    // Already there with the same bytes: fine; a different file under that name is left alone.
    await core.services.batches.reexport(null, { sequence: 1, outDir: out });
    writeFileSync(again.path, 'not ours');
    expect((await refusal(() => core.services.batches.reexport(null, { sequence: 1, outDir: out }))).code).toBe('batch_file_exists');
    expect(readFileSync(again.path, 'utf8')).toBe('not ours');
    expect((await refusal(() => core.services.batches.reexport(null, { sequence: 9, outDir: out }))).code).toBe('not_found');
  });

  it('a re-approved interview after reject, reopen and complete travels again in the next batch with its higher revision; sequences have no gaps', async () => {
    const { core, staff, deviceKey, a, completed, approve, exportNow } = await setUp();
    const id = await completed();
    approve(id);
    const [b1] = await exportNow();
    expect(b1!.interviews).toEqual([{ id, revision: 0 }]);

    // An approved interview cannot be rejected (status table), so a second one shows the path back.
    const other = await completed();
    core.services.interviews.review(staff.supervisor, { interviewId: other, action: 'reject', comment: 'Thiếu ACC2' });
    await core.handlers['interview:reopen']({ interviewId: other }, a);
    await core.handlers['interview:saveAnswer']({ interviewId: other, path: 'ACC2', value: '5' }, a);
    await core.handlers['interview:complete']({ interviewId: other }, a);
    approve(other);
    const [b2] = await exportNow();
    expect(b2).toMatchObject({ sequence: 2, interviews: [{ id: other, revision: 1 }] });
    const opened = await openBatch(readFileSync(b2!.path), IDENTITY, { pinnedDeviceKey: deviceKey.publicKey });
    expect(opened.interviews[0]!.answers.find((x) => x.path === 'ACC2')?.value).toBe('5');
    expect(opened.interviews[0]!.revision).toBe(1);

    approve(await completed());
    const [b3] = await exportNow();
    expect(core.services.batches.list().map((b) => b.sequence)).toEqual([1, 2, 3]);
    expect(readBatchManifest(readFileSync(b3!.path)).manifest.sequence).toBe(3);
  });

  it('a file of someone else under the next name is left alone and nothing is recorded', async () => {
    const { core, out, completed, approve, exportNow } = await setUp();
    approve(await completed());
    const name = `hids_${'KS-' + core.deviceId.replace(/-/g, '').slice(0, 8).toUpperCase()}_000001.ksbatch`;
    writeFileSync(join(out, name), 'someone else');
    expect((await refusal(() => exportNow())).code).toBe('batch_file_exists');
    expect(readFileSync(join(out, name), 'utf8')).toBe('someone else');
    expect(core.services.batches.list()).toEqual([]);
  });

  it('a crash after the rename, before the ledger commit, leaves an unrecorded file that the next export replaces', async () => {
    const time = testClock();
    const deviceKey = generateSigningKey();
    let crash = true;
    const core = makeCore({
      clock: time.clock,
      batchExport: {
        deviceKey: async () => deviceKey,
        beforeRecord: () => {
          if (crash) throw new Error('simulated crash before the ledger commit');
        },
      },
    });
    cores.push(core);
    const staff = await setUpStaff(core, time.clock);
    const a = session(staff.surveyorA);
    const iv = await core.handlers['interview:start']({ surveyId: 'hids', unitCode: '26734', consent: false }, a);
    core.services.interviews.review(staff.supervisor, { interviewId: iv.id, action: 'approve' });
    await expect(core.services.batches.export(staff.supervisor, { outDir: core.dir, recipientFor })).rejects.toThrow(/simulated crash/);
    const left = readdirSync(core.dir).filter((n) => n.endsWith('.ksbatch'));
    expect(left).toHaveLength(1);
    expect(core.services.batches.list()).toEqual([]);
    crash = false;
    const [batch] = await core.services.batches.export(staff.supervisor, { outDir: core.dir, recipientFor });
    expect(batch).toMatchObject({ sequence: 1, fileName: left[0] });
    expect(core.services.batches.list()).toMatchObject([{ sequence: 1, fileSha256: createHash('sha256').update(readFileSync(batch!.path)).digest('hex') }]);
    expect((await openBatch(readFileSync(batch!.path), IDENTITY)).manifest.batchId).toBe(batch!.batchId);
  });
});

describe('batch:export (contract operation)', () => {
  it('a supervisor exports into the folder the dialog port gives; cancelling writes nothing; a surveyor is refused', async () => {
    let folder: string | null = null;
    const { core, staff, out, completed, approve } = await setUp({ folder: async () => folder });
    approve(await completed());
    const guard = createGuard({ handlers: core.handlers, currentUser: core.currentUser, isTrustedSender: () => true, onInternalError: () => {} });
    const call = (user: User) => guard('batch:export', {}, { senderUrl: 'app://khaosat/index.html', session: { user } });

    const refused = await call(staff.surveyorA);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The service refuses a surveyor on its own too (the guard is not the only wall).
    expect((await refusal(() => core.services.batches.export(staff.surveyorA, { outDir: out, recipientFor }))).code).toBe('forbidden');

    expect(await call(staff.supervisor)).toMatchObject({ ok: true, value: { cancelled: true, folder: null, batches: [] } });
    expect(readdirSync(out)).toEqual([]);

    folder = out;
    const done = await call(staff.supervisor);
    expect(done).toMatchObject({ ok: true, value: { cancelled: false, folder: out, batches: [{ sequence: 1, surveyId: 'hids', interviews: 1 }] } });
    expect(readdirSync(out)).toHaveLength(1);
  });
});
