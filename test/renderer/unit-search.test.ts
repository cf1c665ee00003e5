import { describe, expect, it } from 'vitest';
import { fold, searchUnits, sortUnits } from '../../renderer/features/surveyor/unitSearch';
import { UNITS } from './fake-interviews';

describe('unit search', () => {
  it('"ben thanh" finds "Phường Bến Thành" (without diacritics), and so does the code', () => {
    expect(searchUnits(UNITS, 'ben thanh').map((u) => u.nameVi)).toEqual(['Phường Bến Thành']);
    expect(searchUnits(UNITS, '26734').map((u) => u.code)).toEqual(['26734']);
    expect(fold('Đặc khu Côn Đảo')).toBe('dac khu con dao');
  });

  it('without diacritics finds both Thanh An and Thạnh An; with them, only the one typed', () => {
    expect(searchUnits(UNITS, 'thanh an').map((u) => u.code).sort()).toEqual(['25800', '25987']);
    expect(searchUnits(UNITS, 'Thạnh An').map((u) => u.code)).toEqual(['25987']);
    expect(searchUnits(UNITS, 'xã thanh an').map((u) => u.code)).toEqual(['25800', '25987']);
    expect(searchUnits(UNITS, 'thạnh').map((u) => u.code)).toEqual(['25987']);
  });

  it('units matched by name come before units matched through their former place', () => {
    const withBenCat = [...UNITS, { ...UNITS[3]!, code: '25900', nameVi: 'Xã Long Nguyên', formerDistrict: 'TP. Bến Cát' }];
    expect(searchUnits(withBenCat, 'ben').map((u) => u.nameVi)).toEqual(['Phường Bến Thành', 'Xã Long Nguyên']);
  });

  it('finds a unit by its former district or province', () => {
    expect(searchUnits(UNITS, 'dau tieng').map((u) => u.nameVi)).toEqual(['Xã Thanh An']);
  });

  it('sorts with Vietnamese collation', () => {
    const names = sortUnits(UNITS).map((u) => u.nameVi);
    expect(names).toEqual(['Phường Bến Thành', 'Phường Sài Gòn', 'Phường Thủ Đức', 'Xã Thanh An', 'Xã Thạnh An']);
  });
});
