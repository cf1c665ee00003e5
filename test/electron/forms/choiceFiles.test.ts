// select_one_from_file / select_multiple_from_file with the CSV beside the form: loaded into the
// model as an ordinary select on a `file:` list, so the runtime, main's answer check and form.json
// need nothing else; a missing or malformed CSV is an error naming the question's row and the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkFormJson } from '../../../electron/forms/checkFormJson';
import { loadFormFile } from '../../../electron/forms/loadForm';
import { checkAnswer } from '../../../shared/engine/answers';
import { createFormRuntime } from '../../../shared/engine/runtime';
import { listQuestions, type FormModel } from '../../../shared/forms';
import { buildXlsx } from '../../fixtures/forms/build';

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-choicefile-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const survey = (...rows: (string | null)[][]) => ({
  survey: [['type', 'name', 'label', 'parameters', 'choice_filter'], ...rows],
  settings: [['form_id', 'version'], ['fromfile', '1']],
});

async function load(files: Record<string, string>, ...rows: (string | null)[][]) {
  const dir = folder({ ...files, 'form.xlsx': await buildXlsx(survey(...rows)) });
  return loadFormFile(join(dir, 'form.xlsx'));
}

const UNITS = 'name,label,label::English (en),district\n26734,Phường Bến Thành,Ben Thanh Ward,q1\n26737,"Phường Sài Gòn, Q1",Saigon Ward,q1\n27004,Xã Bình Chánh,Binh Chanh,bc\n';

describe('choices from a CSV shipped with the form', () => {
  test('the CSV becomes a choice list; the question a select_one on it; answers are checked against its codes', async () => {
    const r = await load({ 'units.csv': UNITS }, ['select_one_from_file units.csv', 'unit', 'Đơn vị'], ['select_multiple_from_file units.csv', 'seen', 'Đã đến']);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [unit, seen] = listQuestions(r.form);
    expect(unit).toMatchObject({ type: 'select_one', listName: 'file:units.csv', choicesFile: 'units.csv' });
    expect(seen).toMatchObject({ type: 'select_multiple', listName: 'file:units.csv' });
    const list = r.form.choiceLists['file:units.csv'];
    expect(list?.choices.map((c) => [c.name, c.labels['vi'], c.labels['en'], c.extra['district']])).toEqual([
      ['26734', 'Phường Bến Thành', 'Ben Thanh Ward', 'q1'],
      ['26737', 'Phường Sài Gòn, Q1', 'Saigon Ward', 'q1'],
      ['27004', 'Xã Bình Chánh', 'Binh Chanh', 'bc'],
    ]);
    expect(checkAnswer(r.form, { path: 'unit', value: '26737', missing: null })).toHaveProperty('answer');
    expect(checkAnswer(r.form, { path: 'unit', value: '99999', missing: null })).toHaveProperty('issue.path', 'unit');
    expect(checkAnswer(r.form, { path: 'seen', value: ['26734', '27004'], missing: null })).toHaveProperty('answer');
    const rt = createFormRuntime(r.form);
    expect(rt.availableChoices('unit').map((c) => c.name)).toEqual(['26734', '26737', '27004']);
  });

  test('form.json made from it loads back with the same choices (the laptop never needs the CSV)', async () => {
    const r = await load({ 'units.csv': UNITS }, ['select_one_from_file units.csv', 'unit', 'Đơn vị']);
    if (!r.ok) throw new Error('compile');
    const back = checkFormJson(JSON.parse(JSON.stringify(r.form)) as FormModel, 'form.json');
    expect(back.ok && back.form.choiceLists['file:units.csv']?.choices.length).toBe(3);
  });

  test('value= and label= parameters pick other columns', async () => {
    const r = await load({ 'units.csv': UNITS }, ['select_one_from_file units.csv', 'dist', 'Quận', 'value=district label=label']);
    // A column named by value= must be unique per row: district repeats, so this is refused.
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.messageEn).toBe('units.csv line 3: code "q1" repeats line 2.');
    const ok = await load({ 'units.csv': UNITS }, ['select_one_from_file units.csv', 'u2', 'Đơn vị', 'value=name label=district']);
    expect(ok.ok && ok.form.choiceLists['file:units.csv#name/district']?.choices[2]?.labels['vi']).toBe('bc');
  });

  test('a missing CSV, a CSV without a name column, a ragged CSV and an .xml list are errors at the question row', async () => {
    const missing = await load({}, ['select_one_from_file units.csv', 'unit', 'Đơn vị']);
    expect(missing.ok).toBe(false);
    if (!missing.ok) {
      expect(missing.errors[0]).toMatchObject({ sheet: 'survey', row: 2, code: 'invalid_choices_file' });
      expect(missing.errors[0]?.messageEn).toBe('No file units.csv beside the form (question "unit" takes its choices from it). Put units.csv in the same folder as the form file.');
    }
    const noName = await load({ 'u.csv': 'code,label\n1,A\n' }, ['select_one_from_file u.csv', 'u', 'U']);
    expect(!noName.ok && noName.errors[0]?.messageEn).toBe('u.csv has no "name" column (the choice codes). Columns: code, label.');
    const ragged = await load({ 'u.csv': 'name,label\n1,A,extra\n' }, ['select_one_from_file u.csv', 'u', 'U']);
    expect(!ragged.ok && ragged.errors[0]?.messageEn).toMatch(/^u\.csv: Line 2 has 3 columns, expected 2\.$/);
    const xml = await load({ 'u.xml': '<root/>' }, ['select_one_from_file u.xml', 'u', 'U']);
    expect(!xml.ok && xml.errors[0]?.messageEn).toMatch(/reads choices from a \.csv file; save the list as u\.csv/);
  });
});
