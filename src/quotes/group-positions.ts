/**
 * Where a group that is never quoted is still a source (docs/annotation.md, "sources"): the places in the parse where
 * unnamed people or an unnamed medium hold a view or are the authority for a claim.
 * - the subject of a verb that voices or holds a view ("Beobachter rechnen damit", "polls show"), each conjunct of a
 *   coordinated subject on its own ("officials and experts said" are two sources);
 * - in a verb-second language, a plural noun the parser took for the object of a plural view verb that has no
 *   plural subject ("Dennoch schätzen Beobachter, dass …", "Das teilten Behörden mit"): nominative and accusative
 *   plurals look alike, and the verb's number says which one is the subject;
 * - the object of an authority preposition ("laut", "zufolge", "according to"), or, for a medium noun (reports,
 *   polls, circles), of a source preposition too ("in Medienberichten", "aus Regierungskreisen", "in some reports");
 *   the agent of a passive view verb ("von Fachleuten begrüßt").
 * - the object of a verb of citing or the complement of a noun of citing ("citing officials", „unter Berufung auf Kreise“).
 * View verbs are the reporting and stance verbs of verbs.json and the `stance` words of group-places.json.
 * Returns token ranges of the phrases (prepositions cut off); which of them are groups the caller decides.
 */
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';
import { phraseTokens } from './parse-subject.js';
import type { DocView } from './view.js';

export interface GroupPlace { range: [number, number]; head: number }

const feat = (w: SyntaxWord, name: string): string => new RegExp(`(?:^|\\|)${name}=(\\w+)`).exec(w.feats)?.[1] ?? '';

/** The lemma of the verb at word h, with its separated particle joined ("teilten … mit" → "mitteilen"). */
export function verbLemma(words: SyntaxWord[], h: number): string {
  // Only a lowercase word is a particle: "US-Dollar" attached so by a parse error is none.
  const prt = words.find((w) => w.head === h + 1 && w.deprel === 'compound:prt' && /^\p{Ll}+$/u.test(w.form));
  const lemma = words[h].lemma.toLowerCase();
  return prt ? prt.form.toLowerCase() + lemma : lemma;
}

const isView = (v: DocView, words: SyntaxWord[], h: number): boolean => {
  const w = words[h];
  if (!w || w.upos !== 'VERB' && w.upos !== 'AUX' && w.upos !== 'ADJ') return false;
  const lemma = verbLemma(words, h);
  return v.lex.viewLemmas.has(lemma) || v.lex.groupPlaces.stance.has(lemma);
};

/** Is word i the subject of a view verb, or a conjunct of one ("officials and experts")? */
function viewSubject(v: DocView, words: SyntaxWord[], i: number): boolean {
  let k = i;
  for (let hop = 0; hop < 4 && words[k].deprel === 'conj'; hop++) {
    const h = words[k].head - 1;
    // "Rednerinnen und Redner": one noun in both genders is one group.
    const lemma = v.lex.sourceNouns.get(v.lower[words[k].token])?.lemma;
    if (lemma && lemma === v.lex.sourceNouns.get(v.lower[words[h].token])?.lemma) return false;
    k = h;
  }
  const w = words[k];
  // "Zwei Quellen bestätigten …" parsed as a passive subject of a verb with no passive auxiliary: a subject all the same.
  const subject = w.deprel === 'nsubj' || w.deprel === 'nsubj:pass' && !words.some((x) => x.head === w.head && x.deprel === 'aux:pass');
  return subject && isView(v, words, w.head - 1) && !reportedContent(v, words, w.head - 1);
}

/** Most clause levels walked up from a view verb to the verb reporting it: set by hand on invented sentences. */
const MAX_CLAUSE_HOPS = 4;

/**
 * Is the clause of verb h part of what another view verb reports ("he said all the nations … could agree", "adding
 * that several states saw little point", "Analysts say the streets are calm as people fear …")? The authority for that
 * clause is the reporter; a group inside it is no source (docs/annotation.md, "sources").
 */
function reportedContent(v: DocView, words: SyntaxWord[], h: number): boolean {
  let k = h;
  for (let hop = 0; hop < MAX_CLAUSE_HOPS; hop++) {
    const rel = words[k].deprel;
    if (!/^(ccomp|advcl|conj|parataxis)/.test(rel)) return false;
    const up = words[k].head - 1;
    if (up < 0) return false;
    if (rel.startsWith('ccomp') && isView(v, words, up)) return true;
    k = up;
  }
  return false;
}

/** Verb-second only: a plural object of a plural view verb that has no plural subject of its own. */
function subjectByAgreement(v: DocView, words: SyntaxWord[], i: number): boolean {
  const w = words[i];
  if (!v.lex.verbSecond || w.upos !== 'NOUN' || !/^(obj|obl:arg|iobj)$/.test(w.deprel) || feat(w, 'Number') !== 'Plur') return false;
  if (words.some((x) => x.head === i + 1 && x.deprel === 'case')) return false;
  const h = w.head - 1;
  if (!isView(v, words, h)) return false;
  const finite = [words[h], ...words.filter((x) => x.head === h + 1 && x.deprel.startsWith('aux'))].find((x) => feat(x, 'VerbForm') === 'Fin');
  if (finite ? feat(finite, 'Number') !== 'Plur' : !secondPlaceInfinitive(words, h)) return false;
  return !words.some((x) => x.head === h + 1 && x.deprel.startsWith('nsubj') && feat(x, 'Number') !== 'Sing');
}

/**
 * Verb-second only: is the verb at h, tagged an infinitive, a present plural in second place ("– damit rechnen
 * Beobachter")? The infinitive and the third person plural share their form; one word after a clause boundary (the
 * sentence start or a punctuation mark) and none governing the verb as an auxiliary make it the finite verb.
 */
function secondPlaceInfinitive(words: SyntaxWord[], h: number): boolean {
  const w = words[h];
  if (feat(w, 'VerbForm') !== 'Inf' || w.form.toLowerCase() !== w.lemma.toLowerCase()) return false;
  if (words.some((x) => x.head === h + 1 && x.deprel.startsWith('aux') || x.head === h + 1 && x.deprel === 'mark')) return false;
  if (h < 1 || words[h - 1].upos === 'PUNCT') return false;
  return h === 1 || words[h - 2].upos === 'PUNCT';
}

/** The preposition words (and their fixed parts: "according to") governing word i. */
function caseWords(words: SyntaxWord[], i: number): string[] {
  const out: string[] = [];
  words.forEach((x, k) => {
    if (x.head !== i + 1 || x.deprel !== 'case') return;
    out.push(x.form.toLowerCase());
    for (const f of words) if (f.head === k + 1 && f.deprel === 'fixed') out.push(f.form.toLowerCase());
  });
  return out;
}

function authorityPlace(v: DocView, words: SyntaxWord[], i: number): boolean {
  const noun = v.lex.sourceNouns.get(v.lower[words[i].token]);
  if (!noun) return false;
  // "in seinem jüngsten Bericht", "in its report": a possessive makes the medium a named owner's.
  if (words.some((x) => x.head === i + 1 && x.deprel.startsWith('det') && feat(x, 'Poss') === 'Yes')) return false;
  const cs = caseWords(words, i);
  const g = v.lex.groupPlaces;
  if (cs.some((c) => g.authority.has(c) || noun.medium && g.medium.has(c))) return true;
  // The agent of a passive view verb ("von Fachleuten begrüßt", "criticized by rights groups").
  const h = words[i].head - 1;
  const passive = words.some((x) => x.head === h + 1 && x.deprel === 'aux:pass') || words[i].deprel === 'obl:agent';
  return passive && cs.some((c) => g.agent.has(c)) && isView(v, words, h);
}

/**
 * The source a report cites: the object of a verb of citing ("citing unnamed officials") or the complement of a noun of
 * citing („unter Berufung auf Regierungskreise“), built on a source noun.
 */
function citedPlace(v: DocView, words: SyntaxWord[], i: number): boolean {
  const w = words[i];
  if (!v.lex.sourceNouns.get(v.lower[w.token]) || !/^(obj|obl|nmod)/.test(w.deprel)) return false;
  const h = words[w.head - 1];
  if (!h) return false;
  const relay = v.lex.groupPlaces.relay;
  // Only a verb's object cites: "quoted in Swedish media" names the channel.
  return h.upos === 'VERB' ? w.deprel === 'obj' && relay.has(verbLemma(words, w.head - 1)) : h.upos === 'NOUN' && relay.has(h.lemma.toLowerCase());
}

/** Token range of the phrase headed by word i, without the prepositions at its edges. */
function phraseOf(words: SyntaxWord[], i: number): [number, number] {
  let [a, b] = phraseTokens(words, i);
  const cut = new Set(words.filter((x) => x.deprel === 'case' || x.deprel === 'fixed' && words[x.head - 1]?.deprel === 'case').map((x) => x.token));
  while (a < b && cut.has(a)) a++;
  while (b > a && cut.has(b - 1)) b--;
  return [a, b];
}

export function groupPlaces(v: DocView, syn: SyntaxLayer): GroupPlace[] {
  const out: GroupPlace[] = [];
  for (const s of syn.sentences) {
    const words = s.words;
    for (let i = 0; i < words.length; i++) {
      const t = words[i].token;
      if (v.quoteOf[t] || words[i].upos === 'VERB') continue;
      if (!viewSubject(v, words, i) && !subjectByAgreement(v, words, i) && !authorityPlace(v, words, i) && !citedPlace(v, words, i)) continue;
      out.push({ range: phraseOf(words, i), head: t });
    }
  }
  return out.sort((x, y) => x.range[0] - y.range[0]);
}
