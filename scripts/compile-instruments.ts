// Build step (run by scripts/build-node.mjs): compiles the built-in instruments
// (shared/instruments/*.xlsx and the unit frame) into one JSON bundle the packaged app reads, so
// exceljs and the .xlsx files stay build-time inputs.
// Usage: compile-instruments <shared/instruments dir> <out.json>
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { compileBuiltinInstruments } from '../electron/instruments/compileBuiltin';

async function main(): Promise<void> {
  const [dir, out] = process.argv.slice(2);
  if (!dir || !out) throw new Error('usage: compile-instruments <instruments dir> <out.json>');
  const bundle = await compileBuiltinInstruments(resolve(dir));
  mkdirSync(dirname(resolve(out)), { recursive: true });
  writeFileSync(resolve(out), JSON.stringify(bundle));
  console.log(`built-in instruments: ${bundle.instruments.map((i) => `${i.surveyId}@${i.model.version}`).join(', ')} → ${out}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
