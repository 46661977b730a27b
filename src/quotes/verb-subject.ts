/**
 * The parse's subject of a verb, with a check on the tagger's case: "Den geplanten Umbau hat sie als illegal
 * bezeichnet" — the parser may take a fronted object for the subject; where the nsubj it gives is in a case only
 * objects and attributes take (by the tagger) and a third-person personal pronoun hangs on the same verb after it,
 * the pronoun is the subject. Languages whose tagger gives no Case keep the parser's nsubj.
 */
import type { SyntaxWord } from '../syntax/types.js';

/** A case the tagger gives only to objects and attributes: a subject in it is a misparse. */
const OBLIQUE_CASE = /(?:^|\|)Case=(?:Acc|Dat|Gen)(?:\||$)/;
const PERSONAL_3 = (w: SyntaxWord) => w.upos === 'PRON' && /(?:^|\|)PronType=Prs/.test(w.feats) && /(?:^|\|)Person=3/.test(w.feats);

/** Index in `words` of the subject of verb `words[h]`, or -1. */
export function verbSubject(words: SyntaxWord[], h: number): number {
  const s = words.findIndex((x) => x.head === h + 1 && x.deprel === 'nsubj');
  if (s >= 0 && beforeOwnConjunction(words, h, s)) return -1;
  if (s < 0 || !OBLIQUE_CASE.test(words[s].feats)) return s;
  const p = words.findIndex((x, i) => i > s && x.head === h + 1 && PERSONAL_3(x));
  return p >= 0 ? p : s;
}

/**
 * A conjunct verb's "subject" that stands before the conjunction opening that conjunct ("stellt sich China als
 * Beobachter dar und erklärt …"): a conjunct's own subject never does, so the parser has misread a phrase of the first
 * conjunct, and the verb shares its governor's subject instead.
 */
function beforeOwnConjunction(words: SyntaxWord[], h: number, s: number): boolean {
  if (!words[h].deprel.startsWith('conj')) return false;
  for (let i = s + 1; i < h; i++) if (words[i].head === h + 1 && words[i].deprel === 'cc') return true;
  return false;
}
