// `khaosat report --db TARGET [--survey ID] [--by unit] [--format table|json|csv|html|pdf] [--out FILE]`:
// satisfaction indices per Unit from the analyst store (electron/analyst/report.ts, docs/indices.md).
import { parseArgs } from 'node:util';
import { buildReport, ReportError, type IndexReport } from '../../analyst/report';
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
  if (values.by !== 'unit') throw usageError(`--by ${values.by}: only --by unit is available so far`);
  const format = values.json ? 'json' : values.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv' && format !== 'html' && format !== 'pdf') throw usageError(`--format ${format}: expected table, json, csv, html or pdf`);
  const file = format === 'html' || format === 'pdf' ? reportFileTarget(format, values.out, io) : null;
  const store = await openAnalystStore(analystTarget(values.db, io));
  let report: IndexReport;
  try {
    report = await buildReport(store, { survey: values.survey, filters: filtersFromArgs(values) });
  } catch (error) {
    if (error instanceof ReportError || error instanceof ReportFilterError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
  if (file) await writeReportFile(report, format as FileFormat, file, io);
  else if (format === 'json') printJson(io, report);
  else if (format === 'csv') io.out(toCsv(report));
  else printHuman(io, report);
  return 0;
}

function componentIds(report: IndexReport): string[] {
  return [...new Set([...Object.keys(report.overall.components), ...report.overall.components_missing])];
}

const fmt = (x: number | null | undefined) => (x === null || x === undefined ? '' : String(x));

function rows(report: IndexReport): (string | number)[][] {
  const ids = componentIds(report);
  // Highest index first; Units with no index last, by code.
  const units = [...report.units].sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || (a.code < b.code ? -1 : 1));
  return units.map((u) => [u.code, u.name, u.n, fmt(u.index), u.ci ? `${u.ci[0]}–${u.ci[1]}` : '', ...ids.map((id) => fmt(u.components[id]?.index))]);
}

function printHuman(io: CliIo, report: IndexReport): void {
  const ids = componentIds(report);
  io.out(`Khảo sát / survey ${report.survey}: chỉ số chung / overall ${fmt(report.overall.index)} (n = ${report.overall.n}, 95% CI ${report.overall.ci ? report.overall.ci.join('–') : '-'})\n`);
  printTable(io, ['đơn vị / unit', 'tên / name', 'n', 'chỉ số / index', '95% CI', ...ids], rows(report));
  io.out(`Loại ra / excluded: ${report.excluded.conflicts} xung đột / conflicts, ${report.excluded.not_completed} không hoàn thành / not completed\n`);
}

function csvCell(v: string | number): string {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(report: IndexReport): string {
  const ids = componentIds(report);
  const header = ['unit_code', 'unit_name', 'n', 'index', 'ci_lo', 'ci_hi', ...ids];
  const units = [...report.units].sort((a, b) => (b.index ?? -1) - (a.index ?? -1) || (a.code < b.code ? -1 : 1));
  const lines = units.map((u) => [u.code, u.name, u.n, fmt(u.index), fmt(u.ci?.[0]), fmt(u.ci?.[1]), ...ids.map((id) => fmt(u.components[id]?.index))]);
  return [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\n') + '\n';
}
