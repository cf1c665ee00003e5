// Reads conformance cases: forms written as markdown tables in the style of pyxform's tests.
//
//   ### select one from X (legacy spelling)
//   ```xlsform expect=ok warn=missing_label
//   | survey  |                    |      |       |
//   |         | type               | name | label |
//   |         | select one from yn | q    | Q     |
//   | choices |                    |      |       |
//   |         | list_name          | name | label |
//   |         | yn                 | 1    | Có    |
//   @ q.type = select_one
//   @ q.listName = yn
//   > units.csv | name,label
//   > units.csv | 1,Bến Thành
//   ```
//
// A row whose first cell is filled starts a sheet; the next row is its header. `expect=ok` or
// `expect=error:code1,code2` (the exact set of error codes); `warn=` the exact set of warning
// codes (default none when ok; not compared on errors unless given). `@ node.path = value`
// checks a property of the compiled model (`form.` for the form itself); the value is JSON when
// it parses as JSON, else a string. Without a settings sheet, `form_id=conf version=1` is added
// (unless the fence says `settings=none`). `> file | csv line` lines are files shipped beside the
// form (compiled with an attachment reader); `attach=yes` compiles with a reader even without any.
// `answer ok <path> = <json>` / `answer refused <path> = <json>`: main's answer check accepts /
// refuses that stored value on the compiled form (refusals name the path).
import type { Cell, Workbook } from '../../../../shared/forms';

export interface ConformanceCase {
  file: string;
  title: string;
  /** 1-based line of the opening fence, for the test name. */
  line: number;
  workbook: Workbook;
  expect: { ok: true } | { ok: false; errors: string[] };
  warnings?: string[];
  checks: { path: string; value: unknown }[];
  /** `answer ok|refused <path> = <json>`: main's answer check (shared/engine/answers.ts) on the compiled form. */
  answers: { accepted: boolean; path: string; value: unknown }[];
  /** Files shipped beside the form (`> units.csv | name,label`), or `{}` with `attach=yes` (looked for, none there). */
  files?: Record<string, string>;
}

function splitRow(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  const body = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '\\' && body[i + 1] === '|') {
      cur += '|';
      i++;
    } else if (ch === '|') {
      cells.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  cells.push(cur.trim());
  return cells;
}

function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function readCases(file: string, markdown: string): ConformanceCase[] {
  const lines = markdown.split('\n');
  const out: ConformanceCase[] = [];
  let title = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heading = /^#{2,4}\s+(.*)$/.exec(line);
    if (heading) title = (heading[1] ?? '').trim();
    const fence = /^```xlsform\b(.*)$/.exec(line);
    if (!fence) continue;
    const opts = Object.fromEntries(
      (fence[1] ?? '').trim().split(/\s+/).filter(Boolean).map((kv) => {
        const eq = kv.indexOf('=');
        return [kv.slice(0, eq), kv.slice(eq + 1)];
      }),
    ) as Record<string, string>;
    const start = i + 1;
    const sheets: Record<string, { rows: Cell[][] }> = {};
    const checks: { path: string; value: unknown }[] = [];
    const answers: ConformanceCase['answers'] = [];
    let current: Cell[][] | undefined;
    const files: Record<string, string> = {};
    for (i = i + 1; i < lines.length && !(lines[i] ?? '').startsWith('```'); i++) {
      const l = (lines[i] ?? '').trim();
      if (!l) continue;
      const check = /^@\s*(\S+)\s*=\s*(.*)$/.exec(l);
      if (check) {
        checks.push({ path: check[1] ?? '', value: parseValue((check[2] ?? '').trim()) });
        continue;
      }
      const answer = /^answer\s+(ok|refused)\s+(\S+)\s*=\s*(.*)$/.exec(l);
      if (answer) {
        answers.push({ accepted: answer[1] === 'ok', path: answer[2] ?? '', value: parseValue((answer[3] ?? '').trim()) });
        continue;
      }
      const file = /^>\s*(\S+)\s*\|\s?(.*)$/.exec(l);
      if (file) {
        files[file[1] ?? ''] = (files[file[1] ?? ''] ?? '') + (file[2] ?? '') + '\n';
        continue;
      }
      if (!l.startsWith('|')) throw new Error(`${file}:${i + 1}: expected a table row, "@ check" or the closing fence`);
      const cells = splitRow(l);
      if (cells[0]) {
        current = [];
        sheets[cells[0]] = { rows: current };
        continue;
      }
      if (!current) throw new Error(`${file}:${i + 1}: a row before any sheet name`);
      const row = cells.slice(1).map((c): Cell => (c === '' ? null : c));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      current.push(row);
    }
    if (opts['settings'] !== 'none' && !Object.keys(sheets).some((s) => s.toLowerCase() === 'settings')) {
      sheets['settings'] = { rows: [['form_id', 'version'], ['conf', '1']] };
    }
    const exp = opts['expect'] ?? '';
    const c: ConformanceCase = {
      file,
      title: title || `case at line ${start}`,
      line: start,
      workbook: { fileName: 'conformance.xlsx', sheets },
      expect: exp === 'ok' ? { ok: true } : { ok: false, errors: exp.replace(/^error:/, '').split(',').filter(Boolean) },
      checks,
      answers,
    };
    if (exp !== 'ok' && !exp.startsWith('error:')) throw new Error(`${file}:${start}: expect= must be ok or error:codes`);
    if (Object.keys(files).length > 0 || opts['attach'] === 'yes') c.files = files;
    if (opts['warn'] !== undefined) c.warnings = opts['warn'].split(',').filter(Boolean);
    else if (exp === 'ok') c.warnings = [];
    out.push(c);
  }
  return out;
}
