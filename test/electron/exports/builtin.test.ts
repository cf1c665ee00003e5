// The built-in instruments export as they are: every variable name valid in SPSS and Stata and
// unique per table (the HIDS form has its own `outcome` question, which must not collide with the
// metadata column), every .sav/.dta read by readstat with the expected number of columns.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDataset } from '../../../electron/exports';
import { compileBuiltinInstruments } from '../../../electron/instruments/compileBuiltin';
import { buildDataset } from '../../../shared/exports/fromForm';
import { listQuestions, type FormModel } from '../../../shared/forms';
import { probeTools, run } from './tools';

let forms: FormModel[] = [];
let dir = '';
beforeAll(async () => {
  forms = (await compileBuiltinInstruments(path.join(__dirname, '../../../shared/instruments'))).instruments.map((i) => i.model);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khaosat-builtin-export-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** One interview answering every question: the first choice of selects, 1 for numbers, text otherwise. */
function everyAnswer(form: FormModel): Record<string, string | number> {
  const answers: Record<string, string | number> = {};
  for (const q of listQuestions(form)) {
    if (q.type === 'note') continue;
    const first = q.listName ? form.choiceLists[q.listName]?.choices[0]?.name : undefined;
    answers[q.name] = first ?? (['integer', 'decimal', 'range'].includes(q.type) ? 1 : 'Nội dung có dấu');
  }
  return answers;
}

describe('the built-in instruments', () => {
  test('names are valid in SPSS and Stata and unique per table, ignoring case', () => {
    expect(forms.length).toBeGreaterThanOrEqual(2);
    for (const form of forms) {
      for (const t of buildDataset(form, []).tables) {
        const names = t.variables.flatMap((v) => [v.name, ...(v.statusName ? [v.statusName] : [])]);
        for (const n of names) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,31}$/);
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
      }
    }
    const hids = buildDataset(forms.find((f) => f.formId === 'hids_satisfaction') as FormModel, []).tables[0];
    expect(hids?.variables.find((v) => v.source === 'outcome' && v.role === 'question')?.name).toBe('outcome_2');
  });

  test.skipIf(!probeTools().readstat.available)('their .sav and .dta files are read by readstat', async () => {
    for (const form of forms) {
      const dataset = buildDataset(form, [{ interviewId: 'iv-1', revision: 1, deviceId: 'd', surveyor: 's', unitCode: '26734', outcome: 'completed', startedAt: null, endedAt: null, answers: everyAnswer(form), skipped: [] }]);
      const t = dataset.tables[0];
      const out = path.join(dir, form.formId);
      const sav = await exportDataset(dataset, { format: 'spss', outDir: out });
      const dta = await exportDataset(dataset, { format: 'stata', outDir: out });
      expect([...sav.warnings, ...dta.warnings]).toEqual([]);
      const withStatus = t?.variables.filter((v) => v.statusName).length ?? 0;
      const strings = t?.variables.filter((v) => v.statusName && v.type === 'string').length ?? 0;
      expect(run('readstat', ['interviews.sav'], out)).toMatch(new RegExp(`Columns: ${(t?.variables.length ?? 0) + withStatus}\\b`));
      expect(run('readstat', ['interviews.dta'], out)).toMatch(new RegExp(`Columns: ${(t?.variables.length ?? 0) + strings}\\b`));
    }
  });
});
