import { describe, expect, it } from 'vitest';
import { parseFrameSample, percentile, ratioOf, summarise } from './ui-stats';

describe('ui bench helpers', () => {
  it('nearest-rank percentiles', () => {
    const s = Array.from({ length: 100 }, (_, k) => k + 1);
    expect(percentile(s, 50)).toBe(50);
    expect(percentile(s, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarises unsorted samples with their count', () => {
    expect(summarise('keys', [3, 1, 2, 100])).toEqual({ label: 'keys (n=4)', median: 2, p99: 100, unit: 'ms' });
  });

  it('accepts a well-formed page sample and refuses broken ones by name', () => {
    expect(parseFrameSample({ dom: 1.5, paint: 9 }, 'HIDS key 3')).toEqual({ dom: 1.5, paint: 9 });
    expect(() => parseFrameSample(null, 'HIDS key 3')).toThrow(/HIDS key 3: the page returned null/);
    expect(() => parseFrameSample({ dom: '1', paint: 2 }, 'k')).toThrow(/finite numbers/);
    expect(() => parseFrameSample({ dom: 1, paint: Number.POSITIVE_INFINITY }, 'k')).toThrow(/finite/);
    expect(() => parseFrameSample({ dom: 5, paint: 2 }, 'k')).toThrow(/0 ≤ dom ≤ paint/);
    expect(() => parseFrameSample({ dom: -1, paint: 2 }, 'k')).toThrow(/0 ≤ dom ≤ paint/);
  });

  it('ratios of medians, NaN without a usable baseline', () => {
    expect(ratioOf(12, 4)).toBe(3);
    expect(ratioOf(12, 0)).toBeNaN();
    expect(ratioOf(undefined, 3)).toBeNaN();
  });
});
