// Satisfaction indices for groups of respondents (the city, each Unit, any key): two linear
// passes over the reduced arrays — weighted sums per group and item, then the linearised
// variables for component and overall intervals — or the bootstrap when asked for.
import { bootstrapGroup, DEFAULT_REPLICATES, DEFAULT_SEED } from './bootstrap';
import { estimate } from './estimate';
import { SATISFIED, type ReducedSample } from './reduce';
import { IndexInputError, type ComponentIndex, type GroupIndices, type IndexOptions, type Interval, type ItemIndex } from './types';
import { wilsonInterval } from './wilson';

/**
 * Wilson interval for a component or overall index from its linearised variance, on the
 * Korn–Graubard effective sample size n* = θ(1−θ)/V̂. When V̂ = 0 (every respondent's
 * linearised variable is 0, e.g. all valid answers satisfied) n* falls back to `n`, so the
 * interval is the Wilson interval of n respondents at that share rather than a single point.
 */
export function linearisedInterval(theta: number, variance: number, n: number): Interval {
  const nStar = variance > 0 ? (theta * (1 - theta)) / variance : n;
  return wilsonInterval(theta, nStar > 0 ? nStar : n);
}

function checkOptions(options: IndexOptions): { bootstrap: { replicates: number; seed: number } | null } {
  const iv = options.interval ?? { method: 'linearised' };
  if (iv.method === 'linearised') return { bootstrap: null };
  if (iv.method !== 'bootstrap') {
    throw new IndexInputError('invalid_option', `Phương pháp khoảng tin cậy "${String((iv as { method: unknown }).method)}" không được hỗ trợ (linearised hoặc bootstrap).`, `Interval method "${String((iv as { method: unknown }).method)}" is not supported (linearised or bootstrap).`);
  }
  const replicates = iv.replicates ?? DEFAULT_REPLICATES;
  const seed = iv.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(replicates) || replicates < 10 || replicates > 100_000) {
    throw new IndexInputError('invalid_option', `Số lần lặp bootstrap ${replicates} phải là số nguyên từ 10 đến 100000.`, `Bootstrap replicates ${replicates} must be an integer from 10 to 100000.`);
  }
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new IndexInputError('invalid_option', `Hạt giống (seed) ${seed} phải là số nguyên từ 0 đến 4294967295.`, `Seed ${seed} must be an integer from 0 to 4294967295.`);
  }
  return { bootstrap: { replicates, seed } };
}

/**
 * Indices of every group. `groupOf[j]` is the group (0…keys.length−1) of the respondent at
 * canonical position j. Groups come back in the order of `keys`.
 */
export function computeGroups(sample: ReducedSample, groupOf: Int32Array, keys: readonly string[], options: IndexOptions = {}): GroupIndices[] {
  const { bootstrap } = checkOptions(options);
  const I = sample.itemCount;
  const C = sample.components.length;
  const G = keys.length;
  const { status, score, weights } = sample;

  // Pass 1: weighted sums per group × item; respondent counts per group and component.
  const cnt = new Float64Array(G * I);
  const sw = new Float64Array(G * I);
  const sww = new Float64Array(G * I);
  const ssat = new Float64Array(G * I);
  const sx = new Float64Array(G * I);
  const respondents = new Int32Array(G);
  const nAny = new Int32Array(G);
  const nComp = new Int32Array(G * C);
  for (let j = 0; j < sample.size; j++) {
    const g = groupOf[j]!;
    const w = weights[j]!;
    respondents[g]!++;
    let any = false;
    for (let c = 0; c < C; c++) {
      let answered = false;
      for (const i of sample.components[c]!.items) {
        const st = status[j * I + i]!;
        if (st === 0) continue;
        const at = g * I + i;
        cnt[at]!++;
        sw[at] = sw[at]! + w;
        sww[at] = sww[at]! + w * w;
        if (st === SATISFIED) ssat[at] = ssat[at]! + w;
        sx[at] = sx[at]! + w * score[j * I + i]!;
        answered = true;
      }
      if (answered) {
        nComp[g * C + c]!++;
        any = true;
      }
    }
    if (any) nAny[g]!++;
  }
  const est = keys.map((_, g) => estimate(sample, sw, ssat, g * I));

  // Pass 2 (linearisation): z_cj = w_j Σ_i (a_i/D_i)(s_ij − p_i) over the items j answered
  // validly; z_Oj = Σ_c b_c z_cj; V̂ = Σ_j z² (docs/indices.md).
  const varComp = new Float64Array(G * C);
  const varOverall = new Float64Array(G);
  if (!bootstrap) {
    for (let j = 0; j < sample.size; j++) {
      const g = groupOf[j]!;
      const e = est[g]!;
      const w = weights[j]!;
      let zO = 0;
      for (let c = 0; c < C; c++) {
        if (Number.isNaN(e.component[c]!)) continue;
        let z = 0;
        for (const i of sample.components[c]!.items) {
          const st = status[j * I + i]!;
          const k = e.itemCoef[i]!;
          if (st === 0 || k === 0) continue;
          z += k * ((st === SATISFIED ? 1 : 0) - e.item[i]!);
        }
        z *= w;
        varComp[g * C + c] = varComp[g * C + c]! + z * z;
        zO += e.componentShare[c]! * z;
      }
      varOverall[g] = varOverall[g]! + zO * zO;
    }
  }

  let members: Int32Array[] = [];
  if (bootstrap) {
    const sizes = new Int32Array(G);
    members = Array.from(respondents, (r) => new Int32Array(r));
    for (let j = 0; j < sample.size; j++) {
      const g = groupOf[j]!;
      members[g]![sizes[g]!++] = j;
    }
  }

  return keys.map((key, g): GroupIndices => {
    const e = est[g]!;
    const boot = bootstrap ? bootstrapGroup(sample, members[g]!, key, bootstrap.replicates, bootstrap.seed) : null;
    const components: ComponentIndex[] = [];
    const componentsMissing: string[] = [];
    sample.components.forEach((comp, c) => {
      const value = e.component[c]!;
      if (Number.isNaN(value)) {
        componentsMissing.push(comp.id);
        return;
      }
      const n = nComp[g * C + c]!;
      const items = comp.items.map((i): ItemIndex => {
        const at = g * I + i;
        const count = cnt[at]!;
        if (count === 0) return { question: sample.itemQuestion[i]!, n: 0, nEffective: 0, index: null, mean: null, ci: null };
        const nEffective = (sw[at]! * sw[at]!) / sww[at]!;
        const p = e.item[i]!;
        return { question: sample.itemQuestion[i]!, n: count, nEffective, index: p, mean: sx[at]! / sw[at]!, ci: wilsonInterval(p, nEffective) };
      });
      const ci = boot ? boot.component[c]! : linearisedInterval(value, varComp[g * C + c]!, n);
      components.push({ id: comp.id, n, index: value, ci, items });
    });
    const overall = Number.isNaN(e.overall) ? null : e.overall;
    const ci = overall === null ? null : boot ? boot.overall : linearisedInterval(overall, varOverall[g]!, nAny[g]!);
    return { key, respondents: respondents[g]!, n: nAny[g]!, index: overall, ci, components, componentsMissing };
  });
}
