// The durability check at bench scale: many more SIGKILL rounds than the CI test runs.
import { runDurabilityRounds } from '../electron/db/fixtures/durability';
import type { BenchResult } from './report';

export async function runDurabilityBench(opts: { rounds: number }): Promise<BenchResult> {
  const started = performance.now();
  const report = await runDurabilityRounds({ rounds: opts.rounds });
  const seconds = (performance.now() - started) / 1000;
  return {
    name: 'Durability: SIGKILL at random moments while saving answers',
    rows: [
      { label: 'rounds (child killed once per round)', value: report.rounds, unit: 'rounds' },
      { label: 'answers acknowledged before a kill', value: report.acknowledged, unit: 'answers' },
      { label: 'acknowledged answers lost', value: report.lost.length, unit: 'answers' },
      { label: 'rounds whose integrity_check was not ok', value: report.integrityFailures.length, unit: 'rounds' },
    ],
    ratio: report.acknowledged === 0 ? 0 : report.lost.length / report.acknowledged,
    ratioLabel: 'Lost / acknowledged',
    budgets: [
      { label: 'acknowledged answers lost', measured: report.lost.length, limit: 0, unit: 'answers' },
      { label: 'rounds whose integrity_check was not ok', measured: report.integrityFailures.length, limit: 0, unit: 'rounds' },
    ],
    notes: [`seed ${report.seed}; ${seconds.toFixed(1)} s in all`],
  };
}
