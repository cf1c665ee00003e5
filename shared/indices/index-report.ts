// The index report as the analyst's screens, the CLI and the printable report see it (issue 10
// §3, docs/report.md): the computed indices, the filters that selected the respondents, the
// period and what the filters can choose from. Pure types and checks; no Node, no DOM.
import type { GroupReport, UnitReport } from './report';

export const UNIT_TYPES = ['ward', 'commune', 'special_zone'] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

/**
 * Questions whose answers make the respondent groups a report can be filtered by: the built-in
 * instruments' DEM_AGE (age group), DEM_SEX and DEM_TYPE (citizen or representative of an
 * organisation/business). A form without one of them offers no choice for that group.
 */
export const RESPONDENT_GROUP_QUESTIONS = { age_groups: 'DEM_AGE', sexes: 'DEM_SEX', respondent_types: 'DEM_TYPE' } as const;
export type RespondentGroup = keyof typeof RESPONDENT_GROUP_QUESTIONS;
export const RESPONDENT_GROUPS = Object.keys(RESPONDENT_GROUP_QUESTIONS) as RespondentGroup[];

/**
 * Which counted Interviews enter the report. Every field is optional; an absent or empty list
 * means "all". Dates are calendar days in Vietnam time (UTC+7), both ends included, compared
 * with the Interview's completion time.
 */
export interface ReportFilters {
  survey?: string;
  from?: string;
  to?: string;
  unit_types?: UnitType[];
  former_provinces?: string[];
  /** Choice codes of DEM_AGE / DEM_SEX / DEM_TYPE. */
  age_groups?: string[];
  sexes?: string[];
  respondent_types?: string[];
}

export interface ReportChoice {
  code: string;
  label: string;
}

/** What the filters can choose from, and the labels the charts show. */
export interface ReportFrame {
  surveys: string[];
  unit_types: UnitType[];
  former_provinces: string[];
  age_groups: ReportChoice[];
  sexes: ReportChoice[];
  respondent_types: ReportChoice[];
  /** Component id → Vietnamese label, in configuration order. */
  components: ReportChoice[];
  /** Question name → Vietnamese label (index items only). */
  items: Record<string, string>;
  /** Unit code → its name, type and former province, from the form's `units` choice list. */
  units: Record<string, { name: string; type: UnitType | null; former_province: string | null }>;
}

export interface IndexReport {
  survey: string;
  generated_at: string;
  overall: GroupReport;
  units: UnitReport[];
  excluded: { conflicts: number; not_completed: number };
  /** The filters applied (survey resolved, lists sorted, empty lists left out). */
  filters?: ReportFilters;
  /** First and last completion day (Vietnam time, YYYY-MM-DD) of the Interviews counted; null when none. */
  period?: { from: string | null; to: string | null };
  frame?: ReportFrame;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isDay(s: string): boolean {
  if (!DAY.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Vietnam has kept UTC+7 without daylight saving since 1975. */
const VN_OFFSET_MS = 7 * 3_600_000;

/** The calendar day (YYYY-MM-DD) in Vietnam of an ISO timestamp; null when it cannot be read. */
export function vietnamDay(iso: string | null): string | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : new Date(t + VN_OFFSET_MS).toISOString().slice(0, 10);
}

export class ReportFilterError extends Error {}

/** Checks and normalises filters; throws a ReportFilterError (vi / en) naming the bad field. */
export function normaliseFilters(input: ReportFilters): ReportFilters {
  const out: ReportFilters = {};
  if (input.survey) out.survey = input.survey;
  for (const key of ['from', 'to'] as const) {
    const v = input[key];
    if (v === undefined || v === '') continue;
    if (!isDay(v)) throw new ReportFilterError(`Ngày "${v}" ở ${key} không hợp lệ, cần dạng YYYY-MM-DD / ${key}: "${v}" is not a date, expected YYYY-MM-DD`);
    out[key] = v;
  }
  if (out.from && out.to && out.from > out.to) throw new ReportFilterError(`Khoảng ngày ngược: ${out.from} sau ${out.to} / the date range is reversed: ${out.from} is after ${out.to}`);
  const types = [...new Set(input.unit_types ?? [])];
  for (const t of types) if (!(UNIT_TYPES as readonly string[]).includes(t)) throw new ReportFilterError(`Loại đơn vị "${t}" không có; chọn ${UNIT_TYPES.join(', ')} / unknown unit type "${t}"; expected ${UNIT_TYPES.join(', ')}`);
  if (types.length > 0) out.unit_types = types.sort();
  const lists = ['former_provinces', ...RESPONDENT_GROUPS] as const;
  for (const key of lists) {
    const values = [...new Set((input[key] ?? []).filter((v) => v !== ''))].sort();
    if (values.length > 0) out[key] = values;
  }
  return out;
}

/** The frame's unit type from the `unit_type` column of the units list ("Phường/Ward", "Xã/Commune", "Đặc khu/Special zone"). */
export function unitTypeOf(column: string | undefined): UnitType | null {
  const v = (column ?? '').trim().toLowerCase();
  if (v.startsWith('phường') || v.startsWith('ward')) return 'ward';
  if (v.startsWith('xã') || v.startsWith('commune')) return 'commune';
  if (v.startsWith('đặc khu') || v.startsWith('special')) return 'special_zone';
  return null;
}
