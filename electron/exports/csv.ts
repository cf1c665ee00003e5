// CSV out (issue 9 §4b, docs/exports.md): per table `<table>.csv` holding codes and values
// (missing codes as their codes; skipped and unanswered empty) and `<table>-statuses.csv` of the
// same shape holding answered|missing|skipped|unanswered — for the main table the files are
// `interviews.csv` and `statuses.csv`. RFC 4180: comma, CRLF, fields quoted when they hold a
// comma, quote, CR or LF; UTF-8, with a BOM on request so Excel reads Vietnamese correctly.
import path from 'node:path';
import type { CellValue, Dataset, DatasetTable } from '../../shared/exports/dataset';
import { withSink, type FileSink } from './sink';

export interface CsvOptions {
  /** Start each file with U+FEFF (Excel needs it to read UTF-8). */
  bom?: boolean;
}

/** One RFC 4180 field. Numbers in plain decimal notation (no exponent for codes and counts). */
export function csvField(v: CellValue): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? numberText(v) : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`not a finite number: ${v}`);
  return String(v);
}

function writeLine(sink: FileSink, fields: CellValue[]): void {
  sink.text(fields.map(csvField).join(',') + '\r\n');
}

export function tableFileNames(table: DatasetTable): { values: string; statuses: string } {
  return table.name === 'interviews'
    ? { values: 'interviews.csv', statuses: 'statuses.csv' }
    : { values: `${table.name}.csv`, statuses: `${table.name}-statuses.csv` };
}

/** Writes every table's values and statuses files into `outDir`; returns the file names. */
export function writeCsv(dataset: Dataset, outDir: string, options: CsvOptions = {}): string[] {
  const files: string[] = [];
  for (const table of dataset.tables) {
    const names = tableFileNames(table);
    const header = table.variables.map((v) => v.name);
    withSink(path.join(outDir, names.values), (sink) => {
      if (options.bom) sink.text('\uFEFF');
      writeLine(sink, header);
      for (const row of table.rows) writeLine(sink, row.values);
    });
    withSink(path.join(outDir, names.statuses), (sink) => {
      if (options.bom) sink.text('\uFEFF');
      writeLine(sink, header);
      for (const row of table.rows) writeLine(sink, row.statuses);
    });
    files.push(names.values, names.statuses);
  }
  return files;
}
