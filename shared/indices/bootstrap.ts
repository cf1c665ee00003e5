// Respondent-level percentile bootstrap for component and overall indices: each replicate
// redraws the group's respondents with replacement (in canonical id order, from a generator
// seeded by the run's seed and the group key) and re-applies the same estimators.
import { estimate } from './estimate';
import { fnv1a, fmix32, seededRandom } from './prng';
import { SATISFIED, type ReducedSample } from './reduce';
import type { Interval } from './types';

export const DEFAULT_REPLICATES = 1000;
/** The documented default seed (docs/indices.md): the date the method was fixed, 2026-12-01. */
export const DEFAULT_SEED = 20261201;

/** Type-7 (linear interpolation) quantile of sorted values. */
function quantile(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

function percentileInterval(values: number[]): Interval | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return { lo: quantile(sorted, 0.025), hi: quantile(sorted, 0.975) };
}

/** Intervals for one group whose members are canonical positions in increasing order. */
export function bootstrapGroup(
  sample: ReducedSample,
  members: Int32Array,
  key: string,
  replicates: number,
  seed: number,
): { component: (Interval | null)[]; overall: Interval | null } {
  const I = sample.itemCount;
  const C = sample.components.length;
  const m = members.length;
  // Per member, per item: w·valid and w·satisfied, so a replicate is only additions.
  const wv = new Float64Array(m * I);
  const ws = new Float64Array(m * I);
  for (let k = 0; k < m; k++) {
    const j = members[k]!;
    const w = sample.weights[j]!;
    for (let i = 0; i < I; i++) {
      const st = sample.status[j * I + i]!;
      if (st === 0) continue;
      wv[k * I + i] = w;
      if (st === SATISFIED) ws[k * I + i] = w;
    }
  }
  const rng = seededRandom(fmix32(seed) ^ fnv1a(key));
  const compValues: number[][] = Array.from({ length: C }, () => []);
  const overallValues: number[] = [];
  const sw = new Float64Array(I);
  const ssat = new Float64Array(I);
  for (let b = 0; b < replicates && m > 0; b++) {
    sw.fill(0);
    ssat.fill(0);
    for (let d = 0; d < m; d++) {
      const k = rng.below(m) * I;
      for (let i = 0; i < I; i++) {
        sw[i] = sw[i]! + wv[k + i]!;
        ssat[i] = ssat[i]! + ws[k + i]!;
      }
    }
    const est = estimate(sample, sw, ssat);
    // A component absent from a replicate (no valid answer drawn) is left out of that replicate,
    // exactly as in the estimate itself.
    for (let c = 0; c < C; c++) if (!Number.isNaN(est.component[c]!)) compValues[c]!.push(est.component[c]!);
    if (!Number.isNaN(est.overall)) overallValues.push(est.overall);
  }
  return { component: compValues.map(percentileInterval), overall: percentileInterval(overallValues) };
}
