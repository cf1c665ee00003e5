// Human tables by default, JSON with --json: every subcommand prints through these.
import type { CliIo } from './io';

export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Two-column key/value table, keys padded to the longest. */
export function printKeyValues(io: CliIo, rows: [string, string | number | boolean][]): void {
  const width = Math.max(...rows.map(([k]) => k.length));
  io.out(rows.map(([k, v]) => `${k.padEnd(width)}  ${String(v)}`).join('\n') + '\n');
}

/** A table with a header row; column widths from the widest cell. */
export function printTable(io: CliIo, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  io.out([line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n') + '\n');
}
