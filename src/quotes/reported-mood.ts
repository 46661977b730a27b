/**
 * German reported speech without a verb of saying, read from the parse: the finite verb of the sentence's main
 * clause (the root, or the auxiliary or copula of the root) is in the subjunctive ("Von den Drohnen, die der Iran
 * losgeschickt habe, sei keiner …", "Wenn die Partei ausscheide, sei es klar, dass …"). The word-order rules only
 * look at the second position; the parse finds the main verb after a fronted clause too. Mood=Sub comes from the
 * tagger; Konjunktiv II forms (`continuationForms`, `hypotheticalForms`) do not count here: without a report just
 * before, "wäre", "würde", "müssten" are conditionals more often than reports.
 */
import type { SyntaxLayer, SyntaxWord } from '../syntax/types.js';
import { parseAt, phraseTokens } from './parse-subject.js';
import type { DocView } from './view.js';

const feat = (w: SyntaxWord, name: string): string => {
  const m = new RegExp(`(?:^|\\|)${name}=([^|]*)`).exec(w.feats);
  return m ? m[1] : '';
};

/** The finite verb word of the main clause of the parse sentence holding token `t`, or -1. */
function mainFinite(words: SyntaxWord[]): number {
  const root = words.findIndex((w) => w.head === 0);
  if (root < 0) return -1;
  if (feat(words[root], 'VerbForm') === 'Fin') return root;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.head === root + 1 && /^(aux|cop)/.test(w.deprel) && feat(w, 'VerbForm') === 'Fin') return i;
  }
  return -1;
}

/**
 * The finite verb right after a fronted clause, whatever the parse hangs where: a clause that ends in a verb, a comma,
 * then a finite verb ("Um die Arbeit zu beenden, werde sie …", "Wenn die Partei ausscheide, sei es klar …"). German
 * puts the main clause's finite verb right after its prefield, so this is the main verb even when the parser made the
 * fronted clause the root; the fronted part may hold a relative clause ("Vor dem Gipfel, der heute beginnt, wolle sie
 * …"). Only the first comma of the sentence that follows a verb counts; -1 when none.
 */
function afterFrontedClause(words: SyntaxWord[]): number {
  for (let i = 1; i + 1 < words.length; i++) {
    if (words[i].upos !== 'PUNCT' || words[i].form !== ',' || !/^(VERB|AUX)$/.test(words[i - 1].upos)) continue;
    return feat(words[i + 1], 'VerbForm') === 'Fin' ? i + 1 : -1;
  }
  return -1;
}

/**
 * The first finite verb among the Doc tokens [S, E) that heads no subordinate clause (no complementiser or relative
 * attachment): the main verb of a clause the parser hung under something after it ("X ändere nichts daran: „…“,
 * sagte Y"); -1 when none.
 */
function firstMainFinite(words: SyntaxWord[], S: number, E: number): number {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w.token < S || w.token >= E || feat(w, 'VerbForm') !== 'Fin' || /^acl/.test(w.deprel)) continue;
    const head = /^(aux|cop)/.test(w.deprel) ? w.head : i + 1;
    if (!words.some((x) => x.head === head && x.deprel === 'mark')) return i;
  }
  return -1;
}

/** Is the finite verb word in reported mood: a Konjunktiv I form by the lexicon, or by the tagger's Mood=Sub and suffix? */
export function isReportedForm(v: DocView, w: SyntaxWord): boolean {
  const mood = v.lex.reportedMood, form = w.form.toLowerCase();
  if (!mood) return false;
  if (mood.forms.has(form)) return true;
  if (mood.hypotheticalForms.has(form) || mood.continuationForms.has(form)) return false;
  const konjI = form.endsWith(mood.suffix) && !mood.notSuffixes.some((x) => form.endsWith(x));
  return feat(w, 'Mood') === 'Sub' && konjI;
}

/**
 * The Doc token of the main clause's finite verb when it carries reported mood (Konjunktiv I, or a Konjunktiv II
 * form the lexicon lets stand in for I), for the sentence (or the clause before a colon) [S, E); -1 otherwise or
 * without a parse. Tried in turn: the parse's main verb, the verb after a fronted clause, the first finite verb
 * that heads no subordinate clause (the parser often hangs the content under a reporting clause after it).
 */
export function reportedMainVerb(v: DocView, syn: SyntaxLayer, S: number, E: number): number {
  const mood = v.lex.reportedMood;
  if (!mood) return -1;
  const at = parseAt(syn, S);
  if (!at) return -1;
  const reported = (f: number): number => {
    if (f < 0) return -1;
    const w = at.words[f];
    if (w.token < S || w.token >= E || v.quoteOf[w.token]) return -1;
    return isReportedForm(v, w) ? w.token : -1;
  };
  const main = reported(mainFinite(at.words));
  if (main >= 0) return main;
  const fronted = reported(afterFrontedClause(at.words));
  return fronted >= 0 ? fronted : reported(firstMainFinite(at.words, S, E));
}

/**
 * The clause the parse made the root when it follows the reported verb at token `t` after a comma („Die Pläne seien
 * fertig, heißt es“, „X habe …, sagte deren Chef Y“): the comma token, the root verb's token, and its subject's
 * token range when that is no bare „es“; null when the root is not such a trailing clause.
 */
export function trailingClause(syn: SyntaxLayer, t: number, E: number): { comma: number; verb: number; subject: [number, number] | null } | null {
  const at = parseAt(syn, t);
  if (!at) return null;
  const root = at.words.findIndex((w) => w.head === 0);
  const r = at.words[root];
  if (!r || r.token <= t || r.token >= E || at.words[root - 1]?.form !== ',') return null;
  const subj = at.words.findIndex((w) => w.head === root + 1 && w.deprel === 'nsubj');
  const subject = subj >= 0 && at.words[subj].upos !== 'PRON' ? phraseTokens(at.words, subj) : null;
  return { comma: at.words[root - 1].token, verb: r.token, subject };
}
