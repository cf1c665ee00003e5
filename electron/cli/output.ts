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

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
// East Asian wide and fullwidth characters take two terminal columns (Unicode's EastAsianWidth W/F,
// the common blocks), emoji presentation too.
const WIDE = /^[\u1100-\u115F\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uA000-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]|^\p{Extended_Pictographic}|^[\u{20000}-\u{3FFFD}]/u;

/**
 * Terminal columns a text takes: one per grapheme (a base letter with its combining marks, as a
 * decomposed "Hoà" or "Thủ" is), two for wide characters. `String.length` counts UTF-16 units,
 * which misaligns Vietnamese names written in decomposed form.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += WIDE.test(segment) ? 2 : 1;
  return width;
}

function padEnd(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** A table with a header row; column widths from the widest cell (in terminal columns). */
export function printTable(io: CliIo, header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => displayWidth(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => padEnd(c, widths[i]!)).join('  ').trimEnd();
  io.out([line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(line)].join('\n') + '\n');
}
