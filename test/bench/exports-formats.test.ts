// The exports bench at a tiny scale: a format named in KHAOSAT_BENCH_EXPORTS_FORMATS is exported
// alone, still next to the plain CSV of the same run; an unknown format is refused before anything runs.
import { expect, test } from 'vitest';
import { parseFormats, runExportsBench } from './exports.bench';

test('formats: all four by default, those named (in the bench order), an unknown one refused', () => {
  expect(parseFormats(undefined)).toEqual(['csv', 'xlsx', 'spss', 'stata']);
  expect(parseFormats(' ')).toEqual(['csv', 'xlsx', 'spss', 'stata']);
  expect(parseFormats('stata, xlsx')).toEqual(['xlsx', 'stata']);
  expect(() => parseFormats('xlsx,sav')).toThrow(/unknown format sav \(known: csv, xlsx, spss, stata\)/);
});

test('one format alone: its time, peak RSS and files next to the plain CSV, named in the title', async () => {
  const r = await runExportsBench({ interviews: 40, pool: 8, formats: ['xlsx'] });
  expect(r.name).toMatch(/^Exports: 40 counted HIDS interviews .*, xlsx only$/);
  const labels = r.rows.map((x) => x.label);
  expect(labels).toContain('plain CSV: peak RSS');
  expect(labels).toContain('xlsx: export time');
  expect(labels.some((l) => /^(csv|spss|stata):/.test(l))).toBe(false);
  expect(r.budgets.map((b) => b.label)).toEqual(['xlsx time / plain CSV time', 'xlsx peak RSS']);
  expect(r.rows.find((x) => x.label === 'xlsx: files written')!.value).toBeGreaterThan(0);
}, 180_000);
