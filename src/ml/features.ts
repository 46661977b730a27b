/**
 * Feature extraction: per-token atoms are hashed once per sentence into typed arrays, then feature
 * templates combine them with integer mixing (no string concatenation in the hot loop).
 * Every feature is a non-zero uint32; each token has a fixed number of slots (STRIDE), 0 = empty.
 */
import { hashStr, hashRange, mix } from '../util/hash.js';
import { GAZ, Lexicon } from './lexicon.js';

/** Slots per token; the first LOCAL hold features of the token alone. */
export const STRIDE = 93;
export const LOCAL = 50;

// character classes: 0 other, 1 upper, 2 lower, 3 digit
const CLS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) {
  if (c >= 48 && c <= 57) { CLS[c] = 3; continue; }
  if (c >= 0xd800 && c <= 0xdfff) continue;
  const s = String.fromCharCode(c);
  const lo = s.toLowerCase();
  const up = s.toUpperCase();
  if (lo !== up) CLS[c] = s === up ? 1 : 2;
}
const SHAPE_CH = [0, 88 /* X */, 120 /* x */, 100 /* d */];

const BOS = 0x5f3759df;
const EOS = 0x1bd11bda;
const NONE = 0x2545f491;
const NATOMS = 17;
const CACHE_MAX = 1 << 17;
const QUOTE_H1 = hashStr('"', 2);
const QUOTE_H2 = hashStr('„', 2);

export interface ExtractOptions {
  /** Per-token extra class (document pass), -1 = none. */
  extra?: Int32Array | null;
  /** Per-token hashed UPOS from the syntax tagger (./pos.ts), non-zero; null for models without POS features. */
  pos?: Uint32Array | null;
}

export class FeatureExtractor {
  private cap = 0;
  private W = new Uint32Array(0);
  private L = new Uint32Array(0);
  private S = new Uint32Array(0);
  private SS = new Uint32Array(0);
  private C1 = new Uint32Array(0);
  private C2 = new Uint32Array(0);
  private C3 = new Uint32Array(0);
  private G = new Uint32Array(0);
  private P = new Uint32Array(0);
  private FQ = new Uint32Array(0);
  private LF = new Uint32Array(0);
  private CR = new Uint32Array(0);
  private HC = new Uint32Array(0);
  private D2 = new Uint32Array(0);
  private D3 = new Uint32Array(0);
  private HW = new Uint32Array(0);
  private PC = new Uint32Array(0);
  private SC = new Uint32Array(0);
  private lowers: string[] = [];
  out = new Uint32Array(0);
  /** Per word form: atoms and word-local features, so a repeated word costs one Map lookup. */
  private wordCache = new Map<string, number>();
  private cacheAtoms = new Uint32Array(0);
  private cacheFeats = new Uint32Array(0);
  private cachedAt = new Int32Array(0);
  private readonly B: number;
  private readonly B2: number;

  constructor(readonly lex: Lexicon) {
    this.B = lex.data.branching;
    this.B2 = this.B * this.B;
  }

  private ensure(n: number): void {
    const need = n + 4;
    if (need <= this.cap) return;
    let cap = Math.max(64, this.cap);
    while (cap < need) cap *= 2;
    this.cap = cap;
    this.W = new Uint32Array(cap); this.L = new Uint32Array(cap); this.S = new Uint32Array(cap); this.SS = new Uint32Array(cap);
    this.C1 = new Uint32Array(cap); this.C2 = new Uint32Array(cap); this.C3 = new Uint32Array(cap);
    this.G = new Uint32Array(cap); this.P = new Uint32Array(cap); this.FQ = new Uint32Array(cap); this.LF = new Uint32Array(cap); this.CR = new Uint32Array(cap);
    this.HC = new Uint32Array(cap); this.D2 = new Uint32Array(cap); this.D3 = new Uint32Array(cap); this.HW = new Uint32Array(cap);
    this.PC = new Uint32Array(cap);
    this.SC = new Uint32Array(cap);
    this.out = new Uint32Array(cap * STRIDE);
    this.cachedAt = new Int32Array(cap);
  }

  private remember(w: string, k: number, out: Uint32Array, at: number): void {
    if (this.wordCache.has(w)) return; // a second occurrence in the same sentence
    let id = this.wordCache.size;
    if (id >= CACHE_MAX) { this.wordCache.clear(); id = 0; }
    if ((id + 1) * NATOMS > this.cacheAtoms.length) {
      const cap = Math.min(CACHE_MAX, Math.max(1024, id * 2));
      const a = new Uint32Array(cap * NATOMS); a.set(this.cacheAtoms.subarray(0, Math.min(this.cacheAtoms.length, a.length))); this.cacheAtoms = a;
      const f = new Uint32Array(cap * LOCAL); f.set(this.cacheFeats.subarray(0, Math.min(this.cacheFeats.length, f.length))); this.cacheFeats = f;
    }
    const a = id * NATOMS;
    const CA = this.cacheAtoms;
    CA[a] = this.W[k]; CA[a + 1] = this.L[k]; CA[a + 2] = this.S[k]; CA[a + 3] = this.SS[k]; CA[a + 4] = this.C1[k]; CA[a + 5] = this.C2[k]; CA[a + 6] = this.C3[k];
    CA[a + 7] = this.G[k]; CA[a + 8] = this.FQ[k]; CA[a + 9] = this.LF[k]; CA[a + 10] = this.CR[k]; CA[a + 11] = this.HC[k]; CA[a + 12] = this.HW[k]; CA[a + 13] = this.D2[k]; CA[a + 14] = this.D3[k]; CA[a + 15] = this.PC[k]; CA[a + 16] = this.SC[k];
    this.cacheFeats.set(out.subarray(at, at + LOCAL), id * LOCAL);
    this.wordCache.set(w, id);
  }

  /** Name class of a lexicon entry: its type in the training data, else its gazetteer class (0 = none). */
  private nameClass(e: number): number {
    const f = this.lex.data.flags[e];
    const t = (f & GAZ.TRAIN_TYPE_MASK) >>> GAZ.TRAIN_TYPE_SHIFT;
    if (t) return t;
    if (f & (GAZ.COUNTRY | GAZ.CAPITAL | GAZ.CITY)) return 5;
    if (f & (GAZ.FIRST | GAZ.LASTNAME)) return 6;
    if (f & GAZ.ORG) return 7;
    if (f & GAZ.DEMONYM) return 8;
    return 0;
  }

  /**
   * For a compound: the name class of its longest first part that is a name, when the rest ends in a known word.
   * Hyphenated words whose first part is no known name get 9 (unknown word, "Capote-Lesung") or 10 (common word).
   */
  private namePrefixClass(w: string): number {
    const idx = this.lex.index;
    const ld = this.lex.data;
    const hy = w.indexOf('-');
    if (hy > 0) {
      const first = w.slice(0, hy);
      const e = idx.get(first);
      const c = e === undefined ? 0 : this.nameClass(e);
      if (c) return c;
      // not a known name: a known common word ("Kultur-Lesung") or an unknown one ("Capote-Lesung")
      const el = idx.get(first.toLowerCase());
      return (e !== undefined && ld.cluster[e] >= 0) || (el !== undefined && ld.cluster[el] >= 0) ? 10 : 9;
    }
    for (let s = w.length - 3; s >= 3; s--) {
      const e = idx.get(w.slice(0, s));
      if (e === undefined) continue;
      const c = this.nameClass(e);
      if (!c) continue;
      if (this.knownWordEnd(w, s, w.length - 4)) return c;
    }
    return 0;
  }

  /** Whether w from some position in [from, to] on, capitalised, is a lexicon word with a cluster ("...|tagebuch", "...|insel|fest"). */
  private knownWordEnd(w: string, from: number, to: number): boolean {
    const idx = this.lex.index;
    const ld = this.lex.data;
    for (let s = from; s <= to && s < w.length; s++) {
      const e = idx.get(w.charAt(s).toUpperCase() + w.slice(s + 1));
      if (e !== undefined && ld.cluster[e] >= 0) return true;
    }
    return false;
  }

  /**
   * 1-8: the name class of the last part of a hyphenated word ("Ost-Berlin"); 9-16: the name class of the stem of a
   * genitive ("Dänemarks", "Griechenlandes"). 0 when the form itself is a known name.
   */
  private nameSuffixClass(w: string): number {
    const idx = this.lex.index;
    const hy = w.lastIndexOf('-');
    if (hy > 0 && hy < w.length - 2) {
      const e = idx.get(w.slice(hy + 1));
      const c = e === undefined ? 0 : this.nameClass(e);
      if (c) return c;
    }
    const own = idx.get(w);
    if (own !== undefined && this.nameClass(own)) return 0;
    for (const cut of w.endsWith('es') ? [2, 1] : w.endsWith('s') ? [1] : []) {
      const e = idx.get(w.slice(0, w.length - cut));
      const c = e === undefined ? 0 : this.nameClass(e);
      if (c) return 8 + c;
    }
    return 0;
  }

  /** Fills `this.out` with n*STRIDE feature hashes for the sentence and returns it. */
  extract(tokens: ArrayLike<string>, opts: ExtractOptions = {}): Uint32Array {
    const n = tokens.length;
    this.ensure(n);
    const { W, L, S, SS, C1, C2, C3, G, P, FQ, LF, CR, HC, HW, D2, D3, PC, SC } = this;
    const lex = this.lex;
    const ld = lex.data;
    const hasC2 = lex.hasCluster2;
    const idx = lex.index;
    const lowers = this.lowers;
    // atoms at position i+2 (two pads either side)
    for (const p of [0, 1]) {
      W[p] = L[p] = S[p] = SS[p] = C1[p] = C2[p] = C3[p] = D2[p] = D3[p] = BOS;
      W[n + 2 + p] = L[n + 2 + p] = S[n + 2 + p] = SS[n + 2 + p] = C1[n + 2 + p] = C2[n + 2 + p] = C3[n + 2 + p] = D2[n + 2 + p] = D3[n + 2 + p] = EOS;
      G[p] = G[n + 2 + p] = 0;
      P[p] = P[n + 2 + p] = 0;
    }
    const wc = this.wordCache;
    const cachedAt = this.cachedAt;
    const CA = this.cacheAtoms;
    for (let i = 0; i < n; i++) {
      const w = tokens[i];
      const k = i + 2;
      const hit = wc.get(w);
      if (hit !== undefined) {
        // atoms of a word seen before: copy them (no string work)
        const a = hit * NATOMS;
        W[k] = CA[a]; L[k] = CA[a + 1]; S[k] = CA[a + 2]; SS[k] = CA[a + 3]; C1[k] = CA[a + 4]; C2[k] = CA[a + 5]; C3[k] = CA[a + 6];
        G[k] = CA[a + 7]; FQ[k] = CA[a + 8]; LF[k] = CA[a + 9]; CR[k] = CA[a + 10]; HC[k] = CA[a + 11]; HW[k] = CA[a + 12]; D2[k] = CA[a + 13]; D3[k] = CA[a + 14]; PC[k] = CA[a + 15]; SC[k] = CA[a + 16];
        P[k] = 0;
        cachedAt[i] = hit;
        continue;
      }
      cachedAt[i] = -1;
      const lw = w.toLowerCase();
      lowers[i] = lw;
      W[k] = hashStr(w, 1);
      L[k] = hashStr(lw, 2);
      // shapes
      let sh = 0x811c9dc5 | 0;
      let ssh = 0x811c9dc5 | 0;
      let last = -1;
      const len = w.length;
      for (let j = 0; j < len; j++) {
        const c = w.charCodeAt(j);
        const cls = CLS[c];
        const ch = cls ? SHAPE_CH[cls] : c;
        if (j < 6 || j >= len - 2) { sh ^= ch; sh = Math.imul(sh, 0x01000193); }
        if (ch !== last) { ssh ^= ch; ssh = Math.imul(ssh, 0x01000193); last = ch; }
      }
      S[k] = mix(sh, len > 8 ? 1 : 0);
      SS[k] = mix(ssh, 7);
      // lexicon
      let e = idx.get(w);
      const el = lw === w ? e : idx.get(lw);
      if (e === undefined && len > 1) {
        // try the capitalised form for all-caps or lower-case tokens
        const capd = lw.charAt(0).toUpperCase() + lw.slice(1);
        if (capd !== w) e = idx.get(capd);
      }
      const ce = e !== undefined && ld.cluster[e] >= 0 ? e : el !== undefined && ld.cluster[el] >= 0 ? el : -1;
      if (ce >= 0) {
        const leaf = ld.cluster[ce];
        C3[k] = mix(3, leaf);
        C2[k] = mix(2, (leaf / this.B) | 0);
        C1[k] = mix(1, (leaf / this.B2) | 0);
      } else {
        C1[k] = C2[k] = C3[k] = NONE;
      }
      const leaf2 = hasC2 && ce >= 0 ? ld.cluster2[ce] : -1;
      if (leaf2 >= 0) { D2[k] = mix(12, (leaf2 / this.B) | 0); D3[k] = mix(13, leaf2); } else D2[k] = D3[k] = NONE;
      // the training-type bits feed only the compound features, so a word never sees its own training label
      G[k] = e !== undefined ? ld.flags[e] & ~GAZ.TRAIN_TYPE_MASK : 0;
      FQ[k] = e !== undefined ? ld.freq[e] : 0;
      LF[k] = el !== undefined ? ld.freq[el] : 0;
      CR[k] = el !== undefined ? ld.capRatio[el] : 0;
      P[k] = 0;
      // compound head: the longest known suffix word of a long unknown token ("Landesverfassungsgericht" -> "Gericht")
      HC[k] = 0;
      HW[k] = 0;
      if (len >= 7 && (ce < 0 || lw.indexOf('-') > 0)) {
        const hy = w.lastIndexOf('-');
        const from = hy > 0 ? hy + 1 : 3;
        for (let s = from; s <= len - 4; s++) {
          const c = w.charCodeAt(s);
          if (CLS[c] === 0 || CLS[c] === 3) continue;
          const cand = w.charAt(s).toUpperCase() + w.slice(s + 1);
          const he = idx.get(cand);
          if (he !== undefined && ld.cluster[he] >= 0) {
            const hl = ld.cluster[he];
            HC[k] = mix(4, (hl / this.B) | 0);
            HW[k] = mix(5, hl);
            break;
          }
        }
      }
      PC[k] = lex.hasTrainTypes && len >= 6 && CLS[w.charCodeAt(0)] === 1 ? this.namePrefixClass(w) : 0;
      SC[k] = lex.hasTrainTypes && len >= 4 && CLS[w.charCodeAt(0)] === 1 ? this.nameSuffixClass(w) : 0;
    }
    // phrase gazetteer (longest match, left to right)
    if (lex.phraseFirst.size) {
      for (let i = 0; i < n; i++) {
        const maxLen = lex.phraseFirst.get(tokens[i]);
        if (maxLen === undefined) continue;
        let found = 0;
        let type = 0;
        let s = tokens[i];
        for (let l = 2; l <= maxLen && i + l <= n; l++) {
          s += ' ' + tokens[i + l - 1];
          const t = lex.phraseMap.get(s);
          if (t !== undefined) { found = l; type = t; }
        }
        if (found) {
          P[i + 2] = 1 + type * 2;
          for (let j = 1; j < found; j++) P[i + 2 + j] = 2 + type * 2;
          i += found - 1;
        }
      }
    }
    const extra = opts.extra ?? null;
    const pos = opts.pos ?? null;
    const out = this.out;
    let inQuote = 0;
    for (let i = 0; i < n; i++) {
      const k = i + 2;
      const w = tokens[i];
      const lw = lowers[i];
      // word-local features first (slots [0, LOCAL)): they depend on the token alone, so taggers may cache their sum
      let o = i * STRIDE;
      const lend = o + LOCAL;
      const len = w.length;
      const hit = cachedAt[i];
      if (hit >= 0) {
        out.set(this.cacheFeats.subarray(hit * LOCAL, hit * LOCAL + LOCAL), o);
        o = lend;
      } else {
      out[o++] = mix(1, 0);
      out[o++] = mix(2, W[k]);
      out[o++] = mix(3, L[k]);
      out[o++] = mix(10, S[k]);
      for (let a = 1; a <= 4; a++) out[o++] = a <= len ? mix(13 + a, hashRange(w, 0, a, 5)) : 0;
      for (let a = 1; a <= 5; a++) out[o++] = a < len ? mix(17 + a, hashRange(lw, lw.length - a, lw.length, 6)) : 0;
      out[o++] = mix(23, C1[k]);
      out[o++] = mix(24, C2[k]);
      out[o++] = mix(25, C3[k]);
      out[o++] = mix(mix(32, C3[k]), SS[k]);
      const g = G[k];
      for (let b = 0; b < 9; b++) out[o++] = g & (1 << b) ? mix(40, b) : 0;
      // spelling-dictionary class (bits 9-11): a capitalised word the dictionary knows as a common noun is rarely a name
      if (lex.hasDict) {
        const dc = (g >>> 9) & 7;
        out[o++] = mix(mix(76, dc), SS[k]);
        out[o++] = mix(mix(mix(77, dc), SS[k]), CR[k]);
      }
      out[o++] = g ? mix(mix(43, g), SS[k]) : 0;
      out[o++] = mix(mix(48, FQ[k]), SS[k]);
      out[o++] = mix(mix(49, CR[k]), SS[k]);
      out[o++] = mix(53, len > 15 ? 15 : len);
      // hyphenated compounds: first and last part
      const h = lw.indexOf('-');
      if (h > 0 && h < len - 1) {
        const hl = lw.lastIndexOf('-');
        out[o++] = mix(54, hashRange(lw, 0, h, 2));
        out[o++] = mix(55, hashRange(lw, hl + 1, lw.length, 2));
        out[o++] = mix(mix(56, hashRange(w, 0, h, 3)), SS[k]);
      } else { out[o++] = 0; out[o++] = 0; out[o++] = 0; }
      // compound head cluster
      out[o++] = HC[k] ? mix(57, HC[k]) : 0;
      out[o++] = HW[k] ? mix(58, HW[k]) : 0;
      out[o++] = HC[k] ? mix(mix(59, HC[k]), SS[k]) : 0;
      // longer affixes for German compounds
      out[o++] = len > 6 ? mix(64, hashRange(lw, lw.length - 6, lw.length, 6)) : 0;
      out[o++] = len > 7 ? mix(65, hashRange(lw, lw.length - 7, lw.length, 6)) : 0;
      out[o++] = len > 6 ? mix(66, hashRange(w, 0, 5, 5)) : 0;
      out[o++] = len > 7 ? mix(67, hashRange(w, 0, 6, 5)) : 0;
      if (hasC2) {
        out[o++] = mix(71, D2[k]);
        out[o++] = mix(72, D3[k]);
        out[o++] = mix(mix(75, D3[k]), SS[k]);
      }
      // words built on a name: first part ("Sibirien|tagebuch"), last part ("Ost-Berlin"), genitive ("Dänemarks")
      if (lex.hasTrainTypes) {
        out[o++] = PC[k] ? mix(88, PC[k]) : 0;
        out[o++] = PC[k] ? mix(mix(89, PC[k]), SS[k]) : 0;
        out[o++] = SC[k] ? mix(90, SC[k]) : 0;
        out[o++] = SC[k] ? mix(mix(91, SC[k]), SS[k]) : 0;
      }
      if (o > lend) throw new Error('local feature slots overflow');
      while (o < lend) out[o++] = 0;
      this.remember(w, k, out, i * STRIDE);
      }
      // context features (slots [LOCAL, STRIDE))
      const end = i * STRIDE + STRIDE;
      out[o++] = mix(4, L[k - 1]);
      out[o++] = mix(5, L[k + 1]);
      out[o++] = mix(6, L[k - 2]);
      out[o++] = mix(7, L[k + 2]);
      out[o++] = mix(mix(8, L[k - 1]), L[k]);
      out[o++] = mix(mix(9, L[k]), L[k + 1]);
      out[o++] = mix(mix(11, SS[k - 1]), SS[k]);
      out[o++] = mix(mix(12, SS[k]), SS[k + 1]);
      out[o++] = mix(mix(mix(13, SS[k - 1]), SS[k]), SS[k + 1]);
      out[o++] = mix(26, C2[k - 1]);
      out[o++] = mix(27, C2[k + 1]);
      out[o++] = mix(28, C3[k - 1]);
      out[o++] = mix(29, C3[k + 1]);
      out[o++] = mix(mix(30, C1[k - 1]), C2[k]);
      out[o++] = mix(mix(31, C2[k]), C1[k + 1]);
      out[o++] = mix(33, C1[k - 2]);
      out[o++] = mix(34, C1[k + 2]);
      out[o++] = G[k - 1] ? mix(41, G[k - 1]) : 0;
      out[o++] = G[k + 1] ? mix(42, G[k + 1]) : 0;
      out[o++] = mix(44, P[k]);
      out[o++] = P[k - 1] ? mix(45, P[k - 1]) : 0;
      out[o++] = P[k + 1] ? mix(46, P[k + 1]) : 0;
      out[o++] = mix(mix(mix(47, i === 0 ? 1 : 0), SS[k]), LF[k]);
      out[o++] = mix(mix(mix(50, CR[k]), LF[k]), i === 0 ? 1 : 0);
      out[o++] = mix(mix(51, L[k - 1]), SS[k]);
      out[o++] = mix(mix(52, SS[k]), L[k + 1]);
      // inside quotation marks (titles of works, events: GermEval OTH)
      if (len === 1 && (w === '"' || w === '„' || w === '“' || w === '»' || w === '«')) inQuote ^= 1;
      else if (w === "''" || w === '``') inQuote ^= 1;
      out[o++] = inQuote ? mix(mix(68, SS[k]), i > 0 && (L[k - 1] === QUOTE_H1 || L[k - 1] === QUOTE_H2) ? 1 : 0) : 0;
      out[o++] = mix(mix(69, C2[k - 1]), L[k]);
      out[o++] = mix(mix(70, L[k - 1]), C2[k]);
      if (hasC2) {
        out[o++] = mix(73, D2[k - 1]);
        out[o++] = mix(74, D2[k + 1]);
      }
      if (extra) {
        const x = extra[i];
        out[o++] = x >= 0 ? mix(60, x) : 0;
        out[o++] = x >= 0 ? mix(mix(61, x), SS[k]) : 0;
        const xp = i > 0 ? extra[i - 1] : -1;
        const xn = i + 1 < n ? extra[i + 1] : -1;
        out[o++] = xp >= 0 ? mix(62, xp) : 0;
        out[o++] = xn >= 0 ? mix(63, xn) : 0;
      }
      if (pos) o = posFeatures(pos, i, n, SS[k], out, o);
      if (o > end) throw new Error('feature slots overflow');
      while (o < end) out[o++] = 0;
    }
    return out;
  }
}

const PAD_POS = 0x3c6ef372;

/** Part-of-speech context of token i (7 slots): its tag, the neighbours', bigrams, the trigram, tag × shape. */
function posFeatures(pos: Uint32Array, i: number, n: number, shape: number, out: Uint32Array, o: number): number {
  const p0 = pos[i];
  const pm = i > 0 ? pos[i - 1] : PAD_POS;
  const pp = i + 1 < n ? pos[i + 1] : PAD_POS;
  out[o++] = mix(92, p0);
  out[o++] = mix(93, pm);
  out[o++] = mix(94, pp);
  out[o++] = mix(mix(95, pm), p0);
  out[o++] = mix(mix(96, p0), pp);
  out[o++] = mix(mix(mix(97, pm), p0), pp);
  out[o++] = mix(mix(98, p0), shape);
  return o;
}
