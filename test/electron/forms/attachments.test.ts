// Files shipped beside a form: the loader reads the CSVs a form names from the form's own folder
// (only plain file names), the compiler keeps them in the model, and the runtime reads them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { attachmentReader, loadFormFile } from '../../../electron/forms/loadForm';
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
});
