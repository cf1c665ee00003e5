// The import rules of issue 9 §1 on both analyst stores (SQLite and a real PostgreSQL server
// started by the test): new, unchanged, replaced (history kept), stale, conflict, duplicate,
// rejected files (nothing written but the arrival row), device keys, sequence gaps, and the
// same tables whatever the arrival order.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importBatchFiles } from '../../../electron/analyst/import';
import type { AnalystStore } from '../../../electron/analyst/store';
import { batchFile, makeAnalyst, makeDevice, record, registerForm, snapshot, storeFactory, STORE_KINDS, uncheckedBatchFile, type Device } from './fixtures';

const FIXED_NOW = () => new Date('2026-12-01T02:00:00.000Z');
const X = '11111111-1111-4111-8111-111111111111';
const Y = '22222222-2222-4222-8222-222222222222';
const Z = '33333333-3333-4333-8333-333333333333';

describe.each(STORE_KINDS)('import into the %s store', (kind) => {
  const stores = storeFactory(kind);
  let analyst: { identity: string; recipient: string };
  let laptop: Device;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    analyst = await makeAnalyst();
    laptop = makeDevice('LAPTOP-01');
  }, 120_000);

  const run = (store: AnalystStore, files: string[]) => importBatchFiles(store, files, { identity: analyst.identity, now: FIXED_NOW });
  const file = (device: Device, seq: number, records: ReturnType<typeof record>[], batchId?: string) =>
    batchFile(stores.dir, device, seq, records, analyst.recipient, batchId);
  const rows = (store: AnalystStore, id: string) =>
    store.db.selectFrom('interviews').select(['revision', 'status']).where('id', '=', id).orderBy('revision').orderBy('content_hash').execute();

  it('imports new interviews with their answers, registers the device, and prints the counts', async () => {
    const store = await stores.open();
    const f = await file(laptop, 1, [record(laptop, X, 1), record(laptop, Y, 0, { outcome: 'refused', answers: [] })]);
    const report = await run(store, [f]);
    expect(report.batches).toEqual([
      { file: f.split('/').pop(), status: 'imported', device: laptop.id, sequence: 1, interviews: { new: 2, replaced: 0, unchanged: 0, stale: 0, conflicts: 0 } },
    ]);
    expect(report.gaps).toEqual([]);
    const s = await snapshot(store);
    expect(s.devices).toEqual([{ id: laptop.id, public_key: laptop.key.publicKeyHex, fingerprint: laptop.key.fingerprint, first_seen_at: FIXED_NOW().toISOString() }]);
    expect(s.interviews.map((r) => [r.id, r.revision, r.status, r.outcome])).toEqual([
      [X, 1, 'current', 'completed'],
      [Y, 0, 'current', 'refused'],
    ]);
    expect(s.answers.map((a) => [a.path, JSON.parse(a.value), a.missing])).toEqual([
      ['ACC1', 4, null],
      ['ACC2', null, 'dont_know'],
    ]);
    const ledger = await store.db.selectFrom('batch_arrivals').selectAll().execute();
    expect(ledger.map((l) => [l.status, l.sequence, l.device_id])).toEqual([['imported', 1, laptop.id]]);
  });

  it('same id, revision and content is unchanged; the same file again is a duplicate; neither changes the tables', async () => {
    const store = await stores.open();
    // Batch ids fixed so that the first stays the least (the store keeps the least batch id that
    // carried a content, so that which batch came first cannot show in the tables).
    const f1 = await file(laptop, 1, [record(laptop, X, 1)], 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa');
    await run(store, [f1]);
    const before = await snapshot(store);
    const f2 = await file(laptop, 2, [record(laptop, X, 1)], 'ffffffff-ffff-4fff-bfff-ffffffffffff');
    const report = await run(store, [f2, f1]);
    expect(report.batches.map((b) => [b.status, b.sequence, b.interviews.unchanged])).toEqual([
      ['unchanged', 2, 1],
      ['duplicate', 1, 0],
    ]);
    expect(report.batches[1]!.reason).toMatch(/^batch_duplicate: /);
    expect(await snapshot(store)).toEqual(before);
    expect(report.gaps).toEqual([]);
  });

  it('a higher revision replaces and the older is kept in history with its answers; a lower one after it is stale', async () => {
    const store = await stores.open();
    const r1 = record(laptop, X, 1);
    const r2 = record(laptop, X, 2, { answers: [{ path: 'ACC1', value: 5, missing: null, savedAt: '2026-11-30T10:00:00.000Z' }] });
    const first = await run(store, [await file(laptop, 1, [r2])]);
    expect(first.batches[0]!.interviews.new).toBe(1);
    const late = await run(store, [await file(laptop, 2, [r1])]);
    expect(late.batches[0]!.interviews).toEqual({ new: 0, replaced: 0, unchanged: 0, stale: 1, conflicts: 0 });
    expect(await rows(store, X)).toEqual([
      { revision: 1, status: 'replaced' },
      { revision: 2, status: 'current' },
    ]);
    const r3 = record(laptop, X, 3, { outcome: 'refused', answers: [] });
    const newer = await run(store, [await file(laptop, 3, [r3])]);
    expect(newer.batches[0]!.interviews.replaced).toBe(1);
    expect((await rows(store, X)).map((r) => r.status)).toEqual(['replaced', 'replaced', 'current']);
    const answers = await store.db.selectFrom('answers').select(['revision', 'path', 'value']).where('interview_id', '=', X).where('path', '=', 'ACC1').orderBy('revision').execute();
    expect(answers).toEqual([
      { revision: 1, path: 'ACC1', value: '4' },
      { revision: 2, path: 'ACC1', value: '5' },
    ]);
  });

  it('the same revision with other content is a conflict: both kept and marked, until a higher revision arrives', async () => {
    const store = await stores.open();
    await run(store, [await file(laptop, 1, [record(laptop, X, 2)])]);
    const other = record(laptop, X, 2, { unitCode: '26737' });
    const report = await run(store, [await file(laptop, 2, [other])]);
    expect(report.batches[0]!.interviews).toEqual({ new: 0, replaced: 0, unchanged: 0, stale: 0, conflicts: 1 });
    expect(await rows(store, X)).toEqual([
      { revision: 2, status: 'conflict' },
      { revision: 2, status: 'conflict' },
    ]);
    await run(store, [await file(laptop, 3, [record(laptop, X, 3)])]);
    expect((await rows(store, X)).map((r) => r.status)).toEqual(['replaced', 'replaced', 'current']);
  });

  it('rejects a damaged file, an undecryptable one, and a known device with another key, writing only the arrival row', async () => {
    const store = await stores.open();
    await run(store, [await file(laptop, 1, [record(laptop, X, 1)])]);
    const before = await snapshot(store);

    const good = await file(laptop, 2, [record(laptop, Y, 0)]);
    const damagedPath = join(stores.dir, `damaged-${kind}.ksbatch`);
    const bytes = readFileSync(good);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(damagedPath, bytes);

    const stranger = await makeAnalyst();
    const foreignPath = await batchFile(stores.dir, laptop, 2, [record(laptop, Y, 0)], stranger.recipient);

    const impostor: Device = { ...makeDevice('IMPOSTOR'), id: laptop.id };
    const impostorPath = await file(impostor, 2, [record(impostor, Z, 0)]);

    const report = await run(store, [damagedPath, foreignPath, impostorPath, join(stores.dir, 'missing.ksbatch')]);
    expect(report.batches.map((b) => [b.status, b.reason?.split(':')[0]])).toEqual([
      ['rejected', 'batch_damaged'],
      ['rejected', 'batch_undecryptable'],
      ['rejected', 'batch_foreign_signer'],
      ['rejected', 'file_unreadable'],
    ]);
    expect(report.batches[2]!.reason).toContain(laptop.key.fingerprint);
    expect(await snapshot(store)).toEqual(before);
    const ledger = await store.db.selectFrom('batch_arrivals').select(['status']).orderBy('arrival').execute();
    expect(ledger.map((l) => l.status)).toEqual(['imported', 'rejected', 'rejected', 'rejected', 'rejected']);

    // A rejected file never takes its sequence: the real batch 2 imports afterwards.
    const after = await run(store, [good]);
    expect(after.batches[0]!.status).toBe('imported');
    expect(after.gaps).toEqual([]);
  });

  it('refuses another key for a device first seen earlier in the same import (the next file is opened while one is applied)', async () => {
    const store = await stores.open();
    const fresh = makeDevice('LAPTOP-09');
    const impostor: Device = { ...makeDevice('IMPOSTOR'), id: fresh.id };
    const report = await run(store, [await file(fresh, 1, [record(fresh, X, 1)]), await file(impostor, 2, [record(impostor, Y, 0)])]);
    expect(report.batches.map((b) => [b.status, b.reason?.split(':')[0]])).toEqual([
      ['imported', undefined],
      ['rejected', 'batch_foreign_signer'],
    ]);
    expect(await store.db.selectFrom('interviews').select('id').execute()).toEqual([{ id: X }]);
  });

  it('refuses another batch under a sequence already imported, and reports gaps until they are filled', async () => {
    const store = await stores.open();
    const other = makeDevice('LAPTOP-02');
    const b1 = await file(laptop, 1, [record(laptop, X, 1)]);
    const b3 = await file(laptop, 3, [record(laptop, Y, 0)]);
    const o4 = await file(other, 4, [record(other, Z, 0)]);
    const report = await run(store, [b1, b3, o4]);
    expect(report.gaps).toEqual(
      [
        { device: laptop.id, missing: [2] },
        { device: other.id, missing: [1, 2, 3] },
      ].sort((a, b) => (a.device < b.device ? -1 : 1)),
    );
    const reused = await run(store, [await file(laptop, 3, [record(laptop, Z, 5)])]);
    expect(reused.batches[0]!.status).toBe('rejected');
    expect(reused.batches[0]!.reason).toMatch(/^batch_sequence_reused: /);
    const filled = await run(store, [await file(laptop, 2, [record(laptop, Z, 0)])]);
    expect(filled.gaps).toEqual([{ device: other.id, missing: [1, 2, 3] }]);
  });

  it('gives identical tables whatever the arrival order, and when everything arrives twice', async () => {
    const second = makeDevice('LAPTOP-02');
    const batches = [
      await file(laptop, 1, [record(laptop, X, 1), record(laptop, Y, 0)]),
      await file(laptop, 2, [record(laptop, X, 2)]),
      await file(laptop, 3, [record(laptop, X, 2, { unitCode: '26737' }), record(laptop, Y, 1)]),
      await file(laptop, 4, [record(laptop, X, 1), record(laptop, Y, 1)]),
      await file(second, 1, [record(second, Z, 0)]),
      await file(second, 2, [record(second, Z, 0, { outcome: 'refused', answers: [] })]),
    ];
    const forward = await stores.open();
    await run(forward, batches);
    const backward = await stores.open();
    await run(backward, [...batches].reverse());
    const shuffled = await stores.open();
    await run(shuffled, [batches[3]!, batches[0]!, batches[5]!, batches[2]!, batches[4]!, batches[1]!]);
    await run(shuffled, batches);
    const expected = await snapshot(forward);
    expect(expected.interviews.length).toBe(7);
    expect(await snapshot(backward)).toEqual(expected);
    expect(await snapshot(shuffled)).toEqual(expected);
    expect(expected.interviews.filter((r) => r.status === 'conflict').map((r) => r.id)).toEqual([X, X, Z, Z]);
  });

  it('refuses a batch whose answers are not questions of a registered form version, and names the interview and path', async () => {
    const store = await stores.open();
    await registerForm(store.db, { children: [{ kind: 'question', name: 'ACC1', orOther: false }, { kind: 'question', name: 'ACC2', orOther: false }] }, { at: FIXED_NOW().toISOString() });
    const ok = await run(store, [await file(laptop, 1, [record(laptop, X, 1)])]);
    expect(ok.batches[0]!.status).toBe('imported');
    expect(ok.formsUnknown).toEqual([]);
    const bad = record(laptop, Y, 0, { answers: [{ path: 'roster[1]/tuổi', value: 30, missing: null, savedAt: '2026-11-30T09:01:00.000Z' }] });
    const report = await run(store, [await file(laptop, 2, [bad])]);
    expect(report.batches[0]!.status).toBe('rejected');
    expect(report.batches[0]!.reason).toContain(`interview ${Y} revision 0: answer roster[1]/tuổi is not a question of form hids-2026 version 2026.1`);
    const unknownForm = await run(store, [await file(laptop, 2, [record(laptop, Y, 0, { formVersion: '2027.1' })])]);
    expect(unknownForm.batches[0]!.status).toBe('imported');
    expect(unknownForm.formsUnknown).toEqual([{ survey: 'hids-2026', formVersion: '2027.1' }]);
  });

  it('refuses the whole batch when one record among good ones breaks the record schema, naming it and the field', async () => {
    const store = await stores.open();
    const ids = [X, Y, Z];
    const good = ids.map((id) => record(laptop, id, 0));
    // The quick check and the schema must agree on each of these: the batch is refused, not half-imported.
    const breaks: [object, string][] = [
      [{ ...good[1]!, surveyorCode: '' }, 'surveyorCode'],
      [{ ...good[1]!, unitCode: 'Phường 1' }, 'unitCode'],
      [{ ...good[1]!, answers: [{ ...good[1]!.answers[0]!, value: { nested: 1 } }] }, 'answers.0.value'],
      [{ ...good[1]!, paradata: [{ ...good[1]!.paradata[0]!, event: 'Shown' }] }, 'paradata.0.event'],
      [{ ...good[1]!, gps: [10.77, 106.7] }, 'Unrecognized key: "gps"'],
    ];
    for (const [sequence, [bad, field]] of breaks.entries()) {
      const path = await uncheckedBatchFile(stores.dir, laptop, sequence + 1, [good[0]!, bad, good[2]!], analyst.recipient);
      const report = await run(store, [path]);
      expect(report.batches[0]!.status, field).toBe('rejected');
      expect(report.batches[0]!.reason, field).toMatch(/^batch_damaged: /);
      expect(report.batches[0]!.reason, field).toContain(`(payload: interview 2: `);
      expect(report.batches[0]!.reason, field).toContain(field);
    }
    expect(await snapshot(store)).toEqual({ devices: [], interviews: [], answers: [], paradata: [], forms: [] });
    // The same three records, all good, written the same way: imported.
    const report = await run(store, [await uncheckedBatchFile(stores.dir, laptop, 1, good, analyst.recipient)]);
    expect(report.batches[0]).toMatchObject({ status: 'imported', interviews: { new: 3 } });
  });

  it('refuses an interview that repeats an answer path, even without a registered form', async () => {
    const store = await stores.open();
    const answer = { path: 'ACC1', value: 4, missing: null, savedAt: '2026-11-30T09:01:00.000Z' };
    const report = await run(store, [await file(laptop, 1, [record(laptop, X, 1, { answers: [answer, { ...answer, value: 5 }] })], randomUUID())]);
    expect(report.batches[0]!.reason).toMatch(/^batch_invalid: .*answer ACC1 appears twice/);
    expect((await snapshot(store)).interviews).toEqual([]);
  });
});
