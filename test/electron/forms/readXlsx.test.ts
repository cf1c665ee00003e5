import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadFormFile } from '../../../electron/forms/loadForm';
import { FormFileError, MAX_FORM_FILE_BYTES, readXlsxBuffer } from '../../../electron/forms/readXlsx';
import { compileForm, listQuestions } from '../../../shared/forms';
import { buildXlsx } from '../../fixtures/forms/build';
import { ALL_TYPES, minimal, workbook } from '../../fixtures/forms/workbooks';

const dir = mkdtempSync(join(tmpdir(), 'khaosat-forms-'));

describe('reading .xlsx forms', () => {
  test('an .xlsx compiles to the same form as its arrays', async () => {
    const wb = await readXlsxBuffer(await buildXlsx(ALL_TYPES), 'all.xlsx');
    const fromFile = compileForm(wb);
    const fromArrays = compileForm(workbook('all.xlsx', ALL_TYPES));
    expect(fromFile.ok && fromArrays.ok).toBe(true);
    if (!fromFile.ok || !fromArrays.ok) return;
    expect(fromFile.form).toEqual(fromArrays.form);
  });

  test('rich text, formulas and dates become plain values; Excel row numbers are kept', async () => {
    const buf = await buildXlsx(minimal(), (wb) => {
      const ws = wb.getWorksheet('survey')!;
      ws.getCell('C2').value = { richText: [{ text: 'Câu ' }, { font: { bold: true }, text: 'một' }] };
      ws.getCell('C3').value = { formula: 'CONCATENATE("Câu ","hai")', result: 'Câu hai' };
      ws.getCell('H2').value = new Date(Date.UTC(2025, 6, 1));
      ws.addRow([]);
      ws.getCell('A6').value = 'text';
      ws.getCell('B6').value = 'q9';
    });
    const wb = await readXlsxBuffer(buf, 'rich.xlsx');
    const rows = wb.sheets['survey']!.rows;
    expect(rows[1]![2]).toBe('Câu một');
    expect(rows[2]![2]).toBe('Câu hai');
    expect(rows[1]![7]).toBe('2025-07-01');
    const r = compileForm(wb);
    expect(r.ok).toBe(true);
    if (r.ok) expect(listQuestions(r.form).find((q) => q.name === 'q9')?.source.row).toBe(6);
  });

  test('bytes that are not an .xlsx are an unreadable_file error from the reader, not_xlsx from the loader', async () => {
    await expect(readXlsxBuffer(Buffer.from('not a zip'), 'x.xlsx')).rejects.toMatchObject({ code: 'unreadable_file' });
    const p = join(dir, 'bad.xlsx');
    writeFileSync(p, 'not a zip');
    const r = await loadFormFile(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ file: 'bad.xlsx', code: 'not_xlsx' });
  });

  test('a file over the size limit is refused before parsing', async () => {
    const big = new Uint8Array(MAX_FORM_FILE_BYTES + 1);
    await expect(readXlsxBuffer(big, 'big.xlsx')).rejects.toBeInstanceOf(FormFileError);
    await expect(readXlsxBuffer(big, 'big.xlsx')).rejects.toMatchObject({ code: 'file_too_large' });
  });
});

describe('loadFormFile', () => {
  test('an .xlsx with a mistake reports it with sheet, row and column', async () => {
    const p = join(dir, 'typo.xlsx');
    writeFileSync(p, await buildXlsx(minimal([['integer', 'q3', 'C3', '${q_1} > 1']])));
    const r = await loadFormFile(p);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.file, e.sheet, e.row, e.column, e.code])).toEqual([['typo.xlsx', 'survey', 4, 'relevant', 'unknown_reference']]);
  });

  test('a form.json round-trips and its expression trees are rebuilt from source', async () => {
    const compiled = compileForm(workbook('all.xlsx', ALL_TYPES));
    if (!compiled.ok) throw new Error('fixture');
    const tampered = JSON.parse(JSON.stringify(compiled.form));
    const calc = tampered.children.find((n: { name: string }) => n.name === 'age_group').calculation;
    calc.ast = { kind: 'number', value: 42, pos: 0 };
    const p = join(dir, 'form.json');
    writeFileSync(p, JSON.stringify(tampered));
    const r = await loadFormFile(p);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.form).toEqual(JSON.parse(JSON.stringify(compiled.form)));
  });

  test('a json that is not a compiled form, and a CSV, are refused', async () => {
    const p = join(dir, 'other.json');
    writeFileSync(p, JSON.stringify({ hello: 1 }));
    const r = await loadFormFile(p);
    expect(!r.ok && r.errors[0]?.code).toBe('invalid_json_form');
    const q = join(dir, 'form.csv');
    writeFileSync(q, 'a,b');
    const s = await loadFormFile(q);
    expect(!s.ok && s.errors[0]?.code).toBe('not_xlsx');
  });
});
