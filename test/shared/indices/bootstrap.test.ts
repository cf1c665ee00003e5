// The bootstrap option: reproducible for a seed, and in agreement with the linearised intervals
// that the report uses by default (the check that justifies linearisation, docs/indices.md).
import { describe, expect, test } from 'vitest';
import { computeIndices, DEFAULT_SEED } from '../../../shared/indices';
import { HAND, SETTINGS } from './fixtures';
import { HIDS_SETTINGS, simulate } from './simulate';

describe('respondent-level bootstrap', () => {
  test('the same seed gives identical intervals; another seed different ones', () => {
    const run = (seed?: number) => computeIndices(HAND, SETTINGS, { by: (r) => r.unitCode, interval: { method: 'bootstrap', replicates: 200, ...(seed === undefined ? {} : { seed }) } });
    expect(run(7)).toEqual(run(7));
    expect(run()).toEqual(run(DEFAULT_SEED));
    expect(run(7).overall.ci).not.toEqual(run(8).overall.ci);
    // Point estimates do not depend on the interval method.
    expect(run(7).overall.index).toBe(computeIndices(HAND, SETTINGS).overall.index);
  });

  test('a group\'s intervals do not depend on which other groups are computed', () => {
    const opts = { interval: { method: 'bootstrap' as const, replicates: 200, seed: 3 } };
    const both = computeIndices(HAND, SETTINGS, { ...opts, by: (r) => r.unitCode }).groups[0]!;
    const alone = computeIndices(HAND.filter((r) => r.unitCode === 'U1'), SETTINGS, { ...opts, by: (r) => r.unitCode }).groups[0]!;
    expect(both).toEqual(alone);
  });

  test('pinned figures for the default seed (a change to the generator or resampling shows here)', () => {
    const { overall } = computeIndices(HAND, SETTINGS, { interval: { method: 'bootstrap', replicates: 1000 } });
    expect([overall.ci!.lo, overall.ci!.hi].map((v) => Math.round(v * 1e6) / 1e6)).toMatchInlineSnapshot(`
      [
        0.492725,
        0.831641,
      ]
    `);
  });

  test('agrees with the linearised intervals within 1.5 points on 2,000 weighted respondents', () => {
    const people = simulate(2000, 2, 5, true);
    const lin = computeIndices(people, HIDS_SETTINGS, { by: (r) => r.unitCode });
    const boot = computeIndices(people, HIDS_SETTINGS, { by: (r) => r.unitCode, interval: { method: 'bootstrap', replicates: 1000 } });
    const pairs = [[lin.overall, boot.overall], ...lin.groups.map((g, k) => [g, boot.groups[k]!])] as const;
    for (const [l, b] of pairs) {
      expect(Math.abs(l.ci!.lo - b.ci!.lo)).toBeLessThan(0.015);
      expect(Math.abs(l.ci!.hi - b.ci!.hi)).toBeLessThan(0.015);
      l.components.forEach((c, k) => {
        expect(Math.abs(c.ci!.lo - b.components[k]!.ci!.lo)).toBeLessThan(0.015);
        expect(Math.abs(c.ci!.hi - b.components[k]!.ci!.hi)).toBeLessThan(0.015);
      });
    }
  });
});
