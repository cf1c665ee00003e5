// Canonical JSON for everything KhaoSat signs or hashes: one value, one byte string, so a
// signature or content hash made on one laptop checks on any other. A subset of RFC 8785 (JCS):
// object keys sorted by UTF-16 code units, no whitespace, strings and numbers serialised exactly
// as ECMAScript's JSON.stringify does (which is what JCS specifies), plus refusals that keep the
// subset small: no non-finite numbers, no lone surrogates, no undefined/functions/bigint, only
// plain objects and arrays, bounded depth. The UTF-8 encoding of the returned string is what
// gets signed or hashed.

export const CANONICAL_JSON_MAX_DEPTH = 64;

export class CanonicalJsonError extends Error {
  constructor(message: string, readonly path: string) {
    super(`${message} at ${path || '$'}`);
    this.name = 'CanonicalJsonError';
  }
}

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serialiseString(s: string, path: string): string {
  if (LONE_SURROGATE.test(s)) throw new CanonicalJsonError('string holds a lone UTF-16 surrogate', path);
  return JSON.stringify(s);
}

function compareUtf16(a: string, b: string): number {
  // JavaScript's < on strings compares UTF-16 code units, which is JCS's sort order.
  return a < b ? -1 : a > b ? 1 : 0;
}

function serialise(value: unknown, path: string, depth: number): string {
  if (depth > CANONICAL_JSON_MAX_DEPTH) throw new CanonicalJsonError('nested too deeply', path);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('number is not finite', path);
      // -0 serialises as 0 (as in JCS); everything else as ECMAScript Number#toString.
      return JSON.stringify(value);
    case 'string':
      return serialiseString(value, path);
    case 'object': {
      if (Array.isArray(value)) {
        const items: string[] = [];
        for (let i = 0; i < value.length; i++) {
          if (!(i in value)) throw new CanonicalJsonError('array has a hole', `${path}[${i}]`);
          items.push(serialise(value[i], `${path}[${i}]`, depth + 1));
        }
        return `[${items.join(',')}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalJsonError('only plain objects and arrays are allowed', path);
      }
      const keys = Object.keys(value).sort(compareUtf16);
      const members: string[] = [];
      for (const key of keys) {
        const child = (value as Record<string, unknown>)[key];
        const childPath = `${path}.${key}`;
        if (child === undefined) throw new CanonicalJsonError('value is undefined', childPath);
        members.push(`${serialiseString(key, childPath)}:${serialise(child, childPath, depth + 1)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`a ${typeof value} cannot be written as JSON`, path);
  }
}

/** The canonical JSON text of `value`; throws CanonicalJsonError for anything outside the subset. */
export function canonicalJson(value: unknown): string {
  return serialise(value, '', 0);
}

/**
 * Parses `text` and returns the value only when `text` is already its canonical form: the same
 * value has exactly one accepted spelling, so duplicate keys, other key orders, whitespace,
 * escapes like \u00e9 and numbers like 1.0 are all refused (null is returned).
 */
export function parseCanonicalJson(text: string): { ok: true; value: unknown } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `not JSON (${(error as Error).message})` };
  }
  let again: string;
  try {
    again = canonicalJson(value);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  return again === text ? { ok: true, value } : { ok: false, reason: 'JSON is not in canonical form' };
}
