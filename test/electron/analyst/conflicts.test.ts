// Conflicts on both stores: listed with both versions and their answers; the analyst's choice
// (audited) makes the chosen version count in the report and the export instead of the conflict
// being left out; choosing again replaces the choice; a version not in conflict cannot be chosen.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseConflictVersion, listConflicts } from '../../../electron/analyst/conflicts';
import { loadExportSource } from '../../../electron/analyst/export';
import { importBatchFiles } from '../../../electron/analyst/import';
import { buildReport } from '../../../electron/analyst/report';
import type { AnalystStore } from '../../../electron/analyst/store';
import type { InterviewRecord } from '../../../shared/formats/batch';
import { compileForm } from '../../../shared/forms';
import { workbook } from '../../fixtures/forms/workbooks';
import { batchFile, makeAnalyst, makeDevice, record, registerForm, storeFactory, STORE_KINDS } from './fixtures';

function form() {
  const r = compileForm(
    workbook('xung-dot.xlsx', {
      survey: [['type', 'name', 'label'], ['select_one sat5', 'A1', 'Mức độ hài lòng']],
      choices: [['list_name', 'name', 'label'], ...[1, 2, 3, 4, 5].map((c) => ['sat5', c, `Mức ${c}`])],
      settings: [['form_title', 'form_id', 'version'], ['Xung đột', 'hids-2026', '2026.1']],
    }),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const index = { origin: 'sheet', satisfiedCodes: [4, 5], validCodes: [1, 2, 3, 4, 5], components: [{ id: 'A', labels: { vi: 'A' }, weight: 1, items: [{ question: 'A1', weight: 1 }] }] };
  return { ...r.form, index };
}
type Ans = InterviewRecord['answers'][number];
const a = (path: string, value: Ans['value']): Ans => ({ path, value, missing: null, savedAt: '2026-11-30T09:01:00.000Z' });
const X = '11111111-1111-4111-8111-111111111111';
const Y = '22222222-2222-4222-8222-222222222222';

describe.each(STORE_KINDS)('conflict choices on the %s store', (kind) => {
  const stores = storeFactory(kind);
  let store: AnalystStore;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    const analyst = await makeAnalyst();
    const one = makeDevice('LAPTOP-01');
    const two = makeDevice('LAPTOP-02');
    store = await stores.open();
    await registerForm(store.db, form());
    const files = [
      await batchFile(stores.dir, one, 1, [record(one, X, 1, { answers: [a('A1', '5')] }), record(one, Y, 0, { answers: [a('A1', '4')] })], analyst.recipient),
      // Same id and revision, other content, from another laptop: a conflict.
      await batchFile(stores.dir, two, 1, [record(two, X, 1, { surveyorCode: 'DTV02', answers: [a('A1', '1')] })], analyst.recipient),
    ];
    await importBatchFiles(store, files, { identity: analyst.identity });
  }, 120_000);

  it('lists the conflict with both versions and their answers, unresolved', async () => {
    const { conflicts, total } = await listConflicts(store);
    expect(total).toBe(1);
    const [c] = conflicts;
    expect(c).toMatchObject({ interviewId: X, revision: 1, surveyId: 'hids-2026', chosen: null, chosenBy: null });
    expect(c!.versions.map((v) => [v.surveyorCode, v.answers])).toEqual(
      expect.arrayContaining([
        ['DTV01', [{ path: 'A1', value: '5', missing: null }]],
        ['DTV02', [{ path: 'A1', value: '1', missing: null }]],
      ]),
    );
  });

  it('before a choice the conflict is left out; after it the chosen version counts in the report and the export', async () => {
    const before = await buildReport(store);
    expect(before.excluded.conflicts).toBe(1);
    expect(before.overall.n).toBe(1);
    expect((await loadExportSource(store)).interviews.map((i) => i.interviewId)).toEqual([Y]);

    const { conflicts } = await listConflicts(store);
    const low = conflicts[0]!.versions.find((v) => v.surveyorCode === 'DTV02')!;
    await chooseConflictVersion(store, { interviewId: X, revision: 1, contentHash: low.contentHash, userCode: 'PT001', at: '2026-12-01T04:00:00.000Z' });
    const after = await buildReport(store);
    expect(after.excluded.conflicts).toBe(0);
    expect(after.overall.n).toBe(2);
    // A1: 4 (satisfied) and the chosen 1 (not): 50%.
    expect(after.overall.components.A!.items.A1).toMatchObject({ n: 2, index: 50, mean: 2.5 });
    const exported = await loadExportSource(store);
    expect(exported.interviews.map((i) => [i.interviewId, i.surveyor, i.answers.A1])).toEqual([
      [X, 'DTV02', '1'],
      [Y, 'DTV01', '4'],
    ]);
    expect((await listConflicts(store)).conflicts[0]).toMatchObject({ chosen: low.contentHash, chosenBy: 'PT001', chosenAt: '2026-12-01T04:00:00.000Z' });

    // Choosing again replaces the choice; both choices are in the audit.
    const high = conflicts[0]!.versions.find((v) => v.surveyorCode === 'DTV01')!;
    await chooseConflictVersion(store, { interviewId: X, revision: 1, contentHash: high.contentHash, userCode: 'PT002', at: '2026-12-01T05:00:00.000Z' });
    expect((await buildReport(store)).overall.components.A!.items.A1).toMatchObject({ n: 2, index: 100 });
    const audit = await store.db.selectFrom('analyst_audit').selectAll().orderBy('id').execute();
    expect(audit.map((r) => [r.user_code, r.action, r.entity_id, JSON.parse(r.detail)])).toEqual([
      ['PT001', 'conflict_resolved', `${X}@1`, { chosen: low.contentHash, replaced: null }],
      ['PT002', 'conflict_resolved', `${X}@1`, { chosen: high.contentHash, replaced: low.contentHash }],
    ]);
  });

  it('refuses a version that is not in conflict, writing nothing', async () => {
    const y = await store.db.selectFrom('interviews').select('content_hash').where('id', '=', Y).executeTakeFirstOrThrow();
    await expect(chooseConflictVersion(store, { interviewId: Y, revision: 0, contentHash: y.content_hash, userCode: 'PT001', at: '2026-12-01T06:00:00.000Z' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(chooseConflictVersion(store, { interviewId: X, revision: 1, contentHash: 'f'.repeat(64), userCode: 'PT001', at: '2026-12-01T06:00:00.000Z' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await store.db.selectFrom('analyst_audit').selectAll().execute()).toHaveLength(2);
  });
});
