/**
 * The subject of a reporting verb read from the dependency parse (UD): the verb's nsubj, as the token range of
 * its phrase. The word-order rules guess the subject from positions and take whatever phrase opens the clause
 * ("Perhaps fearful of …, X said" → "Perhaps fearful of …"; "Ursprünglich hatte das Land gefordert" →
 * "Ursprünglich"); the parse names the verb's own subject. An auxiliary or copula cue ("hatte … gefordert") is read
 * at the verb it belongs to.
 */
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';
import type { Statement } from './statements.js';
import type { DocView } from './view.js';
import { verbSubject } from './verb-subject.js';

/** Relations whose phrases are not part of the subject's noun phrase as a speaker phrase ("officials, who …"). */
const CUT = new Set(['acl', 'acl:relcl', 'parataxis', 'ccomp', 'advcl', 'conj', 'cc', 'punct', 'dep', 'dislocated', 'discourse', 'vocative']);

/** Longest subject phrase taken from the parse (in words): longer ones are parse errors more often than not. */
const MAX_PARSE_SUBJECT = 12;

export interface ParsePosition { words: SyntaxWord[]; word: number }

/** The parse position of Doc token `t` (its first word), or null when its sentence was not analysed. */
export function parseAt(syn: SyntaxLayer, t: number): ParsePosition | null {
  const si = syn.tokenSentence[t], wi = syn.tokenWord[t];
  if (si === undefined || si < 0 || wi < 0) return null;
  return { words: syn.sentences[si].words, word: wi };
}

/** The verb an auxiliary, copula or particle word belongs to (its head); the word itself otherwise. */
export function verbOf(words: SyntaxWord[], wi: number): number {
  const w = words[wi];
  if (w && /^(aux|cop|compound:prt|mark)/.test(w.deprel) && w.head > 0) return w.head - 1;
  return wi;
}

/** Token range of the phrase headed by word `h`: its subtree without clauses, coordinations and edge punctuation. */
export function phraseTokens(words: SyntaxWord[], h: number): [number, number] {
  let a = words[h].token, b = words[h].token + 1;
  const inside = (i: number): boolean => {
    for (let k = i; k !== h; k = words[k].head - 1) {
      if (k < 0 || CUT.has(words[k].deprel)) return false;
    }
    return true;
  };
  // Contiguous extension left and right of the head while the words belong to the phrase.
  for (let i = h - 1; i >= 0 && inside(i); i--) a = Math.min(a, words[i].token);
  for (let i = h + 1; i < words.length && inside(i); i++) b = Math.max(b, words[i].token + 1);
  return [a, b];
}

/** The nsubj phrase of the verb at Doc token `verb` (active subject only), as a token range; null when none. */
export function parseSubject(syn: SyntaxLayer, verb: number): [number, number] | null {
  const at = parseAt(syn, verb);
  if (!at) return null;
  const { words } = at;
  const head = verbOf(words, at.word);
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.head !== head + 1 || (!isSubjectWord(w) && w.deprel !== 'csubj')) continue;
    if (w.deprel === 'csubj') return null;
    const r = phraseTokens(words, i);
    return r[1] - r[0] <= MAX_PARSE_SUBJECT ? r : null;
  }
  return null;
}

/**
 * The parse's subject for a statement's verb cue when it differs from the one the word-order rules chose (no
 * overlap), else null. Without a parse the rules' choice stands.
 */
export function parsedSubject(v: DocView, st: Statement, syntaxOf: (() => SyntaxLayer | null) | undefined): [number, number] | null {
  if (!syntaxOf || !st.cue) return null;
  const syn = syntaxOf();
  if (!syn) return null;
  const ps = parseSubject(syn, st.cue[0]);
  if (!ps || v.quoteOf[ps[0]]) return null;
  // The content clause's own subject, attached to the verb by a parse error, is no speaker.
  if (ps[0] < st.content[1] && st.content[0] < ps[1]) return null;
  const sub = st.subject;
  if (sub.type === 'phrase' && sub.range[0] < ps[1] && ps[0] < sub.range[1]) return null;
  return ps;
}

/**
 * A direct quote introduced by a clause ending in a colon ("Klarer äußert sich CSU-Chef Söder: „…“", "Als neuer
 * Premier muss Carney nun die Krise meistern: „…“"): the subject of that clause's main verb, by the parse, as a token
 * range; null when the quote does not follow a colon or the clause has no subject.
 */
export function colonClauseSubject(v: DocView, open: number, syntaxOf: (() => SyntaxLayer | null) | undefined): [number, number] | null {
  const colon = open - 1;
  if (colon < 0 || v.lower[colon] !== ':' || !syntaxOf) return null;
  const syn = syntaxOf();
  const at = syn ? parseAt(syn, colon) : null;
  if (!at) return null;
  const { words } = at;
  const root = words.findIndex((w) => w.head === 0);
  if (root < 0 || words[root].token >= colon) return null;
  const s = words.findIndex((w) => w.head === root + 1 && w.token < colon && isSubjectWord(w));
  if (s < 0) return null;
  const r = phraseTokens(words, s);
  return r[1] <= colon && !v.quoteOf[r[0]] ? r : null;
}

/** A subject: nsubj, or a nominative noun the parser took for an object (German "äußert sich CSU-Chef Söder"). */
function isSubjectWord(w: SyntaxWord): boolean {
  return w.deprel === 'nsubj' || w.deprel === 'obj' && /(?:^|\|)Case=Nom/.test(w.feats) && (w.upos === 'PROPN' || w.upos === 'NOUN');
}

/** Relations by which a verb without a subject of its own shares the subject of the verb it hangs on. */
const SHARES_SUBJECT = /^(conj|advcl|xcomp)/;

/**
 * The subject a coordinated or participle reporting verb shares ("May pivoted and said …", "Kerry welcomed the plan
 * and said …", "The ministry denied it, saying …"): the verb's own nsubj, else that of the verb it hangs on by
 * conj, advcl or xcomp (two hops at most), as a token range before the verb; null without a parse or a subject.
 */
export function sharedSubject(syntaxOf: (() => SyntaxLayer | null) | undefined, verb: number): [number, number] | null {
  const syn = syntaxOf ? syntaxOf() : null;
  const at = syn ? parseAt(syn, verb) : null;
  if (!at) return null;
  const { words } = at;
  let h = verbOf(words, at.word);
  for (let hop = 0; hop < 3 && h >= 0; hop++) {
    const s = verbSubject(words, h);
    if (s >= 0) {
      // "X insisted that Cuba has prisoners and said …": a verb inside reported content lends no subject.
      if (hop > 0 && /^(ccomp|csubj|acl)/.test(words[h].deprel)) return null;
      const r = phraseTokens(words, s);
      return r[1] <= words[at.word].token && r[1] - r[0] <= MAX_PARSE_SUBJECT ? r : null;
    }
    if (!SHARES_SUBJECT.test(words[h].deprel)) return null;
    h = words[h].head - 1;
  }
  return null;
}
