// Files shipped beside a form: the loader reads the CSVs a form names from the form's own folder
// (only plain file names), the compiler keeps them in the model, and the runtime reads them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { attachmentReader, checkFormJson, loadFormFile } from '../../../electron/forms/loadForm';
import { FormFileError, MAX_FORM_FILE_BYTES } from '../../../electron/forms/readXlsx';
import { createFormRuntime } from '../../../shared/engine/runtime';
import { buildXlsx } from '../../fixtures/forms/build';
import { minimal } from '../../fixtures/forms/workbooks';

const CSV = 'name,label,district\n26734,Phường Bến Thành,Quận 1\n27127,Xã Thạnh An,Cần Giờ\n';

async function formFolder(files: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'khaosat-attach-'));
  const xlsx = await buildXlsx(minimal([
    ['select_one_from_file units.csv', 'unit', 'Đơn vị'],
    ['calculate', 'district', null, null, "pulldata('units', 'district', 'name', ${unit})"],
  ]));
  writeFileSync(join(dir, 'form.xlsx'), xlsx);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('form attachments', () => {
  test("a CSV beside the .xlsx becomes the from-file choices and pulldata's table", async () => {
    const dir = await formFolder({ 'units.csv': CSV });
    const r = await loadFormFile(join(dir, 'form.xlsx'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings.filter((w) => w.code === 'missing_attachment')).toEqual([]);
    expect(r.form.attachments).toEqual([{ file: 'units.csv', columns: ['name', 'label', 'district'], rows: [['26734', 'Phường Bến Thành', 'Quận 1'], ['27127', 'Xã Thạnh An', 'Cần Giờ']] }]);
    const rt = createFormRuntime(r.form);
    expect(rt.availableChoices('unit').map((c) => c.name)).toEqual(['26734', '27127']);
    rt.setAnswer('unit', '27127');
    expect(rt.getValue('district')).toBe('Cần Giờ');
  });

  test('a missing CSV is a warning naming the file, once per place it is used', async () => {
    const dir = await formFolder({});
    const r = await loadFormFile(join(dir, 'form.xlsx'));
    expect(r.ok).toBe(true);
    expect(r.warnings.filter((w) => w.code === 'missing_attachment').map((w) => [w.row, w.expected])).toEqual([[4, 'units.csv'], [5, 'units.csv']]);
  });

  test('only plain file names in the form folder are read, never a path or a folder', async () => {
    const dir = await formFolder({});
    mkdirSync(join(dir, 'sub.csv'));
    writeFileSync(join(dir, '..', 'outside.csv'), 'name\nx\n');
    const read = attachmentReader(dir);
    expect(read('../outside.csv')).toBeNull();
    expect(read('sub.csv')).toBeNull();
    expect(read('.hidden.csv')).toBeNull();
    expect(read('nothing.csv')).toBeNull();
  });

  test('an attachment larger than a form file is refused by name', async () => {
    const dir = await formFolder({});
    writeFileSync(join(dir, 'big.csv'), Buffer.alloc(MAX_FORM_FILE_BYTES + 1, 0x61));
    expect(() => attachmentReader(dir)('big.csv')).toThrow(FormFileError);
    expect(() => attachmentReader(dir)('big.csv')).toThrow(/big\.csv/);
  });

  test('an XML and a GeoJSON file beside the .xlsx: choices, an xml-external instance, and form.json carries them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'khaosat-attach-'));
    writeFileSync(join(dir, 'form.xlsx'), await buildXlsx(minimal([
      ['select_one_from_file cities.xml', 'city', 'Thành phố'],
      ['select_one_from_file places.geojson', 'place', 'Địa điểm'],
      ['xml-external', 'towns', null],
      ['calculate', 'kind', null, null, "instance('towns')/towns/town[@id = ${city}]/@kind"],
    ])));
    writeFileSync(join(dir, 'cities.xml'), '<root><item><name>hcm</name><label>TP. HCM</label></item><item><name>hn</name><label>Hà Nội</label></item></root>');
    writeFileSync(join(dir, 'places.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [106.7, 10.77] }, properties: { id: 'cho', title: 'Chợ' } }] }));
    writeFileSync(join(dir, 'towns.xml'), '<towns><town id="hcm" kind="tp"/></towns>');
    const r = await loadFormFile(join(dir, 'form.xlsx'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.warnings.filter((w) => w.code === 'missing_attachment')).toEqual([]);
    expect(r.form.attachments?.map((a) => a.file)).toEqual(['cities.xml', 'places.geojson', 'towns.xml']);
    const again = checkFormJson(JSON.parse(JSON.stringify(r.form)), 'form.json');
    if (!again.ok) throw new Error(JSON.stringify(again.errors));
    const rt = createFormRuntime(again.form);
    expect(rt.availableChoices('city').map((c) => c.name)).toEqual(['hcm', 'hn']);
    expect(rt.availableChoices('place').map((c) => c.name)).toEqual(['cho']);
    rt.setAnswer('city', 'hcm');
    expect(rt.getValue('kind')).toBe('tp');
  });

  test('an XML file larger than a form file is refused by name, as a CSV is', async () => {
    const dir = await formFolder({});
    writeFileSync(join(dir, 'big.xml'), Buffer.alloc(MAX_FORM_FILE_BYTES + 1, 0x61));
    expect(() => attachmentReader(dir)('big.xml')).toThrow(/big\.xml/);
  });

  test('form.json with a tampered attachment is refused (a tree too deep, rows that are not text)', () => {
    const base = { modelVersion: 1, formId: 'f', version: '1', children: [], choiceLists: {}, languages: [], index: { components: [] } };
    let deep: Record<string, unknown> = { name: 'x' };
    for (let i = 0; i < 40; i++) deep = { name: 'a', children: [deep] };
    expect(checkFormJson({ ...base, attachments: [{ file: 'a.xml', xml: { name: 'r', attributes: { k: 'v' }, children: [{ name: 'i', text: 'x' }] } }] }, 'form.json').ok).toBe(true);
    for (const attachments of [[{ file: 'a.xml', xml: deep }], [{ file: 'a.csv', columns: ['x'], rows: [[1]] }], [{ columns: [], rows: [] }], {}]) {
      const r = checkFormJson({ ...base, attachments }, 'form.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors[0]?.code).toBe('invalid_json_form');
    }
  });
});

