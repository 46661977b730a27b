/**
 * A speaker described by an office before the article names them ("the U.N. envoy said …", „betonte die
 * Ministerin“, "Peru's trade minister said …", the name following a sentence or two later): when the
 * description's head is an office and the registry found no person for it, the person introduced with that office
 * in the next sentences speaks (shared resolver: references/described-person.ts).
 */
import { descriptionClass, laterIntroducedPerson, type PersonAt } from '../references/index.js';
import type { SourceRec } from './sources.js';
import { sentenceRange, type DocView } from './view.js';

/** How many sentences after the description's own the name may come (set on news-dev). */
const FORWARD_SENTENCES = 3;

/** The head word of a description [a, b): the last word before a genitive link or preposition after its second word. */
function headWord(v: DocView, a: number, b: number): number {
  for (let t = a + 1; t < b; t++) if (v.lex.genitiveLinks.has(v.lower[t]) || v.lex.prepositions.has(v.lower[t]) || v.lower[t] === ',') return t - 1;
  return b - 1;
}

/**
 * The later mention (token range) of the person a description [a, b) names later in the text, when the registry's
 * source `rec` is no person; null otherwise.
 */
export function laterNamedPerson(v: DocView, a: number, b: number, rec: SourceRec | null): [number, number] | null {
  const known = rec?.entity ? v.entities.byId.get(rec.entity) : undefined;
  if (known?.type === 'person' || rec?.group) return null;
  const h = headWord(v, a, b);
  const word = v.lower[h];
  if (descriptionClass(v.lex.refs, word) !== 'person') return null;
  const k = Math.min(v.doc.sentences.length - 1, v.sentOf[a] + FORWARD_SENTENCES);
  const limit = k >= 0 ? sentenceRange(v, k)[1] : v.lower.length;
  const persons: PersonAt[] = v.entities.mentions
    .filter((m) => m.tokenStart > h && m.kind !== 'pronoun' && !v.quoteOf[m.tokenStart] && v.entities.byId.get(m.entity)?.type === 'person')
    .map((m) => ({ tokenStart: m.tokenStart, entity: m.entity }));
  const id = laterIntroducedPerson(v.lex.refs, v.lower, persons, v.entities.roles, h, limit, word);
  const m = id ? v.entities.mentions.find((x) => x.entity === id && x.tokenStart > h && x.kind !== 'pronoun') : undefined;
  return m ? [m.tokenStart, m.tokenEnd] : null;
}
