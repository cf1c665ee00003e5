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
import { ExprEvalError } from './errors';
import { QUOTED_REF } from './parser';
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
import { isNodeSet, type EvalContext, type XValue } from './values';

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
  return m ? (m[1] as string) : text.trim();
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
  ['uuid', () => uuid()],

  ['number', (a, c, ev) => toNumberOrDays(argOrCurrent(a, c, ev))],
  ['int', (a, c, ev) => Math.trunc(num(a, 0, c, ev))],
  ['round', (a, c, ev) => roundHalfAwayFromZero(num(a, 0, c, ev), a.length > 1 ? num(a, 1, c, ev) : 0)],
  ['floor', (a, c, ev) => Math.floor(num(a, 0, c, ev))],
  ['ceiling', (a, c, ev) => Math.ceil(num(a, 0, c, ev))],
  ['abs', (a, c, ev) => Math.abs(num(a, 0, c, ev))],
  ['pow', (a, c, ev) => Math.pow(num(a, 0, c, ev), num(a, 1, c, ev))],
  ['sqrt', (a, c, ev) => Math.sqrt(num(a, 0, c, ev))],
  ['random', () => Math.random()],

  ['boolean', (a, c, ev) => toBoolean(ev(arg(a, 0), c))],
  ['not', (a, c, ev) => !toBoolean(ev(arg(a, 0), c))],
  ['true', () => true],
  ['false', () => false],

  ['today', (_a, c) => localDateString(c.now())],
  ['now', (_a, c) => isoLocalDateTime(c.now())],
  ['date', (a, c, ev) => toDateString(ev(arg(a, 0), c))],
  ['decimal-date-time', (a, c, ev) => num(a, 0, c, ev)],
  ['format-date', (a, c, ev) => formatDate(ev(arg(a, 0), c), str(a, 1, c, ev))],
  ['format-date-time', (a, c, ev) => formatDate(ev(arg(a, 0), c), str(a, 1, c, ev))],

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
  ['position', (_a, c) => c.position()],
  ['indexed-repeat', (a, c, ev) => {
    const field = arg(a, 0);
    const repeat = arg(a, 1);
    if (field.kind !== 'ref' || repeat.kind !== 'ref') {
      throw new ExprEvalError('indexed-repeat() needs ${field} and ${repeat} references',
        'indexed-repeat() cần tham chiếu ${câu_hỏi} và ${nhóm_lặp}');
    }
    const n = num(a, 2, c, ev);
    return Number.isInteger(n) && n >= 1 ? c.indexedRepeat(field.name, repeat.name, n) : '';
  }],
]);

