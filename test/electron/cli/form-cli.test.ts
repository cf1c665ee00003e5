// `khaosat form check` on the built-in instruments and on a broken form.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import type { CliIo } from '../../../electron/cli/io';
import { buildXlsx } from '../../fixtures/forms/build';

const ROOT = resolve(import.meta.dirname, '../../..');
let dir: string;

function fakeIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), readSecret: async () => '', env: {}, cwd: ROOT };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'khaosat-formcli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('khaosat form check', () => {
  it.each(['hids-satisfaction.xlsx', 'mttq-satisfaction.xlsx'])('%s passes with a summary of questions, languages and index', async (file) => {
    const t = fakeIo();
    expect(await runCli(['form', 'check', `shared/instruments/${file}`, '--json'], t.io)).toBe(0);
    const report = JSON.parse(t.out());
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(report.summary.languages).toEqual(['vi', 'en']);
    expect(report.summary.questionsByType.select_one).toBeGreaterThan(20);
    expect(report.summary.indexComponents.map((c: { id: string }) => c.id)).toEqual(['ACC', 'PRO', 'CIV', 'RES', 'FBK']);
  });

  it('a broken form exits 1 and every error names the sheet, row and column', async () => {
    const file = join(dir, 'broken.xlsx');
    writeFileSync(
      file,
      await buildXlsx({
        survey: [
          ['type', 'name', 'label', 'relevant'],
          ['integer', 'age', 'Tuổi'],
          ['text', 'ten', 'Tên', '${agee} > 3'],
          ['geopoint', 'gps', 'GPS'],
        ],
        settings: [['form_id', 'version'], ['broken', '1']],
      }),
    );
    const t = fakeIo();
    expect(await runCli(['form', 'check', file, '--json'], t.io)).toBe(1);
    const report = JSON.parse(t.out());
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'unknown_reference', sheet: 'survey', row: 3, column: 'relevant', columnLetter: 'D' }),
        expect.objectContaining({ code: 'unsupported_type', sheet: 'survey', row: 4, column: 'type' }),
      ]),
    );
    const human = fakeIo();
    expect(await runCli(['form', 'check', file], human.io)).toBe(1);
    expect(human.err()).toContain('survey!D3 (relevant) [unknown_reference]');
    expect(human.err()).toContain('did you mean ${age}?');
  });

  it('a missing file is a clear error, not a crash', async () => {
    const t = fakeIo();
    expect(await runCli(['form', 'check', join(dir, 'nope.xlsx')], t.io)).toBe(1);
    expect(t.err()).toMatch(/nope\.xlsx/);
  });
});

describe('khaosat form run', () => {
  const HIDS = 'shared/instruments/hids-satisfaction.xlsx';

  it('evaluates a record: skipped branch cleared, DK coded, unknown names reported, calculations applied', async () => {
    const answers = join(dir, 'answers.json');
    // A consenting, eligible service user (the service block is asked only of them).
    writeFileSync(answers, JSON.stringify({ consent: 1, DEM_TYPE: 1, SCR_AGE: 1, SCR_STAFF: 2, SCR_USE: 1, META_UNIT: '25747', EXP_PAKN: 2, FBK1: 4, ACC1: 5, ACC2: 9, bogus: 1 }));
    const t = fakeIo();
    expect(await runCli(['form', 'run', HIDS, '--answers', answers, '--json'], t.io)).toBe(0);
    const report = JSON.parse(t.out());
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['relevant', 'values', 'errors', 'complete']));
    expect(report.complete).toBe(false);
    expect(report.relevant).not.toContain('FBK1');
    expect(report.values.FBK1 ?? null).toBeNull();
    expect(report.statuses.FBK1).toBe('skipped');
    expect(report.statuses.ACC1).toBe('answered');
    expect(report.missing.ACC2).toBe('dont_know');
    expect(report.errors).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'bogus', kind: 'type' })]));
    expect(report.errors).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'META_SITE', kind: 'required' })]));
    expect(report.errors.some((e: { name: string }) => e.name === 'META_UNIT')).toBe(false);
    expect(report.values.outcome).toBe('completed');
    expect(report.values.service_user).toBe('1');
  });

  it('a broken answers file is a one-line error naming the file', async () => {
    const answers = join(dir, 'broken.json');
    writeFileSync(answers, '{ "ACC1": 5,, }');
    const t = fakeIo();
    expect(await runCli(['form', 'run', HIDS, '--answers', answers], t.io)).toBe(1);
    expect(t.err()).toMatch(/broken\.json: not valid JSON/);
    const arr = join(dir, 'array.json');
    writeFileSync(arr, '[1,2]');
    const u = fakeIo();
    expect(await runCli(['form', 'run', HIDS, '--answers', arr], u.io)).toBe(1);
    expect(u.err()).toMatch(/expected a JSON object/);
  });

  it('--answers is required', async () => {
    const t = fakeIo();
    expect(await runCli(['form', 'run', HIDS], t.io)).toBe(2);
  });
});
