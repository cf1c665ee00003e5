// The point estimators shared by the main computation and every bootstrap replicate: from a
// group's per-item weighted sums to item shares, component indices and the overall index.
import type { ReducedSample } from './reduce';

export interface Estimates {
  /** Per item: weighted share satisfied, NaN when the item has no valid answer. */
  item: Float64Array;
  /** Per component: index, NaN when left out (no valid answer, or its present items all weigh 0). */
  component: Float64Array;
  /** Per item: the item's coefficient a_i / D_i in its component's linearised variable (0 if absent). */
  itemCoef: Float64Array;
  /** Per component: its share b_c of the overall index (0 if left out). */
  componentShare: Float64Array;
  /** Overall index, NaN when no component is present or the present ones all weigh 0. */
  overall: number;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * `sw[i]` = Σ w over valid answers to item i, `ssat[i]` = Σ w over satisfied ones (offset `at`).
 * Item share p_i = ssat/sw; component C = Σ v_i p_i / Σ v_i over items present; overall
 * O = Σ u_c C_c / Σ u_c over components present (docs/indices.md).
 */
export function estimate(sample: ReducedSample, sw: Float64Array, ssat: Float64Array, at = 0): Estimates {
  const I = sample.itemCount;
  const C = sample.components.length;
  const item = new Float64Array(I).fill(NaN);
  const itemCoef = new Float64Array(I);
  const component = new Float64Array(C).fill(NaN);
  const componentShare = new Float64Array(C);
  for (let i = 0; i < I; i++) if (sw[at + i]! > 0) item[i] = clamp01(ssat[at + i]! / sw[at + i]!);
  let uSum = 0;
  for (let c = 0; c < C; c++) {
    const comp = sample.components[c]!;
    let vSum = 0;
    for (const i of comp.items) if (!Number.isNaN(item[i]!)) vSum += sample.itemWeight[i]!;
    if (!(vSum > 0)) continue;
    let value = 0;
    for (const i of comp.items) {
      if (Number.isNaN(item[i]!)) continue;
      const a = sample.itemWeight[i]! / vSum;
      value += a * item[i]!;
      itemCoef[i] = a / sw[at + i]!;
    }
    component[c] = clamp01(value);
    uSum += comp.weight;
  }
  let overall = NaN;
  if (uSum > 0) {
    overall = 0;
    for (let c = 0; c < C; c++) {
      if (Number.isNaN(component[c]!)) continue;
      componentShare[c] = sample.components[c]!.weight / uSum;
      overall += componentShare[c]! * component[c]!;
    }
    overall = clamp01(overall);
  }
  return { item, component, itemCoef, componentShare, overall };
}
