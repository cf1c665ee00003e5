// The export's source streams from the store: one form plan per form version (not one per
// interview), interviews read a page at a time while they are iterated, and the streamed export
// (rows spooled on disk) writes the same files as the whole dataset built in memory.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { FormPlans, loadExportSource, openExportStream } from '../../../electron/analyst/export';
import { exportSurvey } from '../../../electron/analyst/export-survey';
import { IDS_PER_SELECT } from '../../../electron/analyst/current-answers';
import { openAnalystStore, type AnalystDb, type AnalystStore } from '../../../electron/analyst/store';
import { exportDataset } from '../../../electron/exports';
import { buildPlan } from '../../../shared/engine/runtime';
import { buildDataset } from '../../../shared/exports/fromForm';
import type { FormModel } from '../../../shared/forms/model';
import { sampleForm } from '../../fixtures/exports/sample';
import { registerForm } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'khaosat-export-stream-'));
const INTERVIEWS = IDS_PER_SELECT * 2 + 37;
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
let store: AnalystStore;

async function addInterview(n: number, formVersion: string, db: AnalystDb = store.db): Promise<void> {
  const id = uuid(n);
  const hash = n.toString(16).padStart(64, '0');
  await db
    .insertInto('interviews')
    .values({
      id, revision: 1, content_hash: hash, status: 'current', device_id: uuid(9_999_999), surveyor_code: 'DTV01', unit_code: '26734',
      survey_id: 'mau', form_version: formVersion, outcome: n % 10 === 0 ? 'refused' : 'completed',
      created_at: '2026-11-02T08:00:00.000Z', completed_at: '2026-11-02T08:20:00.000Z', approved_at: null, batch_id: uuid(8_888_888),
    })
    .execute();
  if (n % 10 === 0) return;
  // ACC2 is relevant only when ACC1 = 5: the others have it skipped; every 7th leaves ghichu unanswered.
  const answers: [string, unknown, string | null][] = [['tuổi', 20 + (n % 60), null], ['ACC1', String((n % 5) + 1), null], ['kenh', ['tv', 'web'].slice(0, 1 + (n % 2)), null]];
  if (n % 5 === 4) answers.push(['ACC2', n % 3 === 0 ? '9' : '4', n % 3 === 0 ? 'dont_know' : null]);
  if (n % 7 !== 0) answers.push(['ghichu', `Ý kiến số ${n}, "tốt"\nhết`, null]);
  if (n % 4 === 0) answers.push(['members[1]/ten', `Người ${n}`, null], ['members[1]/tuoi_tv', n % 90, null]);
  await db
    .insertInto('answers')
    .values(answers.map(([path, value, missing]) => ({ interview_id: id, revision: 1, content_hash: hash, path, value: JSON.stringify(value), missing, saved_at: '2026-11-02T08:10:00.000Z' })))
    .execute();
}

beforeAll(async () => {
  store = await openAnalystStore(join(dir, 'analyst.sqlite'));
  const v1 = sampleForm();
  const v2: FormModel = { ...sampleForm(), version: '2025.2' };
  for (const [form, at] of [[v1, '2026-11-01T00:00:00.000Z'], [v2, '2026-11-05T00:00:00.000Z']] as const) {
    await registerForm(store.db, form, { survey: 'mau', version: form.version, signer: 'TEST', at });
  }
  await store.db.insertInto('devices').values({ id: uuid(9_999_999), public_key: '00'.repeat(32), fingerprint: 'TEST', first_seen_at: '2026-11-02T00:00:00.000Z' }).execute();
  await store.db.transaction().execute(async (trx) => {
    for (let n = 1; n <= INTERVIEWS; n++) await addInterview(n, n % 3 === 0 ? '2025.2' : '2025.1', trx);
  });
}, 120_000);

afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the export source', () => {
  it('builds one form plan per form version, however many interviews use it', async () => {
    const built: string[] = [];
    const plans = new FormPlans((form) => {
      built.push(form.version);
      return buildPlan(form);
    });
    const stream = await openExportStream(store, { plans });
    expect(stream.count).toBe(INTERVIEWS);
    expect(stream.form.version).toBe('2025.2');
    let n = 0;
    for await (const iv of stream.interviews()) {
      n++;
      if (iv.interviewId === uuid(4)) expect(iv.skipped).not.toContain('ACC2');
      if (iv.interviewId === uuid(1)) expect(iv.skipped).toContain('ACC2');
    }
    expect(n).toBe(INTERVIEWS);
    expect(built.sort()).toEqual(['2025.1', '2025.2']);
    expect(plans.built).toBe(2);
    expect(stream.warnings).toEqual([]);
  });

  it('reads the store a page at a time while it is iterated (an interview added after the first page is met)', async () => {
    const stream = await openExportStream(store);
    const seen: string[] = [];
    const late = INTERVIEWS + 1;
    for await (const iv of stream.interviews()) {
      seen.push(iv.interviewId);
      if (seen.length === 1) await addInterview(late, '2025.1');
    }
    // Read up front, the list would have stopped at INTERVIEWS; paged by id, the later page holds it.
    expect(seen).toHaveLength(INTERVIEWS + 1);
    expect(seen.at(-1)).toBe(uuid(late));
    expect([...seen].sort()).toEqual(seen);
    await store.db.deleteFrom('answers').where('interview_id', '=', uuid(late)).execute();
    await store.db.deleteFrom('interviews').where('id', '=', uuid(late)).execute();
  });

  it.each(['csv', 'spss', 'stata'] as const)('streamed with spooled rows, %s files are byte for byte those of the dataset built in memory', async (format) => {
    const streamed = join(dir, `streamed-${format}`);
    const whole = join(dir, `whole-${format}`);
    // SPSS and Stata stamp the time of writing: hold the clock still for both.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-12-01T04:00:00.000Z'));
    try {
      const r = await exportSurvey(store, { format, outDir: streamed });
      expect(r.interviews).toBe(INTERVIEWS);
      const source = await loadExportSource(store);
      await exportDataset(buildDataset(source.form, source.interviews), { format, outDir: whole });
    } finally {
      vi.useRealTimers();
    }
    const files = readdirSync(whole).sort();
    expect(readdirSync(streamed).sort()).toEqual(files);
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      expect(readFileSync(join(streamed, f)).equals(readFileSync(join(whole, f))), f).toBe(true);
    }
  }, 120_000);
});
