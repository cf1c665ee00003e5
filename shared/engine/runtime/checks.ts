// Type checks of a non-empty, non-missing value against its question type (ODK's XForms types):
// integer, decimal, date, time, date-time, choices of a select, range bounds and step.
import { stringToNumber } from '../expr/coerce';
import type { QuestionNode } from '../../forms/model';
import type { TypeProblem } from './messages';

const INTEGER = /^[+-]?\d+$/;
const MAX_INT = 2147483647;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?$/;

export function isValidDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

export function isValidTime(s: string): boolean {
  return TIME.test(s);
}

export function isValidDateTime(s: string): boolean {
  const t = s.indexOf('T');
  return t === 10 && isValidDate(s.slice(0, 10)) && isValidTime(s.slice(11));
}

function inRange(q: QuestionNode, x: number): boolean {
  const start = Number(q.parameters['start'] ?? '1');
  const end = Number(q.parameters['end'] ?? '10');
  const step = Math.abs(Number(q.parameters['step'] ?? '1')) || 1;
  if (x < Math.min(start, end) || x > Math.max(start, end)) return false;
  const k = (x - start) / step;
  return Math.abs(k - Math.round(k)) < 1e-9;
}

/** The problem with `xs` for question `q`, or null. `allowed` = the choices left after the choice_filter. */
export function typeProblem(q: QuestionNode, xs: string, allowed: ReadonlySet<string> | null): TypeProblem | null {
  switch (q.type) {
    case 'integer':
      // XForms `int` (pyxform's type for integer) is 32-bit, as in ODK Collect; larger values would also lose digits as numbers.
      return INTEGER.test(xs.trim()) && Math.abs(Number(xs)) <= MAX_INT ? null : 'integer';
    case 'decimal': {
      const n = stringToNumber(xs);
      return Number.isFinite(n) ? null : 'decimal';
    }
    case 'range': {
      const n = stringToNumber(xs);
      return Number.isFinite(n) && inRange(q, n) ? null : 'range';
    }
    case 'date':
      return isValidDate(xs) ? null : 'date';
    case 'time':
      return isValidTime(xs) ? null : 'time';
    case 'datetime':
      return isValidDateTime(xs) ? null : 'datetime';
    case 'select_one':
    // From a file: checked against its CSV's rows when the file came with the form (else allowed is null).
    case 'select_one_from_file':
      return allowed === null || allowed.has(xs.trim()) ? null : 'choice';
    case 'select_multiple':
    case 'select_multiple_from_file':
    case 'rank': {
      const names = xs.trim().split(/\s+/);
      if (allowed !== null) for (const n of names) if (!allowed.has(n)) return 'choices';
      return new Set(names).size === names.length ? null : 'choices';
    }
    case 'acknowledge':
      return xs === 'OK' ? null : 'acknowledge';
    default:
      return null;
  }
}
