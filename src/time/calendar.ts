/**
 * Calendar arithmetic on day numbers (days since 1970-01-01, UTC), and the resolved periods the time
 * stage emits. Plain integers: no Date objects per expression, no time zones.
 */

export type Granularity = 'year' | 'quarter' | 'month' | 'week' | 'day' | 'range' | 'decade' | 'unknown';
export type Modifier = 'START' | 'MID' | 'END' | 'APPROX';

/** A normalised period: its ISO value plus the first and last day it covers (for ordering and tense checks). */
export interface Period {
  value: string;
  granularity: Granularity;
  first: number;
  last: number;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

export const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * DAY_MS);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export const isoWeekday = (n: number): number => ((((n + 3) % 7) + 7) % 7) + 1;

/** Parses YYYY-MM-DD into a day number; null when absent or malformed. */
export function parseIsoDay(s: string | null | undefined): number | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m ? dayNumber(+m[1], +m[2], +m[3]) : null;
}

export function isoWeekOf(n: number): { year: number; week: number } {
  const thursday = n - (isoWeekday(n) - 1) + 3;
  const year = fromDayNumber(thursday).y;
  return { year, week: Math.floor((thursday - dayNumber(year, 1, 1)) / 7) + 1 };
}

/** Monday of ISO week `week` of ISO year `year` (week may overflow; arithmetic carries). */
export function isoWeekMonday(year: number, week: number): number {
  const jan4 = dayNumber(year, 1, 4);
  return jan4 - (isoWeekday(jan4) - 1) + (week - 1) * 7;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysInMonth = (y: number, m: number) => dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - dayNumber(y, m, 1);

export const yearPeriod = (y: number): Period => ({ value: pad(y, 4), granularity: 'year', first: dayNumber(y, 1, 1), last: dayNumber(y, 12, 31) });

export function monthPeriod(y: number, m: number): Period {
  // Normalise month overflow (month 0 → December of the previous year, 13 → January of the next).
  const yy = y + Math.floor((m - 1) / 12);
  const mm = ((((m - 1) % 12) + 12) % 12) + 1;
  return { value: `${pad(yy, 4)}-${pad(mm)}`, granularity: 'month', first: dayNumber(yy, mm, 1), last: dayNumber(yy, mm, daysInMonth(yy, mm)) };
}

export function dayPeriod(n: number): Period {
  const { y, m, d } = fromDayNumber(n);
  return { value: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, granularity: 'day', first: n, last: n };
}

/** A calendar date given as parts; null when the day does not exist (31 April). */
export function datePeriod(y: number, m: number, d: number): Period | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return dayPeriod(dayNumber(y, m, d));
}

export function weekPeriod(year: number, week: number): Period {
  const monday = isoWeekMonday(year, week);
  const w = isoWeekOf(monday);
  return { value: `${pad(w.year, 4)}-W${pad(w.week)}`, granularity: 'week', first: monday, last: monday + 6 };
}

/** TIMEX3 weekend of an ISO week: 2024-W06-WE (Saturday and Sunday). */
export function weekendPeriod(year: number, week: number): Period {
  const w = weekPeriod(year, week);
  return { value: `${w.value}-WE`, granularity: 'week', first: w.first + 5, last: w.first + 6 };
}

export function quarterPeriod(y: number, q: number): Period {
  const yy = y + Math.floor((q - 1) / 4);
  const qq = ((((q - 1) % 4) + 4) % 4) + 1;
  const first = monthPeriod(yy, qq * 3 - 2).first;
  return { value: `${pad(yy, 4)}-Q${qq}`, granularity: 'quarter', first, last: monthPeriod(yy, qq * 3).last };
}

/** Decade starting at year `start` (1990 → "199"). */
export const decadePeriod = (start: number): Period => ({
  value: pad(start, 4).slice(0, 3),
  granularity: 'decade',
  first: dayNumber(start, 1, 1),
  last: dayNumber(start + 9, 12, 31),
});

export function rangePeriod(from: Period, to: Period): Period {
  return { value: `${from.value}/${to.value}`, granularity: 'range', first: from.first, last: to.last };
}

/** The part of a period a vague modifier points at (thirds), used only for tense decisions and background. */
export function narrow(p: Period, mod: Modifier | null): { first: number; last: number } {
  if (mod !== 'START' && mod !== 'MID' && mod !== 'END') return p;
  const third = Math.max(0, Math.floor((p.last - p.first + 1) / 3) - 1);
  if (mod === 'START') return { first: p.first, last: p.first + third };
  if (mod === 'END') return { first: p.last - third, last: p.last };
  const mid = Math.floor((p.first + p.last) / 2);
  return { first: mid - Math.floor(third / 2), last: mid + Math.ceil(third / 2) };
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus), as a day number. */
export function easterSunday(y: number): number {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return dayNumber(y, month, day);
}

/** The nth ISO weekday `wd` of a month (nth -1 = the last one): Thanksgiving is the 4th Thursday of November. */
export function nthWeekdayOfMonth(y: number, m: number, wd: number, nth: number): number {
  if (nth < 0) {
    const last = dayNumber(m === 12 ? y + 1 : y, m === 12 ? 1 : m + 1, 1) - 1;
    return last - ((isoWeekday(last) - wd + 7) % 7) + (nth + 1) * 7;
  }
  const first = dayNumber(y, m, 1);
  return first + ((wd - isoWeekday(first) + 7) % 7) + (nth - 1) * 7;
}

/** Half of a year (1 or 2), as the range of its months (TIMEX3 writes 2024-H1; see normalise.ts). */
export function halfPeriod(y: number, h: number): Period {
  const yy = y + Math.floor((h - 1) / 2);
  const hh = ((((h - 1) % 2) + 2) % 2) + 1;
  return rangePeriod(monthPeriod(yy, hh * 6 - 5), monthPeriod(yy, hh * 6));
}
