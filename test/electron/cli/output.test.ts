// Terminal tables line up by what a terminal shows, not by UTF-16 units: a decomposed Vietnamese
// letter (base + combining accents) is one column, an East Asian wide character two.
import { describe, expect, it } from 'vitest';
import { displayWidth, printTable } from '../../../electron/cli/output';
import type { CliIo } from '../../../electron/cli/io';

describe('displayWidth and printTable', () => {
  it('counts graphemes, wide characters as two', () => {
    expect(displayWidth('Hoà')).toBe(3);
    expect(displayWidth('Hoa\u0300')).toBe(3);
    expect(displayWidth('Thu\u0309 Đu\u031B\u0301c')).toBe(7); // Thủ Đức
    expect(displayWidth('胡志明')).toBe(6);
    expect(displayWidth('')).toBe(0);
  });

  it('pads cells so the next column starts at the same terminal column', () => {
    const out: string[] = [];
    const io = { out: (t: string) => void out.push(t) } as unknown as CliIo;
    printTable(io, ['name', 'n'], [['Xã Long Hoa\u0300', 1], ['Phường Bến Thành', 2], ['胡志明', 3]]);
    const lines = out.join('').trimEnd().split('\n');
    const nAt = (l: string) => displayWidth(l.slice(0, l.search(/\d$/)));
    expect(new Set(lines.slice(2).map(nAt)).size).toBe(1);
    expect(nAt(lines[2]!)).toBe(displayWidth('Phường Bến Thành') + 2);
  });
});
