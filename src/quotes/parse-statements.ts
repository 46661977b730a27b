/**
 * Indirect statements read from the parse where the word-order rules found none: a reporting verb (by its lemma,
 * lang/<code>/quotes/verbs.json) with a clausal complement (UD ccomp) — "Iran denies its program was aimed at …",
 * "Chile, which said it would keep …", "…, saying it had not been told …", "told a TV station the talks might be …".
 * The content is the complement's phrase without its complementiser; the speaker is the verb's subject, or for a
 * participle or coordinated verb without one, the subject of the verb it hangs on.
 */
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';
import type { Subject } from './attribution.js';
import { timePhraseAt, trimContent, wordCount } from './attribution.js';
import type { Statement } from './statements.js';
import { cueAt, isQuoteMark, spansOverlapping, tokenAt, VERB_ONLY, type DocView } from './view.js';
import { verbSubject } from './verb-subject.js';
import { sharedSubjectOf } from './verb-content.js';

/** Fewest words a complement needs to be reported content ("said so" is none): set by hand. */
const MIN_CONTENT_WORDS = 3;
/** Most words (adverbs) between a subject and its cue for the subject to open the attribution ("it also says"): set by hand. */
const MAX_SUBJECT_GAP = 2;

/** Token range [first, last + 1) of the whole subtree of word h. */
function subtreeTokens(words: SyntaxWord[], h: number): [number, number] {
  let a = words[h].token, b = words[h].token + 1;
  for (let i = 0; i < words.length; i++) {
    let k = i;
    while (k >= 0 && k !== h) k = words[k].head - 1;
    if (k === h) { a = Math.min(a, words[i].token); b = Math.max(b, words[i].token + 1); }
  }
  return [a, b];
}

/** The nsubj word of verb h, or of the verb it hangs on when h has none (participle, coordination); -1 when none. */
function subjectWord(words: SyntaxWord[], h: number): number {
  for (let hop = 0; hop < 2 && h >= 0; hop++) {
    const s = verbSubject(words, h);
    if (s >= 0) return s;
    if (!/^(advcl|conj|xcomp|acl)/.test(words[h].deprel)) return -1;
    h = words[h].head - 1;
  }
  return -1;
}

/**
 * The complement of word h that is reported content, or -1: a clausal complement (ccomp) with a subject of its own
 * under a reporting verb ("using an acronym", "prompting applause" are none), or a verbal infinitive complement
 * (xcomp, or an infinitive acl of its object) under a directive verb ("urged the opposition to seize …"). Only one after the verb.
 */
function complementOf(v: DocView, words: SyntaxWord[], h: number): number {
  const lemma = words[h].lemma.toLowerCase();
  const after = (c: number) => c >= 0 && words[c].token > words[h].token ? c : -1;
  if (v.lex.reportLemmas.has(lemma)) {
    const c = after(words.findIndex((x) => x.head === h + 1 && x.deprel === 'ccomp'));
    if (c >= 0 && words.some((x) => x.head === c + 1 && /^(nsubj|expl)/.test(x.deprel))) return c;
  }
  // A passive directive ("were invited to negotiate") names the addressee, not the speaker.
  if (!v.lex.directiveLemmas.has(lemma) || words.some((x) => x.head === h + 1 && /:pass$/.test(x.deprel))) return -1;
  const x = after(words.findIndex((x) => x.head === h + 1 && x.deprel === 'xcomp' && x.upos === 'VERB'));
  if (x >= 0) return x;
  const ad = addresseeInfinitive(v, words, h, lemma);
  if (ad >= 0) return ad;
  // The parser may hang the infinitive on the addressee ("urged [the provinces [to accept …]]" as acl of the object).
  const o = words.findIndex((x) => x.head === h + 1 && x.deprel === 'obj');
  return o < 0 ? -1 : after(words.findIndex((x, i) => x.head === o + 1 && x.deprel === 'acl' && x.upos === 'VERB'
    && words.some((m) => m.head === i + 1 && m.deprel === 'mark' && m.token < x.token)));
}

/** Most punctuation tokens between the content's end and the closing mark of its quote ('country."'): set by hand. */
const MAX_PUNCT_BEFORE_MARK = 2;

/** The end of content [a, b) moved past the closing mark of a quote it opens with, or of one opened inside it when only punctuation is left. */
function throughClosingMark(v: DocView, a: number, b: number): number {
  for (const i of spansOverlapping(v, a, b)) {
    const open = tokenAt(v.doc, v.spans[i].open), close = tokenAt(v.doc, v.spans[i].close);
    if (open < a || close < b) continue;
    // A quote the content opens with is the directive's words to its closing mark (the parse may end its phrase early).
    if (open === a && v.sentOf[close] === v.sentOf[a]) return close + 1;
    if (close - b > MAX_PUNCT_BEFORE_MARK) continue;
    let k = b;
    while (k < close && /^[.,!?;:]$/.test(v.lower[k])) k++;
    if (k === close) return close + 1;
  }
  return b;
}

/** The end of [a, b) without a complementiser or relative pronoun left dangling at its end ("… State that"). */
function dropTrailingLinks(v: DocView, a: number, b: number): number {
  while (b > a && (v.lex.complementizers.has(v.lower[b - 1]) || v.lex.relativePronouns.has(v.lower[b - 1]) || v.lower[b - 1] === ',')) b--;
  return b;
}

/**
 * May content [a, b) hold the quoted spans it touches? Only quotes wholly inside it ("the plan was a "disaster" for
 * the town", "urged X to "remain calm""): the statement is then mixed. One running past either end is direct speech
 * of its own.
 */
function quotesInside(v: DocView, a: number, b: number): boolean {
  for (const i of spansOverlapping(v, a, b)) {
    const q = v.spans[i];
    const open = tokenAt(v.doc, q.open), close = tokenAt(v.doc, q.close);
    if (open < a || close >= b) return false;
  }
  return true;
}

/**
 * "urged Lopez last week to drop …": an infinitive (marked by the language's infinitive marker) the parser hung on a
 * directive verb that names its addressee as an adverbial clause, when only the addressee and adverbials stand
 * between them; -1 otherwise.
 */
function addresseeInfinitive(v: DocView, words: SyntaxWord[], h: number, lemma: string): number {
  if (!v.lex.addresseeDirectiveLemmas.has(lemma) && !v.lex.addresseePrepositions.has(lemma)) return -1;
  // "called on the United States to intervene": the addressee after the verb's own preposition.
  const prep = v.lex.addresseePrepositions.get(lemma);
  const byPrep = (i: number) => !!prep && words[i].deprel === 'obl' && words.some((m) => m.head === i + 1 && m.deprel === 'case'
    && m.form.toLowerCase() === prep && timePhraseAt(v, m.token, v.lower.length) === m.token); // "on Monday" is no addressee
  const addressee = words.findIndex((x, i) => x.head === h + 1 && (/^(obj|iobj)$/.test(x.deprel) && v.lex.addresseeDirectiveLemmas.has(lemma) || byPrep(i)) && x.token > words[h].token);
  if (addressee < 0) return -1;
  const c = words.findIndex((x) => x.head === h + 1 && x.deprel === 'advcl' && x.upos === 'VERB' && x.token > words[addressee].token);
  if (c < 0) return -1;
  const marked = words.some((m) => m.head === c + 1 && m.deprel === 'mark' && v.lex.infinitiveMarkers.has(m.form.toLowerCase()));
  // Every word between the verb and the infinitive's marker hangs (directly or not) on the addressee or an adverbial.
  for (let i = h + 1; i < c && marked; i++) {
    if (words[i].deprel === 'mark' && words[i].head === c + 1) continue;
    let k = i;
    while (k >= 0 && words[k].head - 1 !== h) k = words[k].head - 1;
    if (k < 0 || !/^(obj|iobj|obl|advmod|nmod:tmod)/.test(words[k].deprel)) return -1;
  }
  return marked ? c : -1;
}

/** Statements from reporting verbs' clausal complements, for content no statement in `taken` covers yet. */
export function parseStatements(v: DocView, syn: SyntaxLayer, taken: Statement[], phraseOf: (words: SyntaxWord[], h: number) => [number, number]): Statement[] {
  const covered = new Uint8Array(v.lower.length + 1);
  for (const st of taken) for (let t = Math.max(0, st.content[0]); t < st.content[1] && t < covered.length; t++) covered[t] = 1;
  // Where another statement's cue or subject before it starts ("…, warning they could …", "… that it says …").
  const attributed = new Uint8Array(v.lower.length + 1);
  for (const st of taken) {
    if (!st.cue) continue;
    const r = st.subject.type === 'phrase' ? st.subject.range : null;
    const at = r && r[1] <= st.cue[0] && st.cue[0] - r[1] <= MAX_SUBJECT_GAP ? r[0] : st.cue[0];
    if (at >= 0 && at < attributed.length) attributed[at] = 1;
  }
  const out: Statement[] = [];
  for (const sent of syn.sentences) {
    const words = sent.words;
    for (let h = 0; h < words.length; h++) {
      const w = words[h];
      if (v.quoteOf[w.token] || v.verbMask[w.token] === VERB_ONLY) continue;
      const c = complementOf(v, words, h);
      if (c < 0) continue;
      let [a, b] = subtreeTokens(words, c);
      // The complementiser, a comma, and an infinitive's own marker ("to" of "urged X to seize") are not content.
      const marker = (t: number) => words.some((x) => x.head === c + 1 && x.deprel === 'mark' && x.token === t && words[c].token > t);
      while (a < b && (v.lex.complementizers.has(v.lower[a]) || v.lower[a] === ',' || marker(a))) a++;
      [a, b] = trimContent(v, a, b);
      // "urged Americans to "remain aware …"": a quote opening inside the content's first word takes its mark along.
      if (a > 0 && isQuoteMark(v, a - 1) && v.spans.some((q) => tokenAt(v.doc, q.open) === a - 1)) a--;
      b = throughClosingMark(v, a, b);
      if (v.lex.prepositions.has(v.lower[a])) continue;
      // A complement running on into another statement ("urged X to forgo the plans, warning they could …") ends
      // where that statement's cue (or the subject right before it) begins; one running into its content is no
      // complement of this verb (a misparse).
      let cut = a;
      while (cut < b && !covered[cut] && !(cut > a && attributed[cut])) cut++;
      if (cut < b && covered[cut]) continue;
      if (cut < b) [a, b] = trimContent(v, a, dropTrailingLinks(v, a, cut));
      if (b <= a || wordCount(v, a, b) < MIN_CONTENT_WORDS || !quotesInside(v, a, b)) continue;
      const s = subjectWord(words, h);
      const range = s >= 0 ? phraseOf(words, s) : null;
      const subject: Subject = range && range[1] <= a ? { type: 'phrase', range } : sharedSubjectOf(words, h);
      const start = v.doc.tokens[a].start, end = v.doc.tokens[b - 1].end;
      out.push({
        kind: 'indirect', content: [a, b], start, end, text: v.doc.text.slice(start, end), spans: [], cue: [w.token, w.token + 1],
        form: cueAt(v, w.token) ?? null, subject, attribution: [Math.min(w.token, range ? range[0] : w.token), w.token + 1],
        anchor: range ? range[0] : w.token,
      });
      for (let t = a; t < b; t++) covered[t] = 1;
    }
  }
  return out;
}
