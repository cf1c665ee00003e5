// Migration 005 on both stores: the paradata of an imported revision is kept only when its form
// has an `audit` question (or is not registered yet: dropped when it is registered without one),
// follows its revision through replaced, stale and conflict, is not written by a rejected batch,
// and ends the same whatever the arrival order of batches and package.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSurveyPackage } from '../../../electron/analyst/forms';
import { importBatchFiles } from '../../../electron/analyst/import';
import type { AnalystStore } from '../../../electron/analyst/store';
import { generateSigningKey, type SigningKey } from '../../../electron/sync/signing';
import { createSurveyPackage } from '../../../electron/sync/survey-package';
import type { InterviewRecord } from '../../../shared/formats/batch';
import { batchFile, makeAnalyst, makeDevice, record, snapshot, storeFactory, STORE_KINDS, type Device } from './fixtures';

const FIXED_NOW = () => new Date('2026-12-01T02:00:00.000Z');
const X = '11111111-1111-4111-8111-111111111111';
const Y = '22222222-2222-4222-8222-222222222222';

const q = (name: string, type = 'select_one', parameters: Record<string, string> = {}) => ({ kind: 'question', name, type, orOther: false, parameters });
const formOf = (version: string, audit: boolean) => ({
  formId: 'hids',
  version,
  children: [q('ACC1'), q('ACC2'), ...(audit ? [q('audit', 'audit', { 'track-changes': 'true' })] : [])],
  choiceLists: {},
});

type Event = InterviewRecord['paradata'][number];
const ev = (at: string, event: string, path: string | null, detail: Event['detail'] = null): Event => ({ at: `2026-11-30T09:${at}.000Z`, event, path, detail });
const EVENTS: Event[] = [
  ev('00:00', 'created', null, { consent: true }),
  ev('00:10', 'shown', 'ACC1', { clientAt: '2026-11-30T09:00:09.500Z' }),
  ev('00:20', 'answered', 'ACC1', { to: 4 }),
  ev('00:30', 'changed', 'ACC1', { from: 4, to: 5 }),
  ev('00:40', 'left', 'ACC1'),
  ev('01:00', 'completed', null, { outcome: 'completed' }),
];

describe.each(STORE_KINDS)('paradata kept for audit forms (%s store)', (kind) => {
  const stores = storeFactory(kind);
  let analyst: { identity: string; recipient: string };
  let laptop: Device;
  let signer: SigningKey;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    analyst = await makeAnalyst();
    laptop = makeDevice('LAPTOP-01');
    signer = generateSigningKey();
  }, 120_000);

  const run = (store: AnalystStore, files: string[]) => importBatchFiles(store, files, { identity: analyst.identity, now: FIXED_NOW });
  const file = (seq: number, records: InterviewRecord[]) => batchFile(stores.dir, laptop, seq, records, analyst.recipient);
  const register = (store: AnalystStore, version: string, audit: boolean) =>
    registerSurveyPackage(
      store,
      createSurveyPackage(
        {
          survey: { id: 'hids-2026', title: 'HIDS', formVersion: version },
          recipient: analyst.recipient,
          createdAt: '2026-11-30T08:00:00.000Z',
          parts: { 'form.json': Buffer.from(JSON.stringify(formOf(version, audit))), 'units.csv': Buffer.from('code,type,name_vi\n26734,Phường,Phường Bến Thành\n') },
        },
        signer,
      ),
      signer.publicKey,
      FIXED_NOW(),
    );
  const events = (store: AnalystStore, id: string) =>
    store.db.selectFrom('paradata').select(['revision', 'seq', 'at', 'event', 'path', 'detail']).where('interview_id', '=', id).orderBy('revision').orderBy('content_hash').orderBy('seq').execute();

  it('keeps every event of a form with an audit question, in the laptop order, detail as JSON', async () => {
    const store = await stores.open();
    await register(store, '2026.1', true);
    const report = await run(store, [await file(1, [record(laptop, X, 1, { paradata: EVENTS })])]);
    expect(report.batches[0]!.status).toBe('imported');
    expect(await events(store, X)).toEqual(
      EVENTS.map((e, seq) => ({ revision: 1, seq, at: e.at, event: e.event, path: e.path, detail: e.detail === null ? null : JSON.stringify(e.detail) })),
    );
  });

  it('keeps none for a form without one, and drops what it kept for an unknown form once that is registered without one', async () => {
    const store = await stores.open();
    await register(store, '2026.1', false);
    await run(store, [await file(1, [record(laptop, X, 1, { paradata: EVENTS }), record(laptop, Y, 0, { formVersion: '2026.2', paradata: EVENTS })])]);
    expect(await events(store, X)).toEqual([]);
    // 2026.2 is not registered yet: its events wait for the form.
    expect((await events(store, Y)).length).toBe(EVENTS.length);
    await register(store, '2026.2', false);
    expect(await events(store, Y)).toEqual([]);
    // The answers stay: only the paradata goes.
    expect((await snapshot(store)).answers.length).toBe(4);
  });

  it('keeps what it kept for an unknown form once that is registered with an audit question', async () => {
    const store = await stores.open();
    await run(store, [await file(1, [record(laptop, X, 1, { paradata: EVENTS })])]);
    await register(store, '2026.1', true);
    expect((await events(store, X)).length).toBe(EVENTS.length);
  });

  it('the events follow their revision: replaced kept in history, stale and conflict each with their own', async () => {
    const store = await stores.open();
    await register(store, '2026.1', true);
    const later = [...EVENTS, ev('05:00', 'reopened', null, { revision: 2 })];
    await run(store, [await file(1, [record(laptop, X, 1, { paradata: EVENTS })]), await file(2, [record(laptop, X, 2, { paradata: later })])]);
    const rows = await events(store, X);
    expect(rows.filter((r) => r.revision === 1).length).toBe(EVENTS.length);
    expect(rows.filter((r) => r.revision === 2).map((r) => r.event)).toEqual(later.map((e) => e.event));
    // A conflict: same revision 2, other content; both versions keep their own events.
    const other = [ev('06:00', 'created', null, { consent: true })];
    await run(store, [await file(3, [record(laptop, X, 2, { paradata: other, unitCode: '26737' })])]);
    const conflict = await store.db.selectFrom('interviews').select(['content_hash', 'status']).where('id', '=', X).where('revision', '=', 2).execute();
    expect(conflict.map((c) => c.status)).toEqual(['conflict', 'conflict']);
    const byHash = new Map<string, number>();
    for (const r of await store.db.selectFrom('paradata').select(['content_hash']).where('interview_id', '=', X).where('revision', '=', 2).execute()) {
      byHash.set(r.content_hash, (byHash.get(r.content_hash) ?? 0) + 1);
    }
    expect([...byHash.values()].sort()).toEqual([1, later.length]);
    // A stale revision (1 again, new content, after 2) is stored as history with its own events.
    await run(store, [await file(4, [record(laptop, X, 1, { paradata: other, outcome: 'refused' })])]);
    expect((await events(store, X)).filter((r) => r.revision === 1).length).toBe(EVENTS.length + other.length);
  });

  it('a rejected batch writes no paradata', async () => {
    const store = await stores.open();
    await register(store, '2026.1', true);
    const answer = { path: 'ACC1', value: 4, missing: null, savedAt: '2026-11-30T09:01:00.000Z' };
    const report = await run(store, [await file(1, [record(laptop, Y, 0, { paradata: EVENTS }), record(laptop, X, 1, { paradata: EVENTS, answers: [answer, answer] })])]);
    expect(report.batches[0]!.status).toBe('rejected');
    expect((await snapshot(store)).paradata).toEqual([]);
    // Refused inside the import transaction (a sequence already used by another batch): nothing of it either.
    await run(store, [await file(1, [record(laptop, X, 1, { paradata: EVENTS.slice(0, 1) })])]);
    const reused = await run(store, [await file(1, [record(laptop, Y, 0, { paradata: EVENTS })])]);
    expect(reused.batches[0]!.reason).toMatch(/^batch_sequence_reused/);
    expect((await snapshot(store)).paradata.map((p) => p.interview_id)).toEqual([X]);
  });

  it('gives identical paradata whatever the order of batches and package', async () => {
    const batches = [
      await file(1, [record(laptop, X, 1, { paradata: EVENTS }), record(laptop, Y, 0, { formVersion: '2026.2', paradata: EVENTS })]),
      await file(2, [record(laptop, X, 2, { paradata: [...EVENTS, ev('05:00', 'reopened', null, { revision: 2 })] })]),
      await file(3, [record(laptop, X, 2, { paradata: EVENTS.slice(0, 2), unitCode: '26737' })]),
    ];
    const first = await stores.open();
    await register(first, '2026.1', true);
    await register(first, '2026.2', false);
    await run(first, batches);
    const last = await stores.open();
    await run(last, [...batches].reverse());
    await register(last, '2026.2', false);
    await register(last, '2026.1', true);
    await run(last, batches);
    const expected = await snapshot(first);
    expect(expected.paradata.length).toBe(EVENTS.length * 2 + 1 + 2);
    const got = await snapshot(last);
    expect(got.paradata).toEqual(expected.paradata);
    expect(got.interviews).toEqual(expected.interviews);
  });
});
