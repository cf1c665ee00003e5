// The Wilson (1927) score interval for a proportion, on a possibly fractional sample size (the
// Kish effective n of weighted data, or the Korn–Graubard effective n of a linearised variance).

/** Standard normal quantile for a two-sided 95% interval, Φ⁻¹(0.975). */
export const Z95 = 1.959963984540054;

/**
 * Wilson interval for an estimated share `p` (0–1) on `n` (> 0) observations:
 * (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n). It always contains p; the bounds are
 * clamped so rounding error can never put p outside them or the bounds outside [0, 1].
 */
export function wilsonInterval(p: number, n: number, z: number = Z95): { lo: number; hi: number } {
  if (!(n > 0) || !(p >= 0 && p <= 1)) throw new RangeError(`wilsonInterval needs 0 ≤ p ≤ 1 and n > 0 (p=${p}, n=${n})`);
  const z2n = (z * z) / n;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return { lo: Math.max(0, Math.min(p, centre - half)), hi: Math.min(1, Math.max(p, centre + half)) };
}
