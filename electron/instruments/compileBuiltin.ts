// Compiles the built-in instruments from shared/instruments (.xlsx through exceljs, and the unit
// frame) into a bundle: run at build time by scripts/compile-instruments.ts and by tests. Kept
// apart from builtin.ts so the main bundle never pulls in exceljs.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadFormFile } from '../forms/loadForm';
import { BUILTIN_FRAME, BUILTIN_SURVEYS, type BuiltinBundle, type BuiltinInstrument, parseUnitFrame } from './builtin';

/** Compiles the built-in instruments from `dir` (shared/instruments). */
export async function compileBuiltinInstruments(dir: string): Promise<BuiltinBundle> {
  const units = parseUnitFrame(await readFile(join(dir, BUILTIN_FRAME), 'utf8'), BUILTIN_FRAME);
  const instruments: BuiltinInstrument[] = [];
  for (const surveyId of BUILTIN_SURVEYS) {
    const result = await loadFormFile(join(dir, `${surveyId}.xlsx`));
    if (!result.ok) {
      throw new Error(`${surveyId}.xlsx does not compile: ${result.errors.map((e) => `${e.sheet}:${e.row} ${e.messageEn}`).join('; ')}`);
    }
    instruments.push({ surveyId, title: result.form.title['vi'] ?? Object.values(result.form.title)[0] ?? surveyId, model: result.form, units });
  }
  return { bundleVersion: 1, instruments };
}

