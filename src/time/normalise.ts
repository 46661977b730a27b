/**
 * Turns a matched rule's normalisation spec into an ISO value, resolving relative and underspecified
 * expressions against the publication date and the clause tense. The spec types are language-independent
 * (the rules that produce them are data):
 *
 *   date      year?, month?, day?, offset?  absolute with a year; otherwise the year comes from the
 *                                           publication date: past tense → the latest such date not after
 *                                           it, future → the earliest not before it, unknown → this year
 *                                           (the next one if this year's ended half a year before);
 *                                           offset -1/+1 ("letzten März", "next April") forces strictly
 *                                           before/after. Nothing but a modifier = the year ("Ende des Jahres").
 *   relative  unit, offset                  publication period shifted ("letzten Monat", "this week")
 *   nearest   unit                          this period, or the previous/next one by tense ("Ende des Monats")
 *   ago/later amount, unit                  shifted by an amount ("vor drei Jahren", "in two weeks")
 *   span      unit, amount?, direction      a range reaching back/forward from publication ("the past few weeks")
 *   toDate    unit, direction                from the start of this unit to publication (-1, "earlier this year")
 *                                           or from publication to its end (+1, "later this month")
 *   weekday   weekday, offset?              nearest past/future such day by tense; offset forces direction
 *   weekend   offset?                       like weekday, for Saturday–Sunday (TIMEX3 "2024-W05-WE")
 *   yearTurn                                December/January around the nearest turn of the year, by tense
 *   season    season {start,end}, year?, offset?   month range; underspecified like date
 *   quarter   quarter, year?, offset?       2024-Q3; underspecified like date
 *   decade    decade                        "1990er" → 199; two digits ("90er") need the publication date
 *   range     from, to                      two specs; missing fields of `from` come from `to`
 * Any spec may carry mod (START/MID/END/APPROX); a missing amount with defaultAmount set is vague → APPROX.
 * A year with START/MID/END comes out at month precision (yearPartAsMonth).
 */
import type { Tense } from './tense.js';
import {
  type Granularity,
  type Modifier,
  type Period,
  datePeriod,
  dayPeriod,
  decadePeriod,
  fromDayNumber,
  isoWeekOf,
  isoWeekday,
  monthPeriod,
  narrow,
  quarterPeriod,
  rangePeriod,
  weekPeriod,
  weekendPeriod,
  yearPeriod,
} from './calendar.js';
import type { LexValue, NormSpec } from './rules.js';

export interface NormContext {
  /** Publication day number, or null when unknown. */
  pub: number | null;
  tense: Tense;
}

export type NormResult =
  | { ok: true; period: Period; anchor: 'text' | 'published'; modifier: Modifier | null }
  | { ok: true; period: null; anchor: 'none'; granularity: Granularity; modifier: Modifier | null }
  /** The match is not a real date (31 April) or the spec is incomplete: not a time expression. */
  | { ok: false };

type Slots = Record<string, LexValue | undefined>;

/** Needs the publication date but has none: carries the granularity it would have had. */
class Unanchored {
  constructor(readonly granularity: Granularity) {}
}
type Resolved = { period: Period; anchored: boolean } | Unanchored | null;

const MODIFIERS = new Set(['START', 'MID', 'END', 'APPROX']);
const UNIT_GRANULARITY: Record<string, Granularity> = {
  year: 'year', month: 'month', week: 'week', weekend: 'week', day: 'day', quarter: 'quarter', decade: 'decade',
};

/** Reads a spec field: a literal, "$slot", "$slot.field", or alternatives "$a|$b" (first one present). */
function field(spec: NormSpec, name: string, slots: Slots): LexValue | undefined {
  const raw = spec[name];
  if (typeof raw !== 'string' || !raw.startsWith('$')) return raw as LexValue | undefined;
  for (const alt of raw.split('|')) {
    const [slot, sub] = alt.slice(1).split('.');
    const v = slots[slot];
    if (v === undefined) continue;
    if (sub === undefined) return v;
    if (typeof v === 'object' && v[sub] !== undefined) return v[sub];
  }
  return undefined;
}

const num = (v: LexValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

export function normalise(spec: NormSpec, slots: Slots, ctx: NormContext): NormResult {
  const modRaw = field(spec, 'mod', slots);
  let modifier: Modifier | null = typeof modRaw === 'string' && MODIFIERS.has(modRaw) ? (modRaw as Modifier) : null;
  if (spec.defaultAmount !== undefined && num(field(spec, 'amount', slots)) === undefined) modifier = modifier ?? 'APPROX';
  const r = resolve(spec, slots, ctx, modifier);
  if (r === null) return { ok: false };
  if (r instanceof Unanchored) {
    const g = r.granularity === 'year' && isPart(modifier) ? 'month' : r.granularity;
    return { ok: true, period: null, anchor: 'none', granularity: g, modifier };
  }
  return { ok: true, period: yearPartAsMonth(r.period, modifier), anchor: r.anchored ? 'published' : 'text', modifier };
}

const isPart = (mod: Modifier | null) => mod === 'START' || mod === 'MID' || mod === 'END';

/**
 * A year with START/MID/END is given at month precision — its first, middle or last month, modifier
 * kept — so a timeline can place it: "Ende letzten Jahres" → 2023-12 END, "Anfang 2023" → 2023-01 START.
 */
function yearPartAsMonth(p: Period, mod: Modifier | null): Period {
  if (p.granularity !== 'year' || !isPart(mod)) return p;
  const y = fromDayNumber(p.first).y;
  return monthPeriod(y, mod === 'START' ? 1 : mod === 'MID' ? 6 : 12);
}

function resolve(spec: NormSpec, slots: Slots, ctx: NormContext, mod: Modifier | null): Resolved {
  switch (spec.type) {
    case 'date':
      return resolveDate(spec, slots, ctx, mod);
    case 'relative':
    case 'ago':
    case 'later': {
      const unit = field(spec, 'unit', slots);
      if (typeof unit !== 'string' || !UNIT_GRANULARITY[unit]) return null;
      const amount = num(field(spec, spec.type === 'relative' ? 'offset' : 'amount', slots)) ?? num(spec.defaultAmount as LexValue);
      if (amount === undefined) return null;
      if (ctx.pub === null) return new Unanchored(UNIT_GRANULARITY[unit]);
      const k = spec.type === 'ago' ? -amount : amount;
      return { period: periodAt(unit, ctx.pub, k), anchored: true };
    }
    case 'nearest': {
      const unit = field(spec, 'unit', slots);
      if (typeof unit !== 'string' || !UNIT_GRANULARITY[unit]) return null;
      if (ctx.pub === null) return new Unanchored(UNIT_GRANULARITY[unit]);
      const pub = ctx.pub;
      return { period: byTense((k) => periodAt(unit, pub, k), pub, ctx.tense, undefined, mod), anchored: true };
    }
    case 'span': {
      const unit = field(spec, 'unit', slots);
      const dir = num(field(spec, 'direction', slots)) ?? -1;
      const amount = num(field(spec, 'amount', slots)) ?? num(spec.defaultAmount as LexValue);
      if (typeof unit !== 'string' || !UNIT_GRANULARITY[unit] || amount === undefined) return null;
      if (ctx.pub === null) return new Unanchored('range');
      const here = periodAt(unit, ctx.pub, 0);
      const there = periodAt(unit, ctx.pub, dir * amount);
      return { period: dir < 0 ? rangePeriod(there, here) : rangePeriod(here, there), anchored: true };
    }
    case 'toDate': {
      // "earlier this year" / "later this month": from the start of the unit to publication, or on to its end.
      const unit = field(spec, 'unit', slots);
      const dir = num(field(spec, 'direction', slots)) ?? -1;
      if (typeof unit !== 'string' || !UNIT_GRANULARITY[unit]) return null;
      if (ctx.pub === null) return new Unanchored('range');
      const whole = periodAt(unit, ctx.pub, 0);
      const step = unit === 'year' || unit === 'quarter' || unit === 'decade' ? (n: number) => monthPeriod(fromDayNumber(n).y, fromDayNumber(n).m) : dayPeriod;
      const here = step(ctx.pub);
      return { period: dir < 0 ? rangePeriod(step(whole.first), here) : rangePeriod(here, step(whole.last)), anchored: true };
    }
    case 'weekday': {
      const wd = num(field(spec, 'weekday', slots));
      if (wd === undefined || wd < 1 || wd > 7) return null;
      if (ctx.pub === null) return new Unanchored('day');
      return { period: dayPeriod(weekdayNear(ctx.pub, wd, num(field(spec, 'offset', slots)), ctx.tense)), anchored: true };
    }
    case 'weekend': {
      if (ctx.pub === null) return new Unanchored('week');
      const offset = num(field(spec, 'offset', slots));
      // The weekend is found through its Saturday, like a weekday.
      const saturday = offset === undefined || offset === 0
        ? weekendSaturday(ctx.pub, ctx.tense)
        : weekdayNear(ctx.pub, 6, offset, ctx.tense);
      const w = isoWeekOf(saturday);
      return { period: weekendPeriod(w.year, w.week), anchored: true };
    }
    case 'yearTurn': {
      if (ctx.pub === null) return new Unanchored('range');
      const { y, m } = fromDayNumber(ctx.pub);
      // The January that opens the turn: past → this one; future → the next; unknown → the nearer one.
      const jan = ctx.tense === 'past' ? y : ctx.tense === 'future' ? y + 1 : m <= 6 ? y : y + 1;
      return { period: rangePeriod(monthPeriod(jan - 1, 12), monthPeriod(jan, 1)), anchored: true };
    }
    case 'season': {
      const s = field(spec, 'season', slots);
      if (typeof s !== 'object') return null;
      const a = Number(s.start);
      const b = Number(s.end);
      const make = (y: number) => rangePeriod(monthPeriod(y, a), monthPeriod(b < a ? y + 1 : y, b));
      return cyclic(make, spec, slots, ctx, mod, 'range');
    }
    case 'quarter': {
      const q = num(field(spec, 'quarter', slots));
      if (q === undefined || q < 1 || q > 4) return null;
      return cyclic((y) => quarterPeriod(y, q), spec, slots, ctx, mod, 'quarter');
    }
    case 'decade': {
      const d = num(field(spec, 'decade', slots));
      if (d === undefined) return null;
      if (d >= 100) return { period: decadePeriod(d), anchored: false };
      if (ctx.pub === null) return new Unanchored('decade');
      // "die 90er": the latest such decade that has begun by the publication year.
      const y = fromDayNumber(ctx.pub).y;
      const start = Math.floor(y / 100) * 100 + d;
      return { period: decadePeriod(start > y ? start - 100 : start), anchored: true };
    }
    case 'range':
      return resolveRange(spec, slots, ctx);
    default:
      throw new Error(`time rules: unknown normalisation type "${spec.type}"`);
  }
}

function resolveDate(spec: NormSpec, slots: Slots, ctx: NormContext, mod: Modifier | null): Resolved {
  const year = num(field(spec, 'year', slots));
  const month = num(field(spec, 'month', slots));
  const day = num(field(spec, 'day', slots));
  if (day !== undefined && month === undefined) return null;
  const make = (y: number): Period | null =>
    day !== undefined ? datePeriod(y, month!, day) : month !== undefined ? (month >= 1 && month <= 12 ? monthPeriod(y, month) : null) : yearPeriod(y);
  if (year !== undefined) {
    const p = make(year);
    return p ? { period: p, anchored: false } : null;
  }
  // Validate the parts once (a 29 February is checked against a leap year).
  if (!make(2024)) return null;
  if (ctx.pub === null) return new Unanchored(day !== undefined ? 'day' : month !== undefined ? 'month' : 'year');
  const pub = ctx.pub;
  const offset = num(field(spec, 'offset', slots));
  const y = fromDayNumber(pub).y;
  // A 29 February in a common year falls back to its month.
  const p = byTense((k) => make(y + k) ?? monthPeriod(y + k, month!), pub, ctx.tense, offset, mod);
  return { period: p, anchored: true };
}

/** Seasons and quarters: absolute with a year, else resolved like an underspecified month. */
function cyclic(make: (y: number) => Period, spec: NormSpec, slots: Slots, ctx: NormContext, mod: Modifier | null, g: Granularity): Resolved {
  const year = num(field(spec, 'year', slots));
  if (year !== undefined) return { period: make(year), anchored: false };
  if (ctx.pub === null) return new Unanchored(g);
  const pub = ctx.pub;
  const y = fromDayNumber(pub).y;
  return { period: byTense((k) => make(y + k), pub, ctx.tense, num(field(spec, 'offset', slots)), mod), anchored: true };
}

/**
 * Chooses among candidate(-1), candidate(0), candidate(+1): an explicit offset forces strictly
 * before/after the publication day; otherwise past tense takes the latest one whose (modified) start is not
 * after it, future tense the earliest whose (modified) end is not before it, and no tense candidate(0)
 * unless that ended half a year or more before publication.
 */
function byTense(candidate: (k: number) => Period, pub: number, tense: Tense, offset: number | undefined, mod: Modifier | null): Period {
  const c0 = candidate(0);
  if (offset !== undefined && offset < 0) return c0.last < pub ? c0 : candidate(-1);
  if (offset !== undefined && offset > 0) return c0.first > pub ? c0 : candidate(1);
  if (offset === 0) return c0;
  const n = narrow(c0, mod);
  if (tense === 'past' && n.first > pub) return candidate(-1);
  if (tense === 'future' && n.last < pub) return candidate(1);
  // No tense cue: this year's — unless that lies half a year or more behind: a clause without past
  // cues about such a date announces the next one ("Die Steuer steigt zum 1. Januar", in October).
  if (tense === 'none' && n.last < pub - STALE_DAYS) return candidate(1);
  return c0;
}

const STALE_DAYS = 183;

/** The period of a unit containing the publication day, shifted by k units. */
function periodAt(unit: string, pub: number, k: number): Period {
  const { y, m } = fromDayNumber(pub);
  switch (unit) {
    case 'year': return yearPeriod(y + k);
    case 'month': return monthPeriod(y, m + k);
    case 'quarter': return quarterPeriod(y, Math.ceil(m / 3) + k);
    case 'day': return dayPeriod(pub + k);
    case 'decade': return decadePeriod(Math.floor(y / 10) * 10 + 10 * k);
    case 'week':
    case 'weekend': {
      const w = isoWeekOf(pub);
      return unit === 'week' ? weekPeriod(w.year, w.week + k) : weekendPeriod(w.year, w.week + k);
    }
    default: throw new Error(`time rules: unknown unit "${unit}"`);
  }
}

/**
 * The day with ISO weekday `wd` near the publication day: offset -1/+1 strictly before/after;
 * otherwise past tense → on or before, future → on or after, unknown → the nearer one (ties: before).
 */
function weekdayNear(pub: number, wd: number, offset: number | undefined, tense: Tense): number {
  const back = (isoWeekday(pub) - wd + 7) % 7;
  const ahead = (wd - isoWeekday(pub) + 7) % 7;
  if (offset !== undefined && offset < 0) return pub - (back || 7);
  if (offset !== undefined && offset > 0) return pub + (ahead || 7);
  if (tense === 'past') return pub - back;
  if (tense === 'future') return pub + ahead;
  return back <= ahead ? pub - back : pub + ahead;
}

/** Saturday of the weekend meant by a bare "am Wochenende": the last one in the past, the next in the future, else this week's. */
function weekendSaturday(pub: number, tense: Tense): number {
  const wd = isoWeekday(pub);
  if (tense === 'past') return wd >= 6 ? pub - (wd - 6) : pub - (wd + 1);
  return pub + (6 - Math.min(wd, 6)) - (wd === 7 ? 1 : 0);
}

function resolveRange(spec: NormSpec, slots: Slots, ctx: NormContext): Resolved {
  const fromSpec = spec.from as NormSpec | undefined;
  const toSpec = spec.to as NormSpec | undefined;
  if (!fromSpec || !toSpec) return null;
  const to = resolve(toSpec, slots, ctx, null);
  if (to === null) return null;
  if (to instanceof Unanchored) return new Unanchored('range');
  // "5. bis 7. November 2023", "von Januar bis März": `from` borrows the fields it lacks from `to`.
  let fromFilled = fromSpec;
  let borrowedYear = false;
  if (fromSpec.type === 'date' && toSpec.type === 'date') {
    const end = fromDayNumber(to.period.first);
    fromFilled = { ...fromSpec };
    // Only a day borrows a month ("5. bis 7. November"); a year stays a year ("2017-2021").
    if (field(fromSpec, 'day', slots) !== undefined && field(fromSpec, 'month', slots) === undefined) fromFilled.month = end.m;
    if (field(fromSpec, 'year', slots) === undefined) {
      fromFilled.year = end.y;
      borrowedYear = true;
    }
  }
  let from = resolve(fromFilled, slots, ctx, null);
  if (from === null || from instanceof Unanchored) return from === null ? null : new Unanchored('range');
  if (borrowedYear && from.period.first > to.period.first) {
    // "Dezember bis Februar 2024": the start lies in the year before.
    from = resolve({ ...fromFilled, year: (fromFilled.year as number) - 1 }, slots, ctx, null) as { period: Period; anchored: boolean };
  }
  if (!from || from instanceof Unanchored || from.period.first > to.period.last) return null;
  return { period: rangePeriod(from.period, to.period), anchored: from.anchored || to.anchored };
}
