// The ODK audit log on export (docs/exports.md, "Audit log"), end to end on both stores: batches
// with paradata imported for a form with an `audit` question, then every export format writes each
// counted interview's media/<id>/audit.csv and the merged `<form id> - audit.csv`. The expected
// rows are written out below from the events this test creates (times as Date.parse of them),
// not computed by the code under test. A form without an audit question writes no audit file.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSurvey } from '../../../electron/analyst/export-survey';
import type { CliIo } from '../../../electron/cli/io';
import { runCli } from '../../../electron/cli/main';
import { importBatchFiles } from '../../../electron/analyst/import';
import type { AnalystStore } from '../../../electron/analyst/store';
import type { InterviewRecord } from '../../../shared/formats/batch';
import { compileForm, type FormModel } from '../../../shared/forms';
import { workbook } from '../../fixtures/forms/workbooks';
import { batchFile, makeAnalyst, makeDevice, record, registerForm, storeFactory, STORE_KINDS } from './fixtures';

const X = '11111111-1111-4111-8111-111111111111';
const Y = '22222222-2222-4222-8222-222222222222';

function form(audit: string | null): FormModel {
  const r = compileForm(
    workbook('audit.xlsx', {
      survey: [
        ['type', 'name', 'label', 'parameters'],
        ['select_one yn', 'consent', 'Đồng ý?'],
        ['begin group', 'G', 'Nhóm'],
        ['integer', 'age', 'Tuổi'],
        ['select_multiple kenh', 'kenh', 'Kênh'],
        ['end group'],
        ['begin repeat', 'members', 'Thành viên'],
        ['text', 'ten', 'Tên'],
        ['end repeat'],
        ...(audit === null ? [] : [['audit', 'audit', null, audit]]),
      ],
      choices: [['list_name', 'name', 'label'], ['yn', 1, 'Có'], ['yn', 2, 'Không'], ['kenh', 'tv', 'TV'], ['kenh', 'web', 'Web']],
      settings: [['form_id', 'version'], ['mau_audit', '2026.1']],
    }),
  );
  if (!r.ok) throw new Error(r.errors.map((e) => e.messageEn).join('; '));
  return r.form;
}

type Event = InterviewRecord['paradata'][number];
const T = (hms: string) => `2026-11-30T09:${hms}Z`;
const ms = (hms: string) => Date.parse(T(hms));
const ev = (at: string, event: string, path: string | null, detail: Event['detail'] = null): Event => ({ at: T(at), event, path, detail });
const nav = (at: string, client: string, event: string, path: string): Event => ev(at, event, path, { clientAt: T(client) });

// Interview X, from a laptop that records `to`: answered on the start screen, a page with two
// questions, a repeat, the review page, completed, sent back and reopened with a reason, edited.
const X_EVENTS: Event[] = [
  ev('00:00.000', 'created', null, { consent: true }),
  ev('00:00.000', 'answered', 'consent', { to: '1' }),
  nav('00:10.000', '00:09.500', 'shown', 'age'),
  ev('00:20.000', 'answered', 'age', { to: 30 }),
  ev('00:25.000', 'changed', 'age', { from: 30, to: 31 }),
  ev('00:26.000', 'answered', 'kenh', { to: ['tv', 'web'] }),
  nav('00:30.000', '00:29.900', 'left', 'age'),
  nav('00:30.000', '00:29.900', 'shown', 'members[1]/ten'),
  nav('00:31.000', '00:30.500', 'help', 'members[1]/ten'),
  ev('00:35.000', 'answered', 'members[1]/ten', { to: 'An, "Bé"' }),
  nav('00:40.000', '00:39.000', 'left', 'members[1]/ten'),
  nav('00:40.000', '00:39.000', 'review', 'members[1]/ten'),
  ev('01:00.000', 'completed', null, { outcome: 'completed' }),
  ev('05:00.000', 'reopened', null, { revision: 1, reason: 'Hỏi lại tuổi' }),
  nav('05:10.000', '05:09.000', 'shown', 'age'),
  ev('05:15.000', 'changed', 'age', { from: 31, to: 32 }),
  nav('05:20.000', '05:19.000', 'left', 'age'),
  ev('06:00.000', 'completed', null, { outcome: 'completed' }),
];
// Interview Y, from an older laptop that records only `from`: new values come from the next
// change's old value, and the last from the final answer.
const Y_EVENTS: Event[] = [
  ev('10:00.000', 'created', null, { consent: true }),
  ev('10:00.000', 'answered', 'age', null),
  nav('10:10.000', '10:10.000', 'shown', 'age'),
  ev('10:15.000', 'changed', 'age', { from: 40 }),
  nav('10:20.000', '10:20.000', 'left', 'age'),
  ev('10:30.000', 'completed', null, { outcome: 'completed' }),
];

const answer = (path: string, value: InterviewRecord['answers'][number]['value']) => ({ path, value, missing: null, savedAt: T('00:00.000') });
const HEADER = 'event,node,start,end,old-value,new-value,user,change-reason';
const X_ROWS = [
  `form start,,${ms('00:00.000')},,,,DTV01,`,
  `question,/data/consent,${ms('00:00.000')},${ms('00:00.000')},,1,DTV01,`,
  `question,/data/G/age,${ms('00:09.500')},${ms('00:29.900')},,31,DTV01,`,
  `question,/data/G/kenh,${ms('00:09.500')},${ms('00:29.900')},,tv web,DTV01,`,
  `question,/data/members[1]/ten,${ms('00:29.900')},${ms('00:39.000')},,"An, ""Bé""",DTV01,`,
  `jump,/data/members[1]/ten,${ms('00:39.000')},${ms('01:00.000')},,,DTV01,`,
  `form finalize,,${ms('01:00.000')},,,,DTV01,`,
  `form resume,,${ms('05:00.000')},,,,DTV01,`,
  `change reason,,${ms('05:00.000')},,,,DTV01,Hỏi lại tuổi`,
  `question,/data/G/age,${ms('05:09.000')},${ms('05:19.000')},31,32,DTV01,`,
  `form finalize,,${ms('06:00.000')},,,,DTV01,`,
];
const Y_ROWS = [
  `form start,,${ms('10:00.000')},,,,DTV01,`,
  `question,/data/G/age,${ms('10:00.000')},${ms('10:00.000')},,40,DTV01,`,
  `question,/data/G/age,${ms('10:10.000')},${ms('10:20.000')},40,41,DTV01,`,
  `form finalize,,${ms('10:30.000')},,,,DTV01,`,
];
const lines = (rows: string[]) => rows.map((r) => `${r}\n`).join('');

describe.each(STORE_KINDS)('the ODK audit log on export (%s store)', (kind) => {
  const stores = storeFactory(kind);
  let store: AnalystStore;
  afterAll(() => stores.cleanup());
  beforeAll(async () => {
    const analyst = await makeAnalyst();
    const laptop = makeDevice('LAPTOP-01');
    store = await stores.open();
    const forms = [
      ['hids-2026', form('track-changes=true identify-user=true track-changes-reasons=on-form-edit')],
      ['plain', form(null)],
    ] as const;
    for (const [survey, f] of forms) {
      await registerForm(store.db, f, { survey, signer: 'TEST', at: '2026-11-01T00:00:00.000Z' });
    }
    const x = record(laptop, X, 1, { paradata: X_EVENTS, answers: [answer('consent', '1'), answer('age', 32), answer('kenh', ['tv', 'web']), answer('members[1]/ten', 'An, "Bé"')] });
    // Revision 0 of X, replaced by revision 1: its events must not reach the export.
    const x0 = record(laptop, X, 0, { paradata: X_EVENTS.slice(0, 3), answers: [answer('consent', '1')] });
    const y = record(laptop, Y, 0, { paradata: Y_EVENTS, answers: [answer('age', 41)] });
    const plain = record(laptop, '33333333-3333-4333-8333-333333333333', 0, { surveyId: 'plain', paradata: Y_EVENTS, answers: [answer('age', 41)] });
    const report = await importBatchFiles(
      store,
      [await batchFile(stores.dir, laptop, 1, [x0, y], analyst.recipient), await batchFile(stores.dir, laptop, 2, [x, plain], analyst.recipient)],
      { identity: analyst.identity },
    );
    expect(report.batches.map((b) => b.status)).toEqual(['imported', 'imported']);
  }, 120_000);

  for (const format of ['csv', 'xlsx', 'spss', 'stata'] as const) {
    it(`${format}: each counted interview's audit.csv in ODK's format, rows in order, and the merged file with instance IDs`, async () => {
      const out = mkdtempSync(join(tmpdir(), `khaosat-audit-${format}-`));
      try {
        const result = await exportSurvey(store, { survey: 'hids-2026', format, outDir: out });
        expect(result.files).toEqual(expect.arrayContaining([`media/${X}/audit.csv`, `media/${Y}/audit.csv`, 'mau_audit - audit.csv']));
        expect(readFileSync(join(out, 'media', X, 'audit.csv'), 'utf8')).toBe(lines([HEADER, ...X_ROWS]));
        expect(readFileSync(join(out, 'media', Y, 'audit.csv'), 'utf8')).toBe(lines([HEADER, ...Y_ROWS]));
        if (format === 'csv') {
          // The data's audit column names each interview's log, as ODK's names the attachment.
          const data = readFileSync(join(out, 'interviews.csv'), 'utf8').split('\r\n');
          const column = data[0]!.split(',').indexOf('audit');
          expect(column).toBeGreaterThan(0);
          expect(data.slice(1, 3).map((r) => r.split(',')[column])).toEqual([`media/${X}/audit.csv`, `media/${Y}/audit.csv`]);
        }
        expect(readFileSync(join(out, 'mau_audit - audit.csv'), 'utf8')).toBe(
          lines([`instance ID,${HEADER}`, ...X_ROWS.map((r) => `${X},${r}`), ...Y_ROWS.map((r) => `${Y},${r}`)]),
        );
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }

  it('khaosat export writes them too; its text lists the merged log and the media/ folder once, --json every file', async () => {
    const out = mkdtempSync(join(tmpdir(), 'khaosat-audit-cli-'));
    try {
      const text: string[] = [];
      const io: CliIo = { out: (t) => void text.push(t), err: () => undefined, readSecret: async () => '', env: {}, cwd: out };
      expect(await runCli(['export', '--db', store.label, '--survey', 'hids-2026', '--format', 'stata', '--out', 'dta'], io)).toBe(0);
      expect(text.join('')).toContain('  mau_audit - audit.csv\n');
      expect(text.join('')).toContain('  media/ (2 tệp đính kèm và nhật ký audit / attachment and audit log files)\n');
      expect(text.join('')).not.toContain(`media/${X}`);
      expect(readFileSync(join(out, 'dta', 'media', X, 'audit.csv'), 'utf8')).toBe(lines([HEADER, ...X_ROWS]));
      const json: string[] = [];
      expect(await runCli(['export', '--db', store.label, '--survey', 'hids-2026', '--format', 'csv', '--out', 'csv', '--json'], { ...io, out: (t) => void json.push(t) })).toBe(0);
      expect(JSON.parse(json.join('')).files).toEqual(expect.arrayContaining([`media/${X}/audit.csv`, `media/${Y}/audit.csv`, 'mau_audit - audit.csv']));
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('a form without an audit question writes no audit file and keeps no paradata', async () => {
    const out = mkdtempSync(join(tmpdir(), 'khaosat-audit-plain-'));
    try {
      const result = await exportSurvey(store, { survey: 'plain', format: 'csv', outDir: out });
      expect(result.files.filter((f) => f.includes('audit'))).toEqual([]);
      expect(readdirSync(out).filter((f) => f.includes('audit'))).toEqual([]);
      expect(existsSync(join(out, 'media'))).toBe(false);
      expect(await store.db.selectFrom('paradata').select('interview_id').where('interview_id', 'like', '3333%').execute()).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
