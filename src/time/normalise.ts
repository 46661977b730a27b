/**
 * Turns a matched rule's normalisation spec into a resolved period (the timeline's interval) and a TIMEX3
 * value (timex.ts), resolving relative and underspecified expressions against the publication date and the
 * clause tense. The spec types are language-independent (the rules that produce them are data):
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
 *   span      unit, amount?, direction      a range reaching back/forward from publication ("the past few
 *                                           weeks"); TIMEX3: a DURATION anchored at the publication date
 *   duration  unit, amount?, anchor?        P3Y, PXM ("drei Jahre", "for months"); anchor -1/+1 = the text
 *                                           anchors it at publication ("seit drei Jahren"): its interval too;
 *                                           vague: true = the amount is a word like "einige" (X in TIMEX3)
 *   set       unit?, weekday?, month?, amount?, freq?, quant?   repeating times ("jeden Montag", "annually")
 *   clock     hour, minute?, ampm?          a TIME on the publication day (index.ts moves it to the day its
 *                                           sentence names: "am Dienstag um 14 Uhr"); or daytime alone ("am Abend")
 *   present   ref                           PRESENT_REF (the publication day), PAST_REF, FUTURE_REF
 *   toDate    unit, direction                from the start of this unit to publication (-1, "earlier this year")
 *                                           or from publication to its end (+1, "later this month")
 *   weekday   weekday, offset?, withoutTense?   nearest past/future such day by tense; offset forces direction;
 *                                           withoutTense (past/future) decides a clause without tense cues
 *   weekend   offset?                       like weekday, for Saturday–Sunday (TIMEX3 "2024-W05-WE")
 *   yearTurn                                December/January around the nearest turn of the year, by tense
 *   season    season {start,end,code}, year?, offset?   month range (TIMEX3 2018-SU); underspecified like date
 *   quarter   quarter, year?, offset?       2024-Q3; underspecified like date
 *   half      half, year?, offset?          first/second half of a year: months 1–6 / 7–12 (TIMEX3 2024-H1)
 *   fiscal    year?, offset?                a fiscal year: the calendar year as interval, TIMEX3 FY2024
 *   holiday   holiday {month,day} | {easter} | {month,weekday,nth}, year?   fixed, Easter-based or nth weekday
 *   decade    decade                        "1990er" → 199; two digits ("90er") need the publication date
 *   range     from, to                      two specs; missing fields of `from` come from `to`
 * Any spec may carry mod (a TIMEX3 mod); daytime (MO/AF/EV/NI) turns a day into a TIME; timexType and
 * timexValue override the TIMEX3 reading ("recently" → DATE PAST_REF; timexType DURATION alone on ago/later
 * gives the amount as a duration: "in two weeks" → P2W). A missing amount with defaultAmount
 * set is vague → APPROX on the timeline, X in TIMEX3. A year with START/MID/END comes out at month
 * precision on the timeline (yearPartAsMonth) and stays a year in TIMEX3.
 */
import type { Tense } from './tense.js';
import {
  type Granularity,
  type Modifier,
  type Period,
  datePeriod,
  dayNumber,
  dayPeriod,
  decadePeriod,
  easterSunday,
  fromDayNumber,
  halfPeriod,
  isoWeekOf,
  isoWeekday,
  monthPeriod,
  narrow,
  nthWeekdayOfMonth,
  quarterPeriod,
  rangePeriod,
  weekPeriod,
  weekendPeriod,
  yearPeriod,
} from './calendar.js';
import type { LexValue, NormSpec } from './rules.js';
import {
  DAYTIME_CODES,
  type Timex,
  type TimexMod,
  type TimexType,
  clockValue,
  durationValue,
  isDurationUnit,
  isTimexMod,
  legacyModifier,
  pointMod,
  undefinedValue,
} from './timex.js';

export interface NormContext {
  /** Publication day number, or null when unknown. */
  pub: number | null;
  tense: Tense;
}

export type NormResult =
  | { ok: true; period: Period; anchor: 'text' | 'published'; modifier: Modifier | null; timex: Timex }
  /** No interval: no publication date to resolve against, or an expression without one (P3Y, a SET, PAST_REF). */
  | { ok: true; period: null; anchor: 'none'; granularity: Granularity; modifier: Modifier | null; timex: Timex }
  /** The match is not a real date (31 April) or the spec is incomplete: not a time expression. */
  | { ok: false };

type Slots = Record<string, LexValue | undefined>;

/** What a spec resolves to: an interval (or none, with the granularity it would have had) and its TIMEX3 reading. */
interface Resolved {
  period: Period | null;
  anchored: boolean;
  granularity: Granularity;
  timex: { type: TimexType; value: string; mod?: TimexMod | null; quant?: string; freq?: string; anchorTime?: 'published'; parts?: Timex[] };
}

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
const str = (v: LexValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

/** A resolved interval with its TIMEX3 reading: a DATE whose value is the period's own (2024-04, 2024-W05, 2020-Q3). */
const dated = (period: Period, anchored: boolean, value = period.value, type: TimexType = 'DATE'): Resolved =>
  ({ period, anchored, granularity: period.granularity, timex: { type, value } });
/** No interval (no publication date, or none to give): the granularity it would have had and a TIMEX3 value. */
const undated = (granularity: Granularity, value: string, type: TimexType = 'DATE'): Resolved =>
  ({ period: null, anchored: false, granularity, timex: { type, value } });

export function normalise(spec: NormSpec, slots: Slots, ctx: NormContext): NormResult {
  const modRaw = field(spec, 'mod', slots);
  const specMod: TimexMod | null = isTimexMod(modRaw) ? modRaw : null;
  let mod = specMod;
  const vague = spec.defaultAmount !== undefined && num(field(spec, 'amount', slots)) === undefined;
  const modifier = legacyModifier(specMod) ?? (vague ? 'APPROX' : null);
  const r = resolve(spec, slots, ctx, legacyModifier(specMod));
  if (r === null) return { ok: false };
  const t = r.timex;
  if (spec.timexType) t.type = spec.timexType as TimexType;
  if (spec.timexValue) t.value = String(spec.timexValue);
  else if (t.type === 'DURATION' && spec.timexType) readAsDuration(t, spec, slots);
  if (t.mod !== undefined) mod = t.mod;
  else if (spec.timexMod !== undefined) mod = isTimexMod(spec.timexMod) ? spec.timexMod : null;
  // A vague amount is already in the value (PXW), a reference (PAST_REF) is vague by itself: no APPROX beside them.
  if (mod === 'APPROX' && ((t.value.includes('X') && t.type === 'DURATION') || t.value.endsWith('_REF'))) mod = null;
  const timex: Timex = { type: t.type, value: t.value, mod };
  if (t.quant) timex.quant = t.quant;
  if (t.freq) timex.freq = t.freq;
  if (t.anchorTime) timex.anchorTime = t.anchorTime;
  if (t.parts) timex.parts = t.parts;
  withDaytime(timex, str(field(spec, 'daytime', slots)));
  if (r.period === null) {
    const g = r.granularity === 'year' && isPart(modifier) ? 'month' : r.granularity;
    return { ok: true, period: null, anchor: 'none', granularity: g, modifier, timex };
  }
  return { ok: true, period: yearPartAsMonth(r.period, modifier), anchor: r.anchored ? 'published' : 'text', modifier, timex };
}

/**
 * A shifted date read as a DURATION in TIMEX3 ("in two weeks": the date two weeks on for the timeline, the
 * duration P2W for TimeML, which leaves the preposition outside): the value is the amount and unit of the spec.
 */
function readAsDuration(t: Resolved['timex'], spec: NormSpec, slots: Slots): void {
  const unit = field(spec, 'unit', slots);
  if (!isDurationUnit(unit)) return;
  t.value = durationValue(spec.vague ? null : num(field(spec, 'amount', slots)) ?? null, unit);
  const m = field(spec, 'mod', slots);
  t.mod = isTimexMod(m) ? m : null;
}

/** "gestern Abend", "Tuesday morning": a day with a part of the day is a TIME (2024-01-30TMO). */
function withDaytime(t: Timex, code: string | undefined): void {
  if (!code || !DAYTIME_CODES.has(code) || t.type !== 'DATE') return;
  if (!/^(?:\d{4}|XXXX)-(?:\d{2}|XX)-(?:\d{2}|XX)$|^(?:\d{4}|XXXX)-WXX-\d$/.test(t.value)) return;
  t.type = 'TIME';
  t.value = `${t.value}T${code}`;
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

function resolve(spec: NormSpec, slots: Slots, ctx: NormContext, mod: Modifier | null): Resolved | null {
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
      const k = spec.type === 'ago' ? -Math.floor(amount) : Math.floor(amount);
      const r = ctx.pub === null ? undated(UNIT_GRANULARITY[unit], undefinedValue(UNIT_GRANULARITY[unit], {})) : dated(periodAt(unit, ctx.pub, k), true);
      if (spec.type !== 'relative') {
        const m = field(spec, 'mod', slots);
        r.timex.mod = pointMod(isTimexMod(m) ? m : null, k);
      }
      return r;
    }
    case 'nearest': {
      const unit = field(spec, 'unit', slots);
      if (typeof unit !== 'string' || !UNIT_GRANULARITY[unit]) return null;
      if (ctx.pub === null) return undated(UNIT_GRANULARITY[unit], undefinedValue(UNIT_GRANULARITY[unit], {}));
      const pub = ctx.pub;
      return dated(byTense((k) => periodAt(unit, pub, k), pub, ctx.tense, undefined, mod), true);
    }
    case 'span':
    case 'duration':
      return resolveDuration(spec, slots, ctx);
    case 'set':
      return resolveSet(spec, slots);
    case 'clock': {
      // A part of the day alone ("am Abend", "this morning") is a clock time without hours: …TEV.
      const part = str(field(spec, 'daytime', slots));
      const hour = num(field(spec, 'hour', slots));
      const hh = hour === undefined && part && DAYTIME_CODES.has(part) ? part : clockValue(hour ?? -1, num(field(spec, 'minute', slots)) ?? 0, str(field(spec, 'ampm', slots)));
      if (hh === null) return null;
      if (ctx.pub === null) return undated('day', `XXXX-XX-XXT${hh}`, 'TIME');
      const day = dayPeriod(ctx.pub);
      return dated(day, true, `${day.value}T${hh}`, 'TIME');
    }
    case 'present': {
      const ref = str(field(spec, 'ref', slots)) ?? 'PRESENT_REF';
      if (ref !== 'PRESENT_REF' && ref !== 'PAST_REF' && ref !== 'FUTURE_REF') return null;
      // The present is the publication day on the timeline; past and future have no interval.
      if (ref === 'PRESENT_REF' && ctx.pub !== null) return dated(dayPeriod(ctx.pub), true, ref);
      return undated('unknown', ref);
    }
    case 'toDate': {
      // "earlier this year" / "later this month": from the start of the unit to publication, or on to its end.
      const unit = field(spec, 'unit', slots);
      const dir = num(field(spec, 'direction', slots)) ?? -1;
      if (typeof unit !== 'string' || !UNIT_GRANULARITY[unit]) return null;
      if (ctx.pub === null) return undated('range', undefinedValue(UNIT_GRANULARITY[unit], {}));
      const whole = periodAt(unit, ctx.pub, 0);
      const step = unit === 'year' || unit === 'quarter' || unit === 'decade' ? (n: number) => monthPeriod(fromDayNumber(n).y, fromDayNumber(n).m) : dayPeriod;
      const here = step(ctx.pub);
      return dated(dir < 0 ? rangePeriod(step(whole.first), here) : rangePeriod(here, step(whole.last)), true, whole.value);
    }
    case 'weekday': {
      const wd = num(field(spec, 'weekday', slots));
      if (wd === undefined || wd < 1 || wd > 7) return null;
      if (ctx.pub === null) return undated('day', undefinedValue('day', { weekday: wd }));
      // withoutTense: what a weekday in a clause without tense cues means (German news: the coming one).
      const tense = ctx.tense === 'none' && (spec.withoutTense === 'future' || spec.withoutTense === 'past') ? spec.withoutTense : ctx.tense;
      return dated(dayPeriod(weekdayNear(ctx.pub, wd, num(field(spec, 'offset', slots)), tense)), true);
    }
    case 'weekend': {
      if (ctx.pub === null) return undated('week', 'XXXX-WXX-WE');
      const offset = num(field(spec, 'offset', slots));
      // The weekend is found through its Saturday, like a weekday.
      const saturday = offset === undefined || offset === 0
        ? weekendSaturday(ctx.pub, ctx.tense)
        : weekdayNear(ctx.pub, 6, offset, ctx.tense);
      const w = isoWeekOf(saturday);
      return dated(weekendPeriod(w.year, w.week), true);
    }
    case 'yearTurn': {
      if (ctx.pub === null) return undated('range', 'XXXX-01-01');
      const { y, m } = fromDayNumber(ctx.pub);
      // The January that opens the turn: past → this one; future → the next; unknown → the nearer one.
      const jan = ctx.tense === 'past' ? y : ctx.tense === 'future' ? y + 1 : m <= 6 ? y : y + 1;
      // TIMEX3: the turn of the year is New Year's Day, approximately.
      const r = dated(rangePeriod(monthPeriod(jan - 1, 12), monthPeriod(jan, 1)), true, `${jan}-01-01`);
      r.timex.mod = 'APPROX';
      return r;
    }
    case 'season': {
      const s = field(spec, 'season', slots);
      if (typeof s !== 'object') return null;
      const a = Number(s.start);
      const b = Number(s.end);
      const code = typeof s.code === 'string' ? s.code : null;
      const make = (y: number) => rangePeriod(monthPeriod(y, a), monthPeriod(b < a ? y + 1 : y, b));
      const r = cyclic(make, spec, slots, ctx, mod, 'range', undefinedValue('range', { season: code ?? 'XX' }));
      if (r?.period && code) r.timex.value = `${fromDayNumber(r.period.first).y}-${code}`;
      return r;
    }
    case 'quarter': {
      const q = num(field(spec, 'quarter', slots));
      if (q === undefined || q < 1 || q > 4) return null;
      return cyclic((y) => quarterPeriod(y, q), spec, slots, ctx, mod, 'quarter', undefinedValue('quarter', { quarter: q }));
    }
    case 'half': {
      const h = num(field(spec, 'half', slots));
      if (h === undefined || h < 1 || h > 2) return null;
      const r = cyclic((y) => halfPeriod(y, h), spec, slots, ctx, mod, 'range', `XXXX-H${h}`);
      if (r?.period) r.timex.value = `${fromDayNumber(r.period.first).y}-H${h}`;
      return r;
    }
    case 'fiscal': {
      const r = cyclic(yearPeriod, spec, slots, ctx, mod, 'year', 'FYXXXX');
      if (r?.period) r.timex.value = `FY${r.period.value}`;
      return r;
    }
    case 'holiday':
      return resolveHoliday(spec, slots, ctx, mod);
    case 'decade': {
      const d = num(field(spec, 'decade', slots));
      if (d === undefined) return null;
      if (d >= 100) return dated(decadePeriod(d), false);
      if (ctx.pub === null) return undated('decade', `XX${String(d).padStart(2, '0')[0]}`);
      // "die 90er": the latest such decade that has begun by the publication year.
      const y = fromDayNumber(ctx.pub).y;
      const start = Math.floor(y / 100) * 100 + d;
      return dated(decadePeriod(start > y ? start - 100 : start), true);
    }
    case 'range':
      return resolveRange(spec, slots, ctx);
    default:
      throw new Error(`time rules: unknown normalisation type "${spec.type}"`);
  }
}

function resolveDate(spec: NormSpec, slots: Slots, ctx: NormContext, mod: Modifier | null): Resolved | null {
  const year = num(field(spec, 'year', slots));
  const month = num(field(spec, 'month', slots));
  const day = num(field(spec, 'day', slots));
  if (day !== undefined && month === undefined) return null;
  const make = (y: number): Period | null =>
    day !== undefined ? datePeriod(y, month!, day) : month !== undefined ? (month >= 1 && month <= 12 ? monthPeriod(y, month) : null) : yearPeriod(y);
  if (year !== undefined) {
    const p = make(year);
    return p ? dated(p, false) : null;
  }
  // Validate the parts once (a 29 February is checked against a leap year).
  if (!make(2024)) return null;
  const g: Granularity = day !== undefined ? 'day' : month !== undefined ? 'month' : 'year';
  if (ctx.pub === null) return undated(g, undefinedValue(g, { month, day }));
  const pub = ctx.pub;
  const offset = num(field(spec, 'offset', slots));
  const y = fromDayNumber(pub).y;
  // A 29 February in a common year falls back to its month.
  return dated(byTense((k) => make(y + k) ?? monthPeriod(y + k, month!), pub, ctx.tense, offset, mod), true);
}

/**
 * Durations: P3Y, PXM. Anchored ones ("seit drei Jahren", "the past three weeks", direction/anchor -1/+1)
 * also get the interval they imply, reaching back or forward from the publication period; vague ones
 * (no amount) reach defaultAmount units on the timeline.
 */
function resolveDuration(spec: NormSpec, slots: Slots, ctx: NormContext): Resolved | null {
  const unit = field(spec, 'unit', slots);
  if (!isDurationUnit(unit)) return null;
  const given = num(field(spec, 'amount', slots));
  if (given !== undefined && given <= 0) return null;
  // A vague amount ("einige", "several") is X in TIMEX3, whatever number the timeline's interval assumes.
  const value = durationValue(spec.vague ? null : given ?? null, unit);
  const dir = spec.type === 'span' ? num(field(spec, 'direction', slots)) ?? -1 : num(field(spec, 'anchor', slots));
  const m = field(spec, 'mod', slots);
  const timex = { type: 'DURATION' as const, value, mod: isTimexMod(m) ? m : null };
  const amount = given ?? num(spec.defaultAmount as LexValue);
  if (dir === undefined || dir === 0) return { period: null, anchored: false, granularity: 'unknown', timex };
  const anchoredTimex = { ...timex, anchorTime: 'published' as const };
  // "seit Jahren": anchored, but no amount to measure an interval with.
  if (ctx.pub === null || amount === undefined || !UNIT_GRANULARITY[unit]) return { period: null, anchored: false, granularity: 'range', timex: anchoredTimex };
  const here = periodAt(unit, ctx.pub, 0);
  const there = periodAt(unit, ctx.pub, dir * Math.max(1, Math.round(amount)));
  return { period: dir < 0 ? rangePeriod(there, here) : rangePeriod(here, there), anchored: true, granularity: 'range', timex: anchoredTimex };
}

/** Repeating times: "jeden Montag" XXXX-WXX-1, "jährlich" P1Y, "alle zwei Jahre" P2Y, "twice a week" P1W freq 2X. */
function resolveSet(spec: NormSpec, slots: Slots): Resolved | null {
  const wd = num(field(spec, 'weekday', slots));
  const month = num(field(spec, 'month', slots));
  const unit = field(spec, 'unit', slots);
  const amount = num(field(spec, 'amount', slots)) ?? 1;
  let value: string;
  const season = field(spec, 'season', slots);
  if (wd !== undefined) value = wd >= 1 && wd <= 7 ? `XXXX-WXX-${wd}` : '';
  else if (typeof season === 'object' && typeof season.code === 'string') value = `XXXX-${season.code}`;
  else if (month !== undefined) value = month >= 1 && month <= 12 ? `XXXX-${String(month).padStart(2, '0')}` : '';
  else if (isDurationUnit(unit)) value = durationValue(amount, unit);
  else return null;
  if (!value) return null;
  const timex: Resolved['timex'] = { type: 'SET', value };
  const quant = str(field(spec, 'quant', slots));
  if (quant) timex.quant = quant;
  const freq = num(field(spec, 'freq', slots));
  if (freq !== undefined) timex.freq = `${freq}X`;
  return { period: null, anchored: false, granularity: 'unknown', timex };
}

/** Holidays: a fixed day ({month, day}), Easter-based ({easter: offset in days}) or the nth weekday of a month. */
function resolveHoliday(spec: NormSpec, slots: Slots, ctx: NormContext, mod: Modifier | null): Resolved | null {
  const h = field(spec, 'holiday', slots);
  if (typeof h !== 'object') return null;
  const dayOf = (y: number): number | null => {
    if (h.easter !== undefined) return easterSunday(y) + Number(h.easter);
    if (h.weekday !== undefined) return nthWeekdayOfMonth(y, Number(h.month), Number(h.weekday), Number(h.nth ?? 1));
    const p = datePeriod(y, Number(h.month), Number(h.day));
    return p ? p.first : null;
  };
  const make = (y: number) => dayPeriod(dayOf(y) ?? dayNumber(y, Number(h.month), 1));
  if (dayOf(2024) === null) return null;
  const fixed = h.easter === undefined && h.weekday === undefined;
  return cyclic(make, spec, slots, ctx, mod, 'day', fixed ? undefinedValue('day', { month: Number(h.month), day: Number(h.day) }) : 'XXXX-XX-XX');
}

/** Seasons, quarters, halves, fiscal years and holidays: absolute with a year, else resolved like an underspecified month. */
function cyclic(make: (y: number) => Period, spec: NormSpec, slots: Slots, ctx: NormContext, mod: Modifier | null, g: Granularity, undefinedAs: string): Resolved | null {
  const year = num(field(spec, 'year', slots));
  if (year !== undefined) return dated(make(year), false);
  if (ctx.pub === null) return undated(g, undefinedAs);
  const pub = ctx.pub;
  const y = fromDayNumber(pub).y;
  return dated(byTense((k) => make(y + k), pub, ctx.tense, num(field(spec, 'offset', slots)), mod), true);
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

/**
 * Ranges: one interval on the timeline; in TIMEX3 (TimeML guidelines: "from 1992 through 1995" is two
 * DATEs and the duration between them) the two ends as parts, and a DURATION for the whole when both ends
 * have the same granularity.
 */
function resolveRange(spec: NormSpec, slots: Slots, ctx: NormContext): Resolved | null {
  const fromSpec = spec.from as NormSpec | undefined;
  const toSpec = spec.to as NormSpec | undefined;
  if (!fromSpec || !toSpec) return null;
  const to = resolve(toSpec, slots, ctx, null);
  if (to === null) return null;
  // "5. bis 7. November 2023", "von Januar bis März": `from` borrows the fields it lacks from `to`.
  let fromFilled = fromSpec;
  let borrowedYear = false;
  if (fromSpec.type === 'date' && toSpec.type === 'date' && to.period) {
    const end = fromDayNumber(to.period.first);
    fromFilled = { ...fromSpec };
    // Only a day borrows a month ("5. bis 7. November"); a year stays a year ("2017-2021").
    if (field(fromSpec, 'day', slots) !== undefined && field(fromSpec, 'month', slots) === undefined) fromFilled.month = end.m;
    if (field(fromSpec, 'year', slots) === undefined) {
      fromFilled.year = end.y;
      borrowedYear = true;
    }
  } else if (fromSpec.type === 'date' && field(fromSpec, 'day', slots) !== undefined && field(fromSpec, 'month', slots) === undefined) {
    fromFilled = { ...fromSpec, month: field(toSpec, 'month', slots) };
  }
  let from = resolve(fromFilled, slots, ctx, null);
  if (from === null) return null;
  if (borrowedYear && from.period && to.period && from.period.first > to.period.first) {
    // "Dezember bis Februar 2024": the start lies in the year before.
    from = resolve({ ...fromFilled, year: (fromFilled.year as number) - 1 }, slots, ctx, null);
    if (from === null) return null;
  }
  const parts: Timex[] = [{ ...from.timex, mod: null }, { ...to.timex, mod: null }];
  if (!from.period || !to.period) return { period: null, anchored: false, granularity: 'range', timex: { type: 'DATE', value: `${from.timex.value}/${to.timex.value}`, parts } };
  if (from.period.first > to.period.last) return null;
  const period = rangePeriod(from.period, to.period);
  const dur = rangeDuration(from.period, to.period);
  return { period, anchored: from.anchored || to.anchored, granularity: 'range', timex: { type: dur ? 'DURATION' : 'DATE', value: dur ?? period.value, parts } };
}

/** The length of a range of like periods, both ends included: 2017-2021 → P5Y, März bis Mai → P3M, 5.–7. → P3D. */
function rangeDuration(a: Period, b: Period): string | null {
  if (a.granularity !== b.granularity) return null;
  const x = fromDayNumber(a.first);
  const y = fromDayNumber(b.first);
  if (a.granularity === 'year') return durationValue(y.y - x.y + 1, 'year');
  if (a.granularity === 'month') return durationValue((y.y - x.y) * 12 + y.m - x.m + 1, 'month');
  if (a.granularity === 'day') return durationValue(b.first - a.first + 1, 'day');
  return null;
}
