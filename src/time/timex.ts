/**
 * TIMEX3 (TimeML 1.2.1 / ISO-TimeML) values for the time stage: the type of an expression, its value in
 * TIMEX3 form and its mod. The resolved period (calendar.ts) stays the timeline's interval for the network;
 * the TIMEX3 value is what temporal-annotation tools and the TimeBank/TempEval gold write:
 * "Anfang 2011" → interval 2011-01 (START) but TIMEX3 2011 mod START; "im Sommer 2018" → interval
 * 2018-06/2018-08 but TIMEX3 2018-SU; "in den letzten drei Wochen" → interval 2024-W02/2024-W05 but TIMEX3
 * DURATION P3W anchored at the publication date.
 */
import type { Granularity, Modifier } from './calendar.js';

export const TIMEX_TYPES = ['DATE', 'TIME', 'DURATION', 'SET'] as const;
export type TimexType = (typeof TIMEX_TYPES)[number];

/** The TIMEX3 mod values (TimeML 1.2.1). */
export const TIMEX_MODS = [
  'BEFORE', 'AFTER', 'ON_OR_BEFORE', 'ON_OR_AFTER', 'LESS_THAN', 'MORE_THAN',
  'EQUAL_OR_LESS', 'EQUAL_OR_MORE', 'START', 'MID', 'END', 'APPROX',
] as const;
export type TimexMod = (typeof TIMEX_MODS)[number];
const MOD_SET = new Set<string>(TIMEX_MODS);
export const isTimexMod = (s: unknown): s is TimexMod => typeof s === 'string' && MOD_SET.has(s);

export interface Timex {
  type: TimexType;
  value: string;
  mod: TimexMod | null;
  /** SET: EACH / EVERY ("jeden Montag", "every year"). */
  quant?: string;
  /** SET: how often per period ("zweimal pro Woche" → 2X). */
  freq?: string;
  /** DURATION: the text anchors it at the publication date ("seit drei Jahren", "the past three weeks"). */
  anchorTime?: 'published';
  /** A range written as one expression ("2017-2021", "5. bis 7. Oktober"): TIMEX3 annotates its two ends. */
  parts?: Timex[];
}

/**
 * The legacy timeline modifier (START, MID, END, APPROX) for a TIMEX3 mod: quantity mods (MORE_THAN,
 * LESS_THAN, …) were always reported as APPROX on the timeline, so the network keeps seeing them so.
 */
export function legacyModifier(mod: TimexMod | null): Modifier | null {
  if (mod === null) return null;
  return mod === 'START' || mod === 'MID' || mod === 'END' || mod === 'APPROX' ? mod : 'APPROX';
}

/** A quantity mod on a point in time: "vor mehr als drei Jahren" lies before the date three years back. */
export function pointMod(mod: TimexMod | null, direction: number): TimexMod | null {
  if (mod === 'MORE_THAN') return direction < 0 ? 'BEFORE' : 'AFTER';
  if (mod === 'LESS_THAN') return direction < 0 ? 'AFTER' : 'BEFORE';
  return mod;
}

/** TIMEX3 duration designators per unit; units below a day go after the T. */
const DURATION_UNIT: Record<string, { code: string; time: boolean }> = {
  year: { code: 'Y', time: false },
  month: { code: 'M', time: false },
  week: { code: 'W', time: false },
  weekend: { code: 'WE', time: false },
  day: { code: 'D', time: false },
  quarter: { code: 'Q', time: false },
  decade: { code: 'DE', time: false },
  century: { code: 'CE', time: false },
  hour: { code: 'H', time: true },
  minute: { code: 'M', time: true },
  second: { code: 'S', time: true },
};

export const isDurationUnit = (u: unknown): u is string => typeof u === 'string' && u in DURATION_UNIT;

/** A fraction of a unit below one is written in the next smaller unit: half a year → P6M, half an hour → PT30M. */
const SMALLER: Record<string, [string, number]> = { year: ['month', 12], week: ['day', 7], day: ['hour', 24], hour: ['minute', 60] };

/** P3Y, PXM (amount unknown), P1.5Y, PT2H. */
export function durationValue(amount: number | null, unit: string): string {
  if (amount !== null && amount < 1 && SMALLER[unit] && Number.isInteger(amount * SMALLER[unit][1])) {
    return durationValue(amount * SMALLER[unit][1], SMALLER[unit][0]);
  }
  const u = DURATION_UNIT[unit];
  const n = amount === null ? 'X' : String(amount);
  return u.time ? `PT${n}${u.code}` : `P${n}${u.code}`;
}

/** The underspecified TIMEX3 value of a date that cannot be placed (no publication date): XXXX-04, XXXX-WXX-2. */
export function undefinedValue(g: Granularity, parts: { month?: number; day?: number; weekday?: number; season?: string; quarter?: number }): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  if (parts.weekday !== undefined) return `XXXX-WXX-${parts.weekday}`;
  if (parts.season) return `XXXX-${parts.season}`;
  if (parts.quarter !== undefined) return `XXXX-Q${parts.quarter}`;
  if (parts.month !== undefined) return parts.day !== undefined ? `XXXX-${p2(parts.month)}-${p2(parts.day)}` : `XXXX-${p2(parts.month)}`;
  switch (g) {
    case 'day': return 'XXXX-XX-XX';
    case 'week': return 'XXXX-WXX';
    case 'month': return 'XXXX-XX';
    case 'quarter': return 'XXXX-QX';
    case 'decade': return 'XXX';
    default: return 'XXXX';
  }
}

/** TIMEX3 parts of the day: MO, AF, EV, NI (and DT, daytime). */
export const DAYTIME_CODES = new Set(['MO', 'MI', 'AF', 'EV', 'NI', 'DT']);

/** HH:MM of a clock time; null when it is not one (25 Uhr, 13 p.m.). */
export function clockValue(hour: number, minute: number, ampm: string | undefined): string | null {
  if (!Number.isInteger(hour) || !Number.isInteger(minute) || minute < 0 || minute > 59) return null;
  let h = hour;
  // "nachts" is before dawn for small hours (2 Uhr nachts) and before midnight for late ones (11 Uhr nachts).
  const half = ampm === 'night' ? (h >= 6 && h <= 12 ? 'pm' : 'am') : ampm;
  if ((half === 'am' || half === 'pm') && h >= 1 && h <= 12) {
    if (half === 'am' && h === 12) h = 0;
    if (half === 'pm' && h < 12) h += 12;
  } else if (h < 0 || h > 24 || (h === 24 && minute > 0)) return null;
  return `${String(h).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
