// regex() patterns compiled once and cached: the same literal pattern is tested after every answer.
// Length caps bound the work; they do not make a pathological pattern safe (backtracking can be
// exponential on short input), which is why the form compiler should show designers their
// patterns and the runtime should treat an evaluation error as a failed constraint.

export const MAX_REGEX_PATTERN = 1_000;
export const MAX_REGEX_SUBJECT = 1_000;
const CACHE_LIMIT = 500;

const cache = new Map<string, RegExp | null>();

/** The compiled pattern, or null when it is not a valid JS regular expression or is too long. */
export function compileRegex(pattern: string): RegExp | null {
  const hit = cache.get(pattern);
  if (hit !== undefined) return hit;
  let re: RegExp | null = null;
  if (pattern.length <= MAX_REGEX_PATTERN) {
    // Unicode mode first (so \p{L} works for Vietnamese names); patterns written for the
    // looser legacy syntax (e.g. '\-' outside a class) still compile without it.
    try {
      re = new RegExp(pattern, 'u');
    } catch {
      try {
        re = new RegExp(pattern);
      } catch {
        re = null;
      }
    }
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, re);
  return re;
}
