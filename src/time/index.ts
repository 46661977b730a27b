/**
 * The time stage: finds time expressions with the language's rules (lang/<code>/time/) in one scan of
 * the text and normalises them against doc.published and the clause tense.
 *
 * chrono-node is not used: its German locale misses most news expressions (notes/ecosystem.md) and a
 * second engine for English only would break "one engine, rules as data"; the rule tables reach the
 * accuracy targets on their own (test/time/table.*.tsv).
 */
import type { Doc } from '../text/types.js';
import type { TimelineItem, TimexOut } from '../contract/schema.js';
import { parseIsoDay, type Period } from './calendar.js';
import { loadTimeRules, slotValue, type CompiledRule, type LexValue, type TimeRuleSet } from './rules.js';
import { normalise, type NormResult } from './normalise.js';
import { clauseTense, loadTenseCues, sentenceIndexAt, type Tense, type TenseCues } from './tense.js';
import type { Timex } from './timex.js';

/**
 * Background: a resolved period that ended more than this many days before publication is a recap of
 * the past ("während seiner Amtszeit 2017-2021", "in 2019"), not the news of the day. Anything that far
 * back is necessarily told in the past tense, so distance alone is the signal.
 */
export const BACKGROUND_DAYS = 183;

export interface TimeMatch {
  start: number;
  end: number;
  rule: string;
  tense: Tense;
  result: Exclude<NormResult, { ok: false }>;
  /** The extents of a range's two ends ("2017" and "2021" in "2017-2021"), when the TIMEX3 reading has parts. */
  parts?: [number, number][];
  /** A clock time or part of the day resolved on the publication day: placeClockTimes may move it to its sentence's day. */
  clock?: boolean;
}

/** Entry point of the time stage: time expressions normalised against doc.published. */
export function extractTimeline(doc: Doc): TimelineItem[] {
  const pub = parseIsoDay(doc.published);
  const matches = findTimeExpressions(doc);
  placeClockTimes(doc, matches);
  return matches.map((m, i) => {
    const r = m.result;
    const period: Period | null = r.period;
    const item: TimelineItem = {
      id: `t${i + 1}`,
      text: doc.text.slice(m.start, m.end),
      start: m.start,
      end: m.end,
      value: period ? period.value : null,
      granularity: r.period === null ? r.granularity : r.period.granularity,
      anchor: r.anchor,
      modifier: r.modifier,
      timex: timexOut(r.timex, m.parts),
      entities: [],
      relations: [],
    };
    if (pub !== null && period) item.background = period.last < pub - BACKGROUND_DAYS;
    return item;
  });
}

function timexOut(t: Timex, extents: [number, number][] | undefined): TimexOut {
  const out: TimexOut = { type: t.type, value: t.value, mod: t.mod };
  if (t.quant) out.quant = t.quant;
  if (t.freq) out.freq = t.freq;
  if (t.anchorTime) out.anchorTime = t.anchorTime;
  if (t.parts && extents && extents.length === t.parts.length) {
    out.parts = t.parts.map((p, k) => ({ start: extents[k][0], end: extents[k][1], type: p.type, value: p.value, mod: p.mod }));
  }
  return out;
}

/**
 * A clock time is on the day its sentence names ("am Dienstag um 14 Uhr", "at 9:40 p.m. Tuesday"): the
 * nearest expression of day precision in the same sentence, else the publication day it was resolved to.
 */
function placeClockTimes(doc: Doc, matches: TimeMatch[]): void {
  for (let i = 0; i < matches.length; i++) {
    const r = matches[i].result;
    if (r.timex.type !== 'TIME' || r.period === null || !matches[i].clock) continue;
    const s = sentenceIndexAt(doc, matches[i].start);
    let best: TimeMatch | null = null;
    let bestDist = Infinity;
    for (const j of [i - 1, i + 1, i - 2, i + 2]) {
      const o = matches[j];
      if (!o || o.result.period === null || o.result.period.granularity !== 'day' || sentenceIndexAt(doc, o.start) !== s) continue;
      if (o.clock) continue;
      const dist = j < i ? matches[i].start - o.end : o.start - matches[i].end;
      if (dist < bestDist) { best = o; bestDist = dist; }
    }
    if (!best || best.result.period === null) continue;
    const day = best.result.period;
    const clock = r.timex.value.slice(r.timex.value.lastIndexOf('T'));
    matches[i] = { ...matches[i], result: { ...r, period: day, anchor: best.result.anchor, timex: { ...r.timex, value: `${day.value}${clock}` } } };
  }
}

/** All time expressions of a document in text order, longest match first at each position, no overlaps. */
export function findTimeExpressions(
  doc: Doc,
  set: TimeRuleSet | null = loadTimeRules(doc.language),
  cues: TenseCues | null = loadTenseCues(doc.language),
): TimeMatch[] {
  if (!set) return [];
  const pub = parseIsoDay(doc.published);
  const text = doc.text;
  const credit = doc.byline.span;
  const out: TimeMatch[] = [];
  const scanner = set.scanner;
  const tenseOf = (s: number, e: number) => clauseTense(doc, cues, s, e);
  scanner.lastIndex = 0;
  for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
    const at = m.index;
    let best: TimeMatch | null = null;
    if (!credit || at < credit.start || at >= credit.end) {
      let first = 0;
      while (first < set.scannerGroup.length && m[set.scannerGroup[first]] === undefined) first++;
      const ids = set.rulesByChar.get(text[at].toLowerCase()) ?? set.rulesAnyChar;
      best = bestMatchAt(set, text, at, ids, first, tenseOf, pub);
    }
    if (best) out.push(best);
    scanner.lastIndex = best ? best.end : at + 1;
  }
  return out;
}

interface Candidate {
  rule: CompiledRule;
  end: number;
  groups: Record<string, string | undefined>;
}

/** The longest match at `at` among the rules ruleIds from rule index `first` on (the only ones that can match there) that passes its context checks and normalises (ties: earlier rule). */
function bestMatchAt(set: TimeRuleSet, text: string, at: number, ruleIds: number[], first: number, tenseOf: (s: number, e: number) => Tense, pub: number | null): TimeMatch | null {
  const candidates: Candidate[] = [];
  for (let r = 0; r < ruleIds.length; r++) {
    if (ruleIds[r] < first) continue;
    const rule = set.rules[ruleIds[r]];
    rule.sticky.lastIndex = at;
    const m = rule.sticky.exec(text);
    if (!m) continue;
    const end = at + m[0].length;
    if (!contextOk(rule, text, at, end)) continue;
    candidates.push({ rule, end, groups: m.groups ?? {} });
  }
  candidates.sort((a, b) => b.end - a.end || a.rule.index - b.rule.index);
  for (const c of candidates) {
    const slots: Record<string, LexValue | undefined> = {};
    let ok = true;
    for (const [name, slot] of c.rule.slots) {
      const t = c.groups[name];
      if (t === undefined) continue;
      if (slot.capitalised && t[0] === t[0].toLowerCase()) { ok = false; break; }
      const v = slotValue(set, slot.categories, t);
      if (v === undefined) { ok = false; break; }
      slots[name] = v;
    }
    if (!ok) continue;
    const tense = tenseOf(at, c.end);
    const result = normalise(c.rule.norm, slots, { pub, tense });
    if (!result.ok) continue;
    const match: TimeMatch = { start: at, end: c.end, rule: c.rule.name, tense, result };
    if (result.timex.parts) match.parts = rangeEnds(c.rule, text, at) ?? undefined;
    if (c.rule.norm.type === 'clock') match.clock = true;
    return match;
  }
  return null;
}

const CONTEXT_CHARS = 48;

/** A digit group glued to the match ("14,9", "1.2019", "2019/20") makes it part of a larger number. */
const NUMBER_BEFORE = /\d[.,:/]$/;
const NUMBER_AFTER = /^[.,:/]\d/;

function contextOk(rule: CompiledRule, text: string, start: number, end: number): boolean {
  if (NUMBER_BEFORE.test(text.slice(Math.max(0, start - 2), start)) || NUMBER_AFTER.test(text.slice(end, end + 2))) return false;
  if (rule.before || rule.notBefore) {
    const left = text.slice(Math.max(0, start - CONTEXT_CHARS), start);
    if (rule.before && !rule.before.test(left)) return false;
    if (rule.notBefore && rule.notBefore.test(left)) return false;
  }
  if (rule.after || rule.notAfter) {
    const right = text.slice(end, end + CONTEXT_CHARS);
    if (rule.after && !rule.after.test(right)) return false;
    if (rule.notAfter && rule.notAfter.test(right)) return false;
  }
  return true;
}

const withIndices = new WeakMap<CompiledRule, RegExp>();
const slotRefs = (spec: unknown): string[] => [...JSON.stringify(spec ?? {}).matchAll(/"\$([a-z][a-z0-9]*)/g)].map((m) => m[1]);

/**
 * The extents of a range's two ends: the first from the first slot to the end of the last slot of `from`
 * (with an ordinal dot: "5."), the second from the first slot of `to` after it to the end of the match —
 * "Oct. 5-7, 2021" → "Oct. 5" and "7, 2021"; "von 2010 bis 2014" → "2010" and "2014".
 */
function rangeEnds(rule: CompiledRule, text: string, at: number): [number, number][] | null {
  let re = withIndices.get(rule);
  if (!re) {
    re = new RegExp(rule.sticky.source, rule.sticky.flags + 'd');
    withIndices.set(rule, re);
  }
  re.lastIndex = at;
  const m = re.exec(text);
  const groups = m?.indices?.groups;
  if (!m || !groups) return null;
  const span = (names: string[]) => names.map((n) => groups[n]).filter((g): g is [number, number] => !!g);
  const from = span(slotRefs(rule.norm.from));
  const all = span(Object.keys(groups));
  if (!from.length || !all.length) return null;
  let leftEnd = Math.max(...from.map((g) => g[1]));
  if (text[leftEnd] === '.' && !/[\p{L}\p{N}]/u.test(text[leftEnd + 1] ?? '')) leftEnd++;
  const to = span(slotRefs(rule.norm.to)).filter((g) => g[0] >= leftEnd);
  if (!to.length) return null;
  const end = at + m[0].length;
  return [[Math.min(...all.map((g) => g[0])), leftEnd], [Math.min(...to.map((g) => g[0])), end]];
}
