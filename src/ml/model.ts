/**
 * Linear-chain tagger: hashed features -> per-label weights, first-order transitions,
 * BIO-constrained Viterbi. Serialised as a brotli-compressed binary with quantised weights.
 */
import { brotliCompressSync, brotliDecompressSync, constants as zc } from 'node:zlib';
import { U32Map } from '../util/hash.js';
import { FeatureExtractor, LOCAL, STRIDE, type ExtractOptions } from './features.js';
import { Lexicon, type LexiconData } from './lexicon.js';

export interface ModelMeta {
  name: string;
  version: string;
  lang: string;
  [k: string]: unknown;
}

/**
 * allowed[prev*L + cur]; prev === L is the sentence start. Works for BIO and BILOU label sets:
 * I-X and L-X only after B-X or I-X; after B-X or I-X of a BILOU set only I-X or L-X.
 */
export function bioAllowed(labels: string[]): Uint8Array {
  const L = labels.length;
  const a = new Uint8Array((L + 1) * L);
  const bilou = labels.some((l) => l.startsWith('L-') || l.startsWith('U-'));
  for (let p = 0; p <= L; p++) {
    for (let c = 0; c < L; c++) {
      const cur = labels[c];
      const prev = p === L ? 'O' : labels[p];
      const inside = cur.startsWith('I-') || cur.startsWith('L-');
      const open = bilou && (prev.startsWith('B-') || prev.startsWith('I-'));
      if (inside) a[p * L + c] = (prev.startsWith('B-') || prev.startsWith('I-')) && prev.slice(2) === cur.slice(2) ? 1 : 0;
      else a[p * L + c] = open ? 0 : 1;
    }
  }
  return a;
}

/** Labels allowed to end a sentence (BILOU: not B- or I-). */
export function endAllowed(labels: string[]): Uint8Array {
  const bilou = labels.some((l) => l.startsWith('L-') || l.startsWith('U-'));
  return Uint8Array.from(labels, (l) => (bilou && (l.startsWith('B-') || l.startsWith('I-')) ? 0 : 1));
}

/** BILOU -> BIO (L-X -> I-X, U-X -> B-X); BIO labels pass through. */
export const toBio = (l: string): string => (l.startsWith('L-') ? 'I-' + l.slice(2) : l.startsWith('U-') ? 'B-' + l.slice(2) : l);

/** BIO tags -> BILOU tags. */
export function bioToBilou(tags: string[]): string[] {
  return tags.map((t, i) => {
    if (t === 'O') return t;
    const next = tags[i + 1];
    const continues = next !== undefined && next.startsWith('I-') && next.slice(2) === t.slice(2);
    if (t.startsWith('B-')) return continues ? t : 'U-' + t.slice(2);
    return continues ? t : 'L-' + t.slice(2);
  });
}

export class NerModel {
  readonly L: number;
  readonly allowed: Uint8Array;
  private _featMap: U32Map | null;
  private _weights: Float32Array | null;
  /** Sorted feature keys of a loaded model (row j of the packed table), used to rebuild dense weights on demand. */
  private rowKeys: Uint32Array | null = null;
  private rowStarts: Int32Array | null = null;
  /** Labels a sentence may end with. */
  readonly endOk: Uint8Array;
  /** Output (BIO) label per label index. */
  readonly outLabels: string[];
  /** For each label, the labels allowed before it (CSR). */
  private readonly predStart: Int32Array;
  private readonly predList: Int32Array;
  readonly fx: FeatureExtractor;
  private em = new Float32Array(0);
  private delta = new Float32Array(0);
  private back = new Int32Array(0);
  private beta = new Float32Array(0);
  /** Second-pass model (document-level features), optional. */
  second: NerModel | null = null;
  /** Packed run-time table (built by compact()): open addressing slots [key, start, count]; entries (q << 8 | label). */
  private tab: Uint32Array | null = null;
  private tabMask = 0;
  private entries: Int32Array | null = null;
  private qScale = 1;
  private acc = new Int32Array(0);
  /** Sum of the word-local features' weights per word form (packed path only). */
  private localCache = new Map<string, Int32Array>();
  /** Subtracted from the O label's emission score (tuned on dev to balance precision and recall). */
  oPenalty = 0;

  constructor(
    readonly labels: string[],
    featMap: U32Map | null,
    weights: Float32Array | null,
    public trans: Float32Array,
    readonly lex: Lexicon,
    public meta: ModelMeta,
  ) {
    this.L = labels.length;
    this._featMap = featMap;
    this._weights = weights;
    this.allowed = bioAllowed(labels);
    this.endOk = endAllowed(labels);
    this.outLabels = labels.map(toBio);
    const L = this.L;
    const preds: number[] = [];
    this.predStart = new Int32Array(L + 1);
    for (let y = 0; y < L; y++) {
      for (let p = 0; p < L; p++) if (this.allowed[p * L + y]) preds.push(p);
      this.predStart[y + 1] = preds.length;
    }
    this.predList = Int32Array.from(preds);
    this.fx = new FeatureExtractor(lex);
  }

  /** Feature hash -> row. Built on first use for loaded models (tagging uses the packed table instead). */
  get featMap(): U32Map {
    if (!this._featMap) this.materialize();
    return this._featMap!;
  }
  /** Dense weights, rows x labels. Built on first use for loaded models. */
  get weights(): Float32Array {
    if (!this._weights) this.materialize();
    return this._weights!;
  }
  set weights(w: Float32Array) { this._weights = w; }

  private materialize(): void {
    const keys = this.rowKeys!;
    const starts = this.rowStarts!;
    const ent = this.entries!;
    const L = this.L;
    const R = keys.length;
    const map = new U32Map(R);
    const W = new Float32Array(R * L);
    for (let j = 0; j < R; j++) {
      map.set(keys[j], j);
      for (let x = starts[j]; x < starts[j + 1]; x++) W[j * L + (ent[x] & 255)] = (ent[x] >> 8) * this.qScale;
    }
    this._featMap = map;
    this._weights = W;
  }

  ensure(n: number): void {
    const need = n * this.L;
    if (this.em.length >= need) return;
    let cap = Math.max(256 * this.L, this.em.length);
    while (cap < need) cap *= 2;
    this.em = new Float32Array(cap);
    this.delta = new Float32Array(cap);
    this.back = new Int32Array(cap);
    this.beta = new Float32Array(cap);
  }

  /** Installs the packed run-time table from sorted keys and label-sparse rows (loaded models). */
  loadPacked(keys: Uint32Array, starts: Int32Array, entries: Int32Array, scale: number): void {
    const R = keys.length;
    let slots = 16;
    while (slots < R * 2) slots <<= 1;
    const tab = new Uint32Array(slots * 3);
    const mask = slots - 1;
    for (let j = 0; j < R; j++) {
      const cnt = starts[j + 1] - starts[j];
      if (cnt === 0) continue;
      const key = keys[j];
      let i = key & mask;
      while (tab[i * 3] !== 0) i = (i + 1) & mask;
      tab[i * 3] = key;
      tab[i * 3 + 1] = starts[j];
      tab[i * 3 + 2] = cnt;
    }
    this.tab = tab;
    this.tabMask = mask;
    this.entries = entries;
    this.qScale = scale;
    this.rowKeys = keys;
    this.rowStarts = starts;
  }

  /** Builds the packed, label-sparse run-time table used by emissions(); weights must be multiples of `scale`. */
  compact(scale: number): void {
    const L = this.L;
    const W = this.weights;
    const R = W.length / L;
    let slots = 16;
    while (slots < R * 2) slots <<= 1;
    const tab = new Uint32Array(slots * 3);
    const mask = slots - 1;
    let nnz = 0;
    for (let i = 0; i < W.length; i++) if (W[i] !== 0) nnz++;
    const entries = new Int32Array(nnz);
    const mk = this.featMap.keys;
    const mv = this.featMap.vals;
    let e = 0;
    for (let j = 0; j < mk.length; j++) {
      const key = mk[j];
      if (key === 0) continue;
      const r = mv[j];
      const st = e;
      for (let y = 0; y < L; y++) {
        const v = W[r * L + y];
        if (v !== 0) entries[e++] = (Math.round(v / scale) << 8) | y;
      }
      if (e === st) continue;
      let i = key & mask;
      while (tab[i * 3] !== 0) i = (i + 1) & mask;
      tab[i * 3] = key;
      tab[i * 3 + 1] = st;
      tab[i * 3 + 2] = e - st;
    }
    this.tab = tab;
    this.tabMask = mask;
    this.entries = entries.subarray(0, e);
    this.qScale = scale;
  }

  /** Emission scores for a sentence into this.em (n*L). */
  emissions(tokens: ArrayLike<string>, opts?: ExtractOptions): Float32Array {
    const n = tokens.length;
    this.ensure(n);
    const feats = this.fx.extract(tokens, opts);
    const L = this.L;
    const em = this.em;
    if (this.tab) {
      const tab = this.tab;
      const mask = this.tabMask;
      const ent = this.entries!;
      if (this.acc.length < L) this.acc = new Int32Array(L);
      const acc = this.acc;
      const sc = this.qScale;
      const cache = this.localCache;
      for (let i = 0; i < n; i++) {
        const fo = i * STRIDE;
        const word = tokens[i];
        const cached = cache.get(word);
        if (cached) acc.set(cached);
        else acc.fill(0);
        for (let pass = cached ? 1 : 0; pass < 2; pass++) {
          const fEnd = fo + (pass === 0 ? LOCAL : STRIDE);
          for (let f = fo + (pass === 0 ? 0 : LOCAL); f < fEnd; f++) {
            const h = feats[f];
            if (h === 0) continue;
            let j = h & mask;
            for (;;) {
              const k = tab[j * 3];
              if (k === h) {
                const st = tab[j * 3 + 1];
                const end = st + tab[j * 3 + 2];
                for (let x = st; x < end; x++) { const v = ent[x]; acc[v & 255] += v >> 8; }
                break;
              }
              if (k === 0) break;
              j = (j + 1) & mask;
            }
          }
          if (pass === 0) {
            if (cache.size >= 200_000) cache.clear();
            cache.set(word, acc.slice(0, L));
          }
        }
        const base = i * L;
        for (let y = 0; y < L; y++) em[base + y] = acc[y] * sc;
        em[base] -= this.oPenalty;
      }
      return em;
    }
    const W = this.weights;
    const map = this.featMap;
    em.fill(0, 0, n * L);
    for (let i = 0; i < n; i++) {
      const base = i * L;
      const fo = i * STRIDE;
      for (let f = 0; f < STRIDE; f++) {
        const h = feats[fo + f];
        if (h === 0) continue;
        const r = map.get(h);
        if (r < 0) continue;
        const wo = r * L;
        for (let y = 0; y < L; y++) em[base + y] += W[wo + y];
      }
      em[base] -= this.oPenalty;
    }
    return em;
  }

  /** Viterbi over precomputed emissions; writes label indices into out. */
  viterbi(em: Float32Array, n: number, out: Int32Array): number {
    const L = this.L;
    const T = this.trans;
    const A = this.allowed;
    const delta = this.delta;
    const back = this.back;
    if (n === 0) return 0;
    for (let y = 0; y < L; y++) delta[y] = A[L * L + y] ? em[y] + T[L * L + y] : -Infinity;
    const ps = this.predStart;
    const pl = this.predList;
    for (let i = 1; i < n; i++) {
      const b = i * L;
      const pb = b - L;
      for (let y = 0; y < L; y++) {
        let best = -Infinity;
        let arg = 0;
        const pe = ps[y + 1];
        for (let q = ps[y]; q < pe; q++) {
          const p = pl[q];
          const s = delta[pb + p] + T[p * L + y];
          if (s > best) { best = s; arg = p; }
        }
        delta[b + y] = best + em[b + y];
        back[b + y] = arg;
      }
    }
    let best = -Infinity;
    let arg = 0;
    const lb = (n - 1) * L;
    const endOk = this.endOk;
    for (let y = 0; y < L; y++) if (endOk[y] && delta[lb + y] > best) { best = delta[lb + y]; arg = y; }
    for (let i = n - 1; i >= 0; i--) {
      out[i] = arg;
      if (i > 0) arg = back[i * L + arg];
    }
    return best;
  }

  /** Label indices for one sentence. */
  tagIndices(tokens: ArrayLike<string>, out?: Int32Array, opts?: ExtractOptions): Int32Array {
    const n = tokens.length;
    const res = out && out.length >= n ? out : new Int32Array(n);
    if (n === 0) return res;
    const em = this.emissions(tokens, opts);
    this.viterbi(em, n, res);
    return res;
  }

  tag(tokens: ArrayLike<string>, opts?: ExtractOptions): string[] {
    const idx = this.tagIndices(tokens, undefined, opts);
    const out = new Array<string>(tokens.length);
    for (let i = 0; i < tokens.length; i++) out[i] = this.outLabels[idx[i]];
    return out;
  }

  /**
   * Per-token confidence of the decoded label: softmax over max-marginals (forward max + backward max).
   * Call right after tagIndices on the same sentence (uses its emission and delta buffers).
   */
  confidences(n: number, path: Int32Array, temperature = 1): Float32Array {
    const L = this.L;
    const T = this.trans;
    const A = this.allowed;
    const em = this.em;
    const delta = this.delta;
    const beta = this.beta;
    const out = new Float32Array(n);
    if (n === 0) return out;
    const lb = (n - 1) * L;
    for (let y = 0; y < L; y++) beta[lb + y] = 0;
    for (let i = n - 2; i >= 0; i--) {
      const b = i * L;
      const nb = b + L;
      for (let y = 0; y < L; y++) {
        let best = -Infinity;
        for (let c = 0; c < L; c++) {
          if (!A[y * L + c]) continue;
          const s = T[y * L + c] + em[nb + c] + beta[nb + c];
          if (s > best) best = s;
        }
        beta[b + y] = best;
      }
    }
    for (let i = 0; i < n; i++) {
      const b = i * L;
      let mx = -Infinity;
      for (let y = 0; y < L; y++) { const v = delta[b + y] + beta[b + y]; if (v > mx) mx = v; }
      let z = 0;
      for (let y = 0; y < L; y++) { const v = delta[b + y] + beta[b + y]; if (v > -Infinity) z += Math.exp((v - mx) / temperature); }
      const v = delta[b + path[i]] + beta[b + path[i]];
      out[i] = Math.exp((v - mx) / temperature) / z;
    }
    return out;
  }

  // ---------- serialisation ----------

  serialize(opts: { prune?: number; sharedLex?: boolean } = {}): Buffer {
    const prune = opts.prune ?? 0;
    const L = this.L;
    const W = this.weights;
    const nRows = W.length / L;
    // collect the keys for rows
    const keysByRow = new Uint32Array(nRows);
    const mk = this.featMap.keys;
    const mv = this.featMap.vals;
    for (let i = 0; i < mk.length; i++) if (mk[i] !== 0) keysByRow[mv[i]] = mk[i];
    let maxAbs = 0;
    for (let i = 0; i < W.length; i++) { const a = Math.abs(W[i]); if (a > maxAbs) maxAbs = a; }
    const scale = maxAbs > 0 ? maxAbs / 32767 : 1;
    const keep: number[] = [];
    for (let r = 0; r < nRows; r++) {
      let m = 0;
      for (let y = 0; y < L; y++) { const a = Math.abs(W[r * L + y]); if (a > m) m = a; }
      if (m > prune && Math.round(m / scale) !== 0) keep.push(r);
    }
    keep.sort((a, b) => keysByRow[a] - keysByRow[b]);
    // delta-encode sorted keys (compresses much better than raw hashes)
    const keys = new Uint32Array(keep.length);
    let prev = 0;
    for (let j = 0; j < keep.length; j++) { const k = keysByRow[keep[j]]; keys[j] = (k - prev) >>> 0; prev = k; }
    // label-sparse rows: count per row, label index and int16 value per non-zero weight
    const counts = new Uint8Array(keep.length);
    const labs: number[] = [];
    const vals: number[] = [];
    for (let j = 0; j < keep.length; j++) {
      const r = keep[j];
      for (let y = 0; y < L; y++) {
        const v = W[r * L + y];
        const qv = Math.abs(v) <= prune ? 0 : Math.round(v / scale);
        if (qv === 0) continue;
        labs.push(y);
        vals.push(qv);
        counts[j]++;
      }
    }
    const ld = this.lex.data;
    const enc = new TextEncoder();
    const parts: { name: string; data: Uint8Array }[] = [];
    const add = (name: string, a: ArrayBufferView): void => { parts.push({ name, data: new Uint8Array(a.buffer, a.byteOffset, a.byteLength) }); };
    add('keys', splitBytes(keys));
    add('rowCounts', counts);
    add('labels', Uint8Array.from(labs));
    add('values', splitBytes16(Int16Array.from(vals)));
    add('trans', this.trans);
    if (!opts.sharedLex) {
      add('lexWords', enc.encode(ld.words.join('\n')));
      add('lexCluster', ld.cluster);
      add('lexCluster2', ld.cluster2);
      add('lexFlags', ld.flags);
      add('lexFreq', ld.freq);
      add('lexCap', ld.capRatio);
      add('phrases', enc.encode(ld.phrases.join('\n')));
      add('phraseTypes', ld.phraseTypes);
    }
    const second = this.second ? this.second.serialize({ ...opts, sharedLex: true }) : null;
    if (second) add('second', second);
    const header = {
      format: 'backchannel-ner/2', sharedLex: !!opts.sharedLex, labels: this.labels, meta: this.meta, scale, oPenalty: this.oPenalty, rows: keep.length, branching: ld.branching,
      parts: parts.map((p) => ({ name: p.name, bytes: p.data.byteLength })),
    };
    const hb = enc.encode(JSON.stringify(header));
    const total = 4 + hb.byteLength + parts.reduce((s, p) => s + p.data.byteLength, 0);
    const buf = new Uint8Array(total);
    new DataView(buf.buffer).setUint32(0, hb.byteLength, true);
    buf.set(hb, 4);
    let off = 4 + hb.byteLength;
    for (const p of parts) { buf.set(p.data, off); off += p.data.byteLength; }
    return brotliCompressSync(buf, { params: { [zc.BROTLI_PARAM_QUALITY]: 9, [zc.BROTLI_PARAM_LGWIN]: 24, [zc.BROTLI_PARAM_SIZE_HINT]: buf.byteLength } });
  }

  static deserialize(data: Uint8Array, parentLex?: Lexicon): NerModel {
    const buf = new Uint8Array(brotliDecompressSync(data));
    return NerModel.fromRaw(buf, parentLex);
  }

  private static fromRaw(buf: Uint8Array, parentLex?: Lexicon): NerModel {
    const dv = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    const hl = dv.getUint32(0, true);
    const dec = new TextDecoder();
    const header = JSON.parse(dec.decode(buf.subarray(4, 4 + hl))) as {
      labels: string[]; meta: ModelMeta; scale: number; oPenalty?: number; rows: number; branching: number; parts: { name: string; bytes: number }[];
    };
    const parts = new Map<string, Uint8Array>();
    let off = 4 + hl;
    for (const p of header.parts) { parts.set(p.name, buf.slice(off, off + p.bytes)); off += p.bytes; }
    const view = <T>(name: string, C: { new (b: ArrayBuffer, o: number, l: number): T; BYTES_PER_ELEMENT: number }): T => {
      const b = parts.get(name)!;
      return new C(b.buffer as ArrayBuffer, b.byteOffset, b.byteLength / C.BYTES_PER_ELEMENT);
    };
    const L = header.labels.length;
    const R = header.rows;
    const dkeys = joinBytes(parts.get('keys')!, R);
    const keys = new Uint32Array(R);
    let k = 0;
    for (let j = 0; j < R; j++) { k = (k + dkeys[j]) >>> 0; keys[j] = k; }
    const s = header.scale;
    let entries: Int32Array;
    let starts: Int32Array;
    if (parts.has('rowCounts')) {
      const counts = parts.get('rowCounts')!;
      const labs = parts.get('labels')!;
      const q = joinBytes16(parts.get('values')!, labs.length);
      entries = new Int32Array(labs.length);
      for (let x = 0; x < labs.length; x++) entries[x] = (q[x] << 8) | labs[x];
      starts = new Int32Array(R + 1);
      for (let j = 0; j < R; j++) starts[j + 1] = starts[j] + counts[j];
    } else {
      // format 1: dense label-major int16
      const q = joinBytes16(parts.get('weights')!, R * L);
      const ent: number[] = [];
      starts = new Int32Array(R + 1);
      for (let j = 0; j < R; j++) {
        for (let y = 0; y < L; y++) { const v = q[y * R + j]; if (v !== 0) ent.push((v << 8) | y); }
        starts[j + 1] = ent.length;
      }
      entries = Int32Array.from(ent);
    }
    const trans = Float32Array.from(view('trans', Float32Array));
    let lex: Lexicon;
    if (parentLex && !parts.has('lexWords')) lex = parentLex;
    else {
      const words = dec.decode(parts.get('lexWords')!);
      const phrases = dec.decode(parts.get('phrases')!);
      const lexData: LexiconData = {
        words: words ? words.split('\n') : [],
        cluster: view('lexCluster', Int16Array),
        cluster2: parts.has('lexCluster2') ? view('lexCluster2', Int16Array) : new Int16Array(0),
        flags: view('lexFlags', Uint16Array),
        freq: parts.get('lexFreq')!,
        capRatio: parts.get('lexCap')!,
        branching: header.branching,
        phrases: phrases ? phrases.split('\n') : [],
        phraseTypes: parts.get('phraseTypes')!,
      };
      lex = new Lexicon(lexData);
    }
    const model = new NerModel(header.labels, null, null, trans, lex, header.meta);
    model.oPenalty = header.oPenalty ?? 0;
    model.loadPacked(keys, starts, entries, s);
    const second = parts.get('second');
    if (second) model.second = NerModel.deserialize(second, model.lex);
    return model;
  }
}

/** Byte-plane split of uint32 values (improves compression of deltas). */
function splitBytes(a: Uint32Array): Uint8Array {
  const n = a.length;
  const out = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const v = a[i];
    out[i] = v & 255; out[n + i] = (v >>> 8) & 255; out[2 * n + i] = (v >>> 16) & 255; out[3 * n + i] = v >>> 24;
  }
  return out;
}
function joinBytes(b: Uint8Array, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = (b[i] | (b[n + i] << 8) | (b[2 * n + i] << 16) | (b[3 * n + i] << 24)) >>> 0;
  return out;
}
function splitBytes16(a: Int16Array): Uint8Array {
  const n = a.length;
  const out = new Uint8Array(n * 2);
  for (let i = 0; i < n; i++) { const v = a[i] & 0xffff; out[i] = v & 255; out[n + i] = v >>> 8; }
  return out;
}
function joinBytes16(b: Uint8Array, n: number): Int16Array {
  const out = new Int16Array(n);
  for (let i = 0; i < n; i++) out[i] = (b[i] | (b[n + i] << 8)) << 16 >> 16;
  return out;
}
