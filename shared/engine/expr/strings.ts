// String helpers for the function library, counting code points (an emoji is one character)
// and reading multiple-choice values (choice names separated by spaces).

const SURROGATE = /[\uD800-\uDFFF]/;

export function codePointLength(s: string): number {
  if (!SURROGATE.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** substr() as ODK: 0-based start, end exclusive, both clamped to the string. */
export function codePointSlice(s: string, start: number, end: number): string {
  if (!SURROGATE.test(s)) return s.slice(start, end);
  return Array.from(s).slice(start, end).join('');
}

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** The choice names of a multiple-choice value. */
export function selectedChoices(value: string): string[] {
  const t = value.trim();
  return t === '' ? [] : t.split(/[ \t\r\n]+/);
}

/** selected(): whether `choice` is one of the space-separated names in `value`, without splitting. */
export function isSelected(value: string, choice: string): boolean {
  const c = choice.trim();
  if (c === '') return false;
  let from = 0;
  for (;;) {
    const at = value.indexOf(c, from);
    if (at < 0) return false;
    const end = at + c.length;
    if ((at === 0 || isSpaceCode(value.charCodeAt(at - 1))) && (end === value.length || isSpaceCode(value.charCodeAt(end)))) {
      return true;
    }
    from = at + 1;
  }
}

export function countSelected(value: string): number {
  let n = 0;
  let inToken = false;
  for (let i = 0; i < value.length; i++) {
    const space = isSpaceCode(value.charCodeAt(i));
    if (!space && !inToken) n++;
    inToken = !space;
  }
  return n;
}

/** XPath translate(): each character of `from` becomes the one at the same place in `to`, or is removed. */
export function translate(s: string, from: string, to: string): string {
  const fromChars = Array.from(from);
  const toChars = Array.from(to);
  const map = new Map<string, string>();
  fromChars.forEach((c, i) => {
    if (!map.has(c)) map.set(c, toChars[i] ?? '');
  });
  let out = '';
  for (const c of s) out += map.get(c) ?? c;
  return out;
}

export function normalizeSpace(s: string): string {
  return s.replace(/[ \t\r\n]+/g, ' ').trim();
}
