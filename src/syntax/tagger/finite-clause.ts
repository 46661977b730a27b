/**
 * A German subordinate clause ends in its finite verb: "wenn sie solche Sätze hören", "falls das jemand
 * interessiert", "die … ausnutzen". The FEATS perceptron often takes such a clause-final "hören" for an infinitive or
 * "interessiert" for a participle (the forms are the same). With `finiteClauseEnd`, when tagging, the last verb of a
 * clause with no finite verb so far is kept finite when the clause opens with a word after which the training
 * sentences nearly always end the clause finite. Which openers those are is learnt from the gold training sentences
 * (no word lists): a subordinating conjunction by its word ("wenn", "dass"; not "um" … "zu"), or after punctuation a
 * pronoun opening the clause ("die", "der": relative clauses).
 */
import { hashStr, mix } from '../../util/hash.js';
import type { Sentence } from '../conllu.js';
import type { FormLexicon } from '../lexicon/form-lexicon.js';
import type { WordInfo } from './features.js';

/** Word kinds the clause scan tells apart (by UPOS). */
export const enum Kind { OTHER = 0, PUNCT = 1, SCONJ = 2, CCONJ = 3, VERB = 4, PRON = 5 }

export function kindOfUpos(u: string): Kind {
  switch (u) {
    case 'PUNCT': return Kind.PUNCT;
    case 'SCONJ': return Kind.SCONJ;
    case 'CCONJ': return Kind.CCONJ;
    case 'VERB': case 'AUX': return Kind.VERB;
    case 'PRON': return Kind.PRON;
    default: return Kind.OTHER;
  }
}

const isBoundary = (k: Kind): boolean => k === Kind.PUNCT || k === Kind.SCONJ || k === Kind.CCONJ;

/** A sentence as the scan sees it: word kinds, lower-case form hashes, and which words are finite verbs so far. */
export interface ClauseView {
  n: number;
  kind(j: number): Kind;
  lower(j: number): number;
  finite(j: number): boolean;
}

/**
 * The opener key of the clause that verb i ends (0 when i does not end its clause, is followed by another verb of
 * its cluster, or a finite verb came before it in the clause): mix(SCONJ, the conjunction) or, after punctuation,
 * mix(PRON, the clause's first word when it is a pronoun).
 */
export function finalVerbOpener(v: ClauseView, i: number): number {
  const r = i + 1;
  if (r < v.n && !isBoundary(v.kind(r))) return 0;
  let j = i - 1;
  for (; j >= 0 && !isBoundary(v.kind(j)); j--) if (v.kind(j) === Kind.VERB && v.finite(j)) return 0;
  if (j < 0) return 0;
  if (v.kind(j) === Kind.SCONJ) return mix(Kind.SCONJ, v.lower(j));
  if (v.kind(j) === Kind.PUNCT && j + 1 < i && v.kind(j + 1) === Kind.PRON) return mix(Kind.PRON, v.lower(j + 1));
  return 0;
}

export const isFiniteFeats = (f: string): boolean => f.includes('VerbForm=Fin') || f.includes('Mood=');

/** Fewest clause-final verbs after an opener in the training sentences for the opener to count (set by eye: 1,600 sentences). */
const MIN_SEEN = 3;
/** Share of those verbs that must be finite ("um … zu", "ohne … zu" are near 0, "wenn", "dass", "die" near 1; "wie" 0.77 is out). */
const MIN_FINITE_SHARE = 0.9;
/** Key space of the words right before a verb that mark it non-finite ("zu"). */
const BEFORE = 6;

/** What the rule learnt from the gold training sentences (sorted hashes; kept in the model's options). */
export interface FiniteClauseOpeners {
  /** Openers after which clause-final verbs are finite (seen MIN_SEEN times, MIN_FINITE_SHARE finite). */
  finite: number[];
  /** Openers seen with a lower share, and words before a verb after which it is mostly non-finite (mix(BEFORE, word)). */
  nonFinite: number[];
}

function countInto(seen: Map<number, [number, number]>, key: number, finite: boolean): void {
  const c = seen.get(key) ?? [0, 0];
  c[0]++;
  if (finite) c[1]++;
  seen.set(key, c);
}

/**
 * The openers after which the gold training sentences end the clause in a finite verb, those after which they do not
 * (an opener seen once counts there too: "außer … zu"), and the particles before mostly non-finite verbs ("zu").
 */
export function learnFiniteOpeners(sentences: readonly Sentence[]): FiniteClauseOpeners {
  const openers = new Map<number, [number, number]>();
  const before = new Map<number, [number, number]>();
  for (const s of sentences) {
    const kinds = s.upos.map(kindOfUpos);
    const lower = s.forms.map((f) => hashStr(f.toLowerCase()));
    const view: ClauseView = { n: s.forms.length, kind: (j) => kinds[j], lower: (j) => lower[j], finite: (j) => isFiniteFeats(s.feats[j]) };
    for (let i = 0; i < view.n; i++) {
      if (kinds[i] !== Kind.VERB) continue;
      const finite = isFiniteFeats(s.feats[i]);
      if (i > 0 && s.upos[i - 1] === 'PART') countInto(before, mix(BEFORE, lower[i - 1]), finite);
      const key = finalVerbOpener(view, i);
      if (key !== 0) countInto(openers, key, finite);
    }
  }
  const finite: number[] = [];
  const nonFinite: number[] = [];
  for (const [k, [n, fin]] of openers) {
    if (fin / n < MIN_FINITE_SHARE) nonFinite.push(k);
    else if (n >= MIN_SEEN) finite.push(k);
  }
  for (const [k, [n, fin]] of before) if (n >= MIN_SEEN && fin / n < 1 - MIN_FINITE_SHARE) nonFinite.push(k);
  return { finite: finite.sort((x, y) => x - y), nonFinite: nonFinite.sort((x, y) => x - y) };
}

/** The rule at tagging time, for one model's label sets and lexicon. */
export class FiniteClauseRule {
  private readonly finite: ReadonlySet<number>;
  private readonly nonFinite: ReadonlySet<number>;
  private readonly kinds: Uint8Array;
  /** Per UPOS id: the finite FEATS classes (empty for non-verbs). */
  private readonly finiteClasses: Int32Array[];
  private readonly finiteHashes = new Set<number>();
  private readonly lexVerbIds: number[];
  private readonly lexFinite: boolean[];

  constructor(openers: FiniteClauseOpeners, upos: readonly string[], feats: readonly string[][], featsHash: readonly Int32Array[], lexicon: FormLexicon) {
    this.finite = new Set(openers.finite);
    this.nonFinite = new Set(openers.nonFinite);
    this.kinds = Uint8Array.from(upos, kindOfUpos);
    this.finiteClasses = feats.map((fs, u) => (this.kinds[u] === Kind.VERB ? Int32Array.from(fs.flatMap((f, k) => (isFiniteFeats(f) ? [k] : []))) : new Int32Array(0)));
    feats.forEach((fs, u) => fs.forEach((f, k) => { if (this.kinds[u] === Kind.VERB && isFiniteFeats(f)) this.finiteHashes.add(featsHash[u][k]); }));
    this.lexVerbIds = ['VERB', 'AUX'].map((u) => lexicon.uposNames.indexOf(u)).filter((u) => u >= 0);
    this.lexFinite = lexicon.featsNames.map((f) => /(^|\|)VerbForm=[^|]*Fin|(^|\|)Mood=/.test(f));
  }

  /**
   * The FEATS candidates of verb i: the finite classes among `cand` (all classes when null) when i ends a clause
   * opened by a learnt opener and the lexicon does not rule a finite reading out; otherwise `cand` unchanged.
   */
  candidates(ws: readonly WordInfo[], upos: ArrayLike<number>, fHash: ArrayLike<number>, i: number, cand: Int32Array | null, lexicon: FormLexicon): Int32Array | null {
    const fin = this.finiteClasses[upos[i]];
    if (fin.length === 0) return cand;
    const view: ClauseView = { n: ws.length, kind: (j) => this.kinds[upos[j]], lower: (j) => ws[j].lowerHash, finite: (j) => this.finiteHashes.has(fHash[j]) };
    const key = finalVerbOpener(view, i);
    if (key === 0 || !this.applies(key, ws, upos, i) || !this.lexiconAllowsFinite(ws[i], lexicon)) return cand;
    const kept = cand ? fin.filter((k) => cand.includes(k)) : fin;
    return kept.length > 0 ? kept : cand;
  }

  /**
   * A learnt finite opener, or a conjunction too rare to have been learnt either way (SCONJ-opened clauses end
   * finite at 0.9 in the training sentences once "um", "ohne", "wie" are set apart); never right after a particle
   * that marks infinitives ("zu").
   */
  private applies(key: number, ws: readonly WordInfo[], upos: ArrayLike<number>, i: number): boolean {
    if (i > 0 && this.nonFinite.has(mix(BEFORE, ws[i - 1].lowerHash))) return false;
    if (this.finite.has(key)) return true;
    return !this.nonFinite.has(key) && this.isConjunctionKey(key, ws, upos, i);
  }

  /** Whether the opener key of verb i is a conjunction's (not a pronoun's). */
  private isConjunctionKey(key: number, ws: readonly WordInfo[], upos: ArrayLike<number>, i: number): boolean {
    let j = i - 1;
    while (j >= 0 && this.kinds[upos[j]] !== Kind.SCONJ && this.kinds[upos[j]] !== Kind.PUNCT && this.kinds[upos[j]] !== Kind.CCONJ) j--;
    return j >= 0 && this.kinds[upos[j]] === Kind.SCONJ && key === mix(Kind.SCONJ, ws[j].lowerHash);
  }

  /** False when the lexicon lists the form as a verb but with no finite analysis ("gemacht", "aufzumachen"). */
  private lexiconAllowsFinite(wi: WordInfo, lexicon: FormLexicon): boolean {
    if (wi.lexIdx < 0) return true;
    let verb = false;
    for (let e = lexicon.starts[wi.lexIdx]; e < lexicon.starts[wi.lexIdx + 1]; e++) {
      if (!this.lexVerbIds.includes(lexicon.entUpos[e])) continue;
      if (this.lexFinite[lexicon.entFeats[e]]) return true;
      verb = true;
    }
    return !verb;
  }
}
