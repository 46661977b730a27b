/**
 * Ties from counterparts: "ihren italienischen Kollegen Marco Lentini", "his Chilean counterpart, Ana Soto" — the
 * person holds the office the possessor holds (the last person named before the phrase in its sentence), for the
 * country the adjective or compound names. The counterpart nouns are lang/<code>/relations/grammar.json
 * singularCounterparts.
 */
import type { EntityLayer, EntityMention } from '../entities/types.js';
import type { CompiledLexicon } from './lexicon.js';
import type { Draft } from './draft.js';
import { ruleForTitle } from './roles.js';
import { isStateTitle } from './role-offices.js';

/** Confidence of a counterpart's tie: an office read off another person's title, set with the inferred ties (0.55). */
const COUNTERPART_CONFIDENCE = 0.55;

export function counterpartTies(layer: EntityLayer, lex: CompiledLexicon, text: string, sentenceOf: (charPos: number) => number, sentences: { start: number; end: number }[]): Draft[] {
  const out: Draft[] = [];
  for (const s of sentences) {
    const ms = layer.mentionsIn(s.start, s.end);
    for (let i = 1; i < ms.length; i++) {
      const person = ms[i], country = ms[i - 1];
      if (!isCountry(layer, country) || layer.byId.get(person.entity)?.type !== 'person') continue;
      if (!counterpartBetween(lex, text.slice(country.end, person.start))) continue;
      const predicate = possessorPredicate(layer, lex, ms.slice(0, i - 1));
      if (!predicate) continue;
      out.push({
        subject: { entity: person.entity, mention: -1, via: 'mention' }, object: { entity: country.entity, mention: -1, via: 'mention' },
        predicate, family: 'tie', modality: 'asserted', sentence: sentenceOf(person.start), clause: -1, token: -1,
        confidence: COUNTERPART_CONFIDENCE, charPos: person.start, fromRole: true,
      });
    }
  }
  return out;
}

function isCountry(layer: EntityLayer, m: EntityMention): boolean {
  const e = layer.byId.get(m.entity);
  return e?.type === 'location' && e.kind === 'country';
}

/** " Kollegen ", "-Kollegen ", "n Amtskollegen ", " counterpart, ": an inflection ending, then a counterpart noun. */
function counterpartBetween(lex: CompiledLexicon, between: string): boolean {
  const words = between.replace(/^[-‑]/, ' ').trim().replace(/,$/, '').toLowerCase().split(/\s+/);
  if (words.length > 2 || (words.length === 2 && words[0].length > MAX_ENDING)) return false;
  const noun = words[words.length - 1];
  return [...lex.sets.singularCounterparts].some((c) => noun === c || (lex.grammar.capitalizedNouns && noun.endsWith(c)));
}
/** The longest adjective ending left between a demonym mention and the noun ("italienisch|en"). */
const MAX_ENDING = 2;

/** The tie of the office of the last person named before the phrase, by their title of state office anywhere. */
function possessorPredicate(layer: EntityLayer, lex: CompiledLexicon, before: EntityMention[]): string | null {
  for (let j = before.length - 1; j >= 0; j--) {
    const e = layer.byId.get(before[j].entity);
    if (e?.type !== 'person') continue;
    const title = e.roles.find((r) => isStateTitle(lex, r.title))?.title;
    return title ? ruleForTitle(lex, title)?.predicate ?? null : null;
  }
  return null;
}
