/**
 * Feature atoms of the tagger, as 32-bit hashes. What depends on the word form alone (`WordInfo`) is computed
 * once per distinct form and cached; context atoms are combined per token from the neighbours' cached info.
 * Hashing reuses src/util/hash.ts (`mix`, `hashStr`, `hashRange`): no strings are built per token.
 */
import { hashRange, hashStr, mix } from '../../util/hash.js';
import type { FormLexicon } from '../lexicon/form-lexicon.js';
import type { WordClasses } from './word-classes.js';
import type { TagDictionary } from './tag-dictionary.js';
import type { WeightReader } from './weights.js';

/** Template ids: each atom is mix(template, value). 70–79 are the clause atoms' (./clause-atoms.ts). */
const T = {
  BIAS: 1, FORM: 2, LOWER: 3, SUF: 4, PRE: 5, SHAPE: 6, CL1: 7, CL2: 8, CL3: 9, FREQ: 10, LEXSIG: 11, LEXFEAT: 12, NOLEX: 13,
  P1: 20, P2P1: 21, P1W: 22, WM1: 23, WP1: 24, WM2: 25, WP2: 26, SM1: 27, SP1: 28, CM1: 29, CP1: 30, LM1: 31, LP1: 32, LP2: 33,
  FIRST: 34, P1LP1: 35, SHM1: 36, SHP1: 37, CAP: 14, AMB: 15, AM1: 38, AP1: 39, AP2: 51, P1AP1: 52, BIL: 53, BIR: 54,
  FU1: 40, FU2: 41, FUU: 42, FPREV: 43, FWM1: 44, FWP1: 45, FWM2: 46, FADP: 47, FPREV2: 48, FSUBJL: 49, FSUBJR: 50, FVERBL: 66, FVERBR: 67,
  R1: 55, R2: 56, R12: 57, P1R1: 58, R1W: 59, R1LW: 68, M1R1: 69,
  LW: 60, LSUF: 61, LPRE: 62, LFEATS: 63, LBIAS: 64, LSHAPE: 65,
} as const;

/** Task keys: a feature's weight row for FEATS or lemma classes is keyed by (atom, task, UPOS). */
export const featsKey = (atom: number, upos: number): number => mix(atom, 0x100 + upos);
export const lemmaKey = (atom: number, upos: number): number => mix(atom, 0x200 + upos);
export const upos2Key = (atom: number): number => mix(atom, 0x300);

const BOS = 0x5eed0001;
const EOS = 0x5eed0002;

/** Lexicon groups: which model UPOS a lexicon UPOS can stand for (universal, not language data). */
export const LEXICON_GROUP: Record<string, string> = { VERB: 'VERB', AUX: 'VERB', NOUN: 'NOUN', PROPN: 'NOUN', ADJ: 'ADJ', ADV: 'ADV' };

export interface WordInfo {
  form: string;
  lower: string;
  /** Atoms that depend on the form alone (UPOS and FEATS tasks). */
  atoms: Uint32Array;
  /** Atoms for the lemma task. */
  lemmaAtoms: Uint32Array;
  lowerHash: number;
  suffix3: number;
  shape: number;
  /** Level-2 cluster (or -1). */
  cluster2: number;
  /** Bit set of lexicon UPOS ids (0 = not in the lexicon). */
  lexSig: number;
  /** Ambiguity class from the training data (0 = unknown or rare). */
  amb: number;
  /** Index in the lexicon or -1. */
  lexIdx: number;
  /** Hash of the lexicon's verb analyses (their FEATS value sets, e.g. Mood=Ind,Sub|Person=1,3), 0 when not a verb there. */
  lexVerb: number;
  /** The string found in the lexicon (the form, or its lower case at a sentence start). */
  lexForm: string;
  /** A frozen model's score sums for this form (./cached-scores.ts), filled on first use. */
  sums?: WordSums;
}

/** Score sums cached on a WordInfo, valid for the weights they were computed from. */
export interface WordSums {
  weights: WeightReader;
  /** [pass][own atoms, then as the neighbour in each role][class]: 2 × 5 × nUpos. */
  upos: Float32Array;
  /** The word's own atoms for FEATS, per UPOS (all classes of that UPOS). */
  feats: Array<Float32Array | undefined>;
  /** The word's own lemma atoms, per UPOS, over its candidate rules only (in the order of the candidate pool). */
  lemma: Array<Float32Array | undefined>;
}

/**
 * Forms per generation of the WordInfo cache. Two generations are kept (a form seen in the older one moves to the
 * newer), so memory stays bounded (~2 × 30,000 forms with their score sums, a few tens of MB) while the words of
 * the current documents stay cached.
 */
const CACHE_GENERATION = 30_000;

/** Coarse word shape: character classes with runs collapsed ("Xx", "d", "X.X."), at most 6 symbols. */
export function shapeHash(w: string): number {
  let h = 0x9e37;
  let last = -1;
  let n = 0;
  for (let i = 0; i < w.length && n < 6; i++) {
    const c = w.charCodeAt(i);
    const ch = w[i];
    let k: number;
    if (c >= 48 && c <= 57) k = 1;
    else if (ch !== ch.toLowerCase()) k = 2;
    else if (ch !== ch.toUpperCase()) k = 3;
    else k = 4 + (c & 0xff);
    if (k !== last) { h = mix(h, k); n++; last = k; }
  }
  return mix(h, Math.min(w.length, 12));
}

export class FeatureContext {
  private recent = new Map<string, WordInfo>();
  private older = new Map<string, WordInfo>();
  constructor(readonly lexicon: FormLexicon, readonly classes: WordClasses, readonly tagDict: TagDictionary) {}

  info(form: string): WordInfo {
    let wi = this.recent.get(form);
    if (wi) return wi;
    wi = this.older.get(form) ?? this.compute(form);
    if (this.recent.size >= CACHE_GENERATION) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(form, wi);
    return wi;
  }

  private compute(form: string): WordInfo {
    const lower = form.toLowerCase();
    const atoms: number[] = [T.BIAS, mix(T.FORM, hashStr(form)), mix(T.LOWER, hashStr(lower)), mix(T.SHAPE, shapeHash(form))];
    const n = lower.length;
    for (let k = 1; k <= 4 && k < n; k++) atoms.push(mix(T.SUF + k * 256, hashRange(lower, n - k, n)));
    for (let k = 1; k <= 3 && k < n; k++) atoms.push(mix(T.PRE + k * 256, hashRange(lower, 0, k)));
    let cluster2 = -1;
    let wc = this.classes.find(form);
    if (wc < 0 && lower !== form) wc = this.classes.find(lower);
    if (wc >= 0) {
      const leaf = this.classes.leaf[wc];
      const B = this.classes.branching;
      atoms.push(mix(T.FREQ, this.classes.freq[wc]));
      // capitalisation ratio of the lower-case form, with whether this occurrence is capitalised (PROPN vs NOUN)
      if (wc < this.classes.capRatio.length) atoms.push(mix(T.CAP, mix(this.classes.capRatio[wc], form === lower ? 0 : 1)));
      if (leaf >= 0) {
        cluster2 = Math.floor(leaf / B);
        atoms.push(mix(T.CL3, leaf), mix(T.CL2, cluster2), mix(T.CL1, Math.floor(leaf / (B * B))));
      }
    } else atoms.push(mix(T.FREQ, 0xffff));
    const { lexIdx, lexSig, lexForm, lexVerb } = this.lexiconAtoms(form, lower, atoms);
    const amb = this.tagDict.mask(lower);
    atoms.push(mix(T.AMB, amb));
    const lemmaAtoms: number[] = [T.LBIAS, mix(T.LW, hashStr(form)), mix(T.LSHAPE, shapeHash(form))];
    const m = form.length;
    for (let k = 1; k <= 5 && k <= m; k++) lemmaAtoms.push(mix(T.LSUF + k * 256, hashRange(form, m - k, m)));
    for (let k = 1; k <= 2 && k < m; k++) lemmaAtoms.push(mix(T.LPRE + k * 256, hashRange(form, 0, k)));
    return {
      form, lower, atoms: Uint32Array.from(atoms), lemmaAtoms: Uint32Array.from(lemmaAtoms), lowerHash: hashStr(lower),
      suffix3: n >= 3 ? hashRange(lower, n - 3, n) : hashStr(lower), shape: shapeHash(form), cluster2, lexSig, amb, lexIdx, lexForm, lexVerb,
    };
  }

  /** Lexicon atoms: the set of candidate UPOS, and per (UPOS, feature) the set of candidate values. */
  private lexiconAtoms(form: string, lower: string, atoms: number[]): { lexIdx: number; lexSig: number; lexForm: string; lexVerb: number } {
    const lex = this.lexicon;
    if (lex.size === 0) return { lexIdx: -1, lexSig: 0, lexForm: form, lexVerb: 0 };
    let idx = lex.find(form);
    let lexForm = form;
    // Sentence-initial capitals: "Sagte" is looked up as "sagte" (nouns keep their capital in the lexicon).
    if (idx < 0 && lower !== form) { idx = lex.find(lower); lexForm = lower; }
    if (idx < 0) { atoms.push(T.NOLEX); return { lexIdx: -1, lexSig: 0, lexForm: form, lexVerb: 0 }; }
    let sig = 0;
    let lexVerb = 0;
    const verbId = lex.uposNames.indexOf('VERB');
    for (let e = lex.starts[idx]; e < lex.starts[idx + 1]; e++) {
      const u = lex.entUpos[e];
      sig |= 1 << u;
      const feats = lex.featsNames[lex.entFeats[e]];
      if (u === verbId) lexVerb = mix(lexVerb || 1, hashStr(feats));
      // one atom per feature: its candidate values ("Mood=Ind,Sub"); not Case and Gender (see LEXICON_ATOM_SKIP)
      for (let from = 0; from < feats.length;) {
        let bar = feats.indexOf('|', from);
        if (bar < 0) bar = feats.length;
        if (!skipLexiconFeature(feats, from)) atoms.push(mix(T.LEXFEAT + 256, mix(u, hashRange(feats, from, bar))));
        from = bar + 1;
      }
    }
    atoms.push(mix(T.LEXSIG, sig));
    return { lexIdx: idx, lexSig: sig, lexForm, lexVerb };
  }
}

/**
 * Lexicon features that are not used as atoms: german-pos-dict's case and gender sets (old dative forms such as
 * "dem Hause", and GSD's own Case/Gender come from a tagger) lowered Case accuracy on the German dev holdout.
 */
const LEXICON_ATOM_SKIP = ['Case=', 'Gender='];
const skipLexiconFeature = (feats: string, from: number): boolean => LEXICON_ATOM_SKIP.some((p) => feats.startsWith(p, from));

/** Context atoms for UPOS at position i; p1/p2 are the previous predicted UPOS ids (-1 before the sentence). */
export function uposContext(ws: readonly WordInfo[], i: number, p1: number, p2: number, out: number[]): void {
  out.length = 0;
  const n = ws.length;
  const w = ws[i];
  const m1 = i > 0 ? ws[i - 1] : null;
  const m2 = i > 1 ? ws[i - 2] : null;
  const n1 = i + 1 < n ? ws[i + 1] : null;
  const n2 = i + 2 < n ? ws[i + 2] : null;
  const lexP1 = n1 ? n1.lexSig : EOS;
  out.push(
    mix(T.P1, p1), mix(T.P2P1, mix(p2, p1)), mix(T.P1W, mix(p1, w.lowerHash)),
    mix(T.WM1, m1 ? m1.lowerHash : BOS), mix(T.WP1, n1 ? n1.lowerHash : EOS),
    mix(T.WM2, m2 ? m2.lowerHash : BOS), mix(T.WP2, n2 ? n2.lowerHash : EOS),
    mix(T.SM1, m1 ? m1.suffix3 : BOS), mix(T.SP1, n1 ? n1.suffix3 : EOS),
    mix(T.CM1, m1 ? m1.cluster2 : BOS), mix(T.CP1, n1 ? n1.cluster2 : EOS),
    mix(T.LM1, m1 ? m1.lexSig : BOS), mix(T.LP1, lexP1), mix(T.LP2, n2 ? n2.lexSig : EOS),
    mix(T.P1LP1, mix(p1, lexP1)),
    mix(T.FIRST, i === 0 ? w.shape : 0),
    mix(T.SHM1, m1 ? m1.shape : BOS), mix(T.SHP1, n1 ? n1.shape : EOS),
    mix(T.AM1, m1 ? m1.amb : BOS), mix(T.AP1, n1 ? n1.amb : EOS), mix(T.AP2, n2 ? n2.amb : EOS), mix(T.P1AP1, mix(p1, n1 ? n1.amb : EOS)),
    mix(T.BIL, mix(m1 ? m1.lowerHash : BOS, w.lowerHash)), mix(T.BIR, mix(w.lowerHash, n1 ? n1.lowerHash : EOS)),
  );
}

/** Right-hand atoms of the second UPOS pass: the first pass's tags of the next two words. */
export function rightContext(first: Int32Array, i: number, p1: number, out: number[], lowerHash: number): void {
  const n = first.length;
  const r1 = i + 1 < n ? first[i + 1] : -2;
  const r2 = i + 2 < n ? first[i + 2] : -2;
  out.push(
    mix(T.R1, r1), mix(T.R2, r2), mix(T.R12, mix(r1, r2)), mix(T.P1R1, mix(p1, r1)), mix(T.R1W, mix(r1, first[i])),
    // the word with what follows it: "in" before a determiner is ADP, before punctuation ADV
    mix(T.R1LW, mix(r1, lowerHash)), mix(T.M1R1, mix(mix(p1, r1), lowerHash)),
  );
}

/*
 * The same UPOS atoms grouped by what they depend on, for the frozen model's cached scoring (./cached-scores.ts):
 * the atoms of one neighbour alone (summed once per form and role), of the previous tags alone (summed once per
 * tag pair), and the rest. Together they are exactly uposContext's and rightContext's atoms (tested).
 */

/** Positions of a neighbour relative to the word being tagged. */
export const ROLE_M2 = 0, ROLE_M1 = 1, ROLE_P1 = 2, ROLE_P2 = 3;
export const NEIGHBOUR_ROLES = 4;

/** The atoms of uposContext that depend on the neighbour in `role` alone (w null: outside the sentence). */
export function uposNeighbourAtoms(w: WordInfo | null, role: number, out: number[]): void {
  out.length = 0;
  if (role === ROLE_M2) out.push(mix(T.WM2, w ? w.lowerHash : BOS));
  else if (role === ROLE_M1) {
    out.push(mix(T.WM1, w ? w.lowerHash : BOS), mix(T.SM1, w ? w.suffix3 : BOS), mix(T.CM1, w ? w.cluster2 : BOS),
      mix(T.LM1, w ? w.lexSig : BOS), mix(T.SHM1, w ? w.shape : BOS), mix(T.AM1, w ? w.amb : BOS));
  } else if (role === ROLE_P1) {
    out.push(mix(T.WP1, w ? w.lowerHash : EOS), mix(T.SP1, w ? w.suffix3 : EOS), mix(T.CP1, w ? w.cluster2 : EOS),
      mix(T.LP1, w ? w.lexSig : EOS), mix(T.SHP1, w ? w.shape : EOS), mix(T.AP1, w ? w.amb : EOS));
  } else out.push(mix(T.WP2, w ? w.lowerHash : EOS), mix(T.LP2, w ? w.lexSig : EOS), mix(T.AP2, w ? w.amb : EOS));
}

/** The atoms of the previous two tags alone; p1 is -1 exactly at the first word (whose FIRST atom is its shape: uposFirstAtom). */
export function uposTagAtoms(p2: number, p1: number, out: number[]): void {
  out.length = 0;
  out.push(mix(T.P1, p1), mix(T.P2P1, mix(p2, p1)));
  if (p1 >= 0) out.push(mix(T.FIRST, 0));
}

export const uposFirstAtom = (w: WordInfo): number => mix(T.FIRST, w.shape);

/** The remaining atoms of uposContext: the previous tag with this or the next word, and the word bigrams. */
export function uposPairAtoms(ws: readonly WordInfo[], i: number, p1: number, out: number[]): void {
  out.length = 0;
  const w = ws[i];
  const m1 = i > 0 ? ws[i - 1] : null;
  const n1 = i + 1 < ws.length ? ws[i + 1] : null;
  out.push(
    mix(T.P1W, mix(p1, w.lowerHash)), mix(T.P1LP1, mix(p1, n1 ? n1.lexSig : EOS)), mix(T.P1AP1, mix(p1, n1 ? n1.amb : EOS)),
    mix(T.BIL, mix(m1 ? m1.lowerHash : BOS, w.lowerHash)), mix(T.BIR, mix(w.lowerHash, n1 ? n1.lowerHash : EOS)),
  );
}

/** rightContext's atoms of the next two first-pass tags alone (r = -2 past the end). */
export function rightTagAtoms(r1: number, r2: number, out: number[]): void {
  out.length = 0;
  out.push(mix(T.R1, r1), mix(T.R2, r2), mix(T.R12, mix(r1, r2)));
}
export const rightPrevAtom = (p1: number, r1: number): number => mix(T.P1R1, mix(p1, r1));
export const rightSelfAtom = (r1: number, own: number): number => mix(T.R1W, mix(r1, own));
/** rightContext's atoms that combine the next tag with the word. */
export function rightWordAtoms(p1: number, r1: number, lowerHash: number, out: number[]): void {
  out.length = 0;
  out.push(mix(T.R1LW, mix(r1, lowerHash)), mix(T.M1R1, mix(mix(p1, r1), lowerHash)));
}

/** featsContext's atoms of the neighbours' UPOS alone (u = -1 outside the sentence). */
export function featsTagAtoms(u1: number, u2: number, out: number[]): void {
  out.length = 0;
  out.push(mix(T.FU1, u1), mix(T.FU2, u2), mix(T.FUU, mix(u1, u2)));
}

/**
 * Context atoms for the FEATS task at i, with every token's UPOS known and the FEATS classes of earlier tokens
 * already chosen (featsHash[j] = hash of token j's FEATS string).
 */
export function featsContext(ws: readonly WordInfo[], upos: ArrayLike<number>, featsHash: ArrayLike<number>, adpHash: number, i: number, out: number[], nominal?: Uint8Array, verbal?: Uint8Array): void {
  const n = ws.length;
  featsTagAtoms(i > 0 ? upos[i - 1] : -1, i + 1 < n ? upos[i + 1] : -1, out);
  featsOtherAtoms(ws, upos, featsHash, adpHash, i, out, nominal, verbal);
}

/** featsContext's atoms after the three of featsTagAtoms (appended to out). */
export function featsOtherAtoms(ws: readonly WordInfo[], upos: ArrayLike<number>, featsHash: ArrayLike<number>, adpHash: number, i: number, out: number[], nominal?: Uint8Array, verbal?: Uint8Array): void {
  const n = ws.length;
  const u1 = i > 0 ? upos[i - 1] : -1;
  out.push(
    mix(T.FPREV, mix(u1, i > 0 ? featsHash[i - 1] : BOS)),
    mix(T.FPREV2, mix(i > 1 ? upos[i - 2] : -1, i > 1 ? featsHash[i - 2] : BOS)),
    mix(T.FWM1, i > 0 ? ws[i - 1].lowerHash : BOS), mix(T.FWP1, i + 1 < n ? ws[i + 1].lowerHash : EOS),
    mix(T.FWM2, i > 1 ? ws[i - 2].lowerHash : BOS), mix(T.FADP, adpHash),
  );
  if (nominal) {
    // The nearest nominal before and after (within SUBJECT_REACH words): a verb's person, number and mood
    // ("er habe" is Konjunktiv, "ich habe" is not) follow its subject. Pronouns by form, nouns by class
    // (nominal[u] is 2 for pronouns, 1 for nouns).
    let l = EOS;
    for (let j = i - 1; j >= 0 && j >= i - SUBJECT_REACH; j--) if (nominal[upos[j]]) { l = mix(upos[j], nominal[upos[j]] === 2 ? ws[j].lowerHash : 0); break; }
    let r = EOS;
    for (let j = i + 1; j < n && j <= i + SUBJECT_REACH; j++) if (nominal[upos[j]]) { r = mix(upos[j], nominal[upos[j]] === 2 ? ws[j].lowerHash : 0); break; }
    out.push(mix(T.FSUBJL, l), mix(T.FSUBJR, r));
  }
  if (verbal) {
    // The verbs around: after a finite verb ("muss … bestehen") an -en form is an infinitive; before an auxiliary
    // ("dass sie bestehen können") too. Left: the nearest verb's chosen FEATS; right: the next verb's form.
    let l = BOS;
    for (let j = i - 1; j >= 0; j--) if (verbal[upos[j]]) { l = mix(upos[j], featsHash[j]); break; }
    let r = EOS;
    for (let j = i + 1; j < n && j <= i + VERB_REACH; j++) if (verbal[upos[j]]) { r = mix(upos[j], ws[j].lowerHash); break; }
    out.push(mix(T.FVERBL, l), mix(T.FVERBR, r));
  }
}

/** How far (in words) a following verb is looked for. */
export const VERB_REACH = 5;

/** How far (in words) the subject-like nominal of a verb is looked for. */
export const SUBJECT_REACH = 3;

export function lemmaFeatsAtom(featsHash: number): number {
  return mix(T.LFEATS, featsHash);
}
