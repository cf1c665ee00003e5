// Canonical JSON for everything KhaoSat signs or hashes: one value, one byte string, so a
// signature or content hash made on one laptop checks on any other. A subset of RFC 8785 (JCS):
// object keys sorted by UTF-16 code units, no whitespace, strings and numbers serialised exactly
// as ECMAScript's JSON.stringify does (which is what JCS specifies), plus refusals that keep the
// subset small: no non-finite numbers, no lone surrogates, no undefined/functions/bigint, only
// plain objects and arrays, bounded depth. The UTF-8 encoding of the returned string is what
// gets signed or hashed.

export const CANONICAL_JSON_MAX_DEPTH = 64;

export class CanonicalJsonError extends Error {
  constructor(
    readonly reason: string,
    /** Where in the value, e.g. `.interviews[3].answers[0].value` (`$` for the value itself). */
    readonly path: string,
  ) {
    super(`${reason} at ${path || '$'}`);
    this.name = 'CanonicalJsonError';
  }
}

// Paths are only built when something is refused: the error is re-thrown up the recursion with
// one more segment per level, so the common case allocates no path strings at all.
function within(error: unknown, segment: string): never {
  if (error instanceof CanonicalJsonError) throw new CanonicalJsonError(error.reason, segment + error.path);
  throw error;
}

// JSON.stringify writes a lone surrogate as the escape \udXXX (and a valid pair as itself), so
// an escape of that form, not preceded by another backslash, in its output means a lone one.
const ESCAPED_SURROGATE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/;

function serialiseString(s: string): string {
  const out = JSON.stringify(s);
  if (out.includes('\\ud') && ESCAPED_SURROGATE.test(out)) throw new CanonicalJsonError('string holds a lone UTF-16 surrogate', '');
  return out;
}

function compareUtf16(a: string, b: string): number {
  // JavaScript's < on strings compares UTF-16 code units, which is JCS's sort order.
  return a < b ? -1 : a > b ? 1 : 0;
}

function serialise(value: unknown, depth: number): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError('number is not finite', '');
      // -0 serialises as 0 (as in JCS); everything else as ECMAScript Number#toString.
      return JSON.stringify(value);
    case 'string':
      return serialiseString(value);
    case 'object': {
      if (depth >= CANONICAL_JSON_MAX_DEPTH) throw new CanonicalJsonError('nested too deeply', '');
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          if (i > 0) out += ',';
          try {
            if (!(i in value)) throw new CanonicalJsonError('array has a hole', '');
            out += serialise(value[i], depth + 1);
          } catch (error) {
            within(error, `[${i}]`);
          }
        }
        return `${out}]`;
      }
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) {
        throw new CanonicalJsonError('only plain objects and arrays are allowed', '');
      }
      const keys = Object.keys(value).sort(compareUtf16);
      let out = '{';
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i]!;
        if (i > 0) out += ',';
        try {
          const child = (value as Record<string, unknown>)[key];
          if (child === undefined) throw new CanonicalJsonError('value is undefined', '');
          out += `${serialiseString(key)}:${serialise(child, depth + 1)}`;
        } catch (error) {
          within(error, `.${key}`);
        }
      }
      return `${out}}`;
    }
    default:
      throw new CanonicalJsonError(`a ${typeof value} cannot be written as JSON`, '');
  }
}

// Keys that ECMAScript always enumerates first, in numeric order, whatever the insertion order.
const ARRAY_INDEX = /^(?:0|[1-9][0-9]{0,9})$/;

/**
 * The fast path: a copy of `value` whose objects have their keys inserted in canonical order,
 * for the engine's own JSON.stringify to write (much faster than building the text here), or
 * null when the value needs the careful path: something to refuse (so its error can name the
 * path), or an array-index key ("7") that is not the first key in canonical order: the engine
 * enumerates those first, in numeric order, whatever the insertion order.
 */
function sortedCopy(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'object' || depth >= CANONICAL_JSON_MAX_DEPTH) return null;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      if (!(i in value)) return null;
      const c = sortedCopy(v, depth + 1);
      if (c === null && v !== null) return null;
      copy[i] = c;
    }
    return copy;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return null;
  const keys = Object.keys(value).sort(compareUtf16);
  // No prototype: a key named "__proto__" (JSON.parse makes it an own property) stays a key.
  const copy = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (i > 0 && ARRAY_INDEX.test(key)) return null;
    const v = (value as Record<string, unknown>)[key];
    const c = sortedCopy(v, depth + 1);
    if (c === null && v !== null) return null;
    copy[key] = c;
  }
  return copy;
}

/** The canonical JSON text of `value`; throws CanonicalJsonError for anything outside the subset. */
export function canonicalJson(value: unknown): string {
  const copy = sortedCopy(value, 0);
  if (copy !== null || value === null) {
    const text = JSON.stringify(copy);
    // A lone surrogate anywhere: let the careful path find it and name where it is.
    if (!(text.includes('\\ud') && ESCAPED_SURROGATE.test(text))) return text;
  }
  return serialise(value, 0);
}

/**
 * The careful path on its own: builds the text key by key. The reference the fast path is tested
 * against; slower, not for production use.
 */
export function canonicalJsonReference(value: unknown): string {
  return serialise(value, 0);
}

/** Whether every object in `value` enumerates its keys in canonical order, within the depth bound. */
function keysInCanonicalOrder(value: unknown, depth: number): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  // undefined, functions, bigint, Dates and the like: JSON.stringify would drop or convert them.
  if (typeof value !== 'object' || depth >= CANONICAL_JSON_MAX_DEPTH) return false;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!keysInCanonicalOrder(value[i], depth + 1)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  let previous: string | null = null;
  for (const key in value) {
    if (!Object.hasOwn(value, key)) return false;
    if (previous !== null && !(previous < key)) return false;
    previous = key;
    if (!keysInCanonicalOrder((value as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

/**
 * Whether `text` is exactly `canonicalJson(value)`, without building the canonical text: for a
 * `value` JSON.parse made from `text` (reading what KhaoSat wrote) this costs a plain
 * JSON.stringify. The engine's stringify must give `text` back (so no whitespace, no other
 * escapes or number spellings, no duplicate keys), every object's keys must already be in
 * canonical order (JSON.parse keeps the text's order, index-like keys aside, and those then fail
 * the order check), only plain values within the depth bound, and no escaped lone surrogate.
 * False means "build it and compare" (canonicalJson), not "not canonical" for certain.
 */
export function isCanonicalTextOf(value: unknown, text: string): boolean {
  if (JSON.stringify(value) !== text) return false;
  if (text.includes('\\ud') && ESCAPED_SURROGATE.test(text)) return false;
  return keysInCanonicalOrder(value, 0);
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
  if (isCanonicalTextOf(value, text)) return { ok: true, value };
  let again: string;
  try {
    again = canonicalJson(value);
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
  return again === text ? { ok: true, value } : { ok: false, reason: 'JSON is not in canonical form' };
}
