// The fieldwork dashboard on both stores: counts by unit, surveyor and day (Vietnam's date),
// outcomes and the response rate, gaps, unresolved conflicts, and quality flags recomputed from
// the answers once a form with an index is registered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFieldworkDashboard } from '../../../electron/analyst/fieldwork';
import { importBatchFiles } from '../../../electron/analyst/import';
import type { AnalystStore } from '../../../electron/analyst/store';
import type { InterviewRecord } from '../../../shared/formats/batch';
import { batchFile, makeAnalyst, makeDevice, record, registerForm, storeFactory, STORE_KINDS } from './fixtures';

type Ans = InterviewRecord['answers'][number];
const a = (path: string, value: Ans['value'], missing: Ans['missing'] = null): Ans => ({ path, value, missing, savedAt: '2026-11-30T09:01:00.000Z' });
const id = (n: number) => `${String(n).repeat(8)}-1111-4111-8111-111111111111`;
const items = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'];
const FORM = {
  children: items.map((name) => ({ kind: 'question', name, orOther: false })),
  index: { origin: 'sheet', satisfiedCodes: [4, 5], validCodes: [1, 2, 3, 4, 5], components: [{ id: 'A', labels: { vi: 'A' }, weight: 1, items: items.map((question) => ({ question, weight: 1 })) }] },
};

describe.each(STORE_KINDS)('fieldwork dashboard on the %s store', (kind) => {
  const stores = storeFactory(kind);
  let store: AnalystStore;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    const analyst = await makeAnalyst();
    const one = makeDevice('LAPTOP-01');
    const two = makeDevice('LAPTOP-02');
    store = await stores.open();
    const varied = items.map((p, i) => a(p, String((i % 5) + 1)));
    const files = [
      await batchFile(stores.dir, one, 1, [
        record(one, id(1), 0, { answers: varied }),
        // 18:30 UTC is the next day in Vietnam; all six items the same: straight-lining.
        record(one, id(2), 0, { createdAt: '2026-11-30T18:30:00.000Z', completedAt: '2026-11-30T18:50:00.000Z', answers: items.map((p) => a(p, '5')) }),
        record(one, id(3), 0, { outcome: 'refused', answers: [] }),
      ], analyst.recipient),
      // Sequence 3 without 2: a missing batch.
      await batchFile(stores.dir, one, 3, [record(one, id(4), 0, { outcome: 'ineligible', surveyorCode: 'DTV02', answers: [] })], analyst.recipient),
      await batchFile(stores.dir, two, 1, [
        record(two, id(5), 0, { unitCode: '26737', surveyorCode: 'DTV02', answers: varied }),
        record(two, id(1), 0, { answers: [a('A1', '1')] }), // conflicts with id(1) above
      ], analyst.recipient),
    ];
    await importBatchFiles(store, files, { identity: analyst.identity });
  }, 120_000);

  it('counts what counts by unit, surveyor and Vietnam day, with outcomes, response rate, gaps and conflicts', async () => {
    const d = await buildFieldworkDashboard(store);
    expect(d.surveys).toEqual(['hids-2026']);
    expect(d.survey).toBe('hids-2026');
    // id(1) is in conflict and left out: 4 counted, 2 completed, 1 ineligible → 2 / 3.
    expect(d.totals).toEqual({ total: 4, completed: 2, responseRate: 66.7, devices: 2, batches: 3, unresolvedConflicts: 1, quota: null, quotaPercent: null });
    expect(d.outcomes).toEqual([
      { outcome: 'completed', n: 2 },
      { outcome: 'ineligible', n: 1 },
      { outcome: 'refused', n: 1 },
    ]);
    // No package registered: no names and no quotas (names and quotas: quotas.test.ts).
    expect(d.byUnit).toEqual([
      { unitCode: '26734', nameVi: null, nameEn: null, total: 3, completed: 1, quota: null, percent: null },
      { unitCode: '26737', nameVi: null, nameEn: null, total: 1, completed: 1, quota: null, percent: null },
    ]);
    expect(d.bySurveyor).toEqual([
      { surveyorCode: 'DTV01', total: 2, completed: 1 },
      { surveyorCode: 'DTV02', total: 2, completed: 1 },
    ]);
    expect(d.byDay).toEqual([
      { day: '2026-11-30', total: 3, completed: 1 },
      { day: '2026-12-01', total: 1, completed: 1 },
    ]);
    expect(d.gaps).toEqual([{ device: expect.any(String), missing: [2] }]);
    // No form registered: no index items to judge answers by.
    expect(d.flags).toBeNull();
  });

  it('recomputes quality flags from the answers once the form is registered', async () => {
    await registerForm(store.db, FORM);
    const d = await buildFieldworkDashboard(store, { survey: 'hids-2026', now: new Date('2026-12-01T03:00:00.000Z') });
    expect(d.flags!.counts.straight_lining).toBe(1);
    expect(d.flags!.flagged).toEqual([{ interviewId: id(2), unitCode: '26734', surveyorCode: 'DTV01', flags: ['straight_lining'] }]);
  });
});
