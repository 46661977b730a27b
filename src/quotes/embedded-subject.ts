/**
 * The subject of a reporting verb inside an embedded clause, read from the parse: "patrols that officials said could
 * include …", "an island Beijing says it owns", "reforms that Cameron says he needs". The word-order rules take the
 * sentence's opening subject for such a verb; the parser's nsubj of the verb says who speaks. The parse is asked for
 * only when the verb has such a shape (a noun phrase right before it that does not open its clause), so articles
 * without one never pay for it.
 */
import type { SyntaxLayer } from '../syntax/types.js';
import { chunkNP, subjectStart } from './phrases.js';
import { isCap, isPunct, sentenceRange, type DocView } from './view.js';

/** Longest subject phrase looked for right before the verb: set by hand. */
const MAX_EMBEDDED_SUBJECT = 6;

/** The noun phrase ending right before `verb` (over adverbs and auxiliaries) when it does not open its clause. */
function phraseBefore(v: DocView, verb: number): [number, number] | null {
  const lex = v.lex;
  let k = verb - 1;
  while (k >= 0 && (lex.adverbs.has(v.lower[k]) || lex.auxiliaries.has(v.lower[k]))) k--;
  if (k < 0 || isPunct(v, k) || v.quoteOf[k] || lex.relativePronouns.has(v.lower[k]) || lex.complementizers.has(v.lower[k])) return null;
  const sent = v.sentOf[verb];
  if (sent < 0) return null;
  const open = subjectStart(v, sentenceRange(v, sent)[0], verb);
  // The clause's own opening phrase reaching the verb is its ordinary subject ("The head of the agency said").
  if (chunkNP(v, open, k + 1) === k + 1) return null;
  let a = -1;
  for (let t = k; t > open && k - t < MAX_EMBEDDED_SUBJECT; t--) {
    if (isPunct(v, t - 1)) break;
    if (chunkNP(v, t, k + 1) === k + 1) a = t;
  }
  if (a <= open) return null;
  // Embedded: after a relative word or a complementizer ("that officials said"), or right after a noun ("an island
  // Beijing says") — never after a verb, an auxiliary or a preposition.
  const b = a - 1, w = v.lower[b];
  const embedded = lex.relativePronouns.has(w) || lex.complementizers.has(w)
    || !v.verbMask[b] && !lex.auxiliaries.has(w) && !lex.prepositions.has(w) && !lex.determiners.has(w) && !lex.coordinators.has(w) && !isCap(v, b);
  return embedded ? [a, k + 1] : null;
}

/** The subject of the reporting verb at `verb` in an embedded clause, by the parse, or null. */
export function embeddedSubject(v: DocView, verb: number, chosen: [number, number] | null, syntaxOf: (() => SyntaxLayer | null) | undefined): [number, number] | null {
  // Verb-second languages put the verb of an embedded clause last ("…, die Israel sagt", "wie Merz sagte"), where the
  // word-order rules already find its subject.
  if (!syntaxOf || v.lex.verbSecond) return null;
  const np = phraseBefore(v, verb);
  if (!np || chosen && chosen[0] < np[1] && np[0] < chosen[1]) return null;
  const syn = syntaxOf();
  if (!syn) return null;
  const si = syn.tokenSentence[verb], wi = syn.tokenWord[verb];
  if (si < 0 || wi < 0) return null;
  const words = syn.sentences[si].words;
  for (const w of words) {
    if (w.head !== wi + 1 || !w.deprel.startsWith('nsubj') || w.deprel === 'nsubj:pass') continue;
    if (w.token >= np[0] && w.token < np[1]) return np;
  }
  return null;
}
