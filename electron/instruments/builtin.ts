// The built-in instruments (HIDS and the Fatherland Front), installed on first run until survey
// packages exist. At build time `scripts/build-node.mjs` compiles shared/instruments/*.xlsx and the
// unit frame into dist/electron/instruments.json (compileBuiltin.ts; exceljs stays a build-time
// tool, never in the main bundle); the main process and the preview host read that file with
// this module, check it, and install what is not installed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FormModel } from '../../shared/forms';
import { checkFormJson } from '../forms/checkFormJson';
import type { UnitInput } from '../services/forms';
import { parseCsv } from '../../shared/forms/csv';

/** Survey ids of the built-in instruments: the .xlsx file names in shared/instruments/. */
export const BUILTIN_SURVEYS = ['hids-satisfaction', 'mttq-satisfaction'] as const;
/** The 2025 frame (168 units), shared by both built-in surveys. */
export const BUILTIN_FRAME = 'units/hcmc_units_2025.csv';
/** Next to the bundled main/preview/CLI code in dist/electron/. */
export const BUILTIN_BUNDLE_FILE = 'instruments.json';
const FRAME_COLUMNS = ['code', 'type', 'name_vi', 'name_en', 'former_province', 'former_district', 'merged_from'];

export interface BuiltinInstrument {
  surveyId: string;
  title: string;
  model: FormModel;
  units: UnitInput[];
}

export interface BuiltinBundle {
  bundleVersion: 1;
  instruments: BuiltinInstrument[];
}

/** Reads the unit frame CSV (columns code,type,name_vi,name_en,former_province,former_district,merged_from). */
export function parseUnitFrame(text: string, fileName: string): UnitInput[] {
  const rows = parseCsv(text);
  const header = rows[0] ?? [];
  if (FRAME_COLUMNS.some((c, k) => header[k] !== c)) {
    throw new Error(`${fileName}: expected columns ${FRAME_COLUMNS.join(',')}, found ${header.join(',')}`);
  }
  const seen = new Set<string>();
  return rows.slice(1).map((r, k) => {
    const [code, type, nameVi, nameEn, formerProvince, formerDistrict, mergedFrom] = r as string[];
    if (!/^[A-Za-z0-9_-]{1,16}$/.test(code ?? '') || !nameVi) throw new Error(`${fileName} line ${k + 2}: a unit needs a code (1–16 letters/digits) and name_vi`);
    if (seen.has(code as string)) throw new Error(`${fileName} line ${k + 2}: unit code ${code} appears twice`);
    seen.add(code as string);
    const opt = (s: string | undefined) => (s && s.trim() !== '' ? s : null);
    return { code: code as string, type: type || 'unit', nameVi: nameVi as string, nameEn: opt(nameEn), formerProvince: opt(formerProvince), formerDistrict: opt(formerDistrict), mergedFrom: opt(mergedFrom) };
  });
}

/** Reads and checks a bundle written by the build (every form re-checked, expressions re-parsed). */
export function readBuiltinBundle(file: string): BuiltinBundle {
  const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuiltinBundle>;
  if (data.bundleVersion !== 1 || !Array.isArray(data.instruments)) throw new Error(`${file} is not a built-in instrument bundle`);
  return {
    bundleVersion: 1,
    instruments: data.instruments.map((i) => {
      const checked = checkFormJson(i.model, `${i.surveyId}.json`);
      if (!checked.ok) throw new Error(`${file}: ${i.surveyId} is not a valid form: ${checked.errors.map((e) => e.messageEn).join('; ')}`);
      if (!BUILTIN_SURVEYS.includes(i.surveyId as (typeof BUILTIN_SURVEYS)[number]) || !Array.isArray(i.units)) throw new Error(`${file}: unexpected instrument ${i.surveyId}`);
      return { surveyId: i.surveyId, title: String(i.title), model: checked.form, units: i.units };
    }),
  };
}

/** The bundle the build wrote beside the running bundle (`dir` = the bundle's __dirname). */
export function readBundledInstruments(dir: string): BuiltinBundle {
  return readBuiltinBundle(join(dir, BUILTIN_BUNDLE_FILE));
}
