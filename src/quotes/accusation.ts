/**
 * Content after an object and a preposition (issue 13): a verb of charging speech (lang/<code>/quotes/verbs.json
 * `chargeVerbs`: lemma → preposition, "accuse" → "of", "blame" → "for") whose clause or phrase after that
 * preposition is the reported charge — "accused the ministry of hiding the report": content "hiding the report".
 */
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';
import type { Statement } from './statements.js';
import type { DocView } from './view.js';
import { coveredTokens, pushVerbContent } from './verb-content.js';

/** Last token of word i's subtree. */
function subtreeEnd(words: SyntaxWord[], i: number): number {
  let end = words[i].token;
  words.forEach((w, k) => {
    for (let j = k; j >= 0; j = words[j].head - 1) if (j === i) { end = Math.max(end, w.token); break; }
  });
  return end;
}

/** The content [a, b) of charging verb h: from after the preposition that opens its (or its object's) dependent, or null. */
function chargeRange(words: SyntaxWord[], h: number, prep: string): [number, number] | null {
  for (let c = 0; c < words.length; c++) {
    // On the verb ("accused X | of hiding …") or, as the parse often hangs it, on its object ("X of hiding …").
    const onVerb = words[c].head === h + 1 && /^(advcl|obl)/.test(words[c].deprel);
    const p = words[c].head - 1;
    const onObject = p >= 0 && words[p].head === h + 1 && words[p].deprel === 'obj' && /^(acl|nmod)/.test(words[c].deprel);
    if (!onVerb && !onObject) continue;
    const m = words.findIndex((x) => x.head === c + 1 && /^(mark|case)$/.test(x.deprel) && x.form.toLowerCase() === prep);
    if (m < 0 || m > c) continue;
    if (words[c].upos === 'PRON') return null;
    // The charge runs on to the sentence's end: the parse often hangs its tail ("by barring …") on the verb.
    let last = words.length - 1;
    while (last > c && words[last].upos === 'PUNCT') last--;
    return [words[m].token + 1, Math.max(subtreeEnd(words, c), words[last].token) + 1];
  }
  return null;
}

/** Statements from charging verbs, for content no statement in `taken` covers yet. */
export function chargeStatements(v: DocView, syn: SyntaxLayer, taken: Statement[], phraseOf: (words: SyntaxWord[], h: number) => [number, number]): Statement[] {
  const covered = coveredTokens(v, taken);
  const out: Statement[] = [];
  for (const sent of syn.sentences) {
    const words = sent.words;
    words.forEach((w, h) => {
      const prep = v.lex.chargeVerbs.get(w.lemma.toLowerCase());
      if (!prep || w.upos !== 'VERB' || v.quoteOf[w.token]) return;
      const r = chargeRange(words, h, prep);
      if (!r || r[1] <= r[0]) return;
      const [a, b] = r;
      // A passive ("was accused of …") names the accused as its subject, not the speaker.
      const passive = words.some((x) => x.head === h + 1 && /:pass$/.test(x.deprel));
      pushVerbContent(v, words, h, a, b, covered, out, phraseOf, passive);
    });
  }
  return out;
}
