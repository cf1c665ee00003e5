// The frame files the instrument generator reads (shared/instruments/units/): a broken file is a
// clear error naming the file, row and column, never a silently shorter list.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv, readCsvRecords } from '../../../scripts/instruments/csv';
import { agencyChoices, readUnits } from '../../../scripts/instruments/frame';

const ROOT = resolve(import.meta.dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'khaosat-frame-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('frame CSV reader', () => {
  it('reads quoted cells with commas, doubled quotes and CRLF line ends', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\r\n')).toEqual([['a', 'b'], ['x, y', 'say "hi"']]);
  });

  it('names the file and column when a column is missing', () => {
    const path = csv('no-col.csv', 'code,name_vi\n101,Sở Nội vụ\n');
    expect(() => readCsvRecords(path, ['code', 'name_vi', 'name_en'])).toThrow('no-col.csv: thiếu cột "name_en" / no column "name_en"');
  });

  it('names the row of a short row or an empty required cell', () => {
    expect(() => readCsvRecords(csv('short.csv', 'code,name_vi\n101\n'), ['code'])).toThrow('short.csv dòng 2: 1 ô, tiêu đề có 2 / row 2: 1 cells, the header has 2');
    expect(() => readCsvRecords(csv('empty.csv', 'code,name_vi\n101,x\n,y\n'), ['code'])).toThrow('empty.csv dòng 3: "code" trống / row 3: "code" is empty');
  });

  it('the committed frame has 168 units (113 wards, 54 communes, 1 special zone) with unique codes', () => {
    const units = readUnits(ROOT);
    expect(units).toHaveLength(168);
    expect(new Set(units.map((u) => u.code)).size).toBe(168);
    const byType = (t: string) => units.filter((u) => u.type.startsWith(t)).length;
    expect([byType('Phường'), byType('Xã'), byType('Đặc khu')]).toEqual([113, 54, 1]);
  });

  it('agency codes are unique across departments and People\'s Committees', () => {
    const codes = agencyChoices(ROOT, readUnits(ROOT)).map((r) => r[1]);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
