/**
 * „Die Kommission empfiehlt, …“ after the text named the „Enquete-Kommission“: a definite bare institution word that
 * speaks refers back to the nearest compound before it built on the same head, and speaks under that compound's name.
 * Where nouns are not capitalised there are no such compounds; the rule then finds nothing.
 */
import { headOf, isBareHead } from '../references/index.js';
import { isCap, isPunct, mentionsIn, sentenceRange, type DocView } from './view.js';

/**
 * The token range of the compound an institution phrase [a, b) of a determiner and a bare head (adverbs after it
 * allowed: „die Kommission etwa“) refers back to, or null.
 */
export function compoundAntecedent(v: DocView, a: number, b: number): [number, number] | null {
  const lex = v.lex;
  if (!lex.nounsCapitalised) return null;
  while (b > a + 1 && (lex.adverbs.has(v.lower[b - 1]) || lex.focusParticles.has(v.lower[b - 1]))) b--;
  if (b - a !== 2 || !lex.determiners.has(v.lower[a]) || !isBareHead(lex.refs, v.lower[a + 1])) return null;
  const head = headOf(lex.refs, v.lower[a + 1]);
  if (!head || head.type === 'person') return null;
  for (let t = a - 1; t >= 0; t--) {
    const w = v.lower[t];
    if (v.quoteOf[t] || isPunct(v, t) || !isCap(v, t) || isBareHead(lex.refs, w)) continue;
    const h = headOf(lex.refs, w);
    if (h && h.stem === head.stem && w.length > head.stem.length + h.ending.length) return [t, t + 1];
  }
  return null;
}

/** How many sentences back a bare institution word looks for the organisation it refers to (set by hand). */
const ORG_LOOKBACK_SENTENCES = 2;

/**
 * „Die Miliz hat nach eigenen Angaben …“ after a sentence naming the „Rebellengruppe M23“: a determiner and a bare
 * institution word with no compound before it refer to the one organisation entity of the nearest sentence (its own
 * before the phrase, else up to ORG_LOOKBACK_SENTENCES back) that names any, when its kind fits the word's class.
 */
export function organizationAntecedent(v: DocView, a: number, b: number): string | null {
  const lex = v.lex;
  while (b > a + 1 && (lex.adverbs.has(v.lower[b - 1]) || lex.focusParticles.has(v.lower[b - 1]))) b--;
  if (b - a !== 2 || !lex.determiners.has(v.lower[a]) || !isBareHead(lex.refs, v.lower[a + 1])) return null;
  const head = headOf(lex.refs, v.lower[a + 1]);
  if (!head || head.type !== 'organization') return null;
  const k = v.sentOf[a];
  for (let back = 0; back <= ORG_LOOKBACK_SENTENCES && k - back >= 0; back++) {
    const [S, E] = sentenceRange(v, k - back);
    const found = new Set<string>();
    for (const m of mentionsIn(v, S, back === 0 ? a : E)) {
      const e = v.entities.byId.get(m.entity);
      if (e?.type === 'organization' && !v.quoteOf[m.tokenStart] && m.kind !== 'pronoun') found.add(e.id);
    }
    if (!found.size) continue;
    if (found.size > 1) return null;
    const id = [...found][0];
    const kind = v.entities.byId.get(id)!.kind;
    return !head.cls || !kind || kind === head.cls ? id : null;
  }
  return null;
}
