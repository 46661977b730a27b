/**
 * A description with the name in apposition: "Die ehemalige Sprecherin des Repräsentantenhauses, Nancy Pelosi, rät
 * …", "the leading candidate, Donald Trump, said …", "schrieb der Minister für Kulturerbe, Elijahu." The speaker
 * phrase the rules found ends before the comma; the name after it says who speaks.
 */
import { analyzePhrase } from './phrase-info.js';
import { mentionsIn, type DocView } from './view.js';

/** Most words a name in apposition may have. */
const MAX_APPOSITIVE_WORDS = 4;

/**
 * The token range of a person's or organisation's name standing in apposition right after the description [a, b)
 * (", Name," or ", Name." at the sentence's end); null when the phrase names someone itself or no name follows.
 */
export function appositiveName(v: DocView, a: number, b: number): [number, number] | null {
  if (v.lower[b] !== ',' || v.quoteOf[b + 1]) return null;
  const info = analyzePhrase(v, a, b);
  if (info.kind !== 'description' && info.kind !== 'group' || info.entity) return null;
  // One described, not several: "weitere Redner von Union, SPD, …" lists.
  if (info.count !== null && info.count !== 1) return null;
  for (let k = a; k < b; k++) if (v.lex.coordinators.has(v.lower[k])) return null;
  const m = mentionsIn(v, b + 1, Math.min(v.lower.length, b + 1 + MAX_APPOSITIVE_WORDS))
    .find((x) => x.tokenStart === b + 1 && x.kind !== 'pronoun' && x.kind !== 'possessive' && x.kind !== 'compound');
  if (!m) return null;
  const next = v.lower[m.tokenEnd];
  if (next !== ',' && next !== '.' && next !== undefined) return null;
  // "…, Name, Name2 und …" is a list, not an apposition.
  const after = m.tokenEnd + 1;
  if (next === ',' && (v.lex.coordinators.has(v.lower[after]) || mentionsIn(v, after, after + 1).length)) return null;
  const type = v.entities.byId.get(m.entity)?.type;
  return type === 'person' || type === 'organization' ? [m.tokenStart, m.tokenEnd] : null;
}
