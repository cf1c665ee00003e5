// `khaosat report --db TARGET [--survey ID] [--by unit|agency|surveyor] [--format table|json|csv|html|pdf]
// [--out FILE] [filters]`: satisfaction indices per Unit (or agency, or surveyor) from the analyst
// store (electron/analyst/report.ts, groups.ts, docs/indices.md); html/pdf: the printable report
// of the Units (report-file.ts, docs/report.md).
import { parseArgs } from 'node:util';
import { GROUP_LIST_KEYS, REPORT_GROUPINGS, type ReportGrouping } from '../../analyst/groups';
import { buildReport, ReportError, type GroupedIndexReport } from '../../analyst/report';
import { openAnalystStore } from '../../analyst/store';
import { CliError, usageError, type CliIo } from '../io';
import { printJson, printTable } from '../output';
import { analystTarget } from './import';
import { reportFileTarget, writeReportFile, type FileFormat } from './report-file';
import { ReportFilterError, type ReportFilters, type UnitType } from '../../../shared/indices/index-report';

// The report's filters (docs/report.md): repeatable flags, each also taking a comma list.
const FILTER_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  'unit-type': { type: 'string', multiple: true },
  province: { type: 'string', multiple: true },
  age: { type: 'string', multiple: true },
  sex: { type: 'string', multiple: true },
  respondent: { type: 'string', multiple: true },
} as const;

type FilterArgs = { from?: string; to?: string; 'unit-type'?: string[]; province?: string[]; age?: string[]; sex?: string[]; respondent?: string[] };

const list = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** `--from D --to D --unit-type ward,commune --province P --age 1 --sex 2 --respondent 1` as ReportFilters (checked by buildReport). */
export function filtersFromArgs(values: FilterArgs): ReportFilters {
  return {
    from: values.from,
    to: values.to,
    unit_types: list(values['unit-type']) as UnitType[],
    former_provinces: list(values.province),
    age_groups: list(values.age),
    sexes: list(values.sex),
    respondent_types: list(values.respondent),
  };
}

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      survey: { type: 'string' },
      by: { type: 'string', default: 'unit' },
      format: { type: 'string', default: 'table' },
      json: { type: 'boolean', default: false },
      out: { type: 'string' },
      ...FILTER_OPTIONS,
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'`);
  if (!(REPORT_GROUPINGS as readonly string[]).includes(values.by)) throw usageError(`--by ${values.by}: expected ${REPORT_GROUPINGS.join(', ')}`);
  const by = values.by as ReportGrouping;
  const format = values.json ? 'json' : values.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv' && format !== 'html' && format !== 'pdf') throw usageError(`--format ${format}: expected table, json, csv, html or pdf`);
  // The printable report ranks Units (its charts and table are per Unit).
  if ((format === 'html' || format === 'pdf') && by !== 'unit') throw usageError(`--format ${format} is the report of the Units: use it with --by unit`);
  const file = format === 'html' || format === 'pdf' ? reportFileTarget(format, values.out, io) : null;
  const store = await openAnalystStore(analystTarget(values.db, io, { existing: true }));
  let report: GroupedIndexReport;
  try {
    report = await buildReport(store, { survey: values.survey, by, filters: filtersFromArgs(values) });
  } catch (error) {
    if (error instanceof ReportError || error instanceof ReportFilterError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
  if (file) await writeReportFile({ ...report, units: report.units ?? [] }, format as FileFormat, file, io);
  else if (format === 'json') printJson(io, report);
  else if (format === 'csv') io.out(toCsv(report, by));
  else printHuman(io, report, by);
  return 0;
}

/** Column headings of the group's code and name, table and CSV. */
const GROUP_HEADINGS: Record<ReportGrouping, { table: [string, string]; csv: [string, string] }> = {
  unit: { table: ['đơn vị / unit', 'tên / name'], csv: ['unit_code', 'unit_name'] },
  agency: { table: ['cơ quan / agency', 'tên / name'], csv: ['agency_code', 'agency_name'] },
  surveyor: { table: ['điều tra viên / surveyor', 'tên / name'], csv: ['surveyor_code', 'surveyor_name'] },
};

/** Highest index first; groups with no index last, by code. */
function sortedGroups(report: GroupedIndexReport, by: ReportGrouping) {
  return [...(report[GROUP_LIST_KEYS[by]] ?? [])].sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || (a.code < b.code ? -1 : 1));
}

function componentIds(report: GroupedIndexReport): string[] {
  return [...new Set([...Object.keys(report.overall.components), ...report.overall.components_missing])];
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

function rows(report: GroupedIndexReport, by: ReportGrouping): (string | number)[][] {
  const ids = componentIds(report);
  return sortedGroups(report, by).map((u) => [u.code, u.name, u.n, fmt(u.index), u.ci ? `${u.ci[0]}–${u.ci[1]}` : '', ...ids.map((id) => fmt(u.components[id]?.index))]);
}

function printHuman(io: CliIo, report: GroupedIndexReport, by: ReportGrouping): void {
  const ids = componentIds(report);
  io.out(`Khảo sát / survey ${report.survey}: chỉ số chung / overall ${fmt(report.overall.index)} (n = ${report.overall.n}, 95% CI ${report.overall.ci ? report.overall.ci.join('–') : '-'})\n`);
  printTable(io, [...GROUP_HEADINGS[by].table, 'n', 'chỉ số / index', '95% CI', ...ids], rows(report, by));
  io.out(`Loại ra / excluded: ${report.excluded.conflicts} xung đột / conflicts, ${report.excluded.not_completed} không hoàn thành / not completed\n`);
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(report: GroupedIndexReport, by: ReportGrouping): string {
  const ids = componentIds(report);
  const header = [...GROUP_HEADINGS[by].csv, 'n', 'index', 'ci_lo', 'ci_hi', ...ids];
  const lines = sortedGroups(report, by).map((u) => [u.code, u.name, u.n, fmt(u.index), fmt(u.ci?.[0]), fmt(u.ci?.[1]), ...ids.map((id) => fmt(u.components[id]?.index))]);
  return [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
}
