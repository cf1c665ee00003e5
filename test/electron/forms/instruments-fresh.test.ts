// The committed instrument .xlsx files are what scripts/make-instruments.ts makes from its
// tables today: editing the script without regenerating (or the .xlsx by hand) fails here.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileForm, type FormModel } from '../../../shared/forms';
import { loadFormFile } from '../../../electron/forms/loadForm';
import { INSTRUMENTS, instrumentSheets } from '../../../scripts/make-instruments';
import { workbook } from '../../fixtures/forms/workbooks';

const ROOT = resolve(import.meta.dirname, '../../..');
const UNITS_CSV = process.env.KHAOSAT_UNITS_CSV ?? join(ROOT, '..', 'shared', 'data', 'hcmc_units_2025.csv');
const hasUnits = existsSync(UNITS_CSV);
if (!hasUnits) console.warn(`instrument freshness skipped: no unit list at ${UNITS_CSV} (the handbook beside the checkout)`);

function withoutSource(form: FormModel): Omit<FormModel, 'sourceFile'> {
  const { sourceFile: _ignored, ...rest } = form;
  return rest;
}

describe.skipIf(!hasUnits)('built-in instruments are up to date with their generator', () => {
  it.each(INSTRUMENTS.map((i) => i.file))('%s compiles to the same form as the generator tables', async (file) => {
    const inst = INSTRUMENTS.find((i) => i.file === file)!;
    const fromTables = compileForm(workbook(file, instrumentSheets(inst)));
    const fromFile = await loadFormFile(join(ROOT, 'shared', 'instruments', file));
    if (!fromTables.ok || !fromFile.ok) throw new Error(`${file} does not compile`);
    expect(withoutSource(fromFile.form)).toEqual(withoutSource(fromTables.form));
  });
});
