/**
 * Feature templates of the parser. Per sentence, every word's atoms (form, UPOS, FEATS, lemma, Case, suffix)
 * are hashed once into typed arrays; per configuration the templates only combine those integers, so the hot
 * loop allocates nothing. Two template sets:
 *   - move features (which of SHIFT/LEFT/RIGHT), over the stack and buffer windows (after Zhang & Nivre 2011);
 *   - arc features (which label), over the candidate head and dependent of LEFT (b0 → s0) or RIGHT (s1 → s0).
 */
import { fmix, hashStr, mix } from '../../util/hash.js';
import { Configuration, NONE } from './transitions.js';
import type { WordClasses } from '../tagger/word-classes.js';

/** What the parser reads for each word (predicted by the tagger, or gold while training). */
export interface ParserInput {
  forms: readonly string[];
  upos: readonly string[];
  feats: readonly string[];
  lemmas: readonly string[];
  /** The tagger's runner-up UPOS per word and its margin (optional; template set 4's ambiguity atoms read them). */
  uposAlt?: readonly string[];
  uposMargin?: readonly number[];
}

// Atom values for the root and for "no such word" (outside the stack or buffer).
export const ROOT_ATOM = 0x51a7e0f1;
const NONE_ATOM = 0x2b0c41d3;
const NO_LABEL = 0x7f1d;
/** Cluster atoms of a word the word-class table does not hold (+1, +2, +3 for the three levels). */
const UNKNOWN_CLUSTER = 0x6e3a9c00;

/**
 * Names the template set new models are trained with by default. Set 2 adds the templates of `extendedContext`
 * and the level-2 arc templates (valency, children's words and labels, third-order children, label sets) to those
 * of set 1. Set 3 adds distributional word-cluster templates (`clusterContext`, after Koo et al. 2008) and needs
 * the model to carry a word-class table (ParserModel.classes). A model names its set (version 1 models predate
 * the field); an unknown set is refused at load.
 */
export const FEATURE_SET = 'bc-parser-features/2';
export const CLUSTER_FEATURE_SET = 'bc-parser-features/3';
/** Set 4: set 2 plus the tagger's UPOS ambiguity (runner-up tag where the margin is small); no clusters. */
export const AMBIGUITY_FEATURE_SET = 'bc-parser-features/4';
/** Set 5: set 2 plus buffer pairs, linear neighbours and lexical distance (move and label templates); no clusters. */
export const NEIGHBOUR_FEATURE_SET = 'bc-parser-features/5';
/** Set 6: set 5 plus more neighbour and lexical templates (tried for English and not shipped: models/README.md). */
export const NEIGHBOUR_FEATURE_SET_WIDE = 'bc-parser-features/6';
export const FEATURE_SETS = ['bc-parser-features/1', FEATURE_SET, CLUSTER_FEATURE_SET, AMBIGUITY_FEATURE_SET, NEIGHBOUR_FEATURE_SET, NEIGHBOUR_FEATURE_SET_WIDE] as const;
/** Whether a template level has the word-cluster templates (set 3) or the UPOS-ambiguity ones (set 4). */
export const hasClusters = (level: number): boolean => level === 3;
export const hasAmbiguity = (level: number): boolean => level === 4;
/** Whether a template level has the neighbour templates (set 5). */
export const hasNeighbours = (level: number): boolean => level === 5 || level === 6;
const hasWideNeighbours = (level: number): boolean => level === 6;

/**
 * UPOS margins (best minus runner-up score of the tagger's last pass, in its int16 weight units) under which the
 * runner-up enters the ambiguity atom. Set on EWT dev with tagger-en 1.0.0: 5 % of the words have a margin under
 * 7,755 and 15 % under 17,695; those hold 45 % and 74 % of its UPOS errors (the runner-up is gold for 3 in 4).
 */
export const AMBIGUITY_VERY_UNSURE = 7755;
export const AMBIGUITY_UNSURE = 17695;

/** The template level (1 or 2) of a model's meta.features; throws on an unknown set. */
export function featureLevel(features: unknown): number {
  const level = FEATURE_SETS.indexOf((features ?? FEATURE_SETS[0]) as (typeof FEATURE_SETS)[number]) + 1;
  if (level === 0) throw new Error(`parser feature set ${String(features)} unknown to this code (it knows ${FEATURE_SETS.join(', ')})`);
  return level;
}

/** Templates added by level 2. */
const EXTRA_CONTEXT = 22;
const EXTRA_ARC = 4;
/** Templates added by level 3 (word clusters): single-word ones (per role), context ones, arc ones. */
const CLUSTER_ROLE = 9;
const CLUSTER_CONTEXT = 10;
const CLUSTER_ARC = 5;
/** Templates added by level 4 (UPOS ambiguity): single-word ones (per role), context ones, arc ones. */
const AMB_ROLE = 4;
const AMB_CONTEXT = 3;
const AMB_ARC = 3;
/**
 * Templates added by level 5 (buffer pairs, linear neighbours, lexical distance): single-word ones (the arc-hybrid
 * buffer is contiguous, so b1 = b0 + 1 and the b0–b1 pairs are b0's own; cached per word), context ones, arc ones.
 */
const NB_ROLE = 5;
const NB_CONTEXT = 5;
const NB_ARC = 5;
/** Templates added by level 6 to those of level 5. */
const WIDE_ROLE = 1;
const WIDE_CONTEXT = 6;
const WIDE_ARC = 3;
const nbContext = (level: number): number => (hasWideNeighbours(level) ? NB_CONTEXT + WIDE_CONTEXT : NB_CONTEXT);
const nbArc = (level: number): number => (hasWideNeighbours(level) ? NB_ARC + WIDE_ARC : NB_ARC);
/** The most move / arc templates of any level (buffer sizes; each yields one hashed feature per configuration). */
export const MOVE_FEATURES = 60 + EXTRA_CONTEXT + Math.max(CLUSTER_ROLE + CLUSTER_CONTEXT, AMB_ROLE + AMB_CONTEXT, NB_ROLE + NB_CONTEXT + WIDE_ROLE + WIDE_CONTEXT);
export const ARC_FEATURES = 24 + EXTRA_ARC + Math.max(CLUSTER_ARC, AMB_ARC, NB_ARC + WIDE_ARC);
/** Single-word templates a level adds to the 23 of sets 1 and 2. */
const roleExtra = (level: number): number => (hasClusters(level) ? CLUSTER_ROLE : hasAmbiguity(level) ? AMB_ROLE
  : hasNeighbours(level) ? NB_ROLE + (hasWideNeighbours(level) ? WIDE_ROLE : 0) : 0);
/** Move / arc / context templates of a level. */
export const moveCount = (level: number): number => (level >= 2 ? 60 + EXTRA_CONTEXT : 60) + roleExtra(level)
  + (hasClusters(level) ? CLUSTER_CONTEXT : hasAmbiguity(level) ? AMB_CONTEXT : hasNeighbours(level) ? nbContext(level) : 0);
export const arcCount = (level: number): number => (level >= 2 ? 24 + EXTRA_ARC : 24)
  + (hasClusters(level) ? CLUSTER_ARC : hasAmbiguity(level) ? AMB_ARC : hasNeighbours(level) ? nbArc(level) : 0);
export const contextCount = (level: number): number => moveCount(level) - 23 - roleExtra(level);

/** Per-sentence atom tables; index 0 is the root, 1..n the words, n+1 the "none" slot. */
export class SentenceAtoms {
  n = 0;
  word = new Int32Array(64);
  pos = new Int32Array(64);
  feats = new Int32Array(64);
  lemma = new Int32Array(64);
  kase = new Int32Array(64);
  suffix = new Int32Array(64);
  wp = new Int32Array(64);
  /** UPOS-ambiguity atom (level 4): the tag with the tagger's runner-up and how unsure it was, or the tag alone when sure. */
  amb = new Int32Array(64);
  /** Whether the ambiguity atoms are computed (level-4 models). */
  ambiguity = false;
  /** Word-cluster atoms (level 3): the top level (16 classes), the middle one (256) and the leaf (4096). */
  c1 = new Int32Array(64);
  c2 = new Int32Array(64);
  c3 = new Int32Array(64);
  /** The word-class table of a level-3 model (null: no cluster atoms are computed). */
  classes: WordClasses | null = null;

  load(input: ParserInput): void {
    const n = input.forms.length;
    if (this.word.length < n + 2) this.grow(n + 2);
    this.n = n;
    this.set(0, ROOT_ATOM, ROOT_ATOM, ROOT_ATOM, ROOT_ATOM, ROOT_ATOM, ROOT_ATOM);
    this.set(n + 1, NONE_ATOM, NONE_ATOM, NONE_ATOM, NONE_ATOM, NONE_ATOM, NONE_ATOM);
    for (let i = 0; i < n; i++) {
      const form = input.forms[i];
      const lower = form.toLowerCase();
      const f = input.feats[i] ?? '';
      this.set(i + 1, hashStr(lower, 1), posAtom(input.upos[i] ?? ''), hashStr(f, 3), hashStr(input.lemmas[i] ?? '', 4),
        hashStr(caseOf(f), 5), hashStr(lower.length > 3 ? lower.slice(-3) : lower, 6));
    }
    if (this.ambiguity) this.loadAmbiguity(input);
    if (this.classes) this.loadClusters(input.forms, this.classes);
  }

  /** Cluster atoms of each word (its form, else its lower case, in the table); unknown words get their own atoms. */
  private loadClusters(forms: readonly string[], wc: WordClasses): void {
    const n = forms.length;
    const B = wc.branching;
    this.c1[0] = this.c2[0] = this.c3[0] = ROOT_ATOM;
    this.c1[n + 1] = this.c2[n + 1] = this.c3[n + 1] = NONE_ATOM;
    for (let i = 0; i < n; i++) {
      const form = forms[i];
      let k = wc.find(form);
      if (k < 0) { const lower = form.toLowerCase(); if (lower !== form) k = wc.find(lower); }
      const leaf = k < 0 ? -1 : wc.leaf[k];
      if (leaf < 0) {
        this.c1[i + 1] = UNKNOWN_CLUSTER + 1; this.c2[i + 1] = UNKNOWN_CLUSTER + 2; this.c3[i + 1] = UNKNOWN_CLUSTER + 3;
      } else {
        this.c1[i + 1] = 0x10000 + Math.floor(leaf / (B * B)); this.c2[i + 1] = 0x20000 + Math.floor(leaf / B); this.c3[i + 1] = 0x30000 + leaf;
      }
    }
  }

  /** Ambiguity atoms from the tagger's runner-up UPOS and margin (the tag alone where they are missing). */
  private loadAmbiguity(input: ParserInput): void {
    const n = input.forms.length;
    this.amb[0] = ROOT_ATOM;
    this.amb[n + 1] = NONE_ATOM;
    const alt = input.uposAlt, margin = input.uposMargin;
    for (let i = 0; i < n; i++) {
      const m = margin ? margin[i] ?? Infinity : Infinity;
      const level = m === null || m >= AMBIGUITY_UNSURE ? 0 : m >= AMBIGUITY_VERY_UNSURE ? 1 : 2;
      this.amb[i + 1] = level === 0 || !alt ? mix(this.pos[i + 1], 0x5e7e) : mix(mix(this.pos[i + 1], posAtom(alt[i] ?? '')), level);
    }
  }

  private set(i: number, w: number, p: number, f: number, l: number, c: number, s: number): void {
    this.word[i] = w;
    this.pos[i] = p;
    this.feats[i] = f;
    this.lemma[i] = l;
    this.kase[i] = c;
    this.suffix[i] = s;
    this.wp[i] = mix(w, p);
  }

  private grow(size: number): void {
    let cap = this.word.length;
    while (cap < size) cap *= 2;
    this.word = new Int32Array(cap);
    this.pos = new Int32Array(cap);
    this.feats = new Int32Array(cap);
    this.lemma = new Int32Array(cap);
    this.kase = new Int32Array(cap);
    this.suffix = new Int32Array(cap);
    this.wp = new Int32Array(cap);
    this.amb = new Int32Array(cap);
    this.c1 = new Int32Array(cap);
    this.c2 = new Int32Array(cap);
    this.c3 = new Int32Array(cap);
  }
}

/** The atom of a UPOS tag (SentenceAtoms.pos). */
export const posAtom = (upos: string): number => hashStr(upos, 2);

/** The Case value of a FEATS string ('' when none), without splitting it. */
function caseOf(feats: string): string {
  const i = feats.indexOf('Case=');
  if (i < 0) return '';
  const end = feats.indexOf('|', i);
  return feats.slice(i + 5, end < 0 ? feats.length : end);
}

// Template hashes: a multiplicative chain over the atoms, finished by one murmur finalizer (cheaper than
// mixing at every step, and the finalizer spreads the low bits that index the weight tables).
const K = 0x9e3779b1;
const f2 = (t: number, a: number): number => fmix(Math.imul(t, K) ^ a);
const f3 = (t: number, a: number, b: number): number => fmix(Math.imul(Math.imul(t, K) ^ a, K) ^ b);
const f4 = (t: number, a: number, b: number, c: number): number => fmix(Math.imul(Math.imul(Math.imul(t, K) ^ a, K) ^ b, K) ^ c);
const f5 = (t: number, a: number, b: number, c: number, d: number): number =>
  fmix(Math.imul(Math.imul(Math.imul(Math.imul(t, K) ^ a, K) ^ b, K) ^ c, K) ^ d);

/** Distance bucket: 1, 2, 3, 4, 5–6, 7–9, 10+. */
function distance(a: number, b: number): number {
  const d = a > b ? a - b : b - a;
  return d <= 4 ? d : d <= 6 ? 5 : d <= 9 ? 6 : 7;
}

/** Word slot: the word index, or the "none" slot n + 1. */
const slot = (x: number, n: number): number => (x === NONE ? n + 1 : x);
/** Label of word x as an atom; the root, the none slot and unattached words have none. */
const labelAtom = (c: Configuration, x: number): number => (x === NONE || x > c.n || c.labels[x] === NONE ? NO_LABEL : c.labels[x] + 1);
const childSlot = (arr: Int32Array, x: number, n: number): number => (x === NONE ? n + 1 : slot(arr[x], n));

/** Roles whose single-word move templates depend on that word alone (cached per word by the decoder). */
export const ROLES = 6;
export const ROLE_S0 = 0, ROLE_S1 = 1, ROLE_B0 = 2, ROLE_B1 = 3, ROLE_B2 = 4, ROLE_S2 = 5;
/** Single-word templates per role (23 in all, 32 at level 3); the other templates are context templates. */
export const ROLE_FEATURES = [6, 5, 6, 3, 2, 1];
/** The most single-word templates of one role (buffer size). */
export const MAX_ROLE_FEATURES = 12;

/** The word slots of the six roles in configuration c (n + 1 where the stack or buffer is too short). */
export function roleSlots(c: Configuration, out: Int32Array): void {
  const n = c.n;
  out[ROLE_S0] = slot(c.s(0), n);
  out[ROLE_S1] = slot(c.s(1), n);
  out[ROLE_B0] = slot(c.buf(0), n);
  out[ROLE_B1] = slot(c.buf(1), n);
  out[ROLE_B2] = slot(c.buf(2), n);
  out[ROLE_S2] = slot(c.s(2), n);
}

/** Writes the single-word move features of the word in slot x playing `role` at out[at…]; returns the count. */
export function roleFeatures(role: number, x: number, a: SentenceAtoms, out: Int32Array, at: number, level: number): number {
  const W = a.word, P = a.pos, WP = a.wp, M = a.lemma, F = a.feats, X = a.suffix;
  let i = at;
  if (hasAmbiguity(level)) {
    const A = a.amb;
    switch (role) {
      case ROLE_S0: out[i++] = f2(110, A[x]); break;
      case ROLE_S1: out[i++] = f2(111, A[x]); break;
      case ROLE_B0: out[i++] = f2(112, A[x]); break;
      case ROLE_B1: out[i++] = f2(113, A[x]); break;
      default:
    }
  }
  if (hasNeighbours(level)) {
    // Level 5: s0's tag between its linear neighbours' tags; b0 with b1 (always b0 + 1); level 6: b0's word between its neighbours.
    const n = a.n;
    if (role === ROLE_S0) out[i++] = f4(124, P[x], P[before(x, n)], P[after(x, n)]);
    if (role === ROLE_B0) {
      const y = after(x, n);
      out[i++] = f3(120, WP[x], WP[y]); out[i++] = f3(121, W[x], W[y]); out[i++] = f3(122, WP[x], P[y]); out[i++] = f3(123, P[x], WP[y]);
      if (hasWideNeighbours(level)) out[i++] = f4(134, W[x], P[before(x, n)], P[y]);
    }
  }
  if (hasClusters(level)) {
    // Word clusters of the four central words: leaf, top level with the tag, middle level.
    const C1 = a.c1, C2 = a.c2, C3 = a.c3;
    switch (role) {
      case ROLE_S0: out[i++] = f2(84, C3[x]); out[i++] = f3(85, C1[x], P[x]); out[i++] = f2(86, C2[x]); break;
      case ROLE_S1: out[i++] = f2(87, C3[x]); out[i++] = f2(88, C2[x]); break;
      case ROLE_B0: out[i++] = f2(89, C3[x]); out[i++] = f3(90, C1[x], P[x]); out[i++] = f2(91, C2[x]); break;
      case ROLE_B1: out[i++] = f2(92, C3[x]); break;
      default:
    }
  }
  switch (role) {
    case ROLE_S0: out[i++] = f2(1, W[x]); out[i++] = f2(2, P[x]); out[i++] = f2(3, WP[x]); out[i++] = f2(16, M[x]); out[i++] = f3(19, F[x], P[x]); out[i++] = f3(23, X[x], P[x]); break;
    case ROLE_S1: out[i++] = f2(4, W[x]); out[i++] = f2(5, P[x]); out[i++] = f2(6, WP[x]); out[i++] = f2(17, M[x]); out[i++] = f3(20, F[x], P[x]); break;
    case ROLE_B0: out[i++] = f2(7, W[x]); out[i++] = f2(8, P[x]); out[i++] = f2(9, WP[x]); out[i++] = f2(18, M[x]); out[i++] = f3(21, F[x], P[x]); out[i++] = f3(22, X[x], P[x]); break;
    case ROLE_B1: out[i++] = f2(10, W[x]); out[i++] = f2(11, P[x]); out[i++] = f2(12, WP[x]); break;
    case ROLE_B2: out[i++] = f2(13, P[x]); out[i++] = f2(15, W[x]); break;
    default: out[i++] = f2(14, P[x]);
  }
  return i - at;
}

const roleScratch = new Int32Array(ROLES);

/** Fills `out` with the moveCount(level) hashed move features of configuration c (single-word ones first). */
export function moveFeatures(c: Configuration, a: SentenceAtoms, out: Int32Array, level: number): void {
  roleSlots(c, roleScratch);
  let at = 0;
  for (let r = 0; r < ROLES; r++) at += roleFeatures(r, roleScratch[r], a, out, at, level);
  contextFeatures(c, a, out, at, level);
}

/** Writes the contextCount(level) move features that combine several words at out[at…]. */
export function contextFeatures(c: Configuration, a: SentenceAtoms, out: Int32Array, at: number, level: number): void {
  const n = c.n;
  const S0 = c.s(0), S1 = c.s(1);
  const s0 = slot(S0, n), s1 = slot(S1, n), s2 = slot(c.s(2), n);
  const b0 = slot(c.buf(0), n), b1 = slot(c.buf(1), n), b2 = slot(c.buf(2), n);
  const s0l = childSlot(c.lc1, S0, n), s0r = childSlot(c.rc1, S0, n), s0l2 = childSlot(c.lc2, S0, n), s0r2 = childSlot(c.rc2, S0, n);
  const s1l = childSlot(c.lc1, S1, n), s1r = childSlot(c.rc1, S1, n);
  const B0 = c.buf(0);
  const b0l = childSlot(c.lc1, B0, n), b0l2 = childSlot(c.lc2, B0, n);
  const W = a.word, P = a.pos, WP = a.wp, M = a.lemma, C = a.kase;
  const d01 = S0 === NONE || B0 === NONE ? 0 : distance(S0, B0);
  const d10 = S0 === NONE || S1 === NONE ? 0 : distance(S1, S0);
  const s0p = P[s0], s1p = P[s1], b0p = P[b0], b1p = P[b1];
  let i = at;
  // Pairs s0–b0 and s1–s0 (the two arcs the next reduction can build).
  out[i++] = f3(24, WP[s0], WP[b0]); out[i++] = f3(25, WP[s0], W[b0]); out[i++] = f3(26, W[s0], WP[b0]);
  out[i++] = f3(27, WP[s0], b0p); out[i++] = f3(28, s0p, WP[b0]); out[i++] = f3(29, W[s0], W[b0]);
  out[i++] = f3(30, s0p, b0p); out[i++] = f3(31, b0p, b1p);
  out[i++] = f3(32, WP[s1], WP[s0]); out[i++] = f3(33, s1p, s0p); out[i++] = f3(34, W[s1], W[s0]);
  out[i++] = f3(35, s1p, WP[s0]); out[i++] = f3(36, WP[s1], s0p);
  out[i++] = f3(37, M[s0], M[b0]); out[i++] = f3(38, M[s1], M[s0]);
  // Triples of tags, with the children built so far.
  out[i++] = f4(39, b0p, b1p, P[b2]); out[i++] = f4(40, s0p, b0p, b1p); out[i++] = f4(41, s1p, s0p, b0p);
  out[i++] = f4(42, P[s2], s1p, s0p); out[i++] = f4(43, s0p, P[s0l], b0p); out[i++] = f4(44, s0p, P[s0r], b0p);
  out[i++] = f4(45, s0p, b0p, P[b0l]); out[i++] = f4(46, s1p, s0p, P[s0l]); out[i++] = f4(47, s1p, P[s1r], s0p);
  out[i++] = f4(48, s1p, s0p, P[s0r]); out[i++] = f4(49, s1p, P[s1l], s0p); out[i++] = f4(50, s0p, P[s0l2], P[s0l]);
  // Distance and valency.
  out[i++] = f4(51, d01, s0p, b0p); out[i++] = f4(52, d10, s1p, s0p); out[i++] = f3(53, d01, WP[s0]); out[i++] = f3(54, d01, WP[b0]);
  out[i++] = f5(55, s0p, S0 === NONE ? 0 : c.nLeft[S0], S0 === NONE ? 0 : c.nRight[S0], b0p);
  // Labels of the children built so far.
  out[i++] = f5(56, s0p, labelAtom(c, s0l), labelAtom(c, s0r), b0p);
  out[i++] = f4(57, b0p, labelAtom(c, b0l), labelAtom(c, b0l2));
  out[i++] = f4(58, s1p, labelAtom(c, s1r), s0p);
  // Case agreement (German subjects and objects).
  out[i++] = f5(59, C[s0], C[b0], s0p, b0p); out[i++] = f5(60, C[s1], C[s0], s1p, P[s0r2]);
  if (level >= 2) extendedContext(c, a, out, i);
  if (hasClusters(level)) clusterContext(c, a, out, i + EXTRA_CONTEXT);
  if (hasAmbiguity(level)) {
    // Level 4: the ambiguity of the candidate arcs' words, in pairs and with the next word's tag.
    const A = a.amb;
    let k = i + EXTRA_CONTEXT;
    out[k++] = f3(114, A[s0], A[b0]); out[k++] = f3(115, A[s1], A[s0]); out[k++] = f3(116, A[b0], b1p);
  }
  if (hasNeighbours(level)) neighbourContext(c, a, out, i + EXTRA_CONTEXT);
  if (hasWideNeighbours(level)) wideContext(c, a, out, i + EXTRA_CONTEXT + NB_CONTEXT);
}

/** The word before x in the sentence (the root before the first word); the none slot for the root and none. */
const before = (x: number, n: number): number => (x >= 1 && x <= n ? x - 1 : n + 1);
/** The word after x in the sentence; the none slot after the last word, for the root and for none. */
const after = (x: number, n: number): number => (x >= 1 && x < n ? x + 1 : n + 1);

/**
 * Level-5 move templates beside the single-word ones (b0–b1 pairs, s0 between its neighbours: roleFeatures): the
 * linear neighbours of s0 and b0 with the other word's tag (the tags around the words, whatever the stack holds),
 * and the distance of the candidate arcs with both words.
 */
function neighbourContext(c: Configuration, a: SentenceAtoms, out: Int32Array, at: number): void {
  const n = c.n;
  const S0 = c.s(0), S1 = c.s(1), B0 = c.buf(0);
  const s0 = slot(S0, n), s1 = slot(S1, n), b0 = slot(B0, n);
  const W = a.word, P = a.pos, WP = a.wp;
  const s0p = P[s0], b0p = P[b0];
  const d01 = S0 === NONE || B0 === NONE ? 0 : distance(S0, B0);
  const d10 = S0 === NONE || S1 === NONE ? 0 : distance(S1, S0);
  let i = at;
  out[i++] = f4(125, b0p, P[before(b0, n)], s0p);
  out[i++] = f4(126, s0p, P[after(s0, n)], b0p); out[i++] = f4(127, WP[s0], P[after(s0, n)], b0p);
  out[i++] = f4(128, d01, W[s0], W[b0]); out[i++] = f4(129, d10, W[s1], W[s0]);
}

/** Level-6 move templates: s1's right neighbour, s0–b1 with words, the words around b0 and s0, s2's word, s1's lemma. */
function wideContext(c: Configuration, a: SentenceAtoms, out: Int32Array, at: number): void {
  const n = c.n;
  const s0 = slot(c.s(0), n), s1 = slot(c.s(1), n), s2 = slot(c.s(2), n), b0 = slot(c.buf(0), n), b1 = slot(c.buf(1), n);
  const W = a.word, P = a.pos, M = a.lemma;
  const s0p = P[s0], s1p = P[s1], b0p = P[b0], b1p = P[b1];
  let i = at;
  out[i++] = f4(130, s1p, P[after(s1, n)], s0p); out[i++] = f4(131, W[s0], b0p, b1p); out[i++] = f4(132, s0p, b0p, W[b1]);
  out[i++] = f4(133, P[before(s0, n)], s0p, b0p);
  out[i++] = f3(135, W[s2], s1p); out[i++] = f4(136, M[s1], s0p, b0p);
}

/** Level-3 move templates: word clusters of the candidate arcs' words, in pairs and with tags, and of the children. */
function clusterContext(c: Configuration, a: SentenceAtoms, out: Int32Array, at: number): void {
  const n = c.n;
  const S0 = c.s(0), S1 = c.s(1), B0 = c.buf(0);
  const s0 = slot(S0, n), s1 = slot(S1, n), b0 = slot(B0, n), b1 = slot(c.buf(1), n);
  const s0l = childSlot(c.lc1, S0, n), s0r = childSlot(c.rc1, S0, n), b0l = childSlot(c.lc1, B0, n);
  const P = a.pos, C2 = a.c2, C3 = a.c3;
  const s0p = P[s0], b0p = P[b0], s1p = P[s1];
  let i = at;
  out[i++] = f3(93, C2[s0], C2[b0]); out[i++] = f3(94, C3[s0], b0p); out[i++] = f3(95, s0p, C3[b0]);
  out[i++] = f3(96, C2[s1], C2[s0]); out[i++] = f3(97, C3[s1], s0p); out[i++] = f3(98, s1p, C3[s0]);
  out[i++] = f4(99, s0p, b0p, C2[b1]);
  out[i++] = f2(100, C3[s0l]); out[i++] = f2(101, C3[s0r]); out[i++] = f2(102, C3[b0l]);
}

/**
 * Level-2 move templates (Zhang & Nivre 2011): valency with the word, the children's own words and labels,
 * second children (third-order), the label sets of s0, s1 and b0, and lemma–tag pairs of the candidate arc.
 */
function extendedContext(c: Configuration, a: SentenceAtoms, out: Int32Array, at: number): void {
  const n = c.n;
  const S0 = c.s(0), S1 = c.s(1), B0 = c.buf(0);
  const s0 = slot(S0, n), s1 = slot(S1, n), b0 = slot(B0, n);
  const s0l = childSlot(c.lc1, S0, n), s0r = childSlot(c.rc1, S0, n), s0l2 = childSlot(c.lc2, S0, n), s0r2 = childSlot(c.rc2, S0, n);
  const b0l = childSlot(c.lc1, B0, n), b0l2 = childSlot(c.lc2, B0, n);
  const W = a.word, P = a.pos, WP = a.wp, M = a.lemma;
  const s0p = P[s0], b0p = P[b0], s1p = P[s1];
  const vl0 = S0 === NONE ? 0 : c.nLeft[S0], vr0 = S0 === NONE ? 0 : c.nRight[S0], vlb = B0 === NONE ? 0 : c.nLeft[B0];
  const ls0 = S0 === NONE ? 0 : c.leftSet[S0], rs0 = S0 === NONE ? 0 : c.rightSet[S0];
  const lsb = B0 === NONE ? 0 : c.leftSet[B0], rs1 = S1 === NONE ? 0 : c.rightSet[S1];
  let i = at;
  // Valency with the word.
  out[i++] = f3(61, W[s0], vl0); out[i++] = f3(62, W[s0], vr0); out[i++] = f3(63, WP[b0], vlb); out[i++] = f3(64, b0p, vlb);
  // The children themselves: word, tag with label.
  out[i++] = f2(65, W[s0l]); out[i++] = f2(66, W[s0r]); out[i++] = f2(67, W[b0l]);
  out[i++] = f3(68, P[s0l], labelAtom(c, s0l)); out[i++] = f3(69, P[s0r], labelAtom(c, s0r)); out[i++] = f3(70, P[b0l], labelAtom(c, b0l));
  // Third order: second children, and the tag chains through them.
  out[i++] = f3(71, P[s0l2], labelAtom(c, s0l2)); out[i++] = f3(72, P[s0r2], labelAtom(c, s0r2)); out[i++] = f3(73, P[b0l2], labelAtom(c, b0l2));
  out[i++] = f4(74, s0p, P[s0r], P[s0r2]); out[i++] = f4(75, b0p, P[b0l], P[b0l2]);
  // Label sets.
  out[i++] = f3(76, s0p, ls0); out[i++] = f3(77, s0p, rs0); out[i++] = f3(78, b0p, lsb); out[i++] = f3(79, s1p, rs1);
  out[i++] = f4(80, s0p, b0p, ls0);
  // Lexical preferences of the candidate arcs.
  out[i++] = f3(81, M[s0], b0p); out[i++] = f3(82, s0p, M[b0]);
}

/** Fills `out` with the ARC_FEATURES hashed label features of the arc h → d (dir 0 = LEFT, 1 = RIGHT). */
export function arcFeatures(c: Configuration, a: SentenceAtoms, h: number, d: number, dir: number, out: Int32Array, level: number): void {
  const n = c.n;
  const W = a.word, P = a.pos, M = a.lemma, C = a.kase, F = a.feats;
  const dp = P[d], hp = P[h], dist = distance(h, d);
  const t = dir === 0 ? 0x100 : 0x200;
  // Context: the word beyond the arc (s1 for LEFT, b0 for RIGHT).
  const ctx = slot(dir === 0 ? c.s(1) : c.buf(0), n);
  const hChild = dir === 0 ? c.lc1[h] : c.rc1[h];
  let i = 0;
  out[i++] = f2(t + 1, W[d]); out[i++] = f2(t + 2, dp); out[i++] = f2(t + 3, M[d]); out[i++] = f3(t + 4, F[d], dp);
  out[i++] = f2(t + 5, W[h]); out[i++] = f2(t + 6, hp); out[i++] = f2(t + 7, M[h]);
  out[i++] = f3(t + 8, hp, dp); out[i++] = f3(t + 9, M[h], dp); out[i++] = f3(t + 10, hp, W[d]); out[i++] = f3(t + 11, W[h], W[d]);
  out[i++] = f3(t + 12, hp, F[d]); out[i++] = f4(t + 13, hp, dp, dist); out[i++] = f3(t + 14, dp, labelAtom(c, c.lc1[d]));
  out[i++] = f3(t + 15, dp, labelAtom(c, c.rc1[d])); out[i++] = f4(t + 16, hp, dp, labelAtom(c, hChild));
  out[i++] = f4(t + 17, dp, c.nLeft[d], c.nRight[d]); out[i++] = f3(t + 18, hp, C[d]); out[i++] = f4(t + 19, hp, dp, P[ctx]);
  out[i++] = f4(t + 20, dp, labelAtom(c, c.lc1[d]), labelAtom(c, c.rc1[d]));
  out[i++] = f4(t + 21, M[h], dp, C[d]); out[i++] = f3(t + 22, M[h], M[d]);
  out[i++] = f4(t + 23, hp, dp, c.lc1[d] === NONE ? NONE_ATOM : P[c.lc1[d]]);
  out[i++] = fmix(t + 24);
  if (level < 2) return;
  // Level 2: the dependent's label sets, the head's own word with the dependent's tag, the head's other side.
  out[i++] = f3(t + 25, dp, c.leftSet[d]); out[i++] = f3(t + 26, dp, c.rightSet[d]);
  out[i++] = f3(t + 27, W[h], dp); out[i++] = f4(t + 28, hp, dp, dir === 0 ? c.leftSet[h] : c.rightSet[h]);
  if (hasNeighbours(level)) {
    // Level 5: the dependent's linear neighbours, its suffix under the head's tag, the words with the distance.
    const X = a.suffix;
    out[i++] = f4(t + 40, dp, P[before(d, n)], P[after(d, n)]); out[i++] = f4(t + 41, hp, dp, P[dir === 0 ? after(d, n) : before(d, n)]);
    out[i++] = f3(t + 42, hp, X[d]); out[i++] = f4(t + 43, W[d], hp, dist); out[i++] = f4(t + 44, W[h], dp, dist);
    if (hasWideNeighbours(level)) {
      // Level 6: the head's neighbour on the dependent's side, the head's suffix, the head's word with the context tag.
      out[i++] = f4(t + 45, hp, dp, P[dir === 0 ? before(h, n) : after(h, n)]); out[i++] = f3(t + 46, X[h], dp);
      out[i++] = f4(t + 47, W[h], dp, P[ctx]);
    }
    return;
  }
  if (hasAmbiguity(level)) {
    const A = a.amb;
    out[i++] = f3(t + 34, A[h], dp); out[i++] = f3(t + 35, hp, A[d]); out[i++] = f3(t + 36, A[h], A[d]);
    return;
  }
  if (!hasClusters(level)) return;
  // Level 3: word clusters of head and dependent.
  const C2 = a.c2, C3 = a.c3;
  out[i++] = f2(t + 29, C3[d]); out[i++] = f2(t + 30, C3[h]); out[i++] = f3(t + 31, C3[h], dp); out[i++] = f3(t + 32, hp, C3[d]);
  out[i++] = f3(t + 33, C2[h], C2[d]);
}
