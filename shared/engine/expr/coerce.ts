// XPath 1.0 conversions (boolean(), number(), string()) and the comparison rules of '=' '!=' '<'
// '<=' '>' '>=', with one ODK extension: a date or datetime string used where a number is needed
// counts as days since 1970-01-01 (see dates.ts).

import type { BinaryOp } from './ast';
import { dateStringToDays } from './dates';
import { isNodeSet, type XValue } from './values';

const XPATH_NUMBER = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** XPath number() of a string: optional minus, digits, optional decimals; anything else is NaN. */
export function stringToNumber(s: string): number {
  if (s.length === 0) return NaN;
  const t = s.trim();
  return XPATH_NUMBER.test(t) ? Number(t) : NaN;
}

/** XPath boolean(). */
export function toBoolean(v: XValue): boolean {
  switch (typeof v) {
    case 'boolean':
      return v;
    case 'number':
      return v !== 0 && v === v;
    case 'string':
      return v.length > 0;
    default:
      return v.values.length > 0;
  }
}

/** XPath number(): '' -> NaN, ' 12 ' -> 12, 'abc' -> NaN, true -> 1, node-set -> its first value. */
export function toNumber(v: XValue): number {
  switch (typeof v) {
    case 'number':
      return v;
    case 'boolean':
      return v ? 1 : 0;
    case 'string':
      return stringToNumber(v);
    default: {
      const first = v.values[0];
      return first === undefined ? NaN : stringToNumber(first);
    }
  }
}

/** number() as arithmetic and comparisons use it: a date string becomes days since the epoch. */
export function toNumberOrDays(v: XValue): number {
  const n = toNumber(v);
  if (n === n) return n;
  const s = typeof v === 'string' ? v : isNodeSet(v) ? v.values[0] : undefined;
  return s !== undefined && s.length >= 10 ? dateStringToDays(s) : NaN;
}

/** XPath string(): NaN -> 'NaN', integers without '.0', never exponent notation, node-set -> first value or ''. */
export function toXString(v: XValue): string {
  switch (typeof v) {
    case 'string':
      return v;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'number':
      return numberToString(v);
    default:
      return v.values[0] ?? '';
  }
}

export function numberToString(n: number): string {
  if (n !== n) return 'NaN';
  if (n === 0) return '0'; // also -0
  if (n === Infinity) return 'Infinity';
  if (n === -Infinity) return '-Infinity';
  const s = String(n);
  return s.includes('e') ? expandExponent(s) : s;
}

/** '1.5e+21' -> '1500000000000000000000', '-1e-7' -> '-0.0000001' (XPath never uses exponents). */
function expandExponent(s: string): string {
  const negative = s.startsWith('-');
  const [mantissa = '', exponent = '0'] = (negative ? s.slice(1) : s).split('e');
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + Number(exponent);
  let out: string;
  if (point <= 0) out = '0.' + '0'.repeat(-point) + digits;
  else if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else out = digits.slice(0, point) + '.' + digits.slice(point);
  return negative ? '-' + out : out;
}

type Atom = string | number | boolean;

function compareAtoms(op: BinaryOp, a: Atom, b: Atom): boolean {
  if (op === '=' || op === '!=') {
    let equal: boolean;
    if (typeof a === 'boolean' || typeof b === 'boolean') equal = toBoolean(a) === toBoolean(b);
    else if (typeof a === 'number' || typeof b === 'number') equal = toNumberOrDays(a) === toNumberOrDays(b);
    else equal = a === b;
    return op === '=' ? equal : !equal;
  }
  const x = toNumberOrDays(a);
  const y = toNumberOrDays(b);
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

/** A path that selected nothing compares as '' (ODK Collect), see XNodeSet.blankWhenEmpty. */
function blankIfNothing(v: XValue): XValue {
  return typeof v === 'object' && v.blankWhenEmpty === true && v.values.length === 0 ? '' : v;
}

/** XPath 1.0 comparison; with a node-set it is existential (true if any member satisfies it). */
export function compareValues(op: BinaryOp, a0: XValue, b0: XValue): boolean {
  const a = blankIfNothing(a0);
  const b = blankIfNothing(b0);
  if (isNodeSet(a)) {
    if (typeof b === 'boolean') return compareAtoms(op, toBoolean(a), b);
    if (isNodeSet(b)) {
      for (const x of a.values) for (const y of b.values) if (compareAtoms(op, x, y)) return true;
      return false;
    }
    for (const x of a.values) if (compareAtoms(op, x, b)) return true;
    return false;
  }
  if (isNodeSet(b)) {
    if (typeof a === 'boolean') return compareAtoms(op, a, toBoolean(b));
    for (const y of b.values) if (compareAtoms(op, a, y)) return true;
    return false;
  }
  return compareAtoms(op, a, b);
}
