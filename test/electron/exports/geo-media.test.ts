// The export columns of the issue-11 types: a geopoint split into lat/lon/alt/acc numbers beside
// its text; an attachment's cell is the path of the file written beside the data.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { writeMediaFiles } from '../../../electron/exports/media';
import { buildDataset, type ExportInterview } from '../../../shared/exports/fromForm';
import { encodeMediaValue } from '../../../shared/forms/media';
import { formOf } from '../../shared/engine/runtime/formFixture';

const form = formOf([
  { type: 'geopoint', name: 'pt', label: 'Vị trí' },
  { type: 'geotrace', name: 'road', label: 'Đường' },
  { type: 'image', name: 'photo', label: 'Ảnh' },
  { type: 'begin repeat', name: 'hh', label: 'Hộ' },
  { type: 'file', name: 'doc', label: 'Tệp' },
  { type: 'end repeat' },
]);

const photo = encodeMediaValue({ name: 'biên nhận.png', mime: 'image/png', base64: Buffer.from('PNGDATA').toString('base64') });
const doc = encodeMediaValue({ name: 'a.pdf', mime: 'application/pdf', base64: Buffer.from('%PDF').toString('base64') });
const iv = (id: string, answers: ExportInterview['answers']): ExportInterview => ({
  interviewId: id, revision: 1, deviceId: 'd', surveyor: 's', unitCode: '26734', outcome: 'completed', startedAt: null, endedAt: null, answers, skipped: [],
});
const interviews = [
  iv('a1', { pt: '10.7769 106.7009 5 12', road: '10 106;10.1 106.1', photo, 'hh[2]/doc': doc }),
  iv('a2', { pt: '10.5 106.5' }),
];

describe('geo and media in the export dataset', () => {
  test('a geopoint has lat, lon, alt, acc numeric columns after its text; missing parts are empty', () => {
    const t = buildDataset(form, interviews).tables[0]!;
    const names = t.variables.map((v) => v.name);
    expect(names.slice(8, 15)).toEqual(['pt', 'pt_lat', 'pt_lon', 'pt_alt', 'pt_acc', 'road', 'photo']);
    const col = (n: string) => t.rows.map((r) => r.values[names.indexOf(n)]);
    expect(col('pt_lat')).toEqual([10.7769, 10.5]);
    expect(col('pt_acc')).toEqual([12, null]);
    expect(col('road')).toEqual(['10 106;10.1 106.1', null]);
    expect(t.variables[names.indexOf('pt_lat')]).toMatchObject({ type: 'numeric', decimals: 6, source: 'pt#lat' });
  });

  test('an attachment cell holds the relative path of its file, which writeMediaFiles writes with the bytes', () => {
    const ds = buildDataset(form, interviews);
    const main = ds.tables[0]!;
    expect(main.rows[0]!.values[main.variables.findIndex((v) => v.name === 'photo')]).toBe('media/a1/photo-biên nhận.png');
    const hh = ds.tables[1]!;
    expect(hh.rows[0]!.values[hh.variables.findIndex((v) => v.name === 'doc')]).toBe('media/a1/hh_2_doc-a.pdf');
    const out = mkdtempSync(join(tmpdir(), 'khaosat-media-'));
    expect(writeMediaFiles(out, form, interviews)).toEqual(['media/a1/photo-biên nhận.png', 'media/a1/hh_2_doc-a.pdf']);
    expect(readFileSync(join(out, 'media', 'a1', 'photo-biên nhận.png'), 'utf8')).toBe('PNGDATA');
    expect(readFileSync(join(out, 'media', 'a1', 'hh_2_doc-a.pdf'), 'utf8')).toBe('%PDF');
  });
});
