// The choice lists that come from the frame data in shared/instruments/units/: the 168
// commune-level units (META_UNIT) and the agencies whose service is rated (agency).
import { join } from 'node:path';
import { readCsvRecords } from './csv';
import type { Cell } from './survey';

export const FRAME_DIR = ['shared', 'instruments', 'units'];

export interface Unit { code: string; type: string; vi: string; en: string; province: string; district: string }

export function readUnits(root: string): Unit[] {
  const rows = readCsvRecords(join(root, ...FRAME_DIR, 'hcmc_units_2025.csv'), ['code', 'type', 'name_vi', 'name_en', 'former_province', 'former_district']);
  if (rows.length !== 168) throw new Error(`hcmc_units_2025.csv: cần 168 đơn vị, có ${rows.length} / expected 168 units, found ${rows.length}`);
  return rows.map((r) => ({ code: r['code']!, type: r['type']!, vi: r['name_vi']!, en: r['name_en']!, province: r['former_province']!, district: r['former_district']! }));
}

/**
 * Where the unit was before 1 July 2025, so that names the merger made alike stay apart (with or
 * without diacritics): "Xã Thanh An (Bình Dương cũ: Huyện Dầu Tiếng, TP. Bến Cát)" and
 * "Xã Thạnh An (TP.HCM cũ: Huyện Cần Giờ)".
 */
export const unitLabelVi = (u: Unit): string => `${u.vi} (${u.province} cũ: ${u.district})`;
export const unitLabelEn = (u: Unit): string => `${u.en} (former ${u.province}: ${u.district})`;

/** Extra columns of the choices sheet (after name and the two labels), in this order. */
export const CHOICE_EXTRA_COLUMNS = ['unit_type', 'former_province', 'former_district', 'agency_kind', 'unit'];

export function unitChoices(units: readonly Unit[]): Cell[][] {
  return units.map((u) => ['units', u.code, unitLabelVi(u), unitLabelEn(u), u.type, u.province, u.district, null, null]);
}

/**
 * The agencies a respondent may rate: the city's departments and agencies (codes 101–199, from
 * hcmc_agencies_2025.csv) and the People's Committee of each unit (code = the unit's 5-digit
 * code). Codes never collide with the missing codes 8 and 9.
 */
export function agencyChoices(root: string, units: readonly Unit[]): Cell[][] {
  const city = readCsvRecords(join(root, ...FRAME_DIR, 'hcmc_agencies_2025.csv'), ['code', 'kind', 'name_vi', 'name_en']);
  for (const a of city) if (!/^1\d\d$/.test(a['code']!)) throw new Error(`hcmc_agencies_2025.csv: mã ${a['code']} không nằm trong 101–199 / code ${a['code']} is not in 101–199`);
  return [
    ...city.map((a): Cell[] => ['agencies', a['code']!, a['name_vi']!, a['name_en']!, null, null, null, a['kind']!, null]),
    ...units.map((u): Cell[] => ['agencies', u.code, `Ủy ban nhân dân ${unitLabelVi(u)}`, `People's Committee of ${unitLabelEn(u)}`, null, null, null, 'people_committee', u.code]),
  ];
}
