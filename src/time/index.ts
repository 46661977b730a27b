/**
 * The time stage: finds time expressions with the language's rules (lang/<code>/time/) in one scan of
 * the text and normalises them against doc.published and the clause tense.
 *
 * chrono-node is not used: its German locale misses most news expressions (notes/ecosystem.md) and a
 * second engine for English only would break "one engine, rules as data"; the rule tables reach the
 * accuracy targets on their own (test/time/table.*.tsv).
 */
import type { Doc } from '../text/types.js';
import type { TimelineItem } from '../contract/schema.js';
import { parseIsoDay, type Period } from './calendar.js';
import { loadTimeRules, slotValue, type CompiledRule, type LexValue, type TimeRuleSet } from './rules.js';
import { normalise, type NormResult } from './normalise.js';
import { clauseTense, loadTenseCues, type Tense, type TenseCues } from './tense.js';

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
}

/** Entry point of the time stage: time expressions normalised against doc.published. */
export function extractTimeline(doc: Doc): TimelineItem[] {
  const pub = parseIsoDay(doc.published);
  return findTimeExpressions(doc).map((m, i) => {
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
      entities: [],
      relations: [],
    };
    if (pub !== null && period) item.background = period.last < pub - BACKGROUND_DAYS;
    return item;
  });
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
  scanner.lastIndex = 0;
  for (let m = scanner.exec(text); m; m = scanner.exec(text)) {
    const at = m.index;
    const best = credit && at >= credit.start && at < credit.end ? null : bestMatchAt(set, text, at, (s, e) => clauseTense(doc, cues, s, e), pub);
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

/** The longest rule match at `at` that passes its context checks and normalises (ties: earlier rule). */
function bestMatchAt(set: TimeRuleSet, text: string, at: number, tenseOf: (s: number, e: number) => Tense, pub: number | null): TimeMatch | null {
  const candidates: Candidate[] = [];
  for (const rule of set.rules) {
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
    return { start: at, end: c.end, rule: c.rule.name, tense, result };
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
