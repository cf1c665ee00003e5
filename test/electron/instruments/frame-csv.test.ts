// The strict unit-frame and quota readers survey packages use: every problem names the file, the
// line and the column, in Vietnamese and English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAgencies, FrameError, readQuotas, readUnitFrame, type FrameIssue } from '../../../electron/instruments/frame-csv';

const HEADER = 'code,type,name_vi,name_en,former_province,former_district,merged_from\n';

function issues(run: () => unknown): FrameIssue[] {
  try {
    run();
  } catch (error) {
    if (error instanceof FrameError) return error.issues;
    throw error;
  }
  throw new Error('expected a FrameError');
}

describe('readUnitFrame', () => {
  it('reads the 168-unit 2025 frame shipped with the app', () => {
    const units = readUnitFrame(readFileSync(join(__dirname, '../../../shared/instruments/units/hcmc_units_2025.csv')));
    expect(units).toHaveLength(168);
    expect(units.find((u) => u.code === '26743')).toMatchObject({ nameVi: 'Phường Bến Thành', nameEn: 'Ben Thanh Ward', type: 'Phường/Ward' });
  });

  it('accepts a BOM and CRLF line ends, and empty optional columns as null', () => {
    const units = readUnitFrame(Buffer.from(`\uFEFF${HEADER.replace('\n', '\r\n')}26743,Phường/Ward,Phường Bến Thành,,,,\r\n`));
    expect(units).toEqual([{ code: '26743', type: 'Phường/Ward', nameVi: 'Phường Bến Thành', nameEn: null, formerProvince: null, formerDistrict: null, mergedFrom: null }]);
  });

  it('names line and column of a bad code, a repeated code, a missing type and name', () => {
    const found = issues(() => readUnitFrame(Buffer.from(`${HEADER}26743,Phường,Bến Thành,,,,\nbad code!,Phường,X,,,,\n26743,,,,,,\n`), 'u.csv'));
    expect(found.map((i) => [i.line, i.column])).toEqual([[3, 'code'], [4, 'code'], [4, 'type'], [4, 'name_vi']]);
    expect(found[1]).toMatchObject({ file: 'u.csv', vi: 'mã đơn vị 26743 đã có ở dòng 2.', en: 'unit code 26743 already appears on line 2.' });
  });

  it('refuses other columns, a ragged row, no units and bytes that are not UTF-8', () => {
    expect(issues(() => readUnitFrame(Buffer.from('code,name_vi\n1,A\n')))[0]).toMatchObject({ line: 1, column: null });
    expect(issues(() => readUnitFrame(Buffer.from(`${HEADER}26743,Phường,A\n`)))[0]).toMatchObject({ line: 2, en: 'Line 2 has 3 columns, expected 7.' });
    expect(issues(() => readUnitFrame(Buffer.from(HEADER)))[0]).toMatchObject({ line: 0, en: 'there are no units.' });
    expect(issues(() => readUnitFrame(Buffer.from([0x63, 0xff, 0xfe])))[0]).toMatchObject({ en: 'the file is not UTF-8 text.' });
  });
});

describe('readQuotas', () => {
  const units = readUnitFrame(Buffer.from(`${HEADER}26743,Phường,Bến Thành,,,,\n26758,Phường,Cầu Ông Lãnh,,,,\n`));

  it('reads targets for units of the frame', () => {
    expect(readQuotas(Buffer.from('unit_code,target\n26743,30\n26758,0\n'), units)).toEqual([{ unitCode: '26743', target: 30 }, { unitCode: '26758', target: 0 }]);
  });

  it('refuses unknown and repeated units and targets that are not whole numbers in range', () => {
    const found = issues(() => readQuotas(Buffer.from('unit_code,target\n99999,3\n26743,1.5\n26743,2\n26758,100001\n'), units));
    expect(found.map((i) => [i.line, i.column])).toEqual([[2, 'unit_code'], [3, 'target'], [4, 'unit_code'], [5, 'target']]);
  });
});

describe('checkAgencies', () => {
  it('wants a CSV with a header line', () => {
    expect(() => checkAgencies(Buffer.from('code,name\nA1,Sở Tư pháp\n'))).not.toThrow();
    expect(issues(() => checkAgencies(Buffer.from('code,"name\n')))[0]).toMatchObject({ file: 'agencies.csv' });
  });
});
