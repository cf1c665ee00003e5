import { describe, expect, it } from 'vitest';
import { createFormRuntime, RuntimeInputError } from '../../../../shared/engine/runtime';
import { formOf } from './formFixture';

const errorsOf = (rt: ReturnType<typeof createFormRuntime>) => rt.snapshot().errors.map((e) => [e.path, e.kind]);

describe('required', () => {
  const form = formOf([
    { type: 'text', name: 'name', label: 'Tên', required: 'yes', 'required_message::Tiếng Việt (vi)': 'Cần ghi tên', 'required_message::English (en)': 'Name needed' },
    { type: 'integer', name: 'kids', label: 'Số con' },
    { type: 'text', name: 'school', label: 'Trường', required: '${kids} > 0' },
    { type: 'text', name: 'opt', label: 'Tùy chọn' },
  ]);

  it('an empty required question is an error with its required_message in the runtime language', () => {
    const vi = createFormRuntime(form).snapshot();
    expect(vi.errors).toEqual([{ name: 'name', path: 'name', kind: 'required', message: 'Cần ghi tên' }]);
    expect(vi.complete).toBe(false);
    const en = createFormRuntime(form, { language: 'en' }).snapshot();
    expect(en.errors[0]?.message).toBe('Name needed');
  });

  it('required as an expression follows the answers it reads', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('name', 'An');
    expect(errorsOf(rt)).toEqual([]);
    rt.setAnswer('kids', 2);
    expect(errorsOf(rt)).toEqual([['school', 'required']]);
    expect(rt.snapshot().errors[0]?.message).toBe('Câu hỏi này bắt buộc phải trả lời.');
    rt.setAnswer('school', 'Lê Quý Đôn');
    expect(rt.snapshot().complete).toBe(true);
  });
});

describe('constraints', () => {
  const form = formOf([
    { type: 'integer', name: 'age', label: 'Tuổi', constraint: '. >= 18 and . <= 99', constraint_message: 'Tuổi từ 18 đến 99' },
    { type: 'integer', name: 'years', label: 'Số năm ở', constraint: '. <= ${age}' },
  ]);

  it('the constraint reads the question itself as "." and reports constraint_message', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('age', 12);
    expect(rt.snapshot().errors).toEqual([{ name: 'age', path: 'age', kind: 'constraint', message: 'Tuổi từ 18 đến 99' }]);
    rt.setAnswer('age', 40);
    expect(rt.snapshot().errors).toEqual([]);
  });

  it('an empty answer is not checked against the constraint', () => {
    expect(createFormRuntime(form).snapshot().errors).toEqual([]);
  });

  it('a constraint reading another answer is re-checked when that answer changes, with a default message', () => {
    const rt = createFormRuntime(form, { language: 'en' });
    rt.setAnswer('age', 40);
    rt.setAnswer('years', 30);
    expect(errorsOf(rt)).toEqual([]);
    rt.setAnswer('age', 25);
    expect(rt.snapshot().errors).toEqual([{ name: 'years', path: 'years', kind: 'constraint', message: 'The answer is not valid.' }]);
  });
});

describe('type checks', () => {
  const form = formOf(
    [
      { type: 'integer', name: 'i', label: 'i' },
      { type: 'decimal', name: 'd', label: 'd' },
      { type: 'date', name: 'dt', label: 'dt' },
      { type: 'time', name: 't', label: 't' },
      { type: 'datetime', name: 'dtt', label: 'dtt' },
      { type: 'select_one yn', name: 's1', label: 's1' },
      { type: 'select_multiple yn', name: 'sm', label: 'sm' },
      { type: 'range', name: 'r', label: 'r', parameters: 'start=1 end=10 step=0.5' },
      { type: 'acknowledge', name: 'ack', label: 'ack' },
      { type: 'text', name: 'txt', label: 'txt' },
    ],
    [
      { list_name: 'yn', name: 'yes', label: 'Có' },
      { list_name: 'yn', name: 'no', label: 'Không' },
    ],
  );

  const cases: [string, unknown, unknown][] = [
    ['i', 12, '12.5'],
    ['i', '-3', 'abc'],
    ['d', 2.75, '2,75'],
    ['dt', '2024-02-29', '2023-02-29'],
    ['dt', '2025-12-31', '31/12/2025'],
    ['t', '09:30', '25:00'],
    ['t', '23:59:59', '9:30'],
    ['dtt', '2025-07-01T08:15:00', '2025-07-01 08:15'],
    ['s1', 'yes', 'maybe'],
    ['sm', ['yes', 'no'], ['yes', 'maybe']],
    ['sm', 'no', 'no no'],
    ['r', 2.5, 2.25],
    ['r', 10, 11],
    ['ack', 'OK', 'yes'],
  ];
  for (const [name, good, bad] of cases) {
    it(`${name}: ${JSON.stringify(good)} is accepted, ${JSON.stringify(bad)} is a type error`, () => {
      const rt = createFormRuntime(form);
      rt.setAnswer(name, good as never);
      expect(rt.snapshot().errors).toEqual([]);
      rt.setAnswer(name, bad as never);
      expect(rt.snapshot().errors.map((e) => [e.path, e.kind])).toEqual([[name, 'type']]);
    });
  }

  it('free text takes anything', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('txt', '  any thing 123 ');
    expect(rt.getValue('txt')).toBe('  any thing 123 ');
    expect(rt.snapshot().errors).toEqual([]);
  });

  it('type error messages are in the runtime language', () => {
    const rt = createFormRuntime(form, { language: 'en' });
    rt.setAnswer('i', 'x');
    expect(rt.snapshot().errors[0]?.message).toBe('Enter a whole number (at most 2147483647).');
    const vi = createFormRuntime(form);
    vi.setAnswer('i', 'x');
    expect(vi.snapshot().errors[0]?.message).toBe('Cần nhập một số nguyên (tối đa 2147483647).');
  });

  it('values are typed in the snapshot: numbers, lists of choices, strings', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('i', '7');
    rt.setAnswer('d', '1.5');
    rt.setAnswer('sm', 'yes no');
    rt.setAnswer('s1', 'no');
    expect(rt.snapshot().values).toEqual({ i: 7, d: 1.5, sm: ['yes', 'no'], s1: 'no' });
  });

  it('a path that names no question is refused', () => {
    const rt = createFormRuntime(form);
    expect(() => rt.setAnswer('nope', 1)).toThrow(RuntimeInputError);
    expect(() => rt.setAnswer('i[1]/x', 1)).toThrow(RuntimeInputError);
  });
});
