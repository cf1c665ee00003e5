// The one answer-path grammar, shared by the contract (request validation), the runtime (locating
// a cell), the store (answer rows) and the exports: a question name as XLSForm allows it
// (Vietnamese letters included: `tuổi`), inside repeats prefixed by each repeat's name and its
// 1-based instance: `roster[2]/age`, `hh[1]/members[3]/tuổi`. Group names never appear, since
// names are unique across a form.

/** An XML element name (what the compiler accepts as a form name), as regex source. */
export const NAME_SOURCE = String.raw`[\p{L}_][\p{L}\p{M}\p{N}._-]*`;
/** A repeat instance number: 1–9999 (the runtime caps instances at 1,000). */
const INSTANCE_SOURCE = String.raw`[1-9][0-9]{0,3}`;

export const ANSWER_PATH_PATTERN = new RegExp(String.raw`^(?:${NAME_SOURCE}\[${INSTANCE_SOURCE}\]\/)*${NAME_SOURCE}$`, 'u');
/** One segment: a name, optionally with an instance (`roster[2]`). */
const SEGMENT = new RegExp(String.raw`^(${NAME_SOURCE})(?:\[(${INSTANCE_SOURCE})\])?$`, 'u');

export interface PathSegment {
  name: string;
  /** 1-based repeat instance, when the segment names one. */
  index?: number;
}

/**
 * Splits a path into segments, or null when a segment is not a name (optionally with an
 * instance). Accepts a leading `/` and instance-final paths (`roster[2]`), which the runtime uses
 * to name a repeat instance; an answer path is stricter: `ANSWER_PATH_PATTERN`.
 */
export function parsePathSegments(path: string): readonly Readonly<PathSegment>[] | null {
  // Memoised: loading an interview parses each of its paths several times (load order, repeat
  // instances, the runtime's cell lookup), and the same few hundred paths recur in every
  // interview of an export. The segments are frozen, so no caller can change a shared one.
  const known = parsed.get(path);
  if (known !== undefined) return known;
  const parts = path.replace(/^\//, '').split('/');
  let out: Readonly<PathSegment>[] | null = [];
  for (const p of parts) {
    const m = SEGMENT.exec(p);
    if (!m) {
      out = null;
      break;
    }
    out.push(Object.freeze(m[2] === undefined ? { name: m[1] as string } : { name: m[1] as string, index: Number(m[2]) }));
  }
  const frozen = out && Object.freeze(out);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(path, frozen);
  return frozen;
}

/** Bound on the memo: a form's paths times a few hundred repeat instances, far below any memory concern. */
const PARSED_MAX = 20_000;
const parsed = new Map<string, readonly Readonly<PathSegment>[] | null>();

/** True when `path` is an answer path: repeats with instances, then a question name. */
export function isAnswerPath(path: string): boolean {
  return ANSWER_PATH_PATTERN.test(path);
}
