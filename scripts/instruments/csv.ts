// Reads the frame CSV files of shared/instruments/units/ (RFC 4180: quoted cells, "" escapes,
// CRLF or LF) into records keyed by header, failing loudly on a missing column or a short row.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseCsv as parseCsvText } from '../../shared/forms/csv';

/** The frame files as rows (shared/forms/csv.ts, lenient: readCsvRecords names a short row by file and row). */
export function parseCsv(text: string): string[][] {
  return parseCsvText(text, { lenient: true });
}

/** Rows of a CSV file as `{ column: value }`, with every column in `required` present and filled. */
export function readCsvRecords(path: string, required: readonly string[]): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  const file = basename(path);
  if (!header) throw new Error(`${file}: tệp rỗng / empty file`);
  for (const c of required) if (!header.includes(c)) throw new Error(`${file}: thiếu cột "${c}" / no column "${c}" (columns: ${header.join(', ')})`);
  return rows.map((r, i) => {
    if (r.length !== header.length) throw new Error(`${file} dòng ${i + 2}: ${r.length} ô, tiêu đề có ${header.length} / row ${i + 2}: ${r.length} cells, the header has ${header.length}`);
    const rec = Object.fromEntries(header.map((h, k) => [h, (r[k] ?? '').trim()]));
    for (const c of required) if (!rec[c]) throw new Error(`${file} dòng ${i + 2}: "${c}" trống / row ${i + 2}: "${c}" is empty`);
    return rec;
  });
}
