// Every function of the ODK XForms specification's function list ("XPath Functions"), evaluated
// through the form runtime as calculations. Expected values come from the examples of the
// specification each function cites (ODK XForms, XPath 1.0/3.0, XForms 1.1); the section is in
// the test name.
import { describe, expect, it } from 'vitest';
import { createFormRuntime } from '../../../../shared/engine/runtime';
import { SUPPORTED_FUNCTIONS } from '../../../../shared/engine/expr';
import { parkMiller, shuffle } from '../../../../shared/engine/expr/random';
import { formOf } from './formFixture';

/** [spec section, expression, expected value as stored] */
const CASES: [string, string, string][] = [
  // String functions
  ['string (XPath 1.0)', 'string(1 div 0)', 'Infinity'],
  ['concat (ODK: node-sets and one argument)', "concat('a')", 'a'],
  ['join', "join('-', 'a', 'b', 'c')", 'a-b-c'],
  ['substr (0-based start, exclusive end)', "substr('abcdef', 1, 3)", 'bc'],
  ['substring-before (XPath 1.0 example)', "substring-before('1999/04/01', '/')", '1999'],
  ['substring-after (XPath 1.0 example)', "substring-after('1999/04/01', '/')", '04/01'],
  ['substring-after (XPath 1.0 example, 19)', "substring-after('1999/04/01', '19')", '99/04/01'],
  ['translate (XPath 1.0 example)', "translate('bar', 'abc', 'ABC')", 'BAr'],
  ['translate (XPath 1.0 example, removal)', "translate('--aaa--', 'abc-', 'ABC')", 'AAA'],
  ['string-length', "string-length('Việt')", '4'],
  ['normalize-space (XPath 1.0)', "normalize-space('  a   b  ')", 'a b'],
  ['contains', "contains('Thạnh An', 'An')", 'true'],
  ['starts-with', "starts-with('Thạnh An', 'Th')", 'true'],
  ['ends-with (XPath 3.0 example)', "ends-with('tattoo', 'tattoo')", 'true'],
  ['uuid(n): n characters', 'string-length(uuid(12))', '12'],
  ['uuid(): RFC 4122 version 4', "regex(uuid(), '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$')", 'true'],
  ['digest (XForms 1.1 example: SHA-1, hex)', "digest('abc', 'SHA-1', 'hex')", 'a9993e364706816aba3e25717850c26c9cd0d89d'],
  ['digest (SHA-256 of abc, FIPS 180-2 vector)', "digest('abc', 'SHA-256', 'hex')", 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ['digest (MD5 of abc, RFC 1321 vector)', "digest('abc', 'MD5', 'hex')", '900150983cd24fb0d6963f7d28e17f72'],
  ['digest (base64 is the default encoding)', "digest('abc', 'SHA-1')", 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0='],
  ['base64-decode (UTF-8 text)', "base64-decode('WGluIGNow6Bv')", 'Xin chào'],
  ['base64-decode (not base64: empty)', "base64-decode('%%')", ''],
  // Boolean functions
  ['if (objects, not strings)', "if(1 > 2, 'a', 3)", '3'],
  ['coalesce', "coalesce('', 'b')", 'b'],
  ['true / false', 'true() and not(false())', 'true'],
  ['boolean: boolean("false") = true() (ODK note on stored booleans)', "boolean('false')", 'true'],
  ['boolean-from-string("true")', "boolean-from-string('true')", 'true'],
  ['boolean-from-string("1")', "boolean-from-string('1')", 'true'],
  ['boolean-from-string: false for anything but "true" or "1"', "boolean-from-string('yes')", 'false'],
  ['regex', "regex('0912345678', '^0[0-9]{9}$')", 'true'],
  ['checklist: 2 of 3 true, between 1 and 2', "checklist(1, 2, 'true', 1, 0)", 'true'],
  ['checklist: -1 means no maximum', 'checklist(3, -1, 1, 1, 1)', 'true'],
  ['checklist: below the minimum', 'checklist(2, -1, 1, 0, 0)', 'false'],
  ['weighted-checklist: weights 2 + 3 in [5, 5]', 'weighted-checklist(5, 5, 1, 2, 0, 4, 1, 3)', 'true'],
  ['weighted-checklist: 2 + 4 above 5', 'weighted-checklist(-1, 5, 1, 2, 1, 4)', 'false'],
  // Number functions
  ['number: a date is days since 1970-01-01', "number('1970-01-11')", '10'],
  ['int', 'int(-3.7)', '-3'],
  ['sum', 'sum(2)', '2'],
  ['max (XPath 3.0)', 'max(3, 1, 2)', '3'],
  ['min (XPath 3.0)', 'min(3, 1, 2)', '1'],
  ['round with decimals', 'round(3.14159, 2)', '3.14'],
  ['pow (XPath 3.0 example: pow(2, 3))', 'pow(2, 3)', '8'],
  ['pow (XPath 3.0 example: pow(-2, 3))', 'pow(-2, 3)', '-8'],
  ['pow (XPath 3.0 example: pow(2, -3))', 'pow(2, -3)', '0.125'],
  ['log (XPath 3.0 example: log(1))', 'log(1)', '0'],
  ['log (XPath 3.0: log(e) = 1)', 'round(log(exp(1)), 10)', '1'],
  ['log10 (XPath 3.0 example: log10(1000))', 'log10(1000)', '3'],
  ['log10 (XPath 3.0 example: log10(0.001))', 'log10(0.001)', '-3'],
  ['abs (XPath 3.0 example)', 'abs(-2.5)', '2.5'],
  ['sin (XPath 3.0 example: sin(0))', 'sin(0)', '0'],
  ['sin(pi/2)', 'sin(pi() div 2)', '1'],
  ['cos (XPath 3.0 example: cos(0))', 'cos(0)', '1'],
  ['tan (XPath 3.0 example: tan(0))', 'tan(0)', '0'],
  ['asin (XPath 3.0 example: asin(1) = pi/2)', 'asin(1) = pi() div 2', 'true'],
  ['acos (XPath 3.0 example: acos(1))', 'acos(1)', '0'],
  ['atan (XPath 3.0 example: atan(0))', 'atan(0)', '0'],
  ['atan2 (XPath 3.0 example: atan2(1, 0) = pi/2)', 'atan2(1, 0) = pi() div 2', 'true'],
  ['sqrt (XPath 3.0 example: sqrt(4))', 'sqrt(4)', '2'],
  ['exp (XPath 3.0 example: exp(0))', 'exp(0)', '1'],
  ['exp10 (XPath 3.0 example: exp10(2))', 'exp10(2)', '100'],
  ['exp10 (XPath 3.0 example: exp10(-1))', 'exp10(-1)', '0.1'],
  ['pi (XPath 3.0: pi() * 2)', 'round(pi() * 2, 5)', '6.28319'],
  ['random in [0, 1)', 'random() >= 0 and random() < 1', 'true'],
  // Node-set functions
  ['count-non-empty (XForms 1.0)', "count-non-empty(instance('fruit')/root/item/colour)", '2'],
  ['count over an instance', "count(instance('fruit')/root/item)", '3'],
  ['position in a predicate', "instance('fruit')/root/item[position() = 3]/name", 'pear'],
  ['randomize with a seed is repeatable', "join(' ', randomize(instance('fruit')/root/item/name, 7)) = join(' ', randomize(instance('fruit')/root/item/name, 7))", 'true'],
  ['randomize keeps every node', "count(randomize(instance('fruit')/root/item, 3))", '3'],
  // Dates and times
  ['date', "date('2024-05-01T23:59:00+07:00')", '2024-05-01'],
  ['decimal-time: noon is 0.5 (ODK XForms example)', "decimal-time('12:00:00.000')", '0.5'],
  ['decimal-time: 6pm is 0.75 (ODK XForms example)', "decimal-time('18:00:00.000')", '0.75'],
  ['format-date', "format-date('2024-05-01', '%d/%m/%Y %a %b')", '01/05/2024 Wed May'],
  ['format-date-time', "format-date-time('2024-05-01T09:05:03', '%H:%M:%S')", '09:05:03'],
  ['decimal-date-time', "decimal-date-time('1970-01-02T12:00:00')", '1.5'],
  // Select functions
  ['selected', "selected('a b c', 'b')", 'true'],
  ['selected-at (0-based)', "selected-at('a b c', 1)", 'b'],
  ['count-selected', "count-selected('a b c')", '3'],
  // Geographic functions
  ['distance: one degree of longitude on the equator (R = 6,378,100 m)', "round(distance('0 0 0 0; 0 1 0 0'), 3)", '111318.845'],
  ['distance of two geopoints as arguments', "round(distance('0 0', '0 1'), 3)", '111318.845'],
  ['distance of one point is 0', "distance('10.77 106.7 0 0')", '0'],
  ['area: a closed square of 0.001° by 0.001° at the equator', "round(area('0 0 0 0; 0 0.001 0 0; 0.001 0.001 0 0; 0.001 0 0 0; 0 0 0 0'))", '12392'],
  ['enclosed-area is area', "enclosed-area('0 0; 0 0.001; 0.001 0.001; 0.001 0; 0 0') = area('0 0; 0 0.001; 0.001 0.001; 0.001 0; 0 0')", 'true'],
  ['area of fewer than 3 points is 0', "area('0 0; 0 1')", '0'],
];

const FRUIT = [
  { list_name: 'fruit', name: 'apple', label: 'Apple', colour: 'red' },
  { list_name: 'fruit', name: 'lime', label: 'Lime', colour: '' },
  { list_name: 'fruit', name: 'pear', label: 'Pear', colour: 'green' },
];

describe('ODK XForms functions through the runtime', () => {
  const form = formOf(
    [{ type: 'select_one fruit', name: 'f', label: 'F' }, ...CASES.map(([, calculation], i) => ({ type: 'calculate', name: `c${i}`, calculation }))],
    FRUIT,
  );
  const rt = createFormRuntime(form, { now: () => new Date(2024, 4, 1, 9, 0, 0) });

  it.each(CASES.map(([section, expression, expected], i) => [section, expression, expected, i] as const))('%s: %s = %s', (_s, _e, expected, i) => {
    expect(rt.getError(`c${i}`)).toBeNull();
    expect(rt.getValue(`c${i}`)).toBe(expected);
  });

  it('covers every function of the spec list (and KhaoSat supports each)', () => {
    const spec = [
      'string', 'concat', 'join', 'substr', 'substring-before', 'substring-after', 'translate', 'string-length', 'normalize-space',
      'contains', 'starts-with', 'ends-with', 'uuid', 'digest', 'pulldata', 'if', 'coalesce', 'once', 'true', 'false', 'boolean',
      'boolean-from-string', 'not', 'regex', 'checklist', 'weighted-checklist', 'number', 'random', 'int', 'sum', 'max', 'min',
      'round', 'pow', 'log', 'log10', 'abs', 'sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'atan2', 'sqrt', 'exp', 'exp10', 'pi',
      'count', 'count-non-empty', 'position', 'instance', 'current', 'randomize', 'today', 'now', 'format-date', 'format-date-time',
      'date', 'decimal-date-time', 'decimal-time', 'selected', 'selected-at', 'count-selected', 'jr:choice-name', 'jr:itext',
      'indexed-repeat', 'area', 'distance', 'base64-decode',
    ];
    expect(spec.filter((f) => !SUPPORTED_FUNCTIONS.includes(f))).toEqual([]);
  });

  it('digest() names an unknown algorithm in its error', () => {
    const f = formOf([{ type: 'calculate', name: 'd', calculation: "digest('a', 'SHA-3')" }]);
    const r = createFormRuntime(f, { language: 'en' });
    expect(r.snapshot().errors[0]?.message).toMatch(/SHA-3/);
  });
});

describe('randomize (spec: randomize, Park–Miller generator)', () => {
  it("generates Park and Miller's published sequence: seed 1 gives 16807, and 1043618065 after 10,000 steps", () => {
    // nextFloat = (state - 1) / (2^31 - 2), so the state is recovered exactly.
    const next = parkMiller(1);
    const state = () => Math.round(next() * 2147483646 + 1);
    expect(state()).toBe(16807);
    let s = 0;
    for (let i = 2; i <= 10_000; i++) s = state();
    expect(s).toBe(1043618065);
  });

  it('moves a seed of 0 or below into range, as ODK does', () => {
    expect(parkMiller(0)()).toBe(parkMiller(2147483646)());
  });

  it('shuffles inside-out: a permutation, the same for the same seed, different for another', () => {
    const items = Array.from({ length: 20 }, (_x, i) => i);
    const a = shuffle(items, parkMiller(42));
    expect([...a].sort((x, y) => x - y)).toEqual(items);
    expect(shuffle(items, parkMiller(42))).toEqual(a);
    expect(shuffle(items, parkMiller(43))).not.toEqual(a);
  });
});

describe('once() and instanceID (spec: once, Metadata)', () => {
  it('once(uuid()) keeps its first value when other answers change', () => {
    const form = formOf([
      { type: 'text', name: 'x', label: 'X' },
      { type: 'calculate', name: 'key', calculation: "once(concat(${x}, '-', uuid(6)))" },
    ]);
    const rt = createFormRuntime(form);
    const first = rt.getValue('key');
    expect(first).toMatch(/^-[A-Za-z0-9]{6}$/);
    rt.setAnswer('x', 'a');
    expect(rt.getValue('key')).toBe(first);
  });

  it('indexed-repeat reads a nested repeat (spec: indexed-repeat with repeat1, index1, repeat2, index2)', () => {
    const form = formOf([
      { type: 'begin repeat', name: 'hh', label: 'H' },
      { type: 'begin repeat', name: 'person', label: 'P' },
      { type: 'text', name: 'pname', label: 'Name' },
      { type: 'end repeat' },
      { type: 'end repeat' },
      { type: 'calculate', name: 'pick', calculation: 'indexed-repeat(${pname}, ${hh}, 2, ${person}, 1)' },
    ]);
    const rt = createFormRuntime(form);
    rt.addRepeatInstance('hh');
    rt.addRepeatInstance('hh');
    rt.addRepeatInstance('hh[1]/person');
    rt.addRepeatInstance('hh[2]/person');
    rt.setAnswer('hh[1]/person[1]/pname', 'An');
    rt.setAnswer('hh[2]/person[1]/pname', 'Bảo');
    expect(rt.getValue('pick')).toBe('Bảo');
  });
});
