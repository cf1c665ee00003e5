import { describe, expect, test } from 'vitest';
import { seededRandom, xoshiro128ss } from '../../../shared/indices';

describe('seeded generator (xoshiro128**)', () => {
  test('reproduces the reference C implementation from state {1, 2, 3, 4}', () => {
    // Output 1 from s1 = 2: rotl(2·5, 7)·9 = 1280·9 = 11520; the state becomes {7, 0, 1026, 12288}.
    // Output 2 from s1 = 0: 0; the state becomes {12295, 1029, 1029, 25165824}.
    // Output 3 from s1 = 1029: rotl(5145, 7)·9 = 658560·9 = 5927040.
    const r = xoshiro128ss([1, 2, 3, 4]);
    expect([r.nextUint32(), r.nextUint32(), r.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  test('the same seed gives the same stream; another seed another stream', () => {
    const take = (seed: number) => {
      const r = seededRandom(seed);
      return Array.from({ length: 8 }, () => r.nextUint32());
    };
    expect(take(42)).toEqual(take(42));
    expect(take(42)).not.toEqual(take(43));
    // Pinned: a change to the generator or the seeding would silently change published intervals.
    expect(take(20261201).slice(0, 3)).toMatchInlineSnapshot(`
      [
        3628647969,
        474189937,
        2299865462,
      ]
    `);
  });

  test('below(m) stays in [0, m) and covers it', () => {
    const r = seededRandom(7);
    const values = Array.from({ length: 2000 }, () => r.below(10));
    expect(values.every((v) => v >= 0 && v < 10 && Number.isInteger(v))).toBe(true);
    expect(new Set(values).size).toBe(10);
  });

  test('an all-zero state is refused', () => {
    expect(() => xoshiro128ss([0, 0, 0, 0])).toThrow(RangeError);
  });
});
