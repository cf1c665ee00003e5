// Durability: an answer acknowledged to the caller survives the process being killed at any moment.
import { describe, expect, it } from 'vitest';
import { runDurabilityRounds } from './fixtures/durability';

const ROUNDS = Number(process.env.KHAOSAT_DURABILITY_ROUNDS ?? 50);

describe('durability of saved answers', () => {
  it(
    `every acknowledged answer survives SIGKILL at random moments (${ROUNDS} rounds) and the file stays intact`,
    async () => {
      const report = await runDurabilityRounds({ rounds: ROUNDS });
      expect(report.rounds).toBe(ROUNDS);
      expect(report.lost, `seed ${report.seed}`).toEqual([]);
      expect(report.integrityFailures, `seed ${report.seed}`).toEqual([]);
      // The harness must really have exercised saves, not only killed children during start-up.
      expect(report.acknowledged).toBeGreaterThan(ROUNDS);
    },
    300_000,
  );

  it('the harness reports losses when a child acknowledges before saving', async () => {
    const report = await runDurabilityRounds({ rounds: 10, ackBeforeSave: true });
    expect(report.lost.length, `seed ${report.seed}`).toBeGreaterThan(0);
  }, 120_000);
});
