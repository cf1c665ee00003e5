import { describe, expect, test } from 'vitest';
import { wilsonInterval, Z95 } from '../../../shared/indices';

describe('Wilson score interval', () => {
  test('8 of 10 → [49.0, 94.3] %', () => {
    // z² / n = 3.841459/10; centre = (0.8 + 0.192073)/1.384146 = 0.716740;
    // half = (1.959964/1.384146)·√(0.016 + 0.0096036) = 0.226578 → [0.490162, 0.943318]
    const { lo, hi } = wilsonInterval(0.8, 10);
    expect(lo).toBeCloseTo(0.4901624715, 9);
    expect(hi).toBeCloseTo(0.9433178485, 9);
  });

  test('matches the published Wilson intervals of Newcombe (1998), Table II', () => {
    // Newcombe RG. Two-sided confidence intervals for the single proportion: comparison of seven
    // methods. Stat Med 1998;17:857–872 — method 3 (score, no continuity correction).
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, lo, hi] of cases) {
      const ci = wilsonInterval(x / n, n);
      expect([ci.lo, ci.hi].map((v) => Math.round(v * 1e4) / 1e4)).toEqual([lo, hi]);
    }
  });

  test('at 0 and at 100 % the interval reaches the bound exactly and is not a point', () => {
    expect(wilsonInterval(1, 5).hi).toBe(1);
    expect(wilsonInterval(1, 5).lo).toBeCloseTo(0.5655175352, 9);
    expect(wilsonInterval(0, 20).lo).toBe(0);
  });

  test('a fractional (effective) n narrows the interval continuously', () => {
    const a = wilsonInterval(0.5, 9.5);
    const b = wilsonInterval(0.5, 10);
    expect(a.hi - a.lo).toBeGreaterThan(b.hi - b.lo);
  });

  test('uses z = Φ⁻¹(0.975) and refuses n ≤ 0 or a share outside [0, 1]', () => {
    expect(Z95).toBeCloseTo(1.96, 2);
    expect(() => wilsonInterval(0.5, 0)).toThrow(RangeError);
    expect(() => wilsonInterval(1.2, 10)).toThrow(RangeError);
  });
});
