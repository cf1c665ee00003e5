// Dates as people in Vietnam write them (dd/mm/yyyy) for the renderer's date fields, kept as ISO
// (YYYY-MM-DD) in every contract shape: typing is shaped as it goes (digits move on to the next
// part, `/` is put in, `5/` becomes `05/`), and what is typed is read back as a date or as the
// reason it is not one, so the field can say exactly what is wrong (31/02/2026: February has 28).

/** Years a survey's dates can fall in; outside is a typo. */
export const DATE_YEARS = { min: 1900, max: 2100 } as const;

export type DateText =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  | { kind: 'incomplete' }
  | { kind: 'badMonth'; month: string }
  | { kind: 'badYear'; year: string }
  | { kind: 'badDay'; days: number; month: string; year: string };

const pad = (n: number | string) => String(n).padStart(2, '0');
const isDigit = (c: string) => c >= '0' && c <= '9';

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO `YYYY-MM-DD` → `dd/mm/yyyy`; '' stays ''. */
export function isoToDateText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** What `text` says: nothing, a date (as ISO), or why it is not a date. */
export function readDateText(text: string): DateText {
  const t = text.trim();
  if (t === '') return { kind: 'empty' };
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (!m) return { kind: 'incomplete' };
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12) return { kind: 'badMonth', month: pad(m[2]!) };
  if (y < DATE_YEARS.min || y > DATE_YEARS.max) return { kind: 'badYear', year: m[3]! };
  const days = daysInMonth(y, mo);
  if (d < 1 || d > days) return { kind: 'badDay', days, month: pad(mo), year: m[3]! };
  return { kind: 'date', iso: `${m[3]}-${pad(mo)}-${pad(d)}` };
}

/**
 * The field's new text after an edit from `previous` to `typed`. Deleting, or typing anywhere but
 * at the end, is left as typed (only characters of a date kept), so the caret never jumps. Typing
 * at the end is shaped: two digits of a day or month move on with a `/`; a first digit that can
 * only be a whole day (4–9) or month (2–9) is padded; `/`, `.`, `-` or a space close a part
 * (padded to two digits); a year stops at four digits. A pasted ISO date is turned round.
 */
export function shapeDateText(previous: string, typed: string, atEnd = true): string {
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/.exec(typed);
  if (iso) return `${iso[3]}/${iso[2]}/${iso[1]}`;
  if (!atEnd || typed.length <= previous.length) return typed.replace(/[^\d/]/g, '').slice(0, 10);
  const parts = ['', '', ''];
  let p = 0;
  for (const c of typed) {
    if (isDigit(c)) {
      if (p < 2 && parts[p]!.length === 2) p++;
      if (p === 2 && parts[2]!.length === 4) continue;
      // A day cannot start with 4–9 nor a month with 2–9 and have a second digit: the part is whole.
      if (p < 2 && parts[p] === '' && c > (p === 0 ? '3' : '1')) {
        parts[p] = `0${c}`;
        p++;
        continue;
      }
      parts[p] += c;
    } else if ('/.- '.includes(c) && p < 2 && parts[p] !== '') {
      parts[p] = pad(parts[p]!);
      p++;
    }
  }
  let out = parts[0]!;
  if (p >= 1 || parts[0]!.length === 2) {
    out += `/${parts[1]}`;
    if (p >= 2 || parts[1]!.length === 2) out += `/${parts[2]}`;
  }
  return out;
}
