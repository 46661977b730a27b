/** Does the parse see a verb inside a phrase the word-order rules took for a noun phrase? */
import { parseAt } from './parse-subject.js';
import type { DocView } from './view.js';

/**
 * Is a word of [a, b) a main verb by the parse ("Tom Varga praised Maria Lopez" read as one phrase)? False without
 * a parse.
 */
export function holdsParsedVerb(v: DocView, a: number, b: number): boolean {
  const syn = v.syntaxOf ? v.syntaxOf() : null;
  if (!syn) return false;
  for (let t = a; t < b; t++) {
    const p = parseAt(syn, t);
    if (p && p.words[p.word].upos === 'VERB' && p.words[p.word].token === t) return true;
  }
  return false;
}
