/**
 * Noun-phrase content after a predicative marker (docs/annotation.md, "Noun-phrase content"): a verb of judging
 * speech (lemma in lang/<code>/quotes/verbs.json `predicativeVerbs`) with its object's predicate after a marker
 * (`predicativeMarkers`: "as", „als“) — "hailed the deal as a golden page", „bezeichnete die Entscheidung als
 * politisch motiviert“. The content is the predicate: from the word after the marker to the clause's end, or in a
 * verb-second language, from a marker before the verb up to the verb („hat sie als „illegal“ bezeichnet“).
 */
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';
import type { Subject } from './attribution.js';
import type { Statement } from './statements.js';
import { cueAt, isPunct, isQuoteMark, type DocView } from './view.js';

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
  const covered = new Uint8Array(v.lower.length + 1);
  for (const st of taken) for (let t = Math.max(0, st.content[0]); t < Math.min(st.content[1], covered.length); t++) covered[t] = 1;
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
      for (let t = a; t < b; t++) if (covered[t]) return;
      const s = words.findIndex((x) => x.head === h + 1 && x.deprel === 'nsubj');
      const range = s >= 0 ? phraseOf(words, s) : null;
      const subject: Subject = range && (range[1] <= a || range[0] >= b) ? { type: 'phrase', range } : { type: 'none' };
      const start = v.doc.tokens[a].start, end = v.doc.tokens[b - 1].end;
      out.push({
        kind: 'indirect', content: [a, b], start, end, text: v.doc.text.slice(start, end), spans: [], cue: [w.token, w.token + 1],
        form: cueAt(v, w.token) ?? null, subject, attribution: [Math.min(w.token, range ? range[0] : w.token), Math.max(w.token, range ? range[1] - 1 : w.token) + 1],
        anchor: range ? range[0] : w.token,
      });
      for (let t = a; t < b; t++) covered[t] = 1;
    });
  }
  return out;
}
