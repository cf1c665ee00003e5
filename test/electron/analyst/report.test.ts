// `khaosat report` over the analyst store, on both stores: only completed interviews at their
// current revision count (older revisions, other outcomes and conflicts do not), indices computed
// by hand below; JSON, table and CSV from the command.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { importBatchFiles } from '../../../electron/analyst/import';
import { buildReport } from '../../../electron/analyst/report';
import type { AnalystStore } from '../../../electron/analyst/store';
import type { InterviewRecord } from '../../../shared/formats/batch';
import { batchFile, makeAnalyst, makeDevice, record, registerForm, storeFactory, STORE_KINDS } from './fixtures';

const q = (name: string) => ({ kind: 'question', name, orOther: false });
const FORM = {
  children: [q('A1'), q('A2'), q('B1')],
  index: {
    origin: 'sheet',
    satisfiedCodes: [4, 5],
    validCodes: [1, 2, 3, 4, 5],
    components: [
      { id: 'A', labels: { vi: 'A' }, weight: 1, items: [{ question: 'A1', weight: 1 }, { question: 'A2', weight: 1 }] },
      { id: 'B', labels: { vi: 'B' }, weight: 1, items: [{ question: 'B1', weight: 1 }] },
    ],
  },
};

type Ans = InterviewRecord['answers'][number];
const a = (path: string, value: Ans['value'], missing: Ans['missing'] = null): Ans => ({ path, value, missing, savedAt: '2026-11-30T09:01:00.000Z' });

function fakeIo() {
  const out: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: () => undefined, readSecret: async () => '', env: {}, cwd: '/' };
  return { io, out: () => out.join('') };
}

describe.each(STORE_KINDS)('report from the %s store', (kind) => {
  const stores = storeFactory(kind);
  let store: AnalystStore;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    const analyst = await makeAnalyst();
    const laptop = makeDevice('LAPTOP-01');
    store = await stores.open();
    await registerForm(store.db, FORM);
    const id = (n: number) => `${String(n).repeat(8)}-1111-4111-8111-111111111111`;
    const first = [
      record(laptop, id(1), 1, { answers: [a('A1', 1), a('A2', 1), a('B1', 1)] }), // replaced below: must not count
      record(laptop, id(2), 0, { answers: [a('A1', 3), a('A2', null, 'dont_know'), a('B1', 4)] }),
      record(laptop, id(3), 0, { unitCode: '26737', answers: [a('A1', 4)] }),
      record(laptop, id(4), 0, { outcome: 'refused', answers: [] }),
      record(laptop, id(5), 0, { answers: [a('A1', 5)] }),
    ];
    const second = [
      record(laptop, id(1), 2, { answers: [a('A1', 5), a('A2', '4'), a('B1', 2)] }),
      record(laptop, id(5), 0, { answers: [a('A1', 1)] }), // same revision, other content: conflict
    ];
    const files = [await batchFile(stores.dir, laptop, 1, first, analyst.recipient), await batchFile(stores.dir, laptop, 2, second, analyst.recipient)];
    await importBatchFiles(store, files, { identity: analyst.identity });
  }, 120_000);

  it('counts completed current revisions only, leaves out conflicts, and gives the hand-computed indices', async () => {
    const report = await buildReport(store, { now: new Date('2026-12-01T03:00:00.000Z') });
    expect(report.survey).toBe('hids-2026');
    expect(report.excluded).toEqual({ conflicts: 1, not_completed: 1 });
    // Overall: A1 = 2 satisfied of 3 (5, 3, 4), A2 = 1 of 1 ('4'), A = (66.67 + 100) / 2; B1 = 1 of 2.
    expect(report.overall.n).toBe(3);
    expect(report.overall.components.A!.index).toBe(83.3);
    expect(report.overall.components.A!.items.A1).toMatchObject({ index: 66.7, n: 3, mean: 4 });
    expect(report.overall.components.B!.index).toBe(50);
    expect(report.overall.index).toBe(66.7);
    const [u1, u2] = report.units;
    // 26734: A1 = 1 of 2, A2 = 1 of 1 → A = 75; B = 1 of 2 → 50; overall 62.5.
    expect(u1).toMatchObject({ code: '26734', n: 2, index: 62.5, components_missing: [] });
    // 26737: A1 only → A = 100, B missing.
    expect(u2).toMatchObject({ code: '26737', n: 1, index: 100, components_missing: ['B'] });
    expect(u2!.components.A!.items.A2).toEqual({ index: null, mean: null, n: 0, ci: null });
  });

  it('prints JSON, a table sorted by index, and CSV from the command', async () => {
    const target = store.label;
    const json = fakeIo();
    expect(await runCli(['report', '--db', target, '--format', 'json'], json.io)).toBe(0);
    expect(Object.keys(JSON.parse(json.out())).sort()).toEqual(['excluded', 'filters', 'frame', 'generated_at', 'overall', 'period', 'survey', 'units']);
    const table = fakeIo();
    expect(await runCli(['report', '--db', target], table.io)).toBe(0);
    expect(table.out().indexOf('26737')).toBeLessThan(table.out().indexOf('26734'));
    const csv = fakeIo();
    expect(await runCli(['report', '--db', target, '--format', 'csv'], csv.io)).toBe(0);
    expect(csv.out().split('\n').slice(0, 3)).toEqual(['unit_code,unit_name,n,index,ci_lo,ci_hi,A,B', expect.stringMatching(/^26737,26737,1,100,[\d.]+,100,100,$/), expect.stringMatching(/^26734,26734,2,62.5,/)]);
  });
});

