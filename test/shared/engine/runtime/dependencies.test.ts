import { describe, expect, it } from 'vitest';
import { parseExpression } from '../../../../shared/engine/expr';
import { createFormRuntime } from '../../../../shared/engine/runtime';
import { listQuestions } from '../../../../shared/forms';
import { formOf } from './formFixture';

describe('dependency graph', () => {
  // Two independent chains: answering in one must not touch the other.
  const rows = [
    ...[1, 2, 3, 4].map((i) => ({ type: 'integer', name: `a${i}`, label: `a${i}`, ...(i > 1 ? { relevant: `\${a${i - 1}} > 2` } : {}) })),
    ...[1, 2, 3, 4].map((i) => ({ type: 'integer', name: `b${i}`, label: `b${i}`, constraint: '. >= 1 and . <= 5', ...(i > 1 ? { relevant: `\${b${i - 1}} > 2` } : {}) })),
    { type: 'calculate', name: 'a_sum', calculation: '${a1} + ${a4}' },
  ];
  const form = formOf(rows);

  it('after one answer, only the questions that depend on it are re-evaluated', () => {
    const rt = createFormRuntime(form);
    rt.stats.reset();
    rt.setAnswer('b1', 1);
    // b1 itself; b2 read b1 but kept its (empty) value, so b3 and b4 are untouched.
    expect(rt.stats.evaluations).toBe(2);
    expect(['a1', 'a2', 'a_sum', 'b2', 'b3'].map((n) => rt.stats.evaluationsOf(n))).toEqual([0, 0, 0, 1, 0]);
  });

  it('a change is followed transitively, each dependent once, in dependency order', () => {
    const rt = createFormRuntime(form);
    for (const n of ['a1', 'a2', 'a3', 'a4']) rt.setAnswer(n, 4);
    expect(rt.getValue('a_sum')).toBe('8');
    rt.stats.reset();
    rt.setAnswer('a1', 1);
    // a1, then a2 (cleared), a3 (cleared), a4 (cleared), a_sum (reads a1 and a4) exactly once.
    expect(['a1', 'a2', 'a3', 'a4', 'a_sum'].map((n) => rt.stats.evaluationsOf(n))).toEqual([1, 1, 1, 1, 1]);
    expect(rt.stats.evaluations).toBe(5);
    expect(rt.getValue('a_sum')).toBe('');
    expect(rt.getValue('a4')).toBe('');
  });

  it('setting the same value again re-checks only the question itself', () => {
    const rt = createFormRuntime(form);
    rt.setAnswer('a1', 3);
    rt.stats.reset();
    rt.setAnswer('a1', 3);
    expect(rt.stats.evaluations).toBe(1);
  });
});

describe('cycles', () => {
  it('a cycle the compiler would reject (a hand-edited form.json) neither loops nor throws', () => {
    const form = formOf([
      { type: 'integer', name: 'x', label: 'x' },
      { type: 'integer', name: 'y', label: 'y', relevant: '${x} > 0' },
      { type: 'calculate', name: 'z', calculation: '${y} + 1' },
    ]);
    const [x] = listQuestions(form);
    const source = '${z} > 0 or true()';
    if (x) x.relevant = { source, ast: parseExpression(source), refs: ['z'] };
    const rt = createFormRuntime(form);
    rt.stats.reset();
    rt.setAnswer('x', 3);
    expect(rt.stats.evaluationsOf('x')).toBe(1);
    expect(rt.stats.evaluations).toBeLessThanOrEqual(3);
    expect(rt.getValue('x')).toBe('3');
  });
});

