// XLSX memory: exceljs's sheet streams never push back, so a writer that commits every row
// without waiting keeps the whole sheet's XML in memory until the workbook is committed (377 MB
// peak RSS at 50,000 HIDS interviews). writeXlsx waits for the zip after each row; here the XML
// waiting for the zip is watched while sheets of many megabytes are written, and the file is
// read back whole (every row, both sheets) so the pacing loses nothing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { writeXlsx } from '../../../electron/exports/xlsx';
import type { CellStatus, Dataset, DatasetRow, DatasetVariable } from '../../../shared/exports/dataset';

const ROWS = 12_000;
const COLUMNS = 30;

function variable(i: number): DatasetVariable {
  return { name: `q${i}`, source: `q${i}`, role: 'question', type: i === 0 ? 'string' : 'numeric', width: i === 0 ? 40 : 0, decimals: 0, label: `Câu hỏi ${i}`, valueLabels: [], missing: [], measure: 'nominal', statusName: `q${i}_st` };
}

function rowOf(n: number): DatasetRow {
  const values = Array.from({ length: COLUMNS }, (_, i) => (i === 0 ? `Phường số ${n}` : i % 7 === 0 ? null : (n * 31 + i) % 97));
  const statuses = values.map((v, i): CellStatus => (v === null ? (i % 2 ? 'skipped' : 'unanswered') : 'answered'));
  return { values, statuses };
}

/** Rows made on demand, as the export's disk spools give them: never all in memory at once. */
const rows = { length: ROWS, *[Symbol.iterator]() { for (let n = 0; n < ROWS; n++) yield rowOf(n); } };
const dataset: Dataset = {
  formId: 'bo-nho', formVersion: '1', title: 'Bộ nhớ', language: 'vi',
  tables: [{ name: 'interviews', label: 'Phỏng vấn', variables: Array.from({ length: COLUMNS }, (_, i) => variable(i)), rows }],
};

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khaosat-xlsx-memory-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the XML waiting for the zip stays under 256 KiB while sheets of megabytes are written, and every row is in the file', async () => {
  const file = path.join(dir, 'bo-nho.xlsx');
  let most = 0;
  await writeXlsx(dataset, file, { onPending: (bytes) => { most = Math.max(most, bytes); } });
  // Unpaced, the pending XML grows with every row (15 MB here: the sheets' whole XML).
  expect(most).toBeGreaterThan(0);
  expect(most).toBeLessThan(256 * 1024);

  const counts: Record<string, number> = {};
  const last: Record<string, unknown[]> = {};
  for await (const sheet of new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache' })) {
    const name = (sheet as unknown as { name: string }).name;
    counts[name] = 0;
    for await (const row of sheet) {
      counts[name]++;
      last[name] = (row.values as unknown[]).slice(1);
    }
  }
  expect(counts).toEqual({ interviews: ROWS + 1, interviews_status: ROWS + 1, value_labels: 1, codebook: COLUMNS + 1 });
  const expected = rowOf(ROWS - 1);
  expect(last.interviews).toEqual(expected.values.map((v) => v ?? undefined));
  expect(last.interviews_status).toEqual(expected.statuses);
}, 120_000);

test('a file that cannot be written fails the export and leaves nothing under the name', async () => {
  const file = path.join(dir, 'no-such-folder', 'x.xlsx');
  await expect(writeXlsx(dataset, file)).rejects.toThrow(/ENOENT/);
  expect(fs.existsSync(path.dirname(file))).toBe(false);
});
