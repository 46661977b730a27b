/**
 * Groups opened by a quantifier.
 * - "a number of lawmakers", "dozens of protesters", „eine Reihe von Diplomaten“, „ein Dutzend Beamte“: a phrase of
 *   quantity (`quantities` of source-nouns.json) before a group gives the group the count the phrase implies (null
 *   for "a number of"), never the 1 of its article; before a people or party ("dozens of Iraqis") it makes one.
 * - "Some Conservatives", "many Iraqis": a short phrase opened by a quantifier of no stated number (`pluralOnly`:
 *   "some", "many", „einige“) over a noun that is no source noun — a party's members, a people — is an unnamed group.
 * - "those familiar with the matter": a demonstrative before a source qualifier names people.
 * An entity its words name (the party, the country) is the group's affiliation; a person named in it makes it no group.
 */
import { analyzePhrase, type PhraseInfo } from './phrase-info.js';
import { matchPatternAt } from './token-pattern.js';
import type { DocView } from './view.js';

/** Longest quantified phrase read this way ("many Iraqi Shiites"): longer ones carry more than a group. Set by hand. */
const MAX_QUANTIFIED_WORDS = 3;

export function quantifiedGroup(v: DocView, info: PhraseInfo): PhraseInfo {
  if (info.kind === 'pronoun' || info.kind === 'relative') return info;
  const q = quantityPhrase(v, info) ?? qualifiedDemonstrative(v, info);
  if (q) return q;
  const { start: a, end: b } = info;
  // A quantifier alone ("Einige sind Partner …", "viele haben sich mehr versprochen") is too often no group of speakers.
  if (info.kind !== 'named' && info.kind !== 'description' || b - a > MAX_QUANTIFIED_WORDS || b - a < 2) return info;
  if (!v.lex.pluralOnly.has(v.lower[a]) || v.lex.numbers.has(v.lower[a])) return info;
  return peopleGroup(v, info, a + 1) ?? info;
}

/** "a number of officials", "Dutzende Demonstranten": the group after a phrase of quantity, counted by it. */
function quantityPhrase(v: DocView, info: PhraseInfo): PhraseInfo | null {
  const { start: a, end: b } = info;
  for (const { pattern, count } of v.lex.quantities) {
    const m = matchPatternAt(pattern, v.lower, a, b);
    if (!m || m.end >= b) continue;
    const rest = analyzePhrase(v, m.end, b);
    const counted = { count, plural: count === null || count > 1, partitive: false, ofCount: null, definite: false, singularForm: false };
    if (rest.kind === 'group' && !rest.partitive) return { ...rest, ...counted, start: a, end: b, mentions: info.mentions };
    if (rest.kind !== 'named' && rest.kind !== 'description' || b - m.end > MAX_QUANTIFIED_WORDS - 1) continue;
    const g = peopleGroup(v, { ...info, mentions: rest.mentions }, m.end);
    if (g) return { ...g, ...counted, start: a, end: b };
  }
  return null;
}

/** "those familiar with the matter", "those close to the president": a demonstrative with a source qualifier is people. */
function qualifiedDemonstrative(v: DocView, info: PhraseInfo): PhraseInfo | null {
  const { start: a, end: b } = info;
  if (info.noun || !v.lex.definite.has(v.lower[a]) || b - a < 3) return null;
  if (!v.lex.sourceQualifiers.some((p) => matchPatternAt(p, v.lower, a + 1, b))) return null;
  const named = info.mentions.filter((m) => m.kind !== 'pronoun');
  return {
    ...info, kind: 'group', entity: null, count: null, plural: true, partitive: false, definite: false, singularForm: false,
    noun: { lemma: v.lower[a], generic: false, spokesperson: false, collective: false, medium: false },
    affiliation: named[0]?.entity ?? null,
  };
}

/** The words [from, b) of a phrase as an unnamed people or party ("Conservatives", "Iraqi Shiites"), or null. */
function peopleGroup(v: DocView, info: PhraseInfo, from: number): PhraseInfo | null {
  const b = info.end;
  for (let k = from; k < b; k++) if (!/^\p{L}/u.test(v.lower[k])) return null;
  const named = info.mentions.filter((m) => m.kind !== 'pronoun');
  if (named.some((m) => v.entities.byId.get(m.entity)?.type === 'person')) return null;
  return {
    ...info, kind: 'group', entity: null, count: null, plural: true, partitive: false,
    noun: { lemma: v.lower[b - 1], generic: b === from, spokesperson: false, collective: false, medium: false },
    affiliation: named[0]?.entity ?? null,
  };
}
