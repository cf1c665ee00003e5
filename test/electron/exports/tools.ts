// The real readers the export tests check our files with (ENVIRONMENT.md, "Real tools from
// Debian"). Missing locally → those tests are skipped with the reason printed; in CI (`CI` set)
// a missing tool fails the run instead, since .ci/run installs them all.
import { spawnSync } from 'node:child_process';

export interface Tool {
  name: string;
  available: boolean;
  reason: string;
}

function probe(name: string, cmd: string, args: string[]): Tool {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  const ok = r.status === 0;
  const reason = ok ? '' : `${name} not available (${cmd} ${args.join(' ')}: ${r.error?.message ?? (r.stderr || '').trim().split('\n').pop()}); install it with apt-get (see .ci/run)`;
  if (!ok) console.warn(`[exports tests] skipping ${name}: ${reason}`);
  return { name, available: ok, reason };
}

/** Debian's python3 (pandas is a Debian package; a pyenv python on PATH would not have it). */
export const PYTHON = '/usr/bin/python3';

export function probeTools(): Record<'pspp' | 'haven' | 'readstat' | 'pandas', Tool> {
  return {
    pspp: probe('pspp', 'pspp', ['--version']),
    haven: probe('R haven', 'Rscript', ['-e', 'library(haven); library(jsonlite)']),
    readstat: probe('readstat', 'readstat', ['--version']),
    pandas: probe('pandas', PYTHON, ['-c', 'import pandas, openpyxl']),
  };
}

export function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.error?.message ?? ''}\n${r.stderr}\n${r.stdout}`);
  return r.stdout;
}

/** RFC 4180 CSV (quoted fields with "" escapes and line breaks), as PSPP and readstat print it. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
