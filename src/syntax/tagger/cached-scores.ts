/**
 * Scoring with a frozen tagger from cached partial sums. Most atoms depend on one word alone (its own atoms, or
 * the atoms it contributes as the neighbour at i−2, i−1, i+1, i+2) or on tags alone (the previous two tags, the
 * next two first-pass tags, the neighbours' UPOS for FEATS). Their weight rows are summed once per form (kept
 * with the form's WordInfo, whose cache is bounded) or once per tag combination, so a word costs about 20 hashed
 * row lookups instead of about 70: the lookups are cache misses, and they were most of the tagging time. The
 * weights are int16 (./weights.ts), so every sum is an exact integer and the scores equal the plain per-atom sums
 * to the last bit (test/syntax/tagger.test.ts).
 */
import {
  NEIGHBOUR_ROLES, featsKey, featsTagAtoms, lemmaKey, rightPrevAtom, rightSelfAtom, rightTagAtoms, rightWordAtoms, upos2Key,
  uposFirstAtom, uposNeighbourAtoms, uposPairAtoms, uposTagAtoms, type WordInfo, type WordSums,
} from './features.js';
import type { WeightReader } from './weights.js';

type KeyOf = (atom: number) => number;
const same: KeyOf = (a) => a;

/** Vectors of `width` floats filled on first use, one per slot of a small table (tag combinations). */
class LazyVectors {
  readonly vals: Float32Array;
  private readonly filled: Uint8Array;
  constructor(slots: number, readonly width: number, private readonly fill: (slot: number, out: Float32Array, at: number) => void) {
    this.vals = new Float32Array(slots * width);
    this.filled = new Uint8Array(slots);
  }
  /** Offset of slot's vector in vals. */
  at(slot: number): number {
    const at = slot * this.width;
    if (!this.filled[slot]) {
      this.fill(slot, this.vals, at);
      this.filled[slot] = 1;
    }
    return at;
  }
}

const SELF = 0;
/** Vectors per pass in WordSums.upos: own atoms + one per neighbour role. */
const PER_PASS = 1 + NEIGHBOUR_ROLES;

export class CachedScorer {
  private readonly atoms: number[] = [];
  private readonly keyOfPass: [KeyOf, KeyOf] = [same, upos2Key];
  /** Per pass, [role][class] for a neighbour outside the sentence. */
  private readonly outside: Float32Array;
  /** Per pass: (p2, p1) → P1, P2P1, FIRST. */
  private readonly tagPairs: [LazyVectors, LazyVectors];
  /** Second pass: (r1, r2) → R1, R2, R12; (p1, r1) → P1R1; (r1, own first-pass tag) → R1W. */
  private readonly rightPairs: LazyVectors;
  private readonly prevRight: LazyVectors;
  private readonly selfRight: LazyVectors;
  /** FEATS per UPOS: (u1, u2) → FU1, FU2, FUU. */
  private readonly featsPairs: LazyVectors[];

  constructor(readonly weights: WeightReader, readonly nUpos: number, readonly featsWidth: readonly number[]) {
    const N = nUpos;
    const T1 = N + 1; // tag values -1..N-1
    const T2 = N + 2; // tag values -2..N-1
    this.outside = new Float32Array(2 * NEIGHBOUR_ROLES * N);
    for (let pass = 0; pass < 2; pass++) {
      for (let role = 0; role < NEIGHBOUR_ROLES; role++) {
        uposNeighbourAtoms(null, role, this.atoms);
        this.sum(this.atoms, this.keyOfPass[pass], N, this.outside, (pass * NEIGHBOUR_ROLES + role) * N);
      }
    }
    const tagPairs = (pass: number) => new LazyVectors(T1 * T1, N, (slot, out, at) => {
      uposTagAtoms(Math.floor(slot / T1) - 1, (slot % T1) - 1, this.atoms);
      this.sum(this.atoms, this.keyOfPass[pass], N, out, at);
    });
    this.tagPairs = [tagPairs(0), tagPairs(1)];
    this.rightPairs = new LazyVectors(T2 * T2, N, (slot, out, at) => {
      rightTagAtoms(Math.floor(slot / T2) - 2, (slot % T2) - 2, this.atoms);
      this.sum(this.atoms, upos2Key, N, out, at);
    });
    this.prevRight = new LazyVectors(T1 * T2, N, (slot, out, at) => {
      this.atoms.length = 0;
      this.atoms.push(rightPrevAtom(Math.floor(slot / T2) - 1, (slot % T2) - 2));
      this.sum(this.atoms, upos2Key, N, out, at);
    });
    this.selfRight = new LazyVectors(T2 * N, N, (slot, out, at) => {
      this.atoms.length = 0;
      this.atoms.push(rightSelfAtom(Math.floor(slot / N) - 2, slot % N));
      this.sum(this.atoms, upos2Key, N, out, at);
    });
    this.featsPairs = featsWidth.map((width, u) => new LazyVectors(T1 * T1, width, (slot, out, at) => {
      featsTagAtoms(Math.floor(slot / T1) - 1, (slot % T1) - 1, this.atoms);
      this.sum(this.atoms, (a) => featsKey(a, u), width, out, at);
    }));
  }

  /** Adds the rows of `atoms` (through keyOf) into out[at..at+width). */
  private sum(atoms: ArrayLike<number>, keyOf: KeyOf, width: number, out: Float32Array | Float64Array, at: number): void {
    const w = this.weights;
    for (let k = 0; k < atoms.length; k++) {
      const r = w.row(keyOf(atoms[k]));
      if (r >= 0) w.addRow(r, out, at, width);
    }
  }

  /** The word's cached sums (computed on first sight of the form, and again if the weights changed). */
  sums(wi: WordInfo): WordSums {
    const held = wi.sums;
    if (held && held.weights === this.weights) return held;
    const N = this.nUpos;
    const upos = new Float32Array(2 * PER_PASS * N);
    for (let pass = 0; pass < 2; pass++) {
      const keyOf = this.keyOfPass[pass];
      this.sum(wi.atoms, keyOf, N, upos, (pass * PER_PASS + SELF) * N);
      for (let role = 0; role < NEIGHBOUR_ROLES; role++) {
        uposNeighbourAtoms(wi, role, this.atoms);
        this.sum(this.atoms, keyOf, N, upos, (pass * PER_PASS + 1 + role) * N);
      }
    }
    const made: WordSums = { weights: this.weights, upos, feats: [], lemma: [] };
    wi.sums = made;
    return made;
  }

  /**
   * UPOS scores at i into s (pass 0 or 1). sums[j] are the words' cached sums; p1/p2 the previous tags (-1 before
   * the sentence); `first` the first pass's tags (pass 1 only).
   */
  upos(ws: readonly WordInfo[], sums: readonly WordSums[], i: number, p1: number, p2: number, pass: number, first: Int32Array | null, s: Float64Array): void {
    const N = this.nUpos;
    const n = ws.length;
    const base = pass * PER_PASS;
    const own = sums[i].upos;
    let o = (base + SELF) * N;
    for (let c = 0; c < N; c++) s[c] = own[o + c];
    this.addNeighbour(s, i >= 2 ? sums[i - 2] : null, pass, 0);
    this.addNeighbour(s, i >= 1 ? sums[i - 1] : null, pass, 1);
    this.addNeighbour(s, i + 1 < n ? sums[i + 1] : null, pass, 2);
    this.addNeighbour(s, i + 2 < n ? sums[i + 2] : null, pass, 3);
    const tp = this.tagPairs[pass];
    o = tp.at((p2 + 1) * (N + 1) + p1 + 1);
    for (let c = 0; c < N; c++) s[c] += tp.vals[o + c];
    const keyOf = this.keyOfPass[pass];
    uposPairAtoms(ws, i, p1, this.atoms);
    if (i === 0) this.atoms.push(uposFirstAtom(ws[i]));
    this.sum(this.atoms, keyOf, N, s, 0);
    if (pass === 1 && first) {
      const r1 = i + 1 < n ? first[i + 1] : -2;
      const r2 = i + 2 < n ? first[i + 2] : -2;
      this.addLazy(s, this.rightPairs, (r1 + 2) * (N + 2) + r2 + 2);
      this.addLazy(s, this.prevRight, (p1 + 1) * (N + 2) + r1 + 2);
      this.addLazy(s, this.selfRight, (r1 + 2) * N + first[i]);
      rightWordAtoms(p1, r1, ws[i].lowerHash, this.atoms);
      this.sum(this.atoms, upos2Key, N, s, 0);
    }
  }

  private addNeighbour(s: Float64Array, ws: WordSums | null, pass: number, role: number): void {
    const N = this.nUpos;
    let v: Float32Array;
    let o: number;
    if (ws) { v = ws.upos; o = (pass * PER_PASS + 1 + role) * N; } else { v = this.outside; o = (pass * NEIGHBOUR_ROLES + role) * N; }
    for (let c = 0; c < N; c++) s[c] += v[o + c];
  }

  private addLazy(s: Float64Array, t: LazyVectors, slot: number): void {
    const o = t.at(slot);
    const v = t.vals;
    for (let c = 0; c < t.width; c++) s[c] += v[o + c];
  }

  /**
   * FEATS scores of word i as UPOS u into s: the word's own atoms (cached per form and UPOS), the neighbours' UPOS
   * (cached per pair) and `rest`, the other context atoms (featsOtherAtoms).
   */
  feats(wi: WordInfo, sums: WordSums, u: number, u1: number, u2: number, rest: readonly number[], s: Float64Array): void {
    const width = this.featsWidth[u];
    let own = sums.feats[u];
    if (!own) {
      own = new Float32Array(width);
      this.sum(wi.atoms, (a) => featsKey(a, u), width, own, 0);
      sums.feats[u] = own;
    }
    for (let c = 0; c < width; c++) s[c] = own[c];
    this.addLazy(s, this.featsPairs[u], (u1 + 1) * (this.nUpos + 1) + u2 + 1);
    this.sum(rest, (a) => featsKey(a, u), width, s, 0);
  }

  /**
   * Lemma scores of the candidate rules `pool` (columns of UPOS u's rule table) into s[0..pool.length): the word's own
   * atoms summed once per form and UPOS over the pool only, plus the FEATS atom.
   */
  lemma(wi: WordInfo, sums: WordSums, u: number, pool: Int32Array, width: number, featsAtom: number, s: Float64Array): void {
    let own = sums.lemma[u];
    const keyOf = (a: number) => lemmaKey(a, u);
    if (!own) {
      own = new Float32Array(pool.length);
      this.sumColumns(wi.lemmaAtoms, keyOf, pool, width, own);
      sums.lemma[u] = own;
    }
    for (let j = 0; j < pool.length; j++) s[j] = own[j];
    this.atoms.length = 0;
    this.atoms.push(featsAtom);
    this.sumColumns(this.atoms, keyOf, pool, width, s);
  }

  private position = new Int32Array(0);
  /** Adds columns `cols` of the rows of `atoms` into out[0..cols.length), out[j] for column cols[j]. */
  private sumColumns(atoms: ArrayLike<number>, keyOf: KeyOf, cols: Int32Array, width: number, out: Float32Array | Float64Array): void {
    if (this.position.length < width) this.position = new Int32Array(width).fill(-1);
    const position = this.position;
    for (let j = 0; j < cols.length; j++) position[cols[j]] = j;
    const w = this.weights;
    for (let k = 0; k < atoms.length; k++) {
      const r = w.row(keyOf(atoms[k]));
      if (r >= 0) w.addColumns(r, position, out);
    }
    for (let j = 0; j < cols.length; j++) position[cols[j]] = -1;
  }
}
