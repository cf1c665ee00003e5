import { describe, expect, it } from 'vitest';
import { createFormRuntime } from '../../../../shared/engine/runtime';
import { formOf } from './formFixture';

describe('calculations and defaults', () => {
  it('a chain of calculations follows every answer it reads', () => {
    const form = formOf([
      { type: 'integer', name: 'a', label: 'a' },
      { type: 'integer', name: 'b', label: 'b' },
      { type: 'calculate', name: 'sum', calculation: '${a} + ${b}' },
      { type: 'calculate', name: 'double', calculation: '${sum} * 2' },
      { type: 'calculate', name: 'label', calculation: "if(${double} > 10, 'lớn', 'nhỏ')" },
      { type: 'integer', name: 'c', label: 'c', constraint: '. <= ${double}' },
    ]);
    const rt = createFormRuntime(form);
    rt.setAnswer('a', 2);
    rt.setAnswer('b', 1);
    expect([rt.getValue('sum'), rt.getValue('double'), rt.getValue('label')]).toEqual(['3', '6', 'nhỏ']);
    rt.setAnswer('c', 5);
    expect(rt.snapshot().errors).toEqual([]);
    rt.setAnswer('b', 4);
    expect([rt.getValue('sum'), rt.getValue('double'), rt.getValue('label')]).toEqual(['6', '12', 'lớn']);
    rt.setAnswer('b', 0);
    expect(rt.snapshot().errors.map((e) => e.path)).toEqual(['c']);
  });

  it('a calculation that is not a number (0 div 0, empty inputs) is empty, not "NaN"', () => {
    const form = formOf([
      { type: 'integer', name: 'a', label: 'a' },
      { type: 'calculate', name: 'ratio', calculation: '${a} div ${a}' },
    ]);
    const rt = createFormRuntime(form);
    expect(rt.getValue('ratio')).toBe('');
    rt.setAnswer('a', 0);
    expect(rt.getValue('ratio')).toBe('');
    rt.setAnswer('a', 4);
    expect(rt.getValue('ratio')).toBe('1');
  });

  it('a non-relevant calculation is empty', () => {
    const form = formOf([
      { type: 'integer', name: 'a', label: 'a' },
      { type: 'calculate', name: 'c', calculation: '${a} * 10', relevant: '${a} > 1' },
    ]);
    const rt = createFormRuntime(form);
    rt.setAnswer('a', 1);
    expect(rt.getValue('c')).toBe('');
    rt.setAnswer('a', 2);
    expect(rt.getValue('c')).toBe('20');
  });

  it('a default is applied once, when the question is first relevant, and an answer replaces it', () => {
    const form = formOf([
      { type: 'integer', name: 'a', label: 'a' },
      { type: 'text', name: 'city', label: 'city', default: 'Hồ Chí Minh' },
      { type: 'integer', name: 'n', label: 'n', default: 3, relevant: '${a} = 1' },
    ]);
    const rt = createFormRuntime(form);
    expect(rt.getValue('city')).toBe('Hồ Chí Minh');
    expect(rt.getValue('n')).toBe('');
    rt.setAnswer('a', 1);
    expect(rt.getValue('n')).toBe('3');
    rt.setAnswer('n', 5);
    rt.setAnswer('a', 2);
    rt.setAnswer('a', 1);
    // ODK clears a skipped value and does not re-apply the default.
    expect(rt.getValue('n')).toBe('');
    rt.setAnswer('city', null);
    expect(rt.getValue('city')).toBe('');
  });

  it('a read-only question keeps its default and refuses a different answer', () => {
    const form = formOf([{ type: 'text', name: 'site', label: 'site', default: 'UBND', read_only: 'yes', required: 'yes' }]);
    const rt = createFormRuntime(form);
    expect(rt.isReadOnly('site')).toBe(true);
    expect(() => rt.setAnswer('site', 'khác')).toThrow(/read-only/);
    expect(rt.getValue('site')).toBe('UBND');
  });
});

describe('metadata', () => {
  it('start, end, today, deviceid and username are filled from the options', () => {
    const form = formOf([
      { type: 'start', name: 'started' },
      { type: 'end', name: 'ended' },
      { type: 'today', name: 'day' },
      { type: 'deviceid', name: 'dev' },
      { type: 'username', name: 'user' },
      { type: 'integer', name: 'x', label: 'x' },
    ]);
    let t = new Date(2025, 6, 1, 8, 30, 0);
    const rt = createFormRuntime(form, { now: () => t, deviceId: 'LAPTOP-07', username: 'dtv01' });
    const first = rt.getValue('started');
    expect(first.startsWith('2025-07-01T08:30:00.000')).toBe(true);
    expect(rt.getValue('day')).toBe('2025-07-01');
    expect(rt.getValue('dev')).toBe('LAPTOP-07');
    expect(rt.getValue('user')).toBe('dtv01');
    t = new Date(2025, 6, 1, 9, 0, 0);
    rt.setAnswer('x', 1);
    expect(rt.getValue('started')).toBe(first);
    expect(rt.getValue('ended').startsWith('2025-07-01T09:00:00.000')).toBe(true);
    expect(rt.snapshot().complete).toBe(true);
  });
});
