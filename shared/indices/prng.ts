// A small seeded random generator for the bootstrap: xoshiro128** (Blackman & Vigna, 2018) on
// 32-bit integer arithmetic (Math.imul, >>>), so the same seed gives the same stream on every
// platform and JavaScript engine. Seeds are expanded with the murmur3 finaliser on a Weyl sequence.

/** murmur3's 32-bit finaliser: a bijective mix of one 32-bit word. */
export function fmix32(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of a string: a stable 32-bit hash of a group key. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export interface Random {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform integer in [0, m), m ≤ 2³². */
  below(m: number): number;
}

/** xoshiro128** from an explicit 128-bit state (not all zero); exported for the reference test vector. */
export function xoshiro128ss(state: readonly [number, number, number, number]): Random {
  let [s0, s1, s2, s3] = state.map((x) => x | 0) as [number, number, number, number];
  if ((s0 | s1 | s2 | s3) === 0) throw new RangeError('xoshiro128** state must not be all zero');
  const nextUint32 = (): number => {
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = (s3 << 11) | (s3 >>> 21);
    return result;
  };
  // Multiply-shift (Lemire without the rejection step): the bias is below m / 2³², negligible for
  // the group sizes of a survey, and the arithmetic is exact in doubles, hence portable.
  const below = (m: number): number => Math.floor((nextUint32() * m) / 4294967296);
  return { nextUint32, below };
}

/** A generator for one seed; the four state words come from the murmur3 finaliser on a Weyl sequence. */
export function seededRandom(seed: number): Random {
  let weyl = seed >>> 0;
  const word = (): number => {
    weyl = (weyl + 0x9e3779b9) >>> 0;
    return fmix32(weyl);
  };
  const state: [number, number, number, number] = [word(), word(), word(), word()];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[0] = 1;
  return xoshiro128ss(state);
}
