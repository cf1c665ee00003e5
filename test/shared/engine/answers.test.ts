// shared/engine/answers.ts without a database: the answer check and the stored-answer ↔ runtime
// adapter the main process and the renderer share.
import { describe, expect, it } from 'vitest';
import { checkAnswer, loadAnswers, type StoredAnswer } from '../../../shared/engine/answers';
import { createFormRuntime, RuntimeInputError } from '../../../shared/engine/runtime';
import { listQuestions } from '../../../shared/forms/model';
import { seededRandom } from '../../../shared/indices/prng';
import { formOf, SAT5 } from './runtime/formFixture';

const form = formOf(
  [
    { type: 'select_one sat5', name: 'first', label: 'Câu đầu', relevant: "${later} = 'yes'" },
    { type: 'text', name: 'later', label: 'Câu sau' },
    { type: 'select_multiple reason or_other', name: 'reason', label: 'Lý do' },
    { type: 'acknowledge', name: 'ok', label: 'Xác nhận' },
    { type: 'range', name: 'score', label: 'Điểm', parameters: 'start=0 end=10 step=2' },
    { type: 'datetime', name: 'at', label: 'Lúc' },
    { type: 'integer', name: 'n', label: 'Số', missing: '99' },
  ],
  [...SAT5, { list_name: 'reason', name: 'fast', label: 'Nhanh' }, { list_name: 'reason', name: 'cheap', label: 'Rẻ' }],
  { form_id: 'answers', version: '1', missing_codes: '8=not_applicable 9=dont_know 99=refused' },
);

const ok = (path: string, value: StoredAnswer['value'], missing: StoredAnswer['missing'] = null) => checkAnswer(form, { path, value, missing });

describe('checkAnswer', () => {
  it('accepts or_other with its synthesised <name>_other text, acknowledge true, a range step, a date-time', () => {
    expect(ok('reason', ['fast', 'other'])).toHaveProperty('answer');
    expect(ok('reason_other', 'Thân thiện')).toHaveProperty('answer');
    expect(ok('ok', true)).toHaveProperty('answer');
    expect(ok('score', 4)).toHaveProperty('answer');
    expect(ok('at', '2025-07-01T08:30')).toHaveProperty('answer');
  });

  it('refuses acknowledge false, a range off its step or bounds, a malformed date-time', () => {
    expect(ok('ok', false)).toHaveProperty('issue');
    expect(ok('score', 3)).toHaveProperty('issue');
    expect(ok('score', 12)).toHaveProperty('issue');
    expect(ok('at', '2025-07-01 08:30')).toHaveProperty('issue');
  });

  it("a question's own missing code (99 = refused) is recognised as that kind, with or without `missing`", () => {
    expect(ok('n', '99')).toEqual({ answer: { path: 'n', value: '99', missing: 'refused' } });
    expect(ok('n', 99)).toEqual({ answer: { path: 'n', value: 99, missing: 'refused' } });
    expect(ok('n', '99', 'refused')).toEqual({ answer: { path: 'n', value: '99', missing: 'refused' } });
    expect(ok('n', '9', 'dont_know')).toHaveProperty('issue');
  });
});

describe('loadAnswers', () => {
  it('keeps an answer whose relevance depends on a later question (loaded twice, in form order)', () => {
    const rt = createFormRuntime(form);
    const issues = loadAnswers(rt, [
      { path: 'first', value: '4', missing: null },
      { path: 'later', value: 'yes', missing: null },
      { path: 'n', value: '99', missing: 'refused' },
      { path: 'reason', value: ['cheap'], missing: null },
      { path: 'ok', value: true, missing: null },
      { path: 'score', value: null, missing: null },
    ]);
    expect(issues).toEqual([]);
    expect(rt.getValue('first')).toBe('4');
    expect(rt.getStatus('n')).toBe('missing');
    expect(rt.snapshot().missing).toEqual({ n: 'refused' });
    expect(rt.getValue('reason')).toBe('cheap');
    expect(rt.getValue('ok')).toBe('OK');
    expect(rt.getStatus('score')).toBe('unanswered');
  });

  it('reports, instead of throwing, stored answers this form version cannot take (in form order, unknown names last)', () => {
    const rt = createFormRuntime(form);
    expect(loadAnswers(rt, [{ path: 'gone', value: '1', missing: null }, { path: 'n', value: '9', missing: 'dont_know' }]).map((i) => i.path)).toEqual(['n', 'gone']);
  });
});

describe('loadAnswers, second pass', () => {
  /** The plain two passes: every answer set again in the second, as loadAnswers did before it skipped those already held. */
  function setEveryAnswerTwice(rt: ReturnType<typeof createFormRuntime>, answers: StoredAnswer[]): string[] {
    const order = new Map(listQuestions(form).map((q, i) => [q.name, i]));
    const sorted = answers.filter((a) => a.value !== null).sort((a, b) => (order.get(a.path) ?? 1e9) - (order.get(b.path) ?? 1e9) || (a.path < b.path ? -1 : 1));
    let refused: string[] = [];
    for (let pass = 0; pass < 2; pass++) {
      refused = [];
      for (const a of sorted) {
        try {
          if (a.missing) rt.setMissing(a.path, String(a.value));
          else rt.setAnswer(a.path, a.value);
        } catch (err) {
          if (!(err instanceof RuntimeInputError)) throw err;
          refused.push(a.path);
        }
      }
    }
    return refused;
  }

  // Values that fit and values that do not, relevance that holds and relevance that fails, codes and unknown names.
  const CHOICES: [string, StoredAnswer['value'], StoredAnswer['missing']][] = [
    ['first', '4', null], ['first', '1', null], ['first', '9', 'dont_know'], ['later', 'yes', null], ['later', 'no', null],
    ['reason', ['cheap'], null], ['reason', ['fast', 'other'], null], ['reason_other', 'Thân thiện', null], ['ok', true, null],
    ['score', 4, null], ['score', 3, null], ['at', '2026-11-02T09:30', null], ['n', '99', 'refused'], ['n', 12, null],
    ['n', '9', 'dont_know'], ['gone', '1', null], ['score', null, null],
  ];

  it('gives the same record, statuses and refusals as setting every answer twice', () => {
    const rng = seededRandom(2026);
    for (let round = 0; round < 300; round++) {
      const byPath = new Map<string, StoredAnswer>();
      const count = 1 + rng.below(CHOICES.length);
      for (let k = 0; k < count; k++) {
        const [path, value, missing] = CHOICES[rng.below(CHOICES.length)]!;
        byPath.set(path, { path, value, missing });
      }
      const answers = [...byPath.values()];
      const loaded = createFormRuntime(form, { now: () => new Date(Date.UTC(2026, 10, 2, 2)) });
      const reference = createFormRuntime(form, { now: () => new Date(Date.UTC(2026, 10, 2, 2)) });
      const issues = loadAnswers(loaded, answers);
      const refused = setEveryAnswerTwice(reference, answers);
      expect(loaded.snapshot(), JSON.stringify(answers)).toEqual(reference.snapshot());
      expect(issues.map((i) => i.path)).toEqual(refused);
    }
  });
});
