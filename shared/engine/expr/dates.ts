// Dates as the expression language sees them. XForms stores dates as 'YYYY-MM-DD' strings and
// datetimes as ISO strings; where a number is needed they count as days since 1970-01-01.
// Days are counted on the local wall clock (a "floating" time): '2024-01-01' is day 19723
// wherever the laptop is, and a datetime with an offset is first moved to the laptop's zone.
// Inside this module a floating time is held as milliseconds read with the UTC getters.

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
/** Beyond this many days from the epoch, Date cannot represent the value. */
const MAX_DAYS = 100_000_000;

function validDay(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function utc(y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0): number {
  const date = new Date(Date.UTC(2000, m - 1, d, h, min, s, ms));
  date.setUTCFullYear(y); // Date.UTC maps years 0-99 to 1900-1999
  return date.getTime();
}

// Date-only strings do not depend on the time zone, so their parse can be kept: a date of birth
// is compared with today() after every answer.
const dateCache = new Map<string, number>();
const DATE_CACHE_LIMIT = 1_000;

/** Floating milliseconds of a 'YYYY-MM-DD' or ISO datetime string, or NaN. */
export function dateStringToFloatingMs(input: string): number {
  const cached = dateCache.get(input);
  if (cached !== undefined) return cached;
  const s = input.trim();
  let m = DATE.exec(s);
  if (m) {
    const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
    const ms = validDay(y, mo, d) ? utc(y, mo, d) : NaN;
    if (dateCache.size >= DATE_CACHE_LIMIT) dateCache.clear();
    dateCache.set(input, ms);
    return ms;
  }
  m = DATETIME.exec(s);
  if (!m) return NaN;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  const h = Number(m[4]), min = Number(m[5]), sec = Number(m[6] ?? 0);
  const ms = Math.floor(Number(((m[7] ?? '0') + '00').slice(0, 3)));
  if (!validDay(y, mo, d) || h > 23 || min > 59 || sec > 59) return NaN;
  const wall = utc(y, mo, d, h, min, sec, ms);
  const zone = m[8];
  if (zone === undefined) return wall;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const digits = zone.slice(1).replace(':', '');
    offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0);
    if (zone.startsWith('-')) offsetMinutes = -offsetMinutes;
  }
  const absolute = wall - offsetMinutes * 60_000;
  return absolute - new Date(absolute).getTimezoneOffset() * 60_000;
}

/** Days since 1970-01-01 (fractional for datetimes) of a date string, or NaN. */
export function dateStringToDays(s: string): number {
  return dateStringToFloatingMs(s) / DAY_MS;
}

export function daysToFloatingMs(days: number): number {
  return days === days && Math.abs(days) <= MAX_DAYS ? days * DAY_MS : NaN;
}

/** The laptop's wall clock at `instant`, as floating milliseconds. */
export function localFloatingMs(instant: Date): number {
  return instant.getTime() - instant.getTimezoneOffset() * 60_000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function yearString(y: number): string {
  return y < 0 ? '-' + pad(-y, 4) : pad(y, 4);
}

/** 'YYYY-MM-DD' of a floating time. */
export function floatingToDateString(ms: number): string {
  const d = new Date(ms);
  return `${yearString(d.getUTCFullYear())}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

// Local midnight always falls on a whole minute, so today() can be reused within a minute.
let todayMinute = NaN;
let todayText = '';

/** today(): the local date of `instant` as YYYY-MM-DD. */
export function localDateString(instant: Date): string {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute !== todayMinute) {
    todayText = floatingToDateString(localFloatingMs(instant));
    todayMinute = minute;
  }
  return todayText;
}

/** now(): local ISO datetime with the laptop's offset, as ODK writes it: 2024-05-01T09:30:00.000+07:00. */
export function isoLocalDateTime(instant: Date): string {
  // The runtime stamps `end` after every answer; with a clock held still (the exports evaluate a
  // stored interview as at its own time) the same instant comes back each time: format it once.
  const ms = instant.getTime();
  const zone = instant.getTimezoneOffset();
  if (ms === lastIsoMs && zone === lastIsoZone) return lastIsoText;
  lastIsoText = formatIsoLocal(instant);
  lastIsoMs = ms;
  lastIsoZone = zone;
  return lastIsoText;
}

let lastIsoMs = NaN;
let lastIsoZone = NaN;
let lastIsoText = '';

function formatIsoLocal(instant: Date): string {
  const d = new Date(localFloatingMs(instant));
  const offset = -instant.getTimezoneOffset();
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${floatingToDateString(d.getTime())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:` +
    `${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** format-date(): %Y %y %m %n %b %d %e %a %H %h %M %S %3, English names as ODK uses. */
export function formatFloating(ms: number, format: string): string {
  const d = new Date(ms);
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const c = format[i];
    if (c !== '%' || i + 1 >= format.length) {
      out += c;
      continue;
    }
    const f = format[++i];
    switch (f) {
      case 'Y': out += yearString(d.getUTCFullYear()); break;
      case 'y': out += pad(((d.getUTCFullYear() % 100) + 100) % 100); break;
      case 'm': out += pad(d.getUTCMonth() + 1); break;
      case 'n': out += String(d.getUTCMonth() + 1); break;
      case 'b': out += MONTHS[d.getUTCMonth()]; break;
      case 'd': out += pad(d.getUTCDate()); break;
      case 'e': out += String(d.getUTCDate()); break;
      case 'a': out += WEEKDAYS[d.getUTCDay()]; break;
      case 'H': out += pad(d.getUTCHours()); break;
      case 'h': out += String(d.getUTCHours()); break;
      case 'M': out += pad(d.getUTCMinutes()); break;
      case 'S': out += pad(d.getUTCSeconds()); break;
      case '3': out += pad(d.getUTCMilliseconds(), 3); break;
      case '%': out += '%'; break;
      default: out += '%' + f; // unknown directive: kept as written
    }
  }
  return out;
}
