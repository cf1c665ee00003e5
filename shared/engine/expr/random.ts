// randomize(): the inside-out Fisher–Yates shuffle the ODK XForms spec names, with Park and
// Miller's "minimal standard" generator (x' = 16807·x mod 2³¹−1) when a seed is given, so a
// seeded order is the same here as in Collect and Enketo.

const MODULUS = 2147483647;
const MULTIPLIER = 16807;

/** A seeded generator of numbers in [0, 1), as ODK seeds it (a seed ≤ 0 is moved into range). */
export function parkMiller(seed: number): () => number {
  let state = Math.trunc(seed) % MODULUS;
  if (state <= 0) state += MODULUS - 1;
  return () => {
    // 16807 · (2³¹−1) < 2⁵³: exact in a double.
    state = (state * MULTIPLIER) % MODULUS;
    return (state - 1) / (MODULUS - 1);
  };
}

export function shuffle<T>(items: readonly T[], next: () => number): T[] {
  const out: T[] = [];
  for (let i = 0; i < items.length; i++) {
    const j = Math.floor(next() * (i + 1));
    if (j !== i) out[i] = out[j] as T;
    out[j] = items[i] as T;
  }
  return out;
}
