// The durability check at bench scale: many more SIGKILL rounds than the CI test runs.
import { runDurabilityRounds } from '../electron/db/fixtures/durability';
import type { BenchResult } from './run';

export async function runDurabilityBench(opts: { rounds: number }): Promise<BenchResult> {
  const started = performance.now();
  const report = await runDurabilityRounds({ rounds: opts.rounds });
  const seconds = (performance.now() - started) / 1000;
  const pass = report.lost.length === 0 && report.integrityFailures.length === 0;
  return {
    name: 'Durability: SIGKILL at random moments while saving answers',
    rows: [
      { label: 'rounds (child killed once per round)', median: report.rounds, unit: 'rounds' },
      { label: 'answers acknowledged before a kill', median: report.acknowledged, unit: 'answers' },
      { label: 'acknowledged answers lost', median: report.lost.length, unit: 'answers' },
      { label: 'rounds whose integrity_check was not ok', median: report.integrityFailures.length, unit: 'rounds' },
    ],
    ratio: report.acknowledged === 0 ? 0 : report.lost.length / report.acknowledged,
    ratioLabel: 'Lost / acknowledged',
    budget: 'no acknowledged answer lost, integrity_check ok after every kill',
    pass,
    notes: [`seed ${report.seed}; ${seconds.toFixed(1)} s in all`],
  };
}
