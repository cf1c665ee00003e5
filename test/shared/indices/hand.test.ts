// The indices of a small dataset worked out by hand (arithmetic in the comments), through the
// same entry point the report uses.
import { describe, expect, test } from 'vitest';
import { computeIndices, groupReport, unitReport, wilsonInterval, type GroupIndices } from '../../../shared/indices';
import { HAND, SETTINGS } from './fixtures';

const { overall, groups } = computeIndices(HAND, SETTINGS, { by: (r) => r.unitCode });
const [u1, u2] = groups as [GroupIndices, GroupIndices];
const comp = (g: GroupIndices, id: string) => g.components.find((c) => c.id === id)!;
const item = (g: GroupIndices, id: string, q: string) => comp(g, id).items.find((i) => i.question === q)!;

describe('unit U1 (weights 1): items, components, overall', () => {
  test('only valid codes 1–5 enter an item: DK, refused, N/A, skipped, unanswered and code 9 never do', () => {
    // A1: r1=5, r2=2, r3=4 valid (r4's 9 is off the scale) → n 3, satisfied 2 → 2/3, mean (5+2+4)/3 = 11/3
    expect(item(u1, 'A', 'A1')).toMatchObject({ n: 3, nEffective: 3 });
    expect(item(u1, 'A', 'A1').index).toBeCloseTo(2 / 3, 12);
    expect(item(u1, 'A', 'A1').mean).toBeCloseTo(11 / 3, 12);
    // A2: r1=4, r4=5 (r2 refused, r3 skipped) → n 2, 2/2 = 1, mean 4.5
    expect(item(u1, 'A', 'A2')).toMatchObject({ n: 2, index: 1, mean: 4.5 });
    // B1: r1=3, r2=4, r4=5 (r3 unanswered) → n 3, 2/3, mean 4
    expect(item(u1, 'B', 'B1')).toMatchObject({ n: 3, mean: 4 });
    expect(item(u1, 'B', 'B1').index).toBeCloseTo(2 / 3, 12);
    // B2: r2=5, r3=2, r4=3 (r1 don't know) → n 3, 1/3, mean 10/3
    expect(item(u1, 'B', 'B2').n).toBe(3);
    expect(item(u1, 'B', 'B2').index).toBeCloseTo(1 / 3, 12);
    expect(item(u1, 'B', 'B2').mean).toBeCloseTo(10 / 3, 12);
    // C1: r1=5, r3=4, r4=1 (r2 not applicable) → n 3, 2/3
    expect(item(u1, 'C', 'C1').n).toBe(3);
    expect(item(u1, 'C', 'C1').index).toBeCloseTo(2 / 3, 12);
  });

  test('component index = item-weighted mean of its items; n = respondents with a valid answer', () => {
    // A = (2/3 + 1)/2 = 5/6; r1–r4 each answered A1 or A2 validly → n 4
    expect(comp(u1, 'A').index).toBeCloseTo(5 / 6, 12);
    expect(comp(u1, 'A').n).toBe(4);
    // B with item weights 3 and 1 = (3·2/3 + 1·1/3)/4 = 7/12 (unweighted it would be 1/2)
    expect(comp(u1, 'B').index).toBeCloseTo(7 / 12, 12);
    expect(comp(u1, 'B').n).toBe(4);
    // C = 2/3 from r1, r3, r4
    expect(comp(u1, 'C').index).toBeCloseTo(2 / 3, 12);
    expect(comp(u1, 'C').n).toBe(3);
  });

  test('overall = component-weighted mean: (2·5/6 + 7/12 + 2/3)/4 = 35/48', () => {
    // (20/12 + 7/12 + 8/12)/4 = 35/48 = 72.9 %
    expect(u1.index).toBeCloseTo(35 / 48, 12);
    expect(u1).toMatchObject({ key: 'U1', respondents: 4, n: 4, componentsMissing: [] });
  });

  test('a one-item component (weights 1) has exactly its item\'s Wilson interval', () => {
    // Linearised: z_j = (s_j − p)/n, V = Σz² = p(1−p)/n, so n* = p(1−p)/V = n = 3.
    expect(comp(u1, 'C').ci!.lo).toBeCloseTo(item(u1, 'C', 'C1').ci!.lo, 12);
    expect(comp(u1, 'C').ci!.hi).toBeCloseTo(item(u1, 'C', 'C1').ci!.hi, 12);
    // Wilson(2/3, 3) = [0.207660, 0.938508]
    expect(item(u1, 'C', 'C1').ci!.lo).toBeCloseTo(0.2076596008, 9);
    expect(item(u1, 'C', 'C1').ci!.hi).toBeCloseTo(0.9385080553, 9);
  });

  test('component A\'s interval comes from its linearised variance (worked by hand)', () => {
    // a = 1/2 per item; D_A1 = 3, p_A1 = 2/3; D_A2 = 2, p_A2 = 1.
    // z_r1 = ½·⅓·(1−⅔) + ½·½·(1−1) = 1/18;  z_r2 = ½·⅓·(0−⅔) = −2/18;  z_r3 = ½·⅓·(1−⅔) = 1/18;
    // z_r4 = ½·½·(1−1) = 0.  V = (1 + 4 + 1)/324 = 1/54.
    // θ = 5/6, n* = θ(1−θ)/V = (5/36)·54 = 7.5 → Wilson(5/6, 7.5) = [0.475910, 0.964950]
    expect(comp(u1, 'A').ci!.lo).toBeCloseTo(0.4759100713, 9);
    expect(comp(u1, 'A').ci!.hi).toBeCloseTo(0.9649503223, 9);
  });

  test('the overall interval linearises through the component weights (worked by hand)', () => {
    // b = 2/4, 1/4, 1/4 for A, B, C. In units of 1/72, per respondent r1…r4:
    // z_A = (4, −8, 4, 0)            (above: 1/18, −2/18, 1/18, 0)
    // z_B: a = ¾, ¼; D = 3, 3; p = ⅔, ⅓ → r1 ¾·⅓·(0−⅔) = −12; r2 ¾·⅓·⅓ + ¼·⅓·⅔ = 10;
    //      r3 ¼·⅓·(0−⅓) = −2; r4 ¾·⅓·⅓ + ¼·⅓·(0−⅓) = 4
    // z_C: D = 3, p = ⅔ → (8, 0, 8, −16)
    // z_O = ½z_A + ¼z_B + ¼z_C = (1, −1.5, 3.5, −3) (Σ = 0); V = 24.5/72² = 0.00472608
    // θ = 35/48, n* = θ(1−θ)/V = 41.785714 → Wilson = [0.579493, 0.840252]
    expect(u1.ci!.lo).toBeCloseTo(0.5794931849, 9);
    expect(u1.ci!.hi).toBeCloseTo(0.8402519891, 9);
  });
});

describe('unit U2 (design weights 2, 1, 3): weighted shares and a missing component', () => {
  test('weighted item share, weighted mean and Kish effective n', () => {
    // A1: r5 (w2, 5✓), r6 (w1, 3), r7 (w3, 4✓) → Σw 6, satisfied 5 → 5/6;
    // mean (2·5 + 1·3 + 3·4)/6 = 25/6; n_eff = 6²/(4+1+9) = 36/14
    const a1 = item(u2, 'A', 'A1');
    expect(a1.n).toBe(3);
    expect(a1.index).toBeCloseTo(5 / 6, 12);
    expect(a1.mean).toBeCloseTo(25 / 6, 12);
    expect(a1.nEffective).toBeCloseTo(36 / 14, 12);
    const w = wilsonInterval(5 / 6, 36 / 14);
    expect(a1.ci!.lo).toBeCloseTo(w.lo, 12);
    expect(a1.ci!.hi).toBeCloseTo(w.hi, 12);
    // A2: r5 (w2, 4✓), r7 (w3, 1) → 2/5, mean (8 + 3)/5 = 2.2, n_eff 25/13
    expect(item(u2, 'A', 'A2')).toMatchObject({ n: 2, index: 0.4 });
    expect(item(u2, 'A', 'A2').mean).toBeCloseTo(2.2, 12);
    expect(item(u2, 'A', 'A2').nEffective).toBeCloseTo(25 / 13, 12);
  });

  test('B and C, with no valid answer in U2, are left out of the overall and listed', () => {
    // A = (5/6 + 2/5)/2 = 37/60; overall = A alone = 37/60 = 61.7 %, not (2·37/60 + 0 + 0)/4
    expect(comp(u2, 'A').index).toBeCloseTo(37 / 60, 12);
    expect(u2.components.map((c) => c.id)).toEqual(['A']);
    expect(u2.componentsMissing).toEqual(['B', 'C']);
    expect(u2.index).toBeCloseTo(37 / 60, 12);
    expect(u2).toMatchObject({ respondents: 3, n: 3 });
  });

  test('the linearised interval of A with design weights, worked by hand', () => {
    // a = ½ per item; D_A1 = 6, p_A1 = 5/6; D_A2 = 5, p_A2 = 2/5. z_j = w_j Σ (a/D)(s − p):
    // r5 (w 2): 2·[½·⅙·(1 − 5/6) + ½·⅕·(1 − 2/5)] = 2·(1/72 + 3/50)   =  266/1800
    // r6 (w 1): 1·[½·⅙·(0 − 5/6)]                  = −5/72             = −125/1800
    // r7 (w 3): 3·[½·⅙·(1 − 5/6) + ½·⅕·(0 − 2/5)] = 3·(1/72 − 1/25)   = −141/1800   (Σ z = 0)
    // V = (266² + 125² + 141²)/1800² = 106262/3240000 = 0.0327969
    // θ = 37/60, n* = θ(1−θ)/V = 7.207657 → Wilson(37/60, 7.207657) = [0.286569, 0.865641]
    expect(comp(u2, 'A').ci!.lo).toBeCloseTo(0.2865694596, 9);
    expect(comp(u2, 'A').ci!.hi).toBeCloseTo(0.8656406017, 9);
    // With A the only component present, the overall interval is A's.
    expect(u2.ci).toEqual(comp(u2, 'A').ci);
  });
});

describe('the city (all seven respondents)', () => {
  test('items pool the weighted answers of both units', () => {
    // A1: Σw = 1+1+1 (r1–r3) + 2+1+3 = 9; satisfied r1, r3, r5, r7 → 1+1+2+3 = 7 → 7/9;
    // mean (5+2+4+10+3+12)/9 = 4; n 6; n_eff = 81/(1+1+1+4+1+9) = 81/17
    expect(item(overall, 'A', 'A1').index).toBeCloseTo(7 / 9, 12);
    expect(item(overall, 'A', 'A1').mean).toBeCloseTo(4, 12);
    expect(item(overall, 'A', 'A1').nEffective).toBeCloseTo(81 / 17, 12);
    // A2: r1 (1, 4✓), r4 (1, 5✓), r5 (2, 4✓), r7 (3, 1) → 4/7
    expect(item(overall, 'A', 'A2').index).toBeCloseTo(4 / 7, 12);
  });

  test('overall = (2·A + B + C)/4 with A = (7/9 + 4/7)/2 = 85/126 → 655/1008', () => {
    // B = 7/12 and C = 2/3 come from U1 only; (2·85/126 + 7/12 + 2/3)/4 = (85/63 + 5/4)/4 = 655/1008
    expect(comp(overall, 'A').index).toBeCloseTo(85 / 126, 12);
    expect(overall.index).toBeCloseTo(655 / 1008, 12);
    expect(overall).toMatchObject({ key: '', respondents: 7, n: 7, componentsMissing: [] });
    expect(comp(overall, 'A').n).toBe(7);
    expect(comp(overall, 'B').n).toBe(4);
    expect(comp(overall, 'C').n).toBe(3);
  });
});

describe('the report shape (issue 9 §3)', () => {
  test('percentages rounded to 0.1, means to 0.01, n as counts, missing components listed', () => {
    expect(unitReport(u2, 'Phường Hai')).toEqual({
      code: 'U2',
      name: 'Phường Hai',
      index: 61.7, // 37/60
      n: 3,
      ci: [expect.any(Number), expect.any(Number)],
      components: {
        A: {
          index: 61.7,
          n: 3,
          ci: [expect.any(Number), expect.any(Number)],
          items: {
            A1: { index: 83.3, mean: 4.17, n: 3, ci: [expect.any(Number), expect.any(Number)] },
            A2: { index: 40, mean: 2.2, n: 2, ci: [expect.any(Number), expect.any(Number)] },
          },
        },
      },
      components_missing: ['B', 'C'],
    });
    const city = groupReport(overall);
    expect(city.index).toBe(65); // 655/1008 = 64.98 %
    expect(city.components.B!.index).toBe(58.3); // 7/12
    expect(city.components.A!.items.A1!.ci).toEqual([35, 95.8]); // Wilson(7/9, 81/17) = [0.34961, 0.95796]
    expect(groupReport(u1).components.A!.ci).toEqual([47.6, 96.5]); // [0.475910, 0.964950] above
  });
});
