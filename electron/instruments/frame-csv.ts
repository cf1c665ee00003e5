// Strict readers for the CSV files a survey package carries: the unit frame (the columns of
// shared/instruments/units/hcmc_units_2025.csv) and quotas (`unit_code,target`). Every problem
// names the file, the line and the column, in Vietnamese and English; the same checks run when
// an analyst creates a package and when a laptop installs one, so a package made by another tool
// cannot slip a bad frame past the installer.
import type { UnitInput } from '../services/forms';
import { CsvError, parseCsv } from '../../shared/forms/csv';

export const UNIT_FRAME_COLUMNS = ['code', 'type', 'name_vi', 'name_en', 'former_province', 'former_district', 'merged_from'] as const;
export const QUOTA_COLUMNS = ['unit_code', 'target'] as const;
/** The contract's bound on a survey's unit list (survey:units). */
export const MAX_FRAME_UNITS = 20_000;
/** A target beyond this is a typo, not a quota for one unit. */
export const MAX_QUOTA_TARGET = 100_000;
const UNIT_CODE = /^[A-Za-z0-9_-]{1,16}$/;
const MAX_TEXT = 300;
/** Enough to fix a file in one go without flooding the screen. */
const MAX_ISSUES = 20;

export interface FrameIssue {
  file: string;
  /** 1-based line in the file (1 = the header), 0 for the file as a whole. */
  line: number;
  column: string | null;
  vi: string;
  en: string;
}

export class FrameError extends Error {
  constructor(readonly issues: FrameIssue[]) {
    super(issues.map((i) => describeFrameIssue(i)).join('\n'));
    this.name = 'FrameError';
  }
}

export function describeFrameIssue(i: FrameIssue, language: 'vi' | 'en' = 'en'): string {
  const where = language === 'vi'
    ? `${i.file}${i.line > 0 ? `, dòng ${i.line}` : ''}${i.column ? `, cột ${i.column}` : ''}`
    : `${i.file}${i.line > 0 ? `, line ${i.line}` : ''}${i.column ? `, column ${i.column}` : ''}`;
  return `${where}: ${language === 'vi' ? i.vi : i.en}`;
}

export interface Quota {
  unitCode: string;
  target: number;
}

function decode(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FrameError([{ file, line: 0, column: null, vi: 'tệp không phải văn bản UTF-8.', en: 'the file is not UTF-8 text.' }]);
  }
}

function rowsOf(bytes: Uint8Array, file: string, columns: readonly string[]): string[][] {
  let rows: string[][];
  try {
    rows = parseCsv(decode(bytes, file));
  } catch (error) {
    if (error instanceof CsvError) throw new FrameError([{ file, line: error.line, column: null, vi: error.messageVi, en: error.message }]);
    throw error;
  }
  const header = rows[0] ?? [];
  if (header.length !== columns.length || columns.some((c, k) => header[k]?.trim() !== c)) {
    throw new FrameError([{
      file,
      line: 1,
      column: null,
      vi: `cần đúng các cột ${columns.join(',')}, nhưng có ${header.join(',') || '(trống)'}.`,
      en: `expected exactly the columns ${columns.join(',')}, found ${header.join(',') || '(nothing)'}.`,
    }]);
  }
  // A trailing blank line is not a row.
  return rows.slice(1).filter((r) => !(r.length === 1 && r[0] === ''));
}

function finish(issues: FrameIssue[]): void {
  if (issues.length > 0) throw new FrameError(issues.slice(0, MAX_ISSUES));
}

/** Reads a unit frame: unique codes of 1–16 letters/digits/_/-, a type and a Vietnamese name each. */
export function readUnitFrame(bytes: Uint8Array, file = 'units.csv'): UnitInput[] {
  const rows = rowsOf(bytes, file, UNIT_FRAME_COLUMNS);
  const issues: FrameIssue[] = [];
  if (rows.length === 0) issues.push({ file, line: 0, column: null, vi: 'không có đơn vị nào.', en: 'there are no units.' });
  if (rows.length > MAX_FRAME_UNITS) {
    issues.push({ file, line: 0, column: null, vi: `quá ${MAX_FRAME_UNITS} đơn vị.`, en: `more than ${MAX_FRAME_UNITS} units.` });
  }
  const seen = new Map<string, number>();
  const units: UnitInput[] = [];
  rows.forEach((r, k) => {
    const line = k + 2;
    const [code = '', type = '', nameVi = '', nameEn = '', formerProvince = '', formerDistrict = '', mergedFrom = ''] = r.map((f) => f.trim());
    if (!UNIT_CODE.test(code)) {
      issues.push({ file, line, column: 'code', vi: `mã đơn vị "${code}" không hợp lệ (1–16 chữ không dấu, số, _ hoặc -).`, en: `unit code "${code}" is not valid (1–16 unaccented letters, digits, _ or -).` });
    } else if (seen.has(code)) {
      issues.push({ file, line, column: 'code', vi: `mã đơn vị ${code} đã có ở dòng ${seen.get(code)}.`, en: `unit code ${code} already appears on line ${seen.get(code)}.` });
    } else seen.set(code, line);
    if (type === '') issues.push({ file, line, column: 'type', vi: 'thiếu loại đơn vị.', en: 'the unit type is missing.' });
    if (nameVi === '') issues.push({ file, line, column: 'name_vi', vi: 'thiếu tên tiếng Việt.', en: 'the Vietnamese name is missing.' });
    for (const [column, value] of [['type', type], ['name_vi', nameVi], ['name_en', nameEn], ['former_province', formerProvince], ['former_district', formerDistrict], ['merged_from', mergedFrom]] as const) {
      if (value.length > MAX_TEXT) issues.push({ file, line, column, vi: `dài hơn ${MAX_TEXT} ký tự.`, en: `longer than ${MAX_TEXT} characters.` });
    }
    const opt = (s: string) => (s === '' ? null : s.normalize('NFC'));
    units.push({ code, type: type.normalize('NFC'), nameVi: nameVi.normalize('NFC'), nameEn: opt(nameEn), formerProvince: opt(formerProvince), formerDistrict: opt(formerDistrict), mergedFrom: opt(mergedFrom) });
  });
  finish(issues);
  return units;
}

/** Reads quotas: each unit of the frame at most once, a whole-number target 0…100,000. */
export function readQuotas(bytes: Uint8Array, units: readonly Pick<UnitInput, 'code'>[], file = 'quotas.csv', unitsFile = 'units.csv'): Quota[] {
  const rows = rowsOf(bytes, file, QUOTA_COLUMNS);
  const known = new Set(units.map((u) => u.code));
  const seen = new Map<string, number>();
  const issues: FrameIssue[] = [];
  const quotas: Quota[] = [];
  rows.forEach((r, k) => {
    const line = k + 2;
    const [unitCode = '', target = ''] = r.map((f) => f.trim());
    if (!known.has(unitCode)) {
      issues.push({ file, line, column: 'unit_code', vi: `mã đơn vị "${unitCode}" không có trong ${unitsFile}.`, en: `unit code "${unitCode}" is not in ${unitsFile}.` });
    } else if (seen.has(unitCode)) {
      issues.push({ file, line, column: 'unit_code', vi: `đơn vị ${unitCode} đã có chỉ tiêu ở dòng ${seen.get(unitCode)}.`, en: `unit ${unitCode} already has a target on line ${seen.get(unitCode)}.` });
    } else seen.set(unitCode, line);
    const value = /^\d{1,6}$/.test(target) ? Number(target) : NaN;
    if (!(value >= 0 && value <= MAX_QUOTA_TARGET)) {
      issues.push({ file, line, column: 'target', vi: `chỉ tiêu "${target}" phải là số nguyên từ 0 đến ${MAX_QUOTA_TARGET}.`, en: `target "${target}" must be a whole number from 0 to ${MAX_QUOTA_TARGET}.` });
    }
    quotas.push({ unitCode, target: value });
  });
  finish(issues);
  return quotas;
}

/** Agencies travel as given; they must at least be a well-formed CSV with a header. */
export function checkAgencies(bytes: Uint8Array, file = 'agencies.csv'): void {
  let rows: string[][];
  try {
    rows = parseCsv(decode(bytes, file));
  } catch (error) {
    if (error instanceof CsvError) throw new FrameError([{ file, line: error.line, column: null, vi: error.messageVi, en: error.message }]);
    throw error;
  }
  if ((rows[0] ?? []).every((c) => c.trim() === '')) {
    throw new FrameError([{ file, line: 1, column: null, vi: 'thiếu dòng tiêu đề.', en: 'the header line is missing.' }]);
  }
}
