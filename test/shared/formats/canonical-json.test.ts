// Canonical JSON: one value, one spelling (RFC 8785 subset), and refusal of what is outside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CanonicalJsonError, canonicalJson, canonicalJsonReference, isCanonicalTextOf, parseCanonicalJson } from '../../../shared/formats/canonical-json';

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
    expect(() => canonicalJson('\\\udc00')).toThrow(/lone UTF-16 surrogate/);
    expect(() => canonicalJson({ ['k\ud800']: 1 })).toThrow(/lone UTF-16 surrogate/);
  });

  it('accepts surrogate pairs and text that merely looks like a surrogate escape', () => {
    expect(canonicalJson('😀')).toBe('"😀"');
    expect(canonicalJson('\\ud800')).toBe('"\\\\ud800"');
    expect(canonicalJson('\\\\ud800')).toBe('"\\\\\\\\ud800"');
  });

  it('parseCanonicalJson accepts only the canonical spelling', () => {
    expect(parseCanonicalJson('{"a":1,"b":[true,null]}')).toEqual({ ok: true, value: { a: 1, b: [true, null] } });
    for (const other of ['{"b":1,"a":2}', '{"a": 1}', '{"a":1,"a":1}', '{"a":1.0}', '"\\u00e9"', '{"a":1}\n', 'nope', '1e400']) {
      expect(parseCanonicalJson(other).ok, other).toBe(false);
    }
  });

  it('refuses a string exactly when it holds a lone surrogate (checked against a direct scan)', () => {
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const unit = fc.oneof(fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff, 0x5c, 0x75, 0x64, 0x38, 0x22), fc.integer({ min: 0, max: 0xffff }));
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), (codes) => {
        const s = String.fromCharCode(...codes);
        let threw = false;
        try {
          canonicalJson(s);
        } catch {
          threw = true;
        }
        expect(threw).toBe(lone.test(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('the fast path writes exactly what the key-by-key reference writes, index-like keys included', () => {
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.nat({ max: 20 }).map(String), fc.constantFrom('0', '01', '-1', '4294967295', '\r', 'a'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), fc.dictionary(key, tie('node'), { maxKeys: 6 }), fc.array(tie('node'), { maxLength: 4 })),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(canonicalJsonReference(v));
      }),
      { numRuns: 1000 },
    );
    expect(canonicalJson({ 10: 'a', 9: 'b', '\r': 'c', x: { 2: 0, 1: 0 } })).toBe('{"\\r":"c","10":"a","9":"b","x":{"1":0,"2":0}}');
    expect(canonicalJson({ a: [1, { 1: 'x', '': 'y' }] })).toBe('{"a":[1,{"":"y","1":"x"}]}');
    const proto = JSON.parse('{"__proto__":{"x":1},"a":2}');
    expect(canonicalJson(proto)).toBe('{"__proto__":{"x":1},"a":2}');
    expect(parseCanonicalJson('{"__proto__":{"x":1},"a":2}').ok).toBe(true);
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

describe('isCanonicalTextOf (the reader\'s shortcut)', () => {
  const key = fc.oneof(fc.string({ maxLength: 4 }), fc.nat({ max: 20 }).map(String), fc.constantFrom('0', '9', '10', '__proto__', '\r', 'a', '\ud800', 'é'));
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      fc.jsonValue({ maxDepth: 1 }),
      fc.constantFrom('\ud800', 'a\\ud800', -0, 1e21, 0.1),
      fc.dictionary(key, tie('node'), { maxKeys: 6 }),
      fc.array(tie('node'), { maxLength: 4 }),
    ),
  })).node;
  const canonicalOrNull = (v: unknown): string | null => {
    try {
      return canonicalJson(v);
    } catch {
      return null;
    }
  };

  it('never says yes unless canonicalJson(value) is exactly the text, whatever the value and the text', () => {
    fc.assert(
      fc.property(value, fc.string({ maxLength: 6 }), (v, noise) => {
        const canonical = canonicalOrNull(v);
        const plain = JSON.stringify(v) as string | undefined;
        const texts = [canonical, plain, plain === undefined ? undefined : JSON.stringify(v, null, 1), noise].filter((t): t is string => typeof t === 'string');
        for (const text of texts) {
          let parsed: unknown = v;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: check the value as given
          }
          for (const candidate of [v, parsed]) {
            if (isCanonicalTextOf(candidate, text)) expect(canonicalOrNull(candidate)).toBe(text);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('says yes to what the writer wrote (the fast path is really taken), no to near misses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = canonicalJson(v);
        const parsed: unknown = JSON.parse(text);
        // Index-like keys come back out of order from JSON.parse: those take the careful path.
        if (!/"(?:0|[1-9][0-9]*)":/.test(text)) expect(isCanonicalTextOf(parsed, text)).toBe(true);
      }),
      { numRuns: 500 },
    );
    const no = (text: string) => expect(isCanonicalTextOf(JSON.parse(text), text), text).toBe(false);
    for (const text of ['{"b":1,"a":2}', '{"a": 1}', '{"a":1,"a":1}', '{"a":1.0}', '"\\u00e9"', '"\\ud800"', '{"10":1,"9":2}', '1e400', '[1e400]']) no(text);
    let deep = '1';
    for (let i = 0; i < 70; i++) deep = `[${deep}]`;
    no(deep);
    expect(isCanonicalTextOf({ a: undefined }, '{}')).toBe(false);
    expect(isCanonicalTextOf({ a: NaN }, '{"a":null}')).toBe(false);
    expect(isCanonicalTextOf(new Date(0), JSON.stringify(new Date(0)))).toBe(false);
  });
});
