// Value labels and codebook entries of selects whose choices come from files shipped with the
// form (CSV, XML, GeoJSON), read back by PSPP and R haven: numeric names are labelled in SPSS and
// Stata like ordinary lists; text names (hcm, cho) stay string variables, labelled in the codebook
// and in SPSS up to 8 bytes, not in Stata (value labels on numeric variables only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exportDataset } from '../../../electron/exports';
import { codebookRows } from '../../../electron/exports/codebook';
import { buildDataset, type ExportInterview } from '../../../shared/exports/fromForm';
import { compileForm, type Cell, type FormModel } from '../../../shared/forms';
import { probeTools, run } from './tools';

const FILES: Record<string, string> = {
  'units.csv': 'name,label\n26734,Phường Bến Thành\n27127,Xã Thạnh An\n',
  'cities.xml': '<root><item><name>hcm</name><label>TP. Hồ Chí Minh</label></item><item><name>hn</name><label>Hà Nội</label></item></root>',
  'districts.xml': '<root><item><name>760</name><label>Quận 1</label></item><item><name>787</name><label>Huyện Cần Giờ</label></item></root>',
  'places.geojson': JSON.stringify({ type: 'FeatureCollection', features: [
    { type: 'Feature', geometry: { type: 'Point', coordinates: [106.698, 10.7725] }, properties: { id: 'cho', title: 'Chợ Bến Thành' } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [106.7, 10.77] }, properties: { id: 'duong', title: 'Đường Lê Lợi' } },
  ] }),
};

function form(): FormModel {
  const survey: Cell[][] = [
    ['type', 'name', 'label'],
    ['select_one_from_file units.csv', 'unit', 'Đơn vị'],
    ['select_one_from_file districts.xml', 'district', 'Quận huyện'],
    ['select_one_from_file cities.xml', 'city', 'Thành phố'],
    ['select_multiple_from_file places.geojson', 'place', 'Địa điểm'],
  ];
  const r = compileForm({ fileName: 'f.xlsx', sheets: { survey: { rows: survey }, settings: { rows: [['form_id', 'version'], ['f', '1']] } } }, { attachment: (f) => FILES[f] ?? null });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.form;
}

const iv = (id: string, answers: ExportInterview['answers']): ExportInterview => ({
  interviewId: id, revision: 1, deviceId: 'd', surveyor: 's', unitCode: '26734', outcome: 'completed', startedAt: null, endedAt: null, answers, skipped: [],
});
const INTERVIEWS = [
  iv('a1', { unit: '26734', district: '760', city: 'hcm', place: 'cho duong' }),
  iv('a2', { unit: '27127', district: '787', city: 'hn', place: 'duong' }),
];

const dataset = () => buildDataset(form(), INTERVIEWS);
const variable = (name: string) => {
  const v = dataset().tables[0]?.variables.find((x) => x.name === name);
  if (!v) throw new Error(`no variable ${name}`);
  return v;
};

describe('from-file selects in the export dataset', () => {
  test('numeric names (CSV, XML) are numeric variables with value labels from the file', () => {
    expect(variable('unit')).toMatchObject({ type: 'numeric', valueLabels: [{ value: 26734, label: 'Phường Bến Thành' }, { value: 27127, label: 'Xã Thạnh An' }] });
    expect(variable('district')).toMatchObject({ type: 'numeric', valueLabels: [{ value: 760, label: 'Quận 1' }, { value: 787, label: 'Huyện Cần Giờ' }] });
    const t = dataset().tables[0]!;
    expect(t.rows.map((r) => r.values[t.variables.findIndex((v) => v.name === 'unit')])).toEqual([26734, 27127]);
  });

  test('text names are string variables with their labels; a from-file select_multiple gets a 0/1 column per choice', () => {
    expect(variable('city')).toMatchObject({ type: 'string', valueLabels: [{ value: 'hcm', label: 'TP. Hồ Chí Minh' }, { value: 'hn', label: 'Hà Nội' }] });
    expect(variable('place_cho')).toMatchObject({ type: 'numeric', label: 'Địa điểm: Chợ Bến Thành', source: 'place/cho' });
    const t = dataset().tables[0]!;
    const col = (n: string) => t.rows.map((r) => r.values[t.variables.findIndex((v) => v.name === n)]);
    expect(col('place_cho')).toEqual([1, 0]);
    expect(col('place_duong')).toEqual([1, 1]);
  });

  test('the codebook lists the file choices as value labels', () => {
    const rows = codebookRows(dataset());
    const row = (name: string) => rows.find((r) => r[1] === name);
    expect(row('unit')?.[7]).toBe('26734=Phường Bến Thành; 27127=Xã Thạnh An');
    expect(row('city')?.[7]).toBe('hcm=TP. Hồ Chí Minh; hn=Hà Nội');
    expect(row('place_duong')?.[4]).toBe('Địa điểm: Đường Lê Lợi');
  });
});

const tools = probeTools();
let dir = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khaosat-fromfile-'));
  for (const format of ['spss', 'stata'] as const) await exportDataset(dataset(), { format, outDir: path.join(dir, format) });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('PSPP and R haven are installed in CI', () => {
  if (process.env.CI) expect([tools.pspp, tools.haven].filter((t) => !t.available).map((t) => t.reason)).toEqual([]);
});

describe.skipIf(!tools.pspp.available)('the .sav read back by PSPP', () => {
  test('value labels of the CSV, XML and GeoJSON lists', () => {
    fs.writeFileSync(path.join(dir, 'spss', 'read.sps'), 'GET FILE="interviews.sav".\nDISPLAY LABELS.\nDISPLAY DICTIONARY.\n');
    const out = run('pspp', ['-O', 'format=csv', 'read.sps'], path.join(dir, 'spss'));
    const labels = out.slice(out.indexOf('Table: Value Labels'));
    for (const line of [
      'Đơn vị,26734,Phường Bến Thành', ',27127,Xã Thạnh An',
      'Quận huyện,760,Quận 1', ',787,Huyện Cần Giờ',
      'Thành phố,hcm,TP. Hồ Chí Minh', ',hn,Hà Nội',
      'Địa điểm: Chợ Bến Thành,0,Không chọn', ',1,Có chọn',
    ]) expect(labels).toContain(line);
  });
});

function havenLabels(file: string, reader: 'read_sav' | 'read_dta'): Record<string, { values: unknown[]; names: string[] } | null> {
  const script = `suppressMessages({library(haven); library(jsonlite)})
d <- ${reader}(f)
out <- lapply(d, function(x) { l <- attr(x, "labels"); if (is.null(l)) NULL else list(values=unname(as.vector(unclass(l))), names=names(l)) })
cat(toJSON(out, auto_unbox=FALSE, null="null"))`;
  return JSON.parse(run('Rscript', ['-e', `f <- "${file}"`, '-e', script], path.dirname(file))) as Record<string, { values: unknown[]; names: string[] } | null>;
}

describe.skipIf(!tools.haven.available)('R haven', () => {
  test('read_sav: labels of numeric and short text names', () => {
    const l = havenLabels(path.join(dir, 'spss', 'interviews.sav'), 'read_sav');
    expect(l.unit).toEqual({ values: [26734, 27127], names: ['Phường Bến Thành', 'Xã Thạnh An'] });
    expect(l.district).toEqual({ values: [760, 787], names: ['Quận 1', 'Huyện Cần Giờ'] });
    expect(l.city).toEqual({ values: ['hcm', 'hn'], names: ['TP. Hồ Chí Minh', 'Hà Nội'] });
    expect(l.place_cho?.names.slice(0, 2)).toEqual(['Không chọn', 'Có chọn']);
  });

  test('read_dta: numeric names labelled, text names not (Stata labels numbers only)', () => {
    const l = havenLabels(path.join(dir, 'stata', 'interviews.dta'), 'read_dta');
    expect(l.unit?.names.slice(0, 2)).toEqual(['Phường Bến Thành', 'Xã Thạnh An']);
    expect(l.unit?.values.slice(0, 2)).toEqual([26734, 27127]);
    expect(l.district?.names.slice(0, 2)).toEqual(['Quận 1', 'Huyện Cần Giờ']);
    expect(l.city ?? null).toBeNull();
  });
});
