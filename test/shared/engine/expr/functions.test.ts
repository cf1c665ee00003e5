import { describe, expect, it } from 'vitest';
import { ExprEvalError, evaluate, FUNCTION_ARITY, SUPPORTED_FUNCTIONS, type Expr } from '../../../../shared/engine/expr';
import { ev, nodes, testContext } from './context';

describe('multiple-choice functions', () => {
  const ctx = { values: { s: 'a bb  c', empty: '', one: 'a' } };

  it('selected() finds whole choice names in a space-separated value', () => {
    expect(ev("selected(${s}, 'bb')", ctx)).toBe(true);
    expect(ev("selected(${s}, 'b')", ctx)).toBe(false);
    expect(ev("selected(${s}, 'c')", ctx)).toBe(true);
    expect(ev("selected(${s}, ' a ')", ctx)).toBe(true);
    expect(ev("selected(${s}, '')", ctx)).toBe(false);
    expect(ev("selected(${empty}, 'a')", ctx)).toBe(false);
    expect(ev("selected('xa ax', 'a')")).toBe(false);
    expect(ev('selected(${one}, 1)', { values: { one: '1 2' } })).toBe(true);
  });

  it('count-selected() counts choices, not spaces', () => {
    expect(ev('count-selected(${s})', ctx)).toBe(3);
    expect(ev('count-selected(${empty})', ctx)).toBe(0);
    expect(ev("count-selected('  ')")).toBe(0);
  });

  it('selected-at() is 0-based and empty out of bounds', () => {
    expect(ev('selected-at(${s}, 0)', ctx)).toBe('a');
    expect(ev('selected-at(${s}, 2)', ctx)).toBe('c');
    expect(ev('selected-at(${s}, 3)', ctx)).toBe('');
    expect(ev('selected-at(${s}, -1)', ctx)).toBe('');
    expect(ev('selected-at(${s}, 1.5)', ctx)).toBe('');
    expect(ev('selected-at(${empty}, 0)', ctx)).toBe('');
  });

  it("jr:choice-name() returns the label of a choice of the question's list", () => {
    const c = { values: { q: 'hl', v: 'kh' }, choices: { q: { hl: 'Hài lòng', kh: 'Không hài lòng' } } };
    expect(ev("jr:choice-name(${q}, '${q}')", c)).toBe('Hài lòng');
    expect(ev('jr:choice-name(${v}, "${q}")', c)).toBe('Không hài lòng');
    expect(ev('jr:choice-name(${v}, ${q})', c)).toBe('Không hài lòng');
    expect(ev("jr:choice-name('zz', '${q}')", c)).toBe('');
    expect(ev("jr:choice-name('', '${q}')", c)).toBe('');
  });
});

describe('control functions', () => {
  it('if() evaluates only the chosen branch', () => {
    expect(ev("if(1 > 0, 'yes', ${missing})")).toBe('yes');
    expect(ev("if('', ${missing}, 3)")).toBe(3);
  });

  it('coalesce() returns the first non-empty value', () => {
    expect(ev("coalesce(${a}, 'x')", { values: { a: '' } })).toBe('x');
    expect(ev("coalesce(${a}, ${missing})", { values: { a: 'v' } })).toBe('v');
    expect(ev('coalesce(0, 5)')).toBe(0); // '0' is not empty
  });

  it('once() keeps the current value when there is one', () => {
    expect(ev("once('new')", { current: 'old' })).toBe('old');
    expect(ev("once('new')", { current: '' })).toBe('new');
  });
});

describe('string functions', () => {
  it('concat() joins strings, numbers and all values of a node-set', () => {
    expect(ev("concat('a', 1, true(), 2.5)")).toBe('a1true2.5');
    expect(ev('concat()')).toBe('');
    expect(ev("concat(${n}, '-')", { values: { n: nodes('x', 'y') } })).toBe('xy-');
  });

  it('join() separates values with the first argument', () => {
    expect(ev("join(', ', ${n})", { values: { n: nodes('x', 'y', 'z') } })).toBe('x, y, z');
    expect(ev("join('-', 'a', 'b')")).toBe('a-b');
  });

  it('string-length() counts characters, emoji and Vietnamese letters as one', () => {
    expect(ev("string-length('Nguyễn')")).toBe(6);
    expect(ev("string-length('a😀b')")).toBe(3);
    expect(ev("string-length('')")).toBe(0);
    expect(ev('string-length()', { current: 'abcd' })).toBe(4);
    expect(ev('string-length(.) <= 3', { current: 'abcd' })).toBe(false);
    expect(ev('string-length(12.50)')).toBe(4); // string(12.5)
  });

  it('substr() takes a 0-based start and an exclusive end, clamped to the string', () => {
    expect(ev("substr('hello', 1)")).toBe('ello');
    expect(ev("substr('hello', 1, 3)")).toBe('el');
    expect(ev("substr('hello', 0, 99)")).toBe('hello');
    expect(ev("substr('hello', -3, 2)")).toBe('he');
    expect(ev("substr('hello', 4, 2)")).toBe('');
    expect(ev("substr('hello', 9)")).toBe('');
    expect(ev("substr('hello', 1.7, 3.2)")).toBe('el');
    expect(ev("substr('a😀bc', 1, 3)")).toBe('😀b');
    expect(ev("substr('0901234567', 0, 3)")).toBe('090');
  });

  it('contains(), starts-with(), ends-with() test substrings', () => {
    expect(ev("contains('Quận 1', 'ận')")).toBe(true);
    expect(ev("contains('abc', '')")).toBe(true);
    expect(ev("contains('abc', 'd')")).toBe(false);
    expect(ev("starts-with('0901', '09')")).toBe(true);
    expect(ev("starts-with('0901', '9')")).toBe(false);
    expect(ev("ends-with('abc', 'bc')")).toBe(true);
    expect(ev("ends-with('abc', 'b')")).toBe(false);
  });

  it('regex() tests a JavaScript pattern anywhere in the text', () => {
    expect(ev("regex('0901234567', '^0[0-9]{9}$')")).toBe(true);
    expect(ev("regex('090123456', '^0[0-9]{9}$')")).toBe(false);
    expect(ev("regex('abc', 'b')")).toBe(true);
    expect(ev("regex('Nguyễn Văn An', '^[\\p{L} ]+$')")).toBe(true);
    expect(ev("regex('a-b', 'a\\-b')")).toBe(true); // legacy escape still accepted
    expect(ev("regex(., '^[0-9]+$')", { current: '' })).toBe(false);
  });

  it('regex() reports a bad pattern or an over-long text as an evaluation error', () => {
    expect(() => ev('regex(${a}, ${p})', { values: { a: 'x', p: '(' } })).toThrow(ExprEvalError);
    expect(() => ev("regex(${a}, 'x')", { values: { a: 'x'.repeat(1001) } })).toThrow(ExprEvalError);
    expect(() => ev("regex('x', ${p})", { values: { p: 'x'.repeat(1001) } })).toThrow(ExprEvalError);
  });

  it('translate() maps or removes characters', () => {
    expect(ev("translate('bar', 'abc', 'ABC')")).toBe('BAr');
    expect(ev("translate('--aaa--', 'abc-', 'ABC')")).toBe('AAA');
    expect(ev("translate('aa', 'aa', 'xy')")).toBe('xx'); // the first mapping wins
  });

  it('normalize-space() trims and collapses whitespace', () => {
    expect(ev("normalize-space('  Nguyễn \t  Văn\nAn ')")).toBe('Nguyễn Văn An');
    expect(ev('normalize-space()', { current: ' a  b ' })).toBe('a b');
  });

  it('string() converts with XPath rules', () => {
    expect(ev('string(1 div 0)')).toBe('Infinity');
    expect(ev('string(0 div 0)')).toBe('NaN');
    expect(ev('string(3.0)')).toBe('3');
    expect(ev('string(1 = 1)')).toBe('true');
    expect(ev('string()', { current: 'c' })).toBe('c');
  });

  it('uuid() returns distinct version-4 UUIDs', () => {
    const a = ev('uuid()');
    const b = ev('uuid()');
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a).not.toBe(b);
  });
});

describe('number functions', () => {
  it('number() converts with XPath rules', () => {
    expect(ev("number(' 42 ')")).toBe(42);
    expect(ev("number('')")).toBeNaN();
    expect(ev("number('4a')")).toBeNaN();
    expect(ev('number(true())')).toBe(1);
    expect(ev('number()', { current: '7' })).toBe(7);
  });

  it('int() truncates toward zero', () => {
    expect(ev('int(2.9)')).toBe(2);
    expect(ev('int(-2.9)')).toBe(-2);
    expect(ev("int('')")).toBeNaN();
  });

  it('round() rounds half away from zero, as ODK does', () => {
    expect(ev('round(2.5)')).toBe(3);
    expect(ev('round(-2.5)')).toBe(-3);
    expect(ev('round(2.4)')).toBe(2);
    expect(ev('round(-0.4)')).toBe(-0);
    expect(ev('round(1.005, 2)')).toBe(1.01);
    expect(ev('round(3.14159, 3)')).toBe(3.142);
    expect(ev('round(-1.25, 1)')).toBe(-1.3);
    expect(ev('round(1250, -2)')).toBe(1300);
    expect(ev('round(0.0000001, 8)')).toBe(0.0000001);
    expect(ev("round('')")).toBeNaN();
    expect(ev('round(1 div 0)')).toBe(Infinity);
  });

  it('floor(), ceiling(), abs(), pow(), sqrt() follow Math', () => {
    expect(ev('floor(-1.5)')).toBe(-2);
    expect(ev('ceiling(-1.5)')).toBe(-1);
    expect(ev('ceiling(1.2)')).toBe(2);
    expect(ev('abs(-3)')).toBe(3);
    expect(ev('pow(2, 10)')).toBe(1024);
    expect(ev('pow(4, 0.5)')).toBe(2);
    expect(ev('sqrt(16)')).toBe(4);
    expect(ev('sqrt(-1)')).toBeNaN();
  });

  it('random() is in [0, 1)', () => {
    const r = ev('random()') as number;
    expect(r).toBeGreaterThanOrEqual(0);
    expect(r).toBeLessThan(1);
  });
});

describe('boolean functions', () => {
  it('boolean(), not(), true(), false()', () => {
    expect(ev("boolean('')")).toBe(false);
    expect(ev("boolean('0')")).toBe(true);
    expect(ev('boolean(0)')).toBe(false);
    expect(ev("not('')")).toBe(true);
    expect(ev('not(1)')).toBe(false);
    expect(ev('true()')).toBe(true);
    expect(ev('false()')).toBe(false);
  });
});

describe('repeat and node-set functions', () => {
  const ctx = { values: { n: nodes('3', '10', '7'), none: nodes(), gap: nodes('3', ''), one: '4', empty: '' } };

  it('count() counts members; a field in scope is one member', () => {
    expect(ev('count(${n})', ctx)).toBe(3);
    expect(ev('count(${none})', ctx)).toBe(0);
    expect(ev('count(${one})', ctx)).toBe(1);
  });

  it('sum() adds members: 0 when empty, NaN when a member is empty', () => {
    expect(ev('sum(${n})', ctx)).toBe(20);
    expect(ev('sum(${none})', ctx)).toBe(0);
    expect(ev('sum(${gap})', ctx)).toBeNaN();
    expect(ev('sum(${one})', ctx)).toBe(4);
  });

  it('max() and min() over members and arguments: NaN when empty', () => {
    expect(ev('max(${n})', ctx)).toBe(10);
    expect(ev('min(${n})', ctx)).toBe(3);
    expect(ev('max(${none})', ctx)).toBeNaN();
    expect(ev('min(${none})', ctx)).toBeNaN();
    expect(ev('max(1, 5, ${n})', ctx)).toBe(10);
    expect(ev('min(${gap})', ctx)).toBeNaN();
  });

  it('position(..) is the 1-based instance in the current repeat', () => {
    expect(ev('position(..)', { position: 3 })).toBe(3);
    expect(() => ev('position(..)')).toThrow(ExprEvalError);
  });

  it('indexed-repeat() reads a field of the n-th instance', () => {
    const r = { repeats: { members: { age: ['30', '5'] } }, values: { i: '2' } };
    expect(ev('indexed-repeat(${age}, ${members}, 1)', r)).toBe('30');
    expect(ev('indexed-repeat(${age}, ${members}, ${i})', r)).toBe('5');
    expect(ev('indexed-repeat(${age}, ${members}, 3)', r)).toBe('');
    expect(ev('indexed-repeat(${age}, ${members}, 0)', r)).toBe('');
  });
});

describe('function calls at evaluation time', () => {
  const call = (name: string, args: Expr[]): Expr => ({ kind: 'call', name, args, pos: 0 });

  it('reports an unknown function by name', () => {
    expect(() => ev('pull-data(1)')).toThrow(/pull-data/);
    expect(() => ev('pull-data(1)')).toThrow(ExprEvalError);
  });

  it('reports a wrong number of arguments in a hand-built tree', () => {
    expect(() => evaluate(call('not', []), testContext())).toThrow(/not\(\)/);
  });

  it('supports every function it advertises', () => {
    expect([...SUPPORTED_FUNCTIONS].sort()).toEqual(Object.keys(FUNCTION_ARITY).sort());
    for (const name of SUPPORTED_FUNCTIONS) {
      let error: unknown;
      try {
        evaluate(call(name, []), testContext());
      } catch (e) {
        error = e;
      }
      // Either it runs with no arguments or it complains about the count, never "unknown".
      if (error) expect(String(error)).not.toMatch(/Unknown function/);
    }
  });
});
