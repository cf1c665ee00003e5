// Properties of the index computation on random samples: every index and bound in [0, 1],
// every interval containing its estimate, and no result depending on the order of respondents.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { computeIndices, groupReport, type GroupIndices, type IndexAnswer, type IndexRespondent } from '../../../shared/indices';
import { SETTINGS } from './fixtures';

const answer: fc.Arbitrary<IndexAnswer> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10 }).map((c) => ({ code: c })) },
  { weight: 1, arbitrary: fc.constantFrom<IndexAnswer>({ missing: 'dont_know' }, { missing: 'refused' }, { missing: 'not_applicable' }, 'skipped', 'unanswered') },
);
const respondentsArb: fc.Arbitrary<IndexRespondent[]> = fc
  .array(
    fc.record({
      unitCode: fc.constantFrom('U1', 'U2', 'U3'),
      weight: fc.option(fc.double({ min: 0.1, max: 10, noNaN: true }), { nil: undefined }),
      answers: fc.record({ A1: answer, A2: answer, B1: answer, B2: answer, C1: answer }, { requiredKeys: [] }),
    }),
    { maxLength: 40 },
  )
  .map((rs) => rs.map((r, k) => ({ id: `r${k}`, ...r })));

function everyEstimate(g: GroupIndices): { value: number; ci: { lo: number; hi: number } | null }[] {
  const out: { value: number; ci: { lo: number; hi: number } | null }[] = [];
  if (g.index !== null) out.push({ value: g.index, ci: g.ci });
  for (const c of g.components) {
    out.push({ value: c.index, ci: c.ci });
    for (const it of c.items) if (it.index !== null) out.push({ value: it.index, ci: it.ci });
  }
  return out;
}

describe('index properties (fast-check)', () => {
  test('indices and bounds lie in [0, 1] and every interval contains its estimate', () => {
    fc.assert(
      fc.property(respondentsArb, (rs) => {
        const { overall, groups } = computeIndices(rs, SETTINGS, { by: (r) => r.unitCode });
        for (const g of [overall, ...groups]) {
          for (const { value, ci } of everyEstimate(g)) {
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(1);
            expect(ci).not.toBeNull();
            expect(ci!.lo).toBeGreaterThanOrEqual(0);
            expect(ci!.hi).toBeLessThanOrEqual(1);
            expect(ci!.lo).toBeLessThanOrEqual(value);
            expect(ci!.hi).toBeGreaterThanOrEqual(value);
          }
          // The rounded report keeps the containment (rounding is monotone).
          const rep = groupReport(g);
          if (rep.index !== null) expect(rep.ci![0] <= rep.index && rep.index <= rep.ci![1]).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test('permuting the respondents changes nothing, to the last bit', () => {
    fc.assert(
      fc.property(respondentsArb.chain((rs) => fc.tuple(fc.constant(rs), fc.shuffledSubarray(rs, { minLength: rs.length, maxLength: rs.length }))), ([rs, shuffled]) => {
        const opts = { by: (r: IndexRespondent) => r.unitCode };
        expect(computeIndices(shuffled, SETTINGS, opts)).toEqual(computeIndices(rs, SETTINGS, opts));
        const boot = { ...opts, interval: { method: 'bootstrap' as const, replicates: 50 } };
        expect(computeIndices(shuffled, SETTINGS, boot)).toEqual(computeIndices(rs, SETTINGS, boot));
      }),
      { numRuns: 100 },
    );
  });

  test('answers that are not valid codes never move an index', () => {
    const noise = fc.constantFrom<IndexAnswer>({ missing: 'dont_know' }, { missing: 'refused' }, { missing: 'not_applicable' }, 'skipped', 'unanswered', { code: 9 }, { code: 0 });
    fc.assert(
      fc.property(respondentsArb, fc.array(fc.record({ A1: noise, A2: noise, B1: noise, B2: noise, C1: noise }), { maxLength: 10 }), (rs, extra) => {
        const padded = [...rs, ...extra.map((answers, k) => ({ id: `x${k}`, unitCode: 'U1', answers }))];
        const a = computeIndices(rs, SETTINGS).overall;
        const b = computeIndices(padded, SETTINGS).overall;
        expect({ ...b, respondents: a.respondents }).toEqual(a);
      }),
      { numRuns: 100 },
    );
  });
});
