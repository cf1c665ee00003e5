// The quality flags on crafted interviews: each fires past its threshold and stays quiet at it.
import { describe, expect, it } from 'vitest';
import {
  CLOCK_TOLERANCE_SECONDS,
  computeFlags,
  DONT_KNOW_MIN_ANSWERED,
  type FlagInput,
  interviewDurationSeconds,
  medianSeconds,
  MIN_MEDIAN_SAMPLE,
  STRAIGHT_LINE_MIN_ITEMS,
} from '../../../shared/review/flags';

const T0 = Date.parse('2025-07-01T08:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

const INDEX = {
  validCodes: [1, 2, 3, 4, 5],
  components: [
    { id: 'ACC', labels: { vi: 'Tiếp cận' }, weight: 1, items: ['ACC1', 'ACC2', 'ACC3'].map((question) => ({ question, weight: 1 })) },
    { id: 'PRO', labels: { vi: 'Thủ tục' }, weight: 1, items: ['PRO1', 'PRO2', 'PRO3'].map((question) => ({ question, weight: 1 })) },
  ],
};

function input(over: Partial<FlagInput> = {}): FlagInput {
  return {
    outcome: 'completed',
    createdAt: at(0),
    completedAt: at(600),
    answers: [],
    paradata: [
      { at: at(0), event: 'created' },
      { at: at(600), event: 'completed' },
    ],
    index: INDEX,
    surveyMedianSeconds: 900,
    formInstalledAt: at(-86_400),
    now: at(3600),
    ...over,
  };
}

const codes = (i: FlagInput) => computeFlags(i).map((f) => f.code);

describe('duration', () => {
  it('adds up working sessions (created/reopened → completed/closed), not the time a rejected interview waited', () => {
    const paradata = [
      { at: at(0), event: 'created' },
      { at: at(300), event: 'answered' },
      { at: at(600), event: 'completed' },
      { at: at(86_400), event: 'reopened' },
      { at: at(86_520), event: 'completed' },
    ];
    expect(interviewDurationSeconds({ createdAt: at(0), completedAt: at(86_520), paradata })).toBe(720);
  });

  it('falls back to created → completed without session paradata, and is null while unfinished', () => {
    expect(interviewDurationSeconds({ createdAt: at(0), completedAt: at(90), paradata: [] })).toBe(90);
    expect(interviewDurationSeconds({ createdAt: at(0), completedAt: null, paradata: [] })).toBeNull();
  });

  it('has a median only over enough interviews', () => {
    expect(medianSeconds(Array(MIN_MEDIAN_SAMPLE - 1).fill(60))).toBeNull();
    expect(medianSeconds([10, 30, 20, 40, 50])).toBe(30);
    expect(medianSeconds([10, 30, 20, 40, 50, 60])).toBe(35);
  });
});

describe('too_short', () => {
  it('fires under a third of the median and not at exactly a third', () => {
    const short = input({ completedAt: at(299), paradata: [{ at: at(0), event: 'created' }, { at: at(299), event: 'completed' }] });
    expect(codes(short)).toEqual(['too_short']);
    expect(computeFlags(short)[0]).toMatchObject({ vi: expect.stringContaining('trung vị'), en: expect.stringContaining('median') });
    const third = input({ completedAt: at(300), paradata: [{ at: at(0), event: 'created' }, { at: at(300), event: 'completed' }] });
    expect(codes(third)).toEqual([]);
  });

  it('is silent without a trusted median and for outcomes other than completed', () => {
    const short = { completedAt: at(10), paradata: [{ at: at(0), event: 'created' }, { at: at(10), event: 'completed' }] };
    expect(codes(input({ ...short, surveyMedianSeconds: null }))).toEqual([]);
    expect(codes(input({ ...short, outcome: 'refused' }))).toEqual([]);
  });
});

describe('straight_lining', () => {
  const grid = (values: string[]) => values.map((value, k) => ({ path: ['ACC1', 'ACC2', 'ACC3', 'PRO1', 'PRO2', 'PRO3'][k] as string, value, missing: null }));

  it(`fires on ${STRAIGHT_LINE_MIN_ITEMS} satisfaction items all equal, across components`, () => {
    expect(codes(input({ answers: grid(['4', '4', '4', '4', '4']) }))).toEqual(['straight_lining']);
    expect(computeFlags(input({ answers: grid(['4', '4', '4', '4', '4', '4']) }))[0]?.en).toBe('Straight-lining: all 6 satisfaction items answered 4');
  });

  it('is silent with one item different, with too few items, and ignores missing codes and other questions', () => {
    expect(codes(input({ answers: grid(['4', '4', '4', '4', '5']) }))).toEqual([]);
    expect(codes(input({ answers: grid(['4', '4', '4', '4']) }))).toEqual([]);
    const withMissing = [...grid(['4', '4', '4', '4']), { path: 'PRO2', value: '9', missing: 'dont_know' }, { path: 'OTHER', value: '4', missing: null }];
    expect(codes(input({ answers: withMissing }))).toEqual([]);
  });

  it('compares numbers and code strings alike', () => {
    expect(codes(input({ answers: grid(['3', '3', '3', '3', '3']).map((a) => ({ ...a, value: 3 })) }))).toEqual(['straight_lining']);
  });
});

describe('dont_know_share', () => {
  const answers = (dk: number, other: number) => [
    ...Array.from({ length: dk }, (_, k) => ({ path: `Q${k}`, value: '9', missing: 'dont_know' })),
    ...Array.from({ length: other }, (_, k) => ({ path: `R${k}`, value: '2', missing: null })),
  ];

  it('fires at 30% of answered questions and not just under it', () => {
    expect(codes(input({ answers: answers(3, 7) }))).toEqual(['dont_know_share']);
    expect(computeFlags(input({ answers: answers(3, 7) }))[0]?.vi).toBe('Nhiều "không biết": 3/10 câu (30%)');
    expect(codes(input({ answers: answers(2, 5) }))).toEqual([]); // 28.6%
  });

  it('needs enough answers and counts only dont_know (not refused), ignoring cleared answers', () => {
    expect(codes(input({ answers: answers(DONT_KNOW_MIN_ANSWERED - 1, 0) }))).toEqual([]);
    const refused = Array.from({ length: 10 }, (_, k) => ({ path: `Q${k}`, value: '8', missing: 'refused' }));
    expect(codes(input({ answers: refused }))).toEqual([]);
    const cleared = [...answers(2, 3), ...Array.from({ length: 5 }, (_, k) => ({ path: `C${k}`, value: null, missing: null }))];
    expect(codes(input({ answers: cleared }))).toEqual(['dont_know_share']);
  });
});

describe('implausible clock', () => {
  const tol = CLOCK_TOLERANCE_SECONDS;

  it('clock_future: a time later than now beyond the tolerance', () => {
    expect(codes(input({ now: at(600 - tol - 1) }))).toEqual(['clock_future']);
    expect(codes(input({ now: at(600 - tol) }))).toEqual([]);
    const client = input({ paradata: [{ at: at(0), event: 'created' }, { at: at(10), event: 'shown', clientAt: at(99_999) }, { at: at(600), event: 'completed' }] });
    expect(codes(client)).toContain('clock_future');
  });

  it('clock_before_install: started before its form version was installed', () => {
    expect(codes(input({ formInstalledAt: at(tol + 1) }))).toEqual(['clock_before_install']);
    expect(codes(input({ formInstalledAt: at(tol) }))).toEqual([]);
    expect(codes(input({ formInstalledAt: null }))).toEqual([]);
  });

  it('clock_backwards: paradata (main or renderer times) going back beyond the tolerance', () => {
    const back = (seconds: number) => [
      { at: at(0), event: 'created' },
      { at: at(500), event: 'answered' },
      { at: at(500 - seconds), event: 'answered' },
      { at: at(600), event: 'completed' },
    ];
    expect(codes(input({ paradata: back(tol + 1) }))).toEqual(['clock_backwards']);
    expect(codes(input({ paradata: back(tol) }))).toEqual([]);
    const client = [
      { at: at(0), event: 'created' },
      { at: at(10), event: 'shown', clientAt: at(1000) },
      { at: at(20), event: 'shown', clientAt: at(1000 - tol - 1) },
      { at: at(600), event: 'completed' },
    ];
    expect(codes(input({ paradata: client }))).toEqual(['clock_backwards']);
  });

  it('an ordinary interview raises no flag at all', () => {
    expect(computeFlags(input())).toEqual([]);
  });
});
