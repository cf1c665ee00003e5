// Written to hold in any time zone: expectations built from local Date constructors and getters.
import { describe, expect, it } from 'vitest';
import { ev } from './context';

const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0, ms = 0) => new Date(y, m - 1, d, h, min, s, ms);

describe('today() and now()', () => {
  it('today() is the local date of the clock as YYYY-MM-DD', () => {
    expect(ev('today()', { now: local(2024, 5, 1, 0, 5) })).toBe('2024-05-01');
    expect(ev('today()', { now: local(2024, 12, 31, 23, 59) })).toBe('2024-12-31');
  });

  it("now() is an ISO datetime on the local clock with the laptop's offset", () => {
    const instant = local(2024, 5, 1, 9, 30, 15, 250);
    const text = ev('now()', { now: instant }) as string;
    expect(text).toMatch(/^2024-05-01T09:30:15\.250[+-]\d{2}:\d{2}$/);
    expect(new Date(text).getTime()).toBe(instant.getTime());
  });
});

describe('date()', () => {
  it('keeps a YYYY-MM-DD string and cuts a datetime to its date', () => {
    expect(ev("date('2024-02-29')")).toBe('2024-02-29');
    expect(ev("date(' 2024-02-29 ')")).toBe('2024-02-29');
    expect(ev("date('2024-02-29T10:00:00')")).toBe('2024-02-29');
  });

  it('turns days since 1970-01-01 into a date', () => {
    expect(ev('date(0)')).toBe('1970-01-01');
    expect(ev('date(19723)')).toBe('2024-01-01');
    expect(ev('date(19723.9)')).toBe('2024-01-01');
    expect(ev('date(-1)')).toBe('1969-12-31');
    expect(ev("date('19723')")).toBe('2024-01-01');
  });

  it('gives an empty string for empty or impossible input', () => {
    expect(ev("date('')")).toBe('');
    expect(ev("date('2023-02-29')")).toBe('');
    expect(ev("date('2024-13-01')")).toBe('');
    expect(ev("date('abc')")).toBe('');
    expect(ev('date(1 div 0)')).toBe('');
  });
});

describe('date arithmetic and comparison', () => {
  it('counts a date string as days since the epoch in arithmetic', () => {
    expect(ev("date('2024-01-01') + 1")).toBe(19724);
    expect(ev("date(date('2024-01-31') + 1)")).toBe('2024-02-01');
    expect(ev("'2024-03-01' - '2024-02-01'")).toBe(29);
  });

  it('computes age in days and years from a date of birth', () => {
    const ctx = { values: { dob: '2000-05-01' }, now: local(2024, 5, 1, 12) };
    expect(ev('today() - ${dob}', ctx)).toBe(8766);
    expect(ev('int((today() - ${dob}) div 365.25)', ctx)).toBe(24);
    expect(ev('int((decimal-date-time(today()) - decimal-date-time(${dob})) div 365.25)', ctx)).toBe(24);
  });

  it('compares date strings as dates', () => {
    const ctx = { values: { d: '2024-05-02', empty: '' }, now: local(2024, 5, 1, 12) };
    expect(ev('${d} > today()', ctx)).toBe(true);
    expect(ev("${d} <= '2024-05-01'", ctx)).toBe(false);
    expect(ev("${d} = '2024-05-02'", ctx)).toBe(true);
    expect(ev("${d} >= date('2024-01-01')", ctx)).toBe(true);
    expect(ev('${empty} > today()', ctx)).toBe(false);
    expect(ev('${empty} <= today()', ctx)).toBe(false);
  });

  it('compares a datetime with the date it falls on', () => {
    expect(ev("'2024-05-01T10:00:00' > '2024-05-01'")).toBe(true);
    expect(ev("'2024-05-01T10:00:00' < '2024-05-02'")).toBe(true);
  });
});

describe('decimal-date-time()', () => {
  it('gives days with a fraction for the time of day', () => {
    expect(ev("decimal-date-time('1970-01-02')")).toBe(1);
    expect(ev("decimal-date-time('1970-01-01T12:00:00')")).toBe(0.5);
    expect(ev("decimal-date-time('1970-01-01T06:00:00.500')")).toBeCloseTo(0.25 + 0.5 / 86400, 12);
    expect(ev('decimal-date-time(3.5)')).toBe(3.5);
    expect(ev("decimal-date-time('')")).toBeNaN();
  });

  it('moves a datetime with an offset to the local clock', () => {
    const instant = new Date('2024-01-01T03:00:00Z');
    const wallDays = (instant.getTime() - instant.getTimezoneOffset() * 60_000) / 86_400_000;
    expect(ev("decimal-date-time('2024-01-01T10:00:00+07:00')")).toBeCloseTo(wallDays, 9);
    expect(ev("decimal-date-time('2024-01-01T03:00:00Z')")).toBeCloseTo(wallDays, 9);
    expect(ev("decimal-date-time('2024-01-01T03:00:00.000+0000')")).toBeCloseTo(wallDays, 9);
  });

  it('measures the minutes between two now() readings', () => {
    const start = ev('now()', { now: local(2024, 5, 1, 9, 0) });
    const minutes = ev('round((decimal-date-time(now()) - decimal-date-time(${start})) * 1440)', {
      values: { start },
      now: local(2024, 5, 1, 9, 45),
    });
    expect(minutes).toBe(45);
  });
});

describe('format-date()', () => {
  it('formats every directive with English month and day names', () => {
    const d = "'2024-03-05T07:08:09.123'";
    expect(ev(`format-date(${d}, '%Y|%y|%m|%n|%b|%d|%e|%a|%H|%h|%M|%S|%3')`)).toBe(
      '2024|24|03|3|Mar|05|5|Tue|07|7|08|09|123',
    );
  });

  it('formats date strings, day numbers and now()', () => {
    expect(ev("format-date('2000-02-29', '%d/%m/%Y')")).toBe('29/02/2000');
    expect(ev("format-date(date('2024-01-01') + 31, '%e %b %Y')")).toBe('1 Feb 2024');
    expect(ev("format-date(now(), '%H:%M')", { now: local(2024, 5, 1, 21, 4) })).toBe('21:04');
    expect(ev("format-date-time('2024-05-01T21:04:00', '%a %H:%M')")).toBe('Wed 21:04');
  });

  it('keeps literal text, %% and unknown directives', () => {
    expect(ev("format-date('2024-05-01', 'Ngày %d, %% %q %')")).toBe('Ngày 01, % %q %');
  });

  it('gives an empty string for an empty or invalid date', () => {
    expect(ev("format-date('', '%Y')")).toBe('');
    expect(ev("format-date('hôm qua', '%Y')")).toBe('');
  });
});
