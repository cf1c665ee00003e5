// One answer-path grammar for the contract, the runtime and the store: every path the runtime
// produces (built-in instruments, repeats, nested repeats) is one the contract accepts, and what
// the grammar refuses the runtime refuses too.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileBuiltinInstruments } from '../../../../electron/instruments/compileBuiltin';
import { AnswerPathSchema, ANSWER_PATH_PATTERN } from '../../../../shared/contract';
import { checkAnswer, loadAnswers } from '../../../../shared/engine/answers';
import { createFormRuntime, type FormRuntime, RuntimeInputError } from '../../../../shared/engine/runtime';
import { listQuestions, type FormModel } from '../../../../shared/forms';
import { formOf, SAT5 } from './formFixture';

const nested = formOf(
  [
    { type: 'integer', name: 'tuổi', label: 'Tuổi' },
    { type: 'begin repeat', name: 'hộ', label: 'Hộ' },
    { type: 'text', name: 'tên_chủ_hộ', label: 'Chủ hộ' },
    { type: 'begin group', name: 'g', label: 'Nhóm', appearance: 'field-list' },
    { type: 'begin repeat', name: 'members', label: 'Thành viên' },
    { type: 'integer', name: 'age', label: 'Tuổi' },
    { type: 'select_one sat5', name: 'sat', label: 'Hài lòng' },
    { type: 'end repeat', name: '' },
    { type: 'end group', name: '' },
    { type: 'end repeat', name: '' },
    { type: 'begin repeat', name: 'roster', label: 'Danh sách', repeat_count: '${tuổi}' },
    { type: 'text', name: 'x', label: 'x' },
    { type: 'end repeat', name: '' },
  ],
  SAT5,
  { form_id: 'nested', version: '1', missing_codes: '8=not_applicable 9=dont_know' },
);

function allRelevantPaths(rt: FormRuntime): string[] {
  return rt.snapshot().relevant;
}

describe('one answer-path grammar', () => {
  let builtins: FormModel[];
  beforeAll(async () => {
    builtins = (await compileBuiltinInstruments(join(__dirname, '../../../../shared/instruments'))).instruments.map((i) => i.model);
  });

  it('every path the runtime produces for the built-in instruments parses with ANSWER_PATH_PATTERN', () => {
    for (const form of builtins) {
      const rt = createFormRuntime(form);
      // Past a consent screen, when the instrument has one, the questionnaire opens up.
      if (listQuestions(form).some((q) => q.name === 'consent')) rt.setAnswer('consent', '1');
      const paths = allRelevantPaths(rt);
      expect(paths.length).toBeGreaterThan(5);
      for (const p of paths) expect(p, p).toMatch(ANSWER_PATH_PATTERN);
    }
  });

  it('…and for repeats, nested repeats and Vietnamese names, and each path reads back through the runtime', () => {
    const rt = createFormRuntime(nested);
    rt.setAnswer('tuổi', 2);
    rt.addRepeatInstance('hộ');
    rt.addRepeatInstance('hộ');
    rt.addRepeatInstance('hộ[2]/members');
    rt.addRepeatInstance('hộ[2]/members');
    rt.setAnswer('hộ[2]/members[2]/age', 7);
    const paths = allRelevantPaths(rt);
    expect(paths).toEqual(expect.arrayContaining(['tuổi', 'hộ[1]/tên_chủ_hộ', 'hộ[2]/members[2]/age', 'hộ[2]/members[1]/sat', 'roster[2]/x']));
    for (const p of paths) {
      expect(p, p).toMatch(ANSWER_PATH_PATTERN);
      expect(AnswerPathSchema.safeParse(p).success, p).toBe(true);
      expect(() => rt.getValue(p)).not.toThrow();
    }
  });

  it('a Vietnamese name is accepted by the contract, the answer check and the runtime', () => {
    expect(AnswerPathSchema.safeParse('tuổi').success).toBe(true);
    expect(AnswerPathSchema.safeParse('hộ[1]/tên_chủ_hộ').success).toBe(true);
    expect(checkAnswer(nested, { path: 'tuổi', value: 3, missing: null })).toEqual({ answer: { path: 'tuổi', value: 3, missing: null } });
    const rt = createFormRuntime(nested);
    expect(loadAnswers(rt, [{ path: 'tuổi', value: 3, missing: null }, { path: 'hộ[2]/members[3]/sat', value: '9', missing: 'dont_know' }])).toEqual([]);
    expect(rt.getValue('tuổi')).toBe('3');
    expect(rt.repeatInstanceCount('hộ')).toBe(2);
    expect(rt.getStatus('hộ[2]/members[3]/sat')).toBe('missing');
  });

  it.each(['a b', 'roster[0]/x', 'roster[2]', '/tuổi', '1abc', 'roster[1]x', 'roster[10000]/x', 'g/members[1]/age', ''])(
    'what the grammar refuses the runtime refuses too: %j',
    (p) => {
      expect(ANSWER_PATH_PATTERN.test(p)).toBe(false);
      const rt = createFormRuntime(nested);
      rt.setAnswer('tuổi', 1);
      // '/tuổi' is the one spelling the runtime also reads (an absolute XPath-like name); the contract does not.
      if (p === '/tuổi') return;
      expect(() => rt.setAnswer(p, '1')).toThrow(RuntimeInputError);
      expect('issue' in checkAnswer(nested, { path: p, value: '1', missing: null })).toBe(true);
    },
  );
});
