// shared/engine/answers.ts without a database: the answer check and the stored-answer ↔ runtime
// adapter the main process and the renderer share.
import { describe, expect, it } from 'vitest';
import { checkAnswer, loadAnswers, type StoredAnswer } from '../../../shared/engine/answers';
import { createFormRuntime } from '../../../shared/engine/runtime';
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
