/**
 * Noun-phrase content of a voiced attitude (issue 13): a verb of voicing (lemma in lang/<code>/quotes/verbs.json
 * `attitudeVerbs`: "expressed", "voiced", „äußerte“) whose object is an attitude noun (`attitudeNouns`: "concern",
 * "optimism", „Sorge“) with a prepositional complement — "voiced concern about the port's safety record". The
 * content is the whole object phrase, noun and complement ("concern about the port's safety record"): gold marks
 * either the complement or the whole phrase, and the phrase holds both.
 */
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';
import type { Statement } from './statements.js';
import { isPunct, isQuoteMark, type DocView } from './view.js';
import { coveredTokens, pushVerbContent } from './verb-content.js';

/** A token that ends a clause outside quotes (a comma, a colon, a full stop …). */
const endsClause = (v: DocView, t: number) => isPunct(v, t) && !isQuoteMark(v, t) && !v.quoteOf[t];

/** The phrase [a, b) run on to its clause's end (before E) when a quotation touches it: the parse cuts at quote marks. */
function throughQuotes(v: DocView, a: number, b: number, E: number): [number, number] {
  let touched = false;
  for (let t = a; t <= b + 1 && t < E; t++) if (v.quoteOf[t] || isQuoteMark(v, t)) touched = true;
  if (!touched) return [a, b];
  while (b < E && !endsClause(v, b)) b++;
  return [a, b];
}

/** The word index (in `words`) of the attitude object of verb h that has a prepositional complement, or -1. */
function attitudeObject(v: DocView, words: SyntaxWord[], h: number): number {
  return words.findIndex((x, o) => x.head === h + 1 && x.deprel === 'obj' && v.lex.attitudeNouns.has(x.lemma.toLowerCase())
    && words.some((y) => y.head === o + 1 && y.deprel.startsWith('nmod') && words.some((c) => c.head === words.indexOf(y) + 1 && c.deprel === 'case')));
}

/** Statements from voiced attitudes, for content no statement in `taken` covers yet. */
export function attitudeStatements(v: DocView, syn: SyntaxLayer, taken: Statement[], phraseOf: (words: SyntaxWord[], h: number) => [number, number]): Statement[] {
  const covered = coveredTokens(v, taken);
  const out: Statement[] = [];
  for (const sent of syn.sentences) {
    const words = sent.words;
    words.forEach((w, h) => {
      if (!v.lex.attitudeLemmas.has(w.lemma.toLowerCase()) || w.upos !== 'VERB' || v.quoteOf[w.token]) return;
      // A passive ("concern was expressed") names no speaker as its subject.
      if (words.some((x) => x.head === h + 1 && /:pass$/.test(x.deprel))) return;
      const o = attitudeObject(v, words, h);
      if (o < 0) return;
      const E = words[words.length - 1].token + 1;
      const [a, b] = throughQuotes(v, ...phraseOf(words, o), E);
      pushVerbContent(v, words, h, a, b, covered, out, phraseOf);
    });
  }
  return out;
}
