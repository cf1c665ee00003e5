// The function library. Each function receives its argument trees unevaluated, so if(), once()
// and coalesce() evaluate only the branch they need.

import type { Expr } from './ast';
import {
  stringToNumber,
  toBoolean,
  toNumberOrDays,
  toXString,
} from './coerce';
import {
  dateStringToFloatingMs,
  daysToFloatingMs,
  floatingToDateString,
  formatFloating,
  isoLocalDateTime,
  localDateString,
} from './dates';
import { base64Decode, digest, utf8Decode } from './bytes';
import { ExprEvalError } from './errors';
import { areaOf, distanceOf, parseGeo, type LatLon } from './geo';
import { ABSOLUTE_PATH, QUOTED_REF } from './parser';
import { nodeSetOf, originOf, positionOf, proximityOf } from './paths';
import { parkMiller, shuffle } from './random';
import { compileRegex, MAX_REGEX_PATTERN, MAX_REGEX_SUBJECT } from './regex';
import {
  codePointLength,
  codePointSlice,
  countSelected,
  isSelected,
  normalizeSpace,
  selectedChoices,
  translate,
} from './strings';
import { isNodeSet, type EvalContext, type XNode, type XNodeSet, type XValue } from './values';

export type Evaluate = (expr: Expr, ctx: EvalContext) => XValue;
export type FunctionImpl = (args: Expr[], ctx: EvalContext, ev: Evaluate) => XValue;

// Arity is checked by the caller against signatures.ts, so args[i] within it exists.
const arg = (args: Expr[], i: number): Expr => args[i] as Expr;
const str = (args: Expr[], i: number, ctx: EvalContext, ev: Evaluate) => toXString(ev(arg(args, i), ctx));
const num = (args: Expr[], i: number, ctx: EvalContext, ev: Evaluate) => toNumberOrDays(ev(arg(args, i), ctx));

/** Argument i, or '.' when the function was called without it (string(), string-length()...). */
const argOrCurrent = (args: Expr[], ctx: EvalContext, ev: Evaluate): XValue =>
  args.length === 0 ? ctx.current() : ev(arg(args, 0), ctx);

/** Members of the arguments: a node-set contributes all its values, anything else itself. */
function members(args: Expr[], ctx: EvalContext, ev: Evaluate): XValue[] {
  const out: XValue[] = [];
  for (const a of args) {
    const v = ev(a, ctx);
    if (isNodeSet(v)) out.push(...v.values);
    else out.push(v);
  }
  return out;
}

/** Half away from zero, as ODK's round(); digits may be negative. Shifts in decimal to avoid 1.005 -> 1. */
export function roundHalfAwayFromZero(x: number, digits: number): number {
  if (!Number.isFinite(x) || digits !== digits) return x === x && digits === digits ? x : NaN;
  const d = Math.max(-308, Math.min(308, Math.trunc(digits)));
  const shift = (v: number, by: number) => {
    const [m, e = '0'] = String(v).split('e');
    return Number(`${m}e${Number(e) + by}`);
  };
  const r = Math.floor(shift(Math.abs(x), d) + 0.5);
  const out = shift(r, -d);
  return x < 0 ? -out : out;
}

/** The question name in jr:choice-name's second argument: ${q} or the literal '${q}'. */
function questionNameOf(a: Expr, ctx: EvalContext, ev: Evaluate): string {
  if (a.kind === 'ref') return a.name;
  const text = a.kind === 'string' ? a.value : toXString(ev(a, ctx));
  const m = QUOTED_REF.exec(text);
  if (m) return m[1] as string;
  // '/data/group/q' (what pyxform writes): names are unique in a form, so the last step is enough.
  if (ABSOLUTE_PATH.test(text)) return text.trim().split('/').pop() as string;
  return text.trim();
}

function toDateString(v: XValue): string {
  const s = typeof v === 'string' ? v : isNodeSet(v) ? (v.values[0] ?? '') : null;
  if (s !== null) {
    const ms = dateStringToFloatingMs(s);
    if (ms === ms) return floatingToDateString(ms);
  }
  // a number of days since 1970-01-01 (also a numeric string)
  const ms = daysToFloatingMs(Math.floor(toNumberOrDays(v)));
  return ms === ms ? floatingToDateString(ms) : '';
}

function formatDate(v: XValue, format: string): string {
  const days = toNumberOrDays(v);
  const ms = daysToFloatingMs(days);
  return ms === ms ? formatFloating(ms, format) : '';
}

function uuid(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  // Fallback v4 without crypto: unique enough for instance ids, not for secrets.
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[Math.floor(Math.random() * 4)]}${hex(3)}-${hex(12)}`;
}

function minMax(args: Expr[], ctx: EvalContext, ev: Evaluate, pick: (a: number, b: number) => number): number {
  const values = members(args, ctx, ev);
  if (values.length === 0) return NaN;
  let out = toNumberOrDays(values[0] as XValue);
  for (let i = 1; i < values.length; i++) out = pick(out, toNumberOrDays(values[i] as XValue));
  return out;
}


/** Values as a list of points: every member of a node-set, or the one geo string. */
function geoPoints(args: Expr[], ctx: EvalContext, ev: Evaluate): LatLon[] | null {
  const out: LatLon[] = [];
  for (const v of members(args, ctx, ev)) {
    const pts = parseGeo(toXString(v));
    if (pts === null) return null;
    out.push(...pts);
  }
  return out;
}

/** checklist(): a value counts when it is true, a number above 0, or text that reads as one (or "true"). */
function ticked(v: XValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v > 0;
  const s = toXString(v).trim();
  return s === 'true' || stringToNumber(s) > 0;
}

/** The limits of checklist(): -1 means "no limit". */
function within(count: number, min: number, max: number): boolean {
  return (min === -1 || count >= min) && (max === -1 || count <= max);
}

/** decimal-time('12:00:00.000+07:00'): the time of day as a fraction, on the device's clock. */
function decimalTime(text: string, now: Date): number {
  const m = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/.exec(text.trim());
  if (!m) return NaN;
  const h = Number(m[1]);
  const min = Number(m[2]);
  const sec = Number(m[3] ?? 0) + Number(m[4] ?? 0);
  if (h > 23 || min > 59 || sec >= 60) return NaN;
  let minutes = h * 60 + min + sec / 60;
  const zone = m[5];
  if (zone !== undefined) {
    const offset = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
    minutes += -offset - now.getTimezoneOffset();
  }
  const day = 24 * 60;
  return (((minutes % day) + day) % day) / day;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** pulldata's lookups: per secondary instance and key column, the first item holding each key. */
const keyIndexes = new WeakMap<XNode, Map<string, Map<string, XNode>>>();

function itemsOf(doc: XNode): readonly XNode[] {
  const root = doc.children().find((c) => c.name === 'root');
  return root ? root.children().filter((c) => c.name === 'item') : [];
}

function lookup(doc: XNode, keyColumn: string, key: string): XNode | undefined {
  let byColumn = keyIndexes.get(doc);
  if (!byColumn) keyIndexes.set(doc, (byColumn = new Map()));
  let index = byColumn.get(keyColumn);
  if (!index) {
    index = new Map();
    for (const item of itemsOf(doc)) {
      const k = item.children().find((c) => c.name === keyColumn)?.value();
      if (k !== undefined && !index.has(k)) index.set(k, item);
    }
    byColumn.set(keyColumn, index);
  }
  return index.get(key);
}

function instanceDoc(c: EvalContext, id: string): XNode {
  const doc = c.instance?.(id) ?? null;
  if (doc === null) {
    throw new ExprEvalError(`instance('${id}'): the form has no choice list or attached file named "${id}"`,
      `instance('${id}'): phiếu không có danh sách lựa chọn hay tệp đính kèm nào tên "${id}"`);
  }
  return doc;
}

/**
 * `..` written alone: position(..) is the index of the repeat instance around the question (also
 * through groups inside the repeat, as KhaoSat always read it), without building nodes.
 */
function isParentStep(e: Expr): boolean {
  return e.kind === 'path' && e.start.kind === 'context' && e.steps.length === 1 && e.steps[0]?.axis === 'parent' && e.steps[0].predicates.length === 0;
}

function shuffled(v: XValue, next: () => number): XNodeSet {
  if (!isNodeSet(v)) {
    throw new ExprEvalError('randomize() needs a node-set, e.g. a path or a repeat field', 'randomize() cần một tập nút, ví dụ đường dẫn hoặc câu trong nhóm lặp');
  }
  if (v.nodes) return nodeSetOf(shuffle(v.nodes, next));
  return { kind: 'nodeset', values: shuffle(v.values, next) };
}

export const FUNCTIONS: ReadonlyMap<string, FunctionImpl> = new Map<string, FunctionImpl>([
  ['selected', (a, c, ev) => isSelected(str(a, 0, c, ev), str(a, 1, c, ev))],
  ['count-selected', (a, c, ev) => countSelected(str(a, 0, c, ev))],
  ['selected-at', (a, c, ev) => {
    const i = num(a, 1, c, ev);
    return Number.isInteger(i) && i >= 0 ? (selectedChoices(str(a, 0, c, ev))[i] ?? '') : '';
  }],
  ['jr:choice-name', (a, c, ev) => {
    const value = str(a, 0, c, ev).trim();
    return value === '' ? '' : c.choiceName(value, questionNameOf(arg(a, 1), c, ev));
  }],

  ['jr:itext', (a, c, ev) => c.itext?.(str(a, 0, c, ev)) ?? ''],

  ['if', (a, c, ev) => (toBoolean(ev(arg(a, 0), c)) ? ev(arg(a, 1), c) : ev(arg(a, 2), c))],
  ['coalesce', (a, c, ev) => {
    const first = ev(arg(a, 0), c);
    return toXString(first) !== '' ? first : ev(arg(a, 1), c);
  }],
  ['once', (a, c, ev) => {
    const current = c.current();
    return toXString(current) !== '' ? current : ev(arg(a, 0), c);
  }],

  // concat() and join() take every value of a node-set, as ODK does (XPath 1.0 takes the first).
  ['concat', (a, c, ev) => members(a, c, ev).map(toXString).join('')],
  ['join', (a, c, ev) => members(a.slice(1), c, ev).map(toXString).join(str(a, 0, c, ev))],
  ['string-length', (a, c, ev) => codePointLength(toXString(argOrCurrent(a, c, ev)))],
  ['substr', (a, c, ev) => {
    const s = str(a, 0, c, ev);
    const length = codePointLength(s);
    const clamp = (n: number, fallback: number) => (n !== n ? fallback : Math.max(0, Math.min(length, Math.trunc(n))));
    const start = clamp(num(a, 1, c, ev), 0);
    const end = a.length > 2 ? clamp(num(a, 2, c, ev), length) : length;
    return end > start ? codePointSlice(s, start, end) : '';
  }],
  ['contains', (a, c, ev) => str(a, 0, c, ev).includes(str(a, 1, c, ev))],
  ['starts-with', (a, c, ev) => str(a, 0, c, ev).startsWith(str(a, 1, c, ev))],
  ['ends-with', (a, c, ev) => str(a, 0, c, ev).endsWith(str(a, 1, c, ev))],
  ['substring-before', (a, c, ev) => {
    const s = str(a, 0, c, ev);
    const i = s.indexOf(str(a, 1, c, ev));
    return i < 0 ? '' : s.slice(0, i);
  }],
  ['substring-after', (a, c, ev) => {
    const s = str(a, 0, c, ev);
    const t = str(a, 1, c, ev);
    const i = s.indexOf(t);
    return i < 0 ? '' : s.slice(i + t.length);
  }],
  ['regex', (a, c, ev) => {
    const subject = str(a, 0, c, ev);
    const pattern = str(a, 1, c, ev);
    if (pattern.length > MAX_REGEX_PATTERN) {
      throw new ExprEvalError(`regex(): the pattern is longer than ${MAX_REGEX_PATTERN} characters`,
        `regex(): mẫu dài quá ${MAX_REGEX_PATTERN} ký tự`);
    }
    if (subject.length > MAX_REGEX_SUBJECT) {
      throw new ExprEvalError(`regex(): the text is longer than ${MAX_REGEX_SUBJECT} characters`,
        `regex(): chuỗi cần kiểm tra dài quá ${MAX_REGEX_SUBJECT} ký tự`);
    }
    const re = compileRegex(pattern);
    if (re === null) {
      throw new ExprEvalError(`regex(): invalid regular expression: ${pattern}`,
        `regex(): biểu thức chính quy không hợp lệ: ${pattern}`);
    }
    return re.test(subject);
  }],
  ['translate', (a, c, ev) => translate(str(a, 0, c, ev), str(a, 1, c, ev), str(a, 2, c, ev))],
  ['normalize-space', (a, c, ev) => normalizeSpace(toXString(argOrCurrent(a, c, ev)))],
  ['string', (a, c, ev) => toXString(argOrCurrent(a, c, ev))],
  ['uuid', (a, c, ev) => {
    if (a.length === 0) return uuid();
    // uuid(n): n random letters and digits (ODK XForms).
    const n = Math.max(0, Math.min(10_000, Math.trunc(num(a, 0, c, ev)) || 0));
    let out = '';
    for (let i = 0; i < n; i++) out += ALPHANUMERIC[Math.floor(Math.random() * ALPHANUMERIC.length)];
    return out;
  }],
  ['digest', (a, c, ev) => digest(str(a, 0, c, ev), str(a, 1, c, ev), a.length > 2 ? str(a, 2, c, ev) : 'base64')],
  ['base64-decode', (a, c, ev) => {
    const bytes = base64Decode(str(a, 0, c, ev));
    return bytes === null ? '' : utf8Decode(bytes);
  }],
  ['pulldata', (a, c, ev) => {
    const doc = instanceDoc(c, str(a, 0, c, ev));
    const item = lookup(doc, str(a, 2, c, ev), str(a, 3, c, ev));
    const wanted = str(a, 1, c, ev);
    return item?.children().find((x) => x.name === wanted)?.value() ?? '';
  }],

  ['number', (a, c, ev) => toNumberOrDays(argOrCurrent(a, c, ev))],
  ['int', (a, c, ev) => Math.trunc(num(a, 0, c, ev))],
  ['round', (a, c, ev) => roundHalfAwayFromZero(num(a, 0, c, ev), a.length > 1 ? num(a, 1, c, ev) : 0)],
  ['floor', (a, c, ev) => Math.floor(num(a, 0, c, ev))],
  ['ceiling', (a, c, ev) => Math.ceil(num(a, 0, c, ev))],
  ['abs', (a, c, ev) => Math.abs(num(a, 0, c, ev))],
  ['pow', (a, c, ev) => Math.pow(num(a, 0, c, ev), num(a, 1, c, ev))],
  ['sqrt', (a, c, ev) => Math.sqrt(num(a, 0, c, ev))],
  ['exp', (a, c, ev) => Math.exp(num(a, 0, c, ev))],
  ['exp10', (a, c, ev) => Math.pow(10, num(a, 0, c, ev))],
  ['log', (a, c, ev) => Math.log(num(a, 0, c, ev))],
  ['log10', (a, c, ev) => Math.log10(num(a, 0, c, ev))],
  ['sin', (a, c, ev) => Math.sin(num(a, 0, c, ev))],
  ['cos', (a, c, ev) => Math.cos(num(a, 0, c, ev))],
  ['tan', (a, c, ev) => Math.tan(num(a, 0, c, ev))],
  ['asin', (a, c, ev) => Math.asin(num(a, 0, c, ev))],
  ['acos', (a, c, ev) => Math.acos(num(a, 0, c, ev))],
  ['atan', (a, c, ev) => Math.atan(num(a, 0, c, ev))],
  ['atan2', (a, c, ev) => Math.atan2(num(a, 0, c, ev), num(a, 1, c, ev))],
  ['pi', () => Math.PI],
  ['random', () => Math.random()],

  ['boolean', (a, c, ev) => toBoolean(ev(arg(a, 0), c))],
  ['boolean-from-string', (a, c, ev) => {
    const s = str(a, 0, c, ev);
    return s === 'true' || s === '1';
  }],
  ['checklist', (a, c, ev) => {
    const count = members(a.slice(2), c, ev).filter(ticked).length;
    return within(count, num(a, 0, c, ev), num(a, 1, c, ev));
  }],
  ['weighted-checklist', (a, c, ev) => {
    const rest = a.slice(2);
    if (rest.length % 2 !== 0) {
      throw new ExprEvalError('weighted-checklist() needs its values and weights in pairs', 'weighted-checklist() cần các cặp giá trị, trọng số');
    }
    let total = 0;
    for (let i = 0; i < rest.length; i += 2) {
      if (ticked(ev(rest[i] as Expr, c))) total += toNumberOrDays(ev(rest[i + 1] as Expr, c));
    }
    return within(total, num(a, 0, c, ev), num(a, 1, c, ev));
  }],
  ['not', (a, c, ev) => !toBoolean(ev(arg(a, 0), c))],
  ['true', () => true],
  ['false', () => false],

  ['today', (_a, c) => localDateString(c.now())],
  ['now', (_a, c) => isoLocalDateTime(c.now())],
  ['date', (a, c, ev) => toDateString(ev(arg(a, 0), c))],
  ['decimal-date-time', (a, c, ev) => num(a, 0, c, ev)],
  ['format-date', (a, c, ev) => formatDate(ev(arg(a, 0), c), str(a, 1, c, ev))],
  ['format-date-time', (a, c, ev) => formatDate(ev(arg(a, 0), c), str(a, 1, c, ev))],
  ['decimal-time', (a, c, ev) => decimalTime(str(a, 0, c, ev), c.now())],

  // A value that is not a node-set is a field in scope: a node-set of one.
  ['count', (a, c, ev) => {
    const v = ev(arg(a, 0), c);
    return isNodeSet(v) ? v.values.length : 1;
  }],
  ['sum', (a, c, ev) => {
    const v = ev(arg(a, 0), c);
    if (!isNodeSet(v)) return toNumberOrDays(v);
    let total = 0;
    for (const s of v.values) total += stringToNumber(s);
    return total;
  }],
  ['max', (a, c, ev) => minMax(a, c, ev, Math.max)],
  ['min', (a, c, ev) => minMax(a, c, ev, Math.min)],
  ['count-non-empty', (a, c, ev) => {
    const v = ev(arg(a, 0), c);
    return isNodeSet(v) ? v.values.filter((x) => x !== '').length : toXString(v) === '' ? 0 : 1;
  }],
  ['position', (a, c, ev) => {
    if (a.length === 0) return proximityOf(c);
    // position(..) inside a repeat: the instance's index, without building nodes.
    if (isParentStep(arg(a, 0))) return c.position();
    return positionOf(ev(arg(a, 0), c));
  }],
  ['indexed-repeat', (a, c, ev) => {
    const field = arg(a, 0);
    const names: string[] = [];
    for (let k = 1; k < a.length; k += 2) {
      const r = arg(a, k);
      if (r.kind !== 'ref') names.push('');
      else names.push(r.name);
    }
    if (field.kind !== 'ref' || names.includes('') || a.length % 2 === 0) {
      throw new ExprEvalError('indexed-repeat() needs ${field}, then ${repeat}, n pairs',
        'indexed-repeat() cần ${câu_hỏi}, rồi các cặp ${nhóm_lặp}, n');
    }
    const levels: [string, number][] = [];
    for (let k = 0; k < names.length; k++) {
      const n = num(a, 2 * k + 2, c, ev);
      if (!Number.isInteger(n) || n < 1) return '';
      levels.push([names[k] as string, n]);
    }
    if (levels.length === 1) return c.indexedRepeat(field.name, (levels[0] as [string, number])[0], (levels[0] as [string, number])[1]);
    if (!c.indexedRepeatPath) throw new ExprEvalError('indexed-repeat() over nested repeats needs a form', 'indexed-repeat() lồng nhau cần một phiếu');
    return c.indexedRepeatPath(field.name, levels);
  }],
  ['instance', (a, c, ev) => nodeSetOf([instanceDoc(c, str(a, 0, c, ev))])],
  ['current', (_a, c) => {
    const node = originOf(c);
    return node ? nodeSetOf([node]) : { kind: 'nodeset', values: [toXString(c.current())] };
  }],
  ['randomize', (a, c, ev) => {
    const next = a.length > 1 ? parkMiller(num(a, 1, c, ev)) : Math.random;
    return shuffled(ev(arg(a, 0), c), next);
  }],
  ['area', (a, c, ev) => {
    const pts = geoPoints(a, c, ev);
    return pts === null ? NaN : areaOf(pts);
  }],
  ['enclosed-area', (a, c, ev) => {
    const pts = geoPoints(a, c, ev);
    return pts === null ? NaN : areaOf(pts);
  }],
  ['distance', (a, c, ev) => {
    const pts = geoPoints(a, c, ev);
    return pts === null ? NaN : distanceOf(pts);
  }],
]);

