// `khaosat demo [--dir D] [--seed S] [--laptops N] [--interviews M] [--units K]`: the whole pipe
// headless — keys → survey package (built-in HIDS instrument, 168-Unit frame, a quota per Unit) →
// simulate → import → report — by calling the same commands a user types, and prints the report's
// index table. Without --dir it works in a temporary folder removed at the end; with --dir it leaves
// D/keys/, D/quotas.csv, D/batches/, D/hids.kspkg and D/analyst.sqlite.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readUnitFrame } from '../../instruments/frame-csv';
import { simulate } from '../../simulate/simulate';
import { CliError, usageError, type CliIo } from '../io';
import { countOption, mixCounts } from './simulate';
import { importCommand } from './import';
import { keysGenerateCommand } from './keys';
import { packageCreateCommand } from './package';
import { reportCommand } from './report';

const INSTRUMENT = join('shared', 'instruments', 'hids-satisfaction.xlsx');
const FRAME = join('shared', 'instruments', 'units', 'hcmc_units_2025.csv');
const AGENCIES = join('shared', 'instruments', 'units', 'hcmc_agencies_2025.csv');
/** 4 laptops × 504 interviews: 12 a Unit over the 168 Units, about 7 service users each (62 %). */
const DEFAULT_LAPTOPS = 4;
const DEFAULT_INTERVIEWS = 504;
/**
 * The demo's quota of completed interviews per Unit: 90 % of the interviews a Unit gets when the
 * sample covers the whole frame (12 → 11 by default). About 13 % of simulated respondents refuse or
 * are ineligible, so some Units reach their quota and some fall short, as in real fieldwork.
 */
function demoQuotas(frame: Uint8Array, laptops: number, interviews: number): string {
  const codes = readUnitFrame(frame).map((u) => u.code);
  const target = Math.ceil((0.9 * laptops * interviews) / codes.length);
  return `unit_code,target\n${codes.map((c) => `${c},${target}\n`).join('')}`;
}

/**
 * The project folder holding the built-in instrument: up from the bundle (dist/electron, where
 * `npx khaosat` runs), from the script started, or from the working folder (tsx, tests).
 */
function projectRoot(cwd: string): string {
  const starts = [typeof __dirname === 'string' ? __dirname : null, process.argv[1] ? dirname(realpathSync(process.argv[1])) : null, cwd];
  for (const start of starts) {
    if (!start) continue;
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, INSTRUMENT))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  throw new CliError(`không tìm thấy phiếu có sẵn / built-in instrument not found: ${INSTRUMENT} (run from a KhaoSat clone)`);
}

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      dir: { type: 'string' },
      seed: { type: 'string' },
      laptops: { type: 'string' },
      interviews: { type: 'string' },
      units: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'`);
  const seed = countOption('seed', values.seed, 2026, 0, 4294967295);
  const laptops = countOption('laptops', values.laptops, DEFAULT_LAPTOPS, 1, 100);
  const interviews = countOption('interviews', values.interviews, DEFAULT_INTERVIEWS, 1, 100_000);
  // Default: every Unit of the frame.
  const units = values.units === undefined ? undefined : countOption('units', values.units, 0, 1, 100_000);
  const root = projectRoot(io.cwd);
  const dir = values.dir ? resolve(io.cwd, values.dir) : mkdtempSync(join(tmpdir(), 'khaosat-demo-'));
  if (values.dir && existsSync(join(dir, 'analyst.sqlite'))) {
    throw new CliError(`${join(dir, 'analyst.sqlite')} đã có; chọn thư mục khác / already exists; choose another --dir`);
  }
  mkdirSync(dir, { recursive: true });
  // The steps' own tables go to stderr as progress; stdout carries the index table only.
  const quiet: CliIo = { ...io, cwd: dir, out: (t) => io.err(t) };
  const step = (text: string) => io.err(`\n== ${text}\n`);
  try {
    step('khaosat keys generate');
    await keysGenerateCommand(['--out', 'keys'], quiet);
    writeFileSync(join(dir, 'quotas.csv'), demoQuotas(readFileSync(join(root, FRAME)), laptops, interviews));
    step(`khaosat package create (${INSTRUMENT}, ${FRAME}, ${AGENCIES}, quotas.csv)`);
    await packageCreateCommand(['--form', join(root, INSTRUMENT), '--units', join(root, FRAME), '--agencies', join(root, AGENCIES), '--quotas', 'quotas.csv', '--keys', 'keys', '--out', 'hids.kspkg'], quiet);
    step(`khaosat simulate: ${laptops} máy / laptops × ${interviews} phỏng vấn / interviews, ${units ?? 'mọi / all'} đơn vị / units, seed ${seed}`);
    mkdirSync(join(dir, 'batches'), { recursive: true });
    const result = await simulate({ packageBytes: readFileSync(join(dir, 'hids.kspkg')), laptops, interviews, outDir: join(dir, 'batches'), seed, units, progress: (l) => io.err(l) });
    io.err(`Người trả lời / respondents: ${Object.entries(mixCounts(result)).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
    step('khaosat import');
    const imported = await importCommand(['batches', '--db', 'analyst.sqlite', '--keys', 'keys', '--package', 'hids.kspkg'], quiet);
    if (imported !== 0) throw new CliError('nhập lô thất bại / import rejected a batch');
    step('khaosat report');
    return await reportCommand(['--db', join(dir, 'analyst.sqlite')], io);
  } finally {
    if (!values.dir) rmSync(dir, { recursive: true, force: true });
    else io.err(`\nĐể lại / left in ${dir}: keys/, quotas.csv, batches/, hids.kspkg, analyst.sqlite\n`);
  }
}
