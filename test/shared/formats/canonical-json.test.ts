// Canonical JSON: one value, one spelling (RFC 8785 subset), and refusal of what is outside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, parseCanonicalJson } from '../../../shared/formats/canonical-json';

describe('canonicalJson', () => {
  it('sorts keys, drops whitespace, keeps array order', () => {
    expect(canonicalJson({ b: [3, 1, { z: 1, a: null }], a: 'x', c: true })).toBe('{"a":"x","b":[3,1,{"a":null,"z":1}],"c":true}');
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    // RFC 8785 §3.2.3's example order: "\r" < "1" < "\u0080" < "ö" < "€" < "😀" < "דּ"
    const keys = ['\u20ac', '\r', '\ufb33', '1', '\u00f6', '\u0080', '\ud83d\ude00'];
    const text = canonicalJson(Object.fromEntries(keys.map((k, i) => [k, i])));
    // (Read the order from the text: Object.keys would put the integer-like key "1" first.)
    const order = [...text.matchAll(/"((?:[^"\\]|\\.)*)":/g)].map((m) => JSON.parse(`"${m[1]}"`) as string);
    expect(order).toEqual(['\r', '1', '\u0080', '\u00f6', '\u20ac', '\ud83d\ude00', '\ufb33']);
  });

  it('writes numbers and strings as ECMAScript does (RFC 8785 §3.2.2)', () => {
    expect(canonicalJson([1e21, 1e-7, 0.1, -0, 333333333.3333333, 1.0, 5e-324])).toBe('[1e+21,1e-7,0.1,0,333333333.3333333,1,5e-324]');
    expect(canonicalJson('Phường Bến Thành "\u0001" \\ /')).toBe('"Phường Bến Thành \\"\\u0001\\" \\\\ /"');
  });

  it('refuses non-finite numbers, lone surrogates, undefined, bigint, class instances and deep nesting', () => {
    for (const bad of [NaN, Infinity, { a: -Infinity }, '\ud800', 'a\udc00', { x: undefined }, 10n, new Date(0), new Map(), () => 1]) {
      expect(() => canonicalJson(bad), String(bad)).toThrow(CanonicalJsonError);
    }
    let deep: unknown = 1;
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => canonicalJson(deep)).toThrow(/nested too deeply/);
    expect(() => canonicalJson({ a: [1, 2, NaN] })).toThrow('number is not finite at .a[2]');
  });

  it('parseCanonicalJson accepts only the canonical spelling', () => {
    expect(parseCanonicalJson('{"a":1,"b":[true,null]}')).toEqual({ ok: true, value: { a: 1, b: [true, null] } });
    for (const other of ['{"b":1,"a":2}', '{"a": 1}', '{"a":1,"a":1}', '{"a":1.0}', '"\\u00e9"', '{"a":1}\n', 'nope', '1e400']) {
      expect(parseCanonicalJson(other).ok, other).toBe(false);
    }
  });

  it('round-trips any JSON value: parse(canonical(v)) is canonical again', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        expect(parseCanonicalJson(text).ok).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
