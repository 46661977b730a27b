/**
 * Noun-phrase content after a predicative marker (docs/annotation.md, "Noun-phrase content"): a verb of judging
 * speech (lemma in lang/<code>/quotes/verbs.json `predicativeVerbs`) with its object's predicate after a marker
 * (`predicativeMarkers`: "as", „als“) — "hailed the deal as a golden page", „bezeichnete die Entscheidung als
 * politisch motiviert“. The content is the predicate: from the word after the marker to the clause's end, or in a
 * verb-second language, from a marker before the verb up to the verb („hat sie als „illegal“ bezeichnet“).
 */
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';
import type { Statement } from './statements.js';
import { isPunct, isQuoteMark, type DocView } from './view.js';
import { coveredTokens, pushVerbContent } from './verb-content.js';

/** Most words between the verb and its marker ("praised on Monday the new treaty with its neighbours as …"): set by hand. */
const MAX_MARKER_GAP = 10;

/** A token that ends a clause (a comma, a colon, a full stop …); quote marks do not. */
const endsClause = (v: DocView, t: number) => isPunct(v, t) && !isQuoteMark(v, t);

/** The content [a, b) of verb token t within its sentence [S, E), or null; `fixed` tells a token of a fixed expression. */
function predicateRange(v: DocView, t: number, S: number, E: number, fixed: (t: number) => boolean): [number, number] | null {
  const markers = v.lex.predicativeMarkers;
  for (let k = t + 1; k < E && k <= t + MAX_MARKER_GAP && !endsClause(v, k); k++) {
    // A marker inside a fixed expression ("as well as", "as soon as") opens no predicate.
    if (!markers.has(v.lower[k]) || fixed(k) || fixed(k + 1)) continue;
    let b = k + 1;
    while (b < E && !endsClause(v, b)) b++;
    return b > k + 1 ? [k + 1, b] : null;
  }
  if (!v.lex.verbSecond) return null;
  for (let k = t - 1; k >= S && k >= t - MAX_MARKER_GAP && !endsClause(v, k); k--) {
    if (markers.has(v.lower[k])) return t > k + 1 ? [k + 1, t] : null;
  }
  return null;
}

/** Statements from judging verbs' predicates, for content no statement in `taken` covers yet. */
export function predicativeStatements(v: DocView, syn: SyntaxLayer, taken: Statement[], phraseOf: (words: SyntaxWord[], h: number) => [number, number]): Statement[] {
  const covered = coveredTokens(v, taken);
  const out: Statement[] = [];
  for (const sent of syn.sentences) {
    const words = sent.words;
    if (!words.length) continue;
    const S = words[0].token, E = words[words.length - 1].token + 1;
    words.forEach((w, h) => {
      if (!v.lex.predicativeLemmas.has(w.lemma.toLowerCase()) || w.upos !== 'VERB' || v.quoteOf[w.token]) return;
      const r = predicateRange(v, w.token, S, E, (t) => words.some((x) => x.token === t && x.deprel === 'fixed'));
      if (!r) return;
      const [a, b] = r;
      pushVerbContent(v, words, h, a, b, covered, out, phraseOf);
    });
  }
  return out;
}
