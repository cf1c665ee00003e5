// `khaosat simulate --package P.kspkg --laptops N --interviews M --out DIR [--seed S] [--units K]`:
// N simulated laptops through the real laptop code path (electron/simulate/), one batch each in DIR.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SURVEY_PACKAGE_LIMITS } from '../../../shared/formats/survey-package';
import { simulate, type SimulateResult } from '../../simulate/simulate';
import { readFileBounded } from '../../sync/bounded-read';
import { usageError, type CliIo } from '../io';
import { printJson, printTable } from '../output';

/** A whole number in [min, max] from an option, or a usage error naming the option. */
export function countOption(name: string, text: string | undefined, fallback: number, min: number, max: number): number {
  if (text === undefined) return fallback;
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) < min || Number(text) > max) throw usageError(`--${name} ${text}: expected a whole number from ${min} to ${max}`);
  return Number(text);
}

export function mixCounts(result: SimulateResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const i of result.interviews) counts[i.kind] = (counts[i.kind] ?? 0) + 1;
  return counts;
}

export async function simulateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      package: { type: 'string' },
      laptops: { type: 'string' },
      interviews: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      units: { type: 'string' },
      json: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw usageError(`unexpected argument '${positionals[0]}'`);
  for (const name of ['package', 'laptops', 'interviews', 'out'] as const) if (!values[name]) throw usageError(`missing --${name}`);
  const laptops = countOption('laptops', values.laptops, 1, 1, 100);
  const interviews = countOption('interviews', values.interviews, 1, 1, 100_000);
  const seed = countOption('seed', values.seed, 1, 0, 4294967295);
  const units = values.units === undefined ? undefined : countOption('units', values.units, 0, 1, 100_000);
  const packageBytes = await readFileBounded(resolve(io.cwd, values.package!), SURVEY_PACKAGE_LIMITS.fileBytes, 'package_damaged');
  const outDir = resolve(io.cwd, values.out!);
  mkdirSync(outDir, { recursive: true });
  const result = await simulate({ packageBytes, laptops, interviews, outDir, seed, units, progress: (l) => io.err(l) });
  if (values.json) printJson(io, { survey: result.surveyId, mix: mixCounts(result), batches: result.batches.map((b) => ({ path: b.path, interviews: b.interviews.length, sha256: b.fileSha256 })) });
  else {
    printTable(io, ['file', 'interviews', 'sha256'], result.batches.map((b) => [b.path, b.interviews.length, b.fileSha256]));
    io.out(`Người trả lời / respondents: ${Object.entries(mixCounts(result)).map(([k, n]) => `${k} ${n}`).join(', ')}\n`);
  }
  return 0;
}
