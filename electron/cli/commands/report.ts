// `khaosat report --db TARGET [--survey ID] [--by unit] [--format table|json|csv]`: satisfaction
// indices per Unit from the analyst store (electron/analyst/report.ts, docs/indices.md).
import { parseArgs } from 'node:util';
import { buildReport, ReportError, type IndexReport } from '../../analyst/report';
import { openAnalystStore } from '../../analyst/store';
import { CliError, usageError, type CliIo } from '../io';
import { printJson, printTable } from '../output';
import { analystTarget } from './import';

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      survey: { type: 'string' },
      by: { type: 'string', default: 'unit' },
      format: { type: 'string', default: 'table' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'`);
  if (values.by !== 'unit') throw usageError(`--by ${values.by}: only --by unit is available so far`);
  const format = values.json ? 'json' : values.format;
  if (format !== 'table' && format !== 'json' && format !== 'csv') throw usageError(`--format ${format}: expected table, json or csv`);
  const store = await openAnalystStore(analystTarget(values.db, io));
  let report: IndexReport;
  try {
    report = await buildReport(store, { survey: values.survey });
  } catch (error) {
    if (error instanceof ReportError) throw new CliError(error.message);
    throw error;
  } finally {
    await store.close();
  }
  if (format === 'json') printJson(io, report);
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
