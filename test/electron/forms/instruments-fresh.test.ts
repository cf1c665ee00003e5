// The committed instrument .xlsx files are what scripts/make-instruments.ts makes from its
// tables and the unit frame in shared/instruments/units/ today: editing the script or the frame
// without regenerating (or the .xlsx by hand) fails here. Never skipped: everything it needs is
// in the repository.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileForm, type FormModel } from '../../../shared/forms';
import { loadFormFile } from '../../../electron/forms/loadForm';
import { INSTRUMENTS, instrumentSheets, instrumentXlsx } from '../../../scripts/make-instruments';
import { workbook } from '../../fixtures/forms/workbooks';

const ROOT = resolve(import.meta.dirname, '../../..');

function withoutSource(form: FormModel): Omit<FormModel, 'sourceFile'> {
  const { sourceFile: _ignored, ...rest } = form;
  return rest;
}

async function committed(file: string): Promise<FormModel> {
  const r = await loadFormFile(join(ROOT, 'shared', 'instruments', file));
  if (!r.ok) throw new Error(`${file} does not compile`);
  return r.form;
}

function generated(file: string, edit?: (sheets: ReturnType<typeof instrumentSheets>) => void): FormModel {
  const inst = INSTRUMENTS.find((i) => i.file === file)!;
  const sheets = instrumentSheets(inst);
  edit?.(sheets);
  const r = compileForm(workbook(file, sheets));
  if (!r.ok) throw new Error(`${file} does not compile from the generator tables`);
  return r.form;
}

describe('built-in instruments are up to date with their generator', () => {
  it('there are two instruments to check', () => {
    expect(INSTRUMENTS.map((i) => i.file)).toEqual(['hids-satisfaction.xlsx', 'mttq-satisfaction.xlsx']);
  });

  it.each(INSTRUMENTS.map((i) => i.file))('%s compiles to the same form as the generator tables', async (file) => {
    expect(withoutSource(await committed(file))).toEqual(withoutSource(generated(file)));
  });

  // After the readable comparison above: the bytes too, so nothing the compiler ignores can drift.
  it.each(INSTRUMENTS.map((i) => i.file))('%s is byte for byte what the generator writes', async (file) => {
    const inst = INSTRUMENTS.find((i) => i.file === file)!;
    const made = await instrumentXlsx(inst);
    expect(made.equals(await instrumentXlsx(inst)), 'the generator is deterministic').toBe(true);
    expect(made.equals(readFileSync(join(ROOT, 'shared', 'instruments', file))), `${file} differs: run npx tsx scripts/make-instruments.ts and commit`).toBe(true);
  });

  it.each(INSTRUMENTS.map((i) => i.file))('%s: the comparison notices a one-word change in a unit label', async (file) => {
    const drifted = generated(file, (sheets) => {
      const row = sheets['choices']!.find((r) => r[0] === 'units')!;
      row[2] = `${String(row[2])} (sửa)`;
    });
    expect(withoutSource(await committed(file))).not.toEqual(withoutSource(drifted));
  });
});
