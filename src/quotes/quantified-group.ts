/**
 * "Some Conservatives", "many Iraqis": a short phrase opened by a quantifier of no stated number
 * (`pluralOnly`: "some", "many", „einige“) over a noun that is no source noun — a party's members, a people —  is an
 * unnamed group. An entity its words name (the party, the country) is
 * the group's affiliation; a person named in it makes it no group.
 */
import type { PhraseInfo } from './phrase-info.js';
import type { DocView } from './view.js';

/** Longest quantified phrase read this way ("many Iraqi Shiites"): longer ones carry more than a group. Set by hand. */
const MAX_QUANTIFIED_WORDS = 3;

export function quantifiedGroup(v: DocView, info: PhraseInfo): PhraseInfo {
  const { start: a, end: b } = info;
  // A quantifier alone ("Einige sind Partner …", "viele haben sich mehr versprochen") is too often no group of speakers.
  if (info.kind !== 'named' && info.kind !== 'description' || b - a > MAX_QUANTIFIED_WORDS || b - a < 2) return info;
  if (!v.lex.pluralOnly.has(v.lower[a]) || v.lex.numbers.has(v.lower[a])) return info;
  for (let k = a + 1; k < b; k++) if (!/^\p{L}/u.test(v.lower[k])) return info;
  const named = info.mentions.filter((m) => m.kind !== 'pronoun');
  if (named.some((m) => v.entities.byId.get(m.entity)?.type === 'person')) return info;
  return {
    ...info, kind: 'group', entity: null, count: null, plural: true, partitive: false,
    noun: { lemma: v.lower[b - 1], generic: b === a + 1, spokesperson: false, collective: false, medium: false },
    affiliation: named[0]?.entity ?? null,
  };
}
