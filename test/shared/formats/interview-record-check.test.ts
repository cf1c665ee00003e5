// The import's quick record check against InterviewRecordSchema: it may only say yes to a record
// the schema accepts unchanged, and it must say yes to ordinary records (else the shortcut is
// never taken). Records are mutated field by field with values around each rule's edge.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InterviewRecordSchema, type InterviewRecord } from '../../../shared/formats/batch';
import { isPlainInterviewRecord } from '../../../shared/formats/interview-record-check';
import { RECORD_IDS, sampleRecord } from '../../electron/sync/samples';

const base = (): InterviewRecord => sampleRecord(RECORD_IDS[0], 2);
const viaJson = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/** Values near the edges of the record's rules (and a few from the wrong type). */
const odd = fc.constantFrom<unknown>(
  undefined, null, '', 'x', 'a'.repeat(16), 'a'.repeat(17), 'a'.repeat(32), 'a'.repeat(33), 'a'.repeat(40), 'a'.repeat(41), 'a'.repeat(64), 'a'.repeat(65),
  'x'.repeat(256), 'x'.repeat(257), 'x'.repeat(10_000), 'x'.repeat(10_001), `data:image/jpeg;name=a.jpg;base64,${'A'.repeat(10_010)}`,
  0, -0, 1, -1, 1.5, 2 ** 53, NaN, Infinity, -Infinity, true, false, [], {}, ['4', '5'], [4], Array.from({ length: 501 }, () => 'a'),
  '5F0C2A1E-3B4D-4E6F-8A9B-0C1D2E3F4A5B', '5f0c2a1e-3b4d-0e6f-8a9b-0c1d2e3f4a5b', '5f0c2a1e-3b4d-4e6f-7a9b-0c1d2e3f4a5b', '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff', 'hids 2026', 'hids-2026', 'a.b:c_d', 'completed', 'Completed', '_x', 'a'.repeat(41).toLowerCase(),
  'q1', 'roster[2]/age', 'roster[0]/age', 'tuổi', '1abc', 'a/b', '/q1', 'dont_know', 'refused', 'not_applicable', 'skipped', 'shown',
  { from: null, to: 4 }, { nested: { deeper: [1, 'a', { x: true }] } }, [1, [2, [3]]], JSON.parse('{"__proto__":1}'), { a: NaN }, new Date(0),
);

type Mutation = (r: Record<string, unknown>) => void;
/** The record's answers or paradata as objects (an earlier mutation may have replaced the list). */
const listOf = (r: Record<string, unknown>, key: 'answers' | 'paradata'): Record<string, unknown>[] => {
  const v = r[key];
  return Array.isArray(v) ? v.map((x) => (x !== null && typeof x === 'object' ? x : {})) : [];
};
const recordKeys = Object.keys(base());
const answerKeys = ['path', 'value', 'missing', 'savedAt'];
const paradataKeys = ['at', 'event', 'path', 'detail'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.constantFrom(...recordKeys), odd).map(([k, v]): Mutation => (r) => void (r[k] = v)),
  fc.constantFrom(...recordKeys).map((k): Mutation => (r) => void delete r[k]),
  fc.tuple(fc.constantFrom('extra', 'gps', '__proto__'), odd).map(([k, v]): Mutation => (r) => void Object.defineProperty(r, k, { value: v, enumerable: true, writable: true, configurable: true })),
  fc.tuple(fc.nat({ max: 2 }), fc.constantFrom(...answerKeys), odd).map(([i, k, v]): Mutation => (r) => {
    const answers = listOf(r, 'answers');
    if (answers[i]) answers[i]![k] = v;
  }),
  fc.tuple(fc.nat({ max: 2 }), fc.constantFrom(...answerKeys, 'extra')).map(([i, k]): Mutation => (r) => {
    const answers = listOf(r, 'answers');
    if (!answers[i]) return;
    if (k === 'extra') answers[i]![k] = 1;
    else delete answers[i]![k];
  }),
  fc.tuple(fc.nat({ max: 1 }), fc.constantFrom(...paradataKeys), odd).map(([i, k, v]): Mutation => (r) => {
    const paradata = listOf(r, 'paradata');
    if (paradata[i]) paradata[i]![k] = v;
  }),
  fc.tuple(fc.nat({ max: 1 }), fc.constantFrom(...paradataKeys, 'extra')).map(([i, k]): Mutation => (r) => {
    const paradata = listOf(r, 'paradata');
    if (!paradata[i]) return;
    if (k === 'extra') paradata[i]![k] = null;
    else delete paradata[i]![k];
  }),
  odd.map((v): Mutation => (r) => void (Array.isArray(r.answers) && r.answers.push(v))),
  odd.map((v): Mutation => (r) => void (Array.isArray(r.paradata) && r.paradata.push(v))),
  fc.jsonValue({ maxDepth: 20 }).map((v): Mutation => (r) => {
    const first = listOf(r, 'paradata')[0];
    if (first) first.detail = v;
  }),
);

describe('isPlainInterviewRecord (the import\'s quick check)', () => {
  it('takes ordinary records, as written and as JSON.parse gives them back', () => {
    for (const r of [base(), sampleRecord(RECORD_IDS[1], 0, 'refused'), { ...base(), answers: [], paradata: [], completedAt: null, approvedAt: null }]) {
      expect(InterviewRecordSchema.safeParse(r).success).toBe(true);
      expect(isPlainInterviewRecord(r)).toBe(true);
      expect(isPlainInterviewRecord(viaJson(r))).toBe(true);
    }
    const choices = { ...base(), answers: [{ path: 'roster[2]/tuổi', value: ['1', '3'], missing: null, savedAt: '2026-11-30T09:01:00.000Z' }] };
    expect(isPlainInterviewRecord(choices)).toBe(true);
  });

  it('never says yes where the schema says no or would change the record, over mutated records', () => {
    let quick = 0;
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), (mutations, throughJson) => {
        const r = base() as unknown as Record<string, unknown>;
        for (const m of mutations) m(r);
        // JSON.parse is what the import hands over; also try the objects as built.
        let candidate: unknown = r;
        if (throughJson) {
          try {
            candidate = viaJson(r);
          } catch {
            return;
          }
        }
        if (!isPlainInterviewRecord(candidate)) return;
        quick++;
        const parsed = InterviewRecordSchema.safeParse(candidate);
        expect(parsed.success).toBe(true);
        expect(parsed.data).toStrictEqual(candidate);
      }),
      { numRuns: 4000 },
    );
    // Many mutations keep the record valid (a choice list for a text, another valid code): the
    // comparison above has really been made.
    expect(quick).toBeGreaterThan(200);
  });

  it('says no (the schema then names the problem) to each broken rule', () => {
    const broken: [string, (r: Record<string, unknown>) => void][] = [
      ['id not a uuid', (r) => void (r.id = 'nope')],
      ['uuid with a bad variant', (r) => void (r.deviceId = '5f0c2a1e-3b4d-4e6f-7a9b-0c1d2e3f4a5b')],
      ['negative revision', (r) => void (r.revision = -1)],
      ['fractional revision', (r) => void (r.revision = 1.5)],
      ['slug with a space', (r) => void (r.surveyId = 'hids 2026')],
      ['empty surveyor', (r) => void (r.surveyorCode = '')],
      ['unit code too long', (r) => void (r.unitCode = '12345678901234567')],
      ['outcome with a capital', (r) => void (r.outcome = 'Completed')],
      ['time too long', (r) => void (r.createdAt = 'x'.repeat(41))],
      ['extra field', (r) => void (r.gps = [10.7, 106.6])],
      ['missing field', (r) => void delete r.approvedAt],
      ['answer path not a path', (r) => void ((r.answers as Record<string, unknown>[])[0]!.path = 'a b')],
      ['answer value an object', (r) => void ((r.answers as Record<string, unknown>[])[0]!.value = { a: 1 })],
      ['answer value not finite', (r) => void ((r.answers as Record<string, unknown>[])[0]!.value = Infinity)],
      ['unknown missing code', (r) => void ((r.answers as Record<string, unknown>[])[0]!.missing = 'skipped')],
      ['answer without its value', (r) => void delete (r.answers as Record<string, unknown>[])[0]!.value],
      ['paradata event with a dash', (r) => void ((r.paradata as Record<string, unknown>[])[0]!.event = 'page-shown')],
      ['paradata detail not finite', (r) => void ((r.paradata as Record<string, unknown>[])[1]!.detail = { to: NaN })],
      ['too many answers', (r) => void (r.answers = Array.from({ length: 20_001 }, (_, i) => ({ path: `q${i}`, value: 1, missing: null, savedAt: 't' })))],
    ];
    for (const [name, breakIt] of broken) {
      const r = base() as unknown as Record<string, unknown>;
      breakIt(r);
      expect(isPlainInterviewRecord(r), name).toBe(false);
      expect(InterviewRecordSchema.safeParse(r).success, name).toBe(false);
    }
  });
});
