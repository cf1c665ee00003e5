import { describe, expect, it } from 'vitest';
import { toBoolean, toNumber, toXString } from '../../../../shared/engine/expr';
import { ev, nodes } from './context';

describe('toNumber (XPath number())', () => {
  it.each([
    ['', NaN],
    [' 12 ', 12],
    ['-3.5', -3.5],
    ['.5', 0.5],
    ['5.', 5],
    ['abc', NaN],
    ['1e3', NaN],
    ['+1', NaN],
    ['0x10', NaN],
    ['1 2', NaN],
    ['Infinity', NaN],
  ])('%j -> %d', (input, expected) => {
    expect(toNumber(input)).toBe(expected);
  });

  it('turns booleans into 1 and 0 and node-sets into their first value', () => {
    expect(toNumber(true)).toBe(1);
    expect(toNumber(false)).toBe(0);
    expect(toNumber(nodes('7', '8'))).toBe(7);
    expect(toNumber(nodes())).toBeNaN();
  });
});

describe('toXString (XPath string())', () => {
  it.each([
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [-0, '0'],
    [3, '3'],
    [2.5, '2.5'],
    [-0.125, '-0.125'],
    [1e21, '1000000000000000000000'],
    [1.5e22, '15000000000000000000000'],
    [1e-7, '0.0000001'],
    [-1.25e-8, '-0.0000000125'],
  ])('%d -> %j', (input, expected) => {
    expect(toXString(input)).toBe(expected);
  });

  it('writes booleans as true/false and node-sets as their first value or empty', () => {
    expect(toXString(true)).toBe('true');
    expect(toXString(false)).toBe('false');
    expect(toXString(nodes('a', 'b'))).toBe('a');
    expect(toXString(nodes())).toBe('');
  });
});

describe('toBoolean (XPath boolean())', () => {
  it('is false only for 0, NaN, empty strings and empty node-sets', () => {
    expect([0, -0, NaN, '', false, nodes()].map(toBoolean)).toEqual([false, false, false, false, false, false]);
    expect([1, -2, Infinity, 'false', '0', ' ', true, nodes('')].map(toBoolean)).toEqual(Array(8).fill(true));
  });
});

describe('equality (= and !=)', () => {
  it('compares as booleans when either side is a boolean', () => {
    expect(ev("'false' = true()")).toBe(true); // non-empty string is true
    expect(ev("'' = false()")).toBe(true);
    expect(ev('0 = false()')).toBe(true);
    expect(ev('2 = true()')).toBe(true);
    expect(ev('2 != true()')).toBe(false);
  });

  it('compares as numbers when either side is a number (and no boolean)', () => {
    expect(ev("'1.0' = 1")).toBe(true);
    expect(ev("' 1 ' = 1")).toBe(true);
    expect(ev("'abc' = 1")).toBe(false);
    expect(ev("'abc' != 1")).toBe(true);
    expect(ev('${a} = 0', { values: { a: '' } })).toBe(false); // '' is NaN, not 0
  });

  it('compares as strings otherwise', () => {
    expect(ev("'1.0' = '1'")).toBe(false);
    expect(ev("'a' = 'a'")).toBe(true);
    expect(ev("${a} = ''", { values: { a: '' } })).toBe(true);
    expect(ev("${a} != ''", { values: { a: 'x' } })).toBe(true);
  });

  it('treats NaN as unequal to everything, itself included', () => {
    expect(ev('0 div 0 = 0 div 0')).toBe(false);
    expect(ev('0 div 0 != 0 div 0')).toBe(true);
  });
});

describe('relational operators', () => {
  it('compare numbers, so an empty answer is never greater or smaller', () => {
    const empty = { values: { age: '' } };
    expect(ev('${age} > 18', empty)).toBe(false);
    expect(ev('${age} <= 18', empty)).toBe(false);
    expect(ev('${age} > 18', { values: { age: '19' } })).toBe(true);
    expect(ev('${age} >= 18', { values: { age: '18' } })).toBe(true);
    expect(ev('${age} < 18', { values: { age: '9' } })).toBe(true); // numeric, not '9' > '18' as text
  });

  it('turn booleans into 1 and 0', () => {
    expect(ev('true() > false()')).toBe(true);
    expect(ev('true() >= 1')).toBe(true);
  });

  it('compare non-numeric, non-date strings as NaN (false)', () => {
    expect(ev("'a' < 'b'")).toBe(false);
    expect(ev("'a' >= 'a'")).toBe(false);
  });
});

describe('node-set comparisons are existential', () => {
  const ctx = { values: { ages: nodes('10', '40', ''), names: nodes('An', 'Bình'), none: nodes(), other: nodes('5', '40') } };

  it('compares each member with a number', () => {
    expect(ev('${ages} > 30', ctx)).toBe(true);
    expect(ev('${ages} > 50', ctx)).toBe(false);
    expect(ev('${ages} = 10', ctx)).toBe(true);
    expect(ev('${ages} != 10', ctx)).toBe(true); // some member differs
    expect(ev('30 < ${ages}', ctx)).toBe(true);
  });

  it('compares each member with a string', () => {
    expect(ev("${names} = 'Bình'", ctx)).toBe(true);
    expect(ev("'Chi' = ${names}", ctx)).toBe(false);
  });

  it('compares two node-sets pairwise', () => {
    expect(ev('${ages} = ${other}', ctx)).toBe(true);
    expect(ev('${ages} < ${other}', ctx)).toBe(true);
    expect(ev('${names} = ${other}', ctx)).toBe(false);
  });

  it('makes every comparison with an empty node-set false', () => {
    expect(ev('${none} = 1', ctx)).toBe(false);
    expect(ev('${none} != 1', ctx)).toBe(false);
    expect(ev("${none} = ''", ctx)).toBe(false);
  });

  it('compares a node-set with a boolean through boolean(node-set)', () => {
    expect(ev('${none} = false()', ctx)).toBe(true);
    expect(ev('true() = ${ages}', ctx)).toBe(true);
  });

  it('uses the first member in arithmetic', () => {
    expect(ev('${ages} + 1', ctx)).toBe(11);
    expect(ev('${none} + 1', ctx)).toBeNaN();
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, multiplies, divides and takes remainders', () => {
    expect(ev('7 + 2')).toBe(9);
    expect(ev('7 - 2')).toBe(5);
    expect(ev('7 * 2')).toBe(14);
    expect(ev('7 div 2')).toBe(3.5);
    expect(ev('7 mod 2')).toBe(1);
    expect(ev('-7 mod 2')).toBe(-1);
    expect(ev('7 mod -2')).toBe(1);
    expect(ev('5.5 mod 2')).toBe(1.5);
  });

  it('divides by zero as IEEE 754', () => {
    expect(ev('1 div 0')).toBe(Infinity);
    expect(ev('-1 div 0')).toBe(-Infinity);
    expect(ev('0 div 0')).toBeNaN();
    expect(ev('1 mod 0')).toBeNaN();
  });

  it('gives NaN when an operand is empty or not a number', () => {
    expect(ev('${a} + 1', { values: { a: '' } })).toBeNaN();
    expect(ev("'abc' * 2")).toBeNaN();
    expect(ev('-${a}', { values: { a: '' } })).toBeNaN();
  });

  it('converts strings and booleans to numbers', () => {
    expect(ev("'3' + '4'")).toBe(7);
    expect(ev('true() + true()')).toBe(2);
    expect(ev('-${a}', { values: { a: ' 2 ' } })).toBe(-2);
  });
});

describe('and / or', () => {
  it('follow XPath boolean() of each side', () => {
    expect(ev("1 and 'x'")).toBe(true);
    expect(ev("1 and ''")).toBe(false);
    expect(ev("0 or ''")).toBe(false);
    expect(ev('0 or 0 div 0 or 2')).toBe(true);
  });

  it('do not evaluate the right side when the left decides', () => {
    // ${missing} would throw if it were resolved
    expect(ev('false() and ${missing}')).toBe(false);
    expect(ev('true() or ${missing}')).toBe(true);
    expect(() => ev('true() and ${missing}')).toThrow('unknown field missing');
  });
});
