import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadFormFile } from '../../../electron/forms/loadForm';
import { listQuestions, type FormModel } from '../../../shared/forms';

const dir = join(__dirname, '..', '..', '..', 'shared', 'instruments');

async function load(file: string): Promise<{ form: FormModel; warnings: unknown[] }> {
  const r = await loadFormFile(join(dir, file));
  if (!r.ok) throw new Error(JSON.stringify(r.errors, null, 1));
  return r;
}

describe.each(['hids-satisfaction.xlsx', 'mttq-satisfaction.xlsx'])('built-in instrument %s', (file) => {
  test('compiles with zero errors and zero warnings, in Vietnamese and English', async () => {
    const { form, warnings } = await load(file);
    expect(warnings).toEqual([]);
    expect(form.languages.map((l) => l.code)).toEqual(['vi', 'en']);
    for (const q of listQuestions(form)) {
      if (['start', 'end', 'deviceid', 'username'].includes(q.type)) continue;
      expect(Object.keys(q.labels).sort(), q.name).toEqual(['en', 'vi']);
    }
  });

  test('offers all 168 units by 5-digit code', async () => {
    const { form } = await load(file);
    const units = form.choiceLists['units']?.choices ?? [];
    expect(units).toHaveLength(168);
    expect(units.every((u) => /^\d{5}$/.test(u.name) && u.labels['vi'] && u.labels['en'])).toBe(true);
    expect(listQuestions(form).find((q) => q.name === 'META_UNIT')?.listName).toBe('units');
  });

  test('maps the five components to their items in the index sheet', async () => {
    const { form } = await load(file);
    expect(form.index.origin).toBe('sheet');
    expect(form.index.satisfiedCodes).toEqual([4, 5]);
    expect(form.index.validCodes).toEqual([1, 2, 3, 4, 5]);
    expect(form.index.components.map((c) => [c.id, c.items.map((i) => i.question).join(' ')])).toEqual([
      ['ACC', 'ACC1 ACC2 ACC3 ACC4'],
      ['PRO', 'PRO1 PRO2 PRO3 PRO4'],
      ['CIV', 'CIV1 CIV2 CIV3 CIV4 CIV5'],
      ['RES', 'RES1 RES2 RES3'],
      ['FBK', 'FBK1 FBK2 FBK3'],
    ]);
  });

  test('satisfaction items accept missing codes 8 and 9; skip logic is in place', async () => {
    const { form } = await load(file);
    const qs = new Map(listQuestions(form).map((q) => [q.name, q]));
    expect(qs.get('CIV3')).toMatchObject({ listName: 'sat5', appearance: 'likert', missingCodes: ['8', '9'] });
    expect(qs.get('DEM_ETH_OTHER')?.relevant?.source).toBe('${DEM_ETH} = 2');
    const fbk = form.children.find((n) => n.name === 'G_FBK');
    expect(fbk).toMatchObject({ kind: 'group', appearance: 'field-list', relevant: { source: '${EXP_PAKN} = 1' } });
  });
});

test('the Fatherland Front instrument adds the policy block and the perception questions', async () => {
  const { form } = await load('mttq-satisfaction.xlsx');
  const names = listQuestions(form).map((q) => q.name);
  expect(names).toEqual(expect.arrayContaining(['POL1', 'POL2', 'POL3', 'PER_HARASS', 'PER_BRIBE']));
  const hids = (await load('hids-satisfaction.xlsx')).form;
  expect(listQuestions(hids).map((q) => q.name)).not.toContain('POL1');
});
