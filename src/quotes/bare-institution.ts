/**
 * „Die Kommission empfiehlt, …“ after the text named the „Enquete-Kommission“: a definite bare institution word that
 * speaks refers back to the nearest compound before it built on the same head, and speaks under that compound's name.
 * Where nouns are not capitalised there are no such compounds; the rule then finds nothing.
 */
import { headOf, isBareHead } from '../references/index.js';
import { isCap, isPunct, type DocView } from './view.js';

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
