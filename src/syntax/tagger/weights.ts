/**
 * Weight rows for multi-class averaged perceptrons keyed by hashed features. Each key owns a row whose width is
 * the number of classes of its task (UPOS, the FEATS classes of one UPOS, the lemma rules of one UPOS).
 * `TrainWeights` keeps the running sums for averaging lazily (per weight: total and last-update time);
 * `FrozenWeights` is the read-only, averaged result used for tagging and saving: int16 weights in sparse rows.
 */
import { U32Map } from '../../util/hash.js';

export interface WeightReader {
  /** The row of `key` (a handle for addRow/addColumns) or -1. */
  row(key: number): number;
  /** Adds row r (of `width` classes) into out[at..at+width). */
  addRow(r: number, out: Float32Array | Float64Array, at: number, width: number): void;
  /** Adds the columns of row r that `position` maps (column -> index, -1 for the others) into out[index]. */
  addColumns(r: number, position: Int32Array, out: Float32Array | Float64Array): void;
}

export class TrainWeights implements WeightReader {
  private map = new U32Map(1 << 18);
  private offsets: number[] = [];
  private widths: number[] = [];
  private keys: number[] = [];
  w = new Float32Array(1 << 20);
  private total = new Float64Array(1 << 20);
  private stamp = new Int32Array(1 << 20);
  private used = 0;

  row(key: number): number {
    const r = this.map.get(key);
    return r < 0 ? -1 : this.offsets[r];
  }

  addRow(off: number, out: Float32Array | Float64Array, at: number, width: number): void {
    const W = this.w;
    for (let c = 0; c < width; c++) out[at + c] += W[off + c];
  }

  addColumns(off: number, position: Int32Array, out: Float32Array | Float64Array): void {
    const W = this.w;
    for (let c = 0; c < position.length; c++) if (position[c] >= 0) out[position[c]] += W[off + c];
  }

  /** Row offset of key, creating a zero row of `width` weights when absent. */
  ensure(key: number, width: number): number {
    const before = this.map.size;
    const r = this.map.intern(key);
    if (r < before) return this.offsets[r];
    if (this.used + width > this.w.length) this.grow(this.used + width);
    this.offsets.push(this.used);
    this.widths.push(width);
    this.keys.push(key >>> 0 || 1);
    this.used += width;
    return this.offsets[r];
  }

  private grow(need: number): void {
    let cap = this.w.length;
    while (cap < need) cap *= 2;
    const w = new Float32Array(cap); w.set(this.w); this.w = w;
    const t = new Float64Array(cap); t.set(this.total); this.total = t;
    const s = new Int32Array(cap); s.set(this.stamp); this.stamp = s;
  }

  /** w[off] += delta at time `now` (averaging bookkeeping first). */
  add(off: number, delta: number, now: number): void {
    this.total[off] += (now - this.stamp[off]) * this.w[off];
    this.stamp[off] = now;
    this.w[off] += delta;
  }

  /** Averaged weights; rows whose weights all round to zero are dropped. */
  freeze(now: number, minAbs = 1e-4): FrozenWeights {
    const keys: number[] = [];
    const offs: number[] = [0];
    const vals: number[] = [];
    for (let r = 0; r < this.offsets.length; r++) {
      const o = this.offsets[r];
      const width = this.widths[r];
      const row = new Float32Array(width);
      let keep = false;
      for (let c = 0; c < width; c++) {
        const total = this.total[o + c] + (now - this.stamp[o + c]) * this.w[o + c];
        const avg = now > 0 ? total / now : this.w[o + c];
        row[c] = Math.abs(avg) < minAbs ? 0 : avg;
        if (row[c] !== 0) keep = true;
      }
      if (!keep) continue;
      keys.push(this.keys[r]);
      for (let c = 0; c < width; c++) vals.push(row[c]);
      offs.push(vals.length);
    }
    return FrozenWeights.fromRows(Uint32Array.from(keys), Int32Array.from(offs), Float32Array.from(vals));
  }
}

const INT16_MAX = 32767;

/**
 * The frozen weights: int16 values (times `scale`) in sparse rows, each entry one int32 (column << 16 | value).
 * Averaged perceptron rows are mostly zeros (over 90 % of the dense weights round to zero: a FEATS or lemma row
 * has a class per FEATS string or edit rule, and a feature is updated for a few of them), so the sparse rows take
 * a tenth of the memory of the dense float rows and tagging touches far fewer cache lines. Scores are sums of
 * integers (in int16 units): exact, so the cached and the plain scoring paths agree to the last bit.
 */
export class FrozenWeights implements WeightReader {
  /**
   * Open addressing with key and row index side by side ([key, row] pairs), so a lookup touches one cache
   * line rather than two.
   */
  private table: Uint32Array;
  private mask: number;
  constructor(readonly keys: Uint32Array, readonly starts: Int32Array, readonly packed: Int32Array, readonly scale: number) {
    // Load factor at most 2/3: lookups of absent keys (most context atoms) stay within a cache line or two, and the
    // table is half the size it was at 1/2 (it is larger than the weights themselves).
    let slots = 16;
    while (slots * 2 < keys.length * 3) slots <<= 1;
    this.table = new Uint32Array(slots * 2);
    this.mask = slots - 1;
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r] >>> 0 || 1;
      let i = k & this.mask;
      while (this.table[i * 2] !== 0 && this.table[i * 2] !== k) i = (i + 1) & this.mask;
      this.table[i * 2] = k;
      this.table[i * 2 + 1] = r;
    }
  }

  /** Quantises dense float rows (row r = vals[offs[r]..offs[r+1])) to int16 with one scale; zero rows are dropped. */
  static fromRows(keys: Uint32Array, offs: Int32Array, vals: Float32Array): FrozenWeights {
    let max = 0;
    for (let i = 0; i < vals.length; i++) max = Math.max(max, Math.abs(vals[i]));
    const scale = max > 0 ? max / INT16_MAX : 1;
    const keep: number[] = [];
    const starts: number[] = [0];
    const packed: number[] = [];
    for (let r = 0; r < keys.length; r++) {
      for (let o = offs[r]; o < offs[r + 1]; o++) {
        const q = Math.round(vals[o] / scale);
        if (q !== 0) packed.push(((o - offs[r]) << 16) | (q & 0xffff));
      }
      if (packed.length === starts[starts.length - 1]) continue;
      keep.push(keys[r]);
      starts.push(packed.length);
    }
    return new FrozenWeights(Uint32Array.from(keep), Int32Array.from(starts), Int32Array.from(packed), scale);
  }

  row(key: number): number {
    const k = key >>> 0 || 1;
    const t = this.table;
    let i = k & this.mask;
    for (;;) {
      const x = t[i * 2];
      if (x === k) return t[i * 2 + 1];
      if (x === 0) return -1;
      i = (i + 1) & this.mask;
    }
  }

  addRow(r: number, out: Float32Array | Float64Array, at: number): void {
    const P = this.packed;
    for (let e = this.starts[r], end = this.starts[r + 1]; e < end; e++) {
      const v = P[e];
      out[at + (v >>> 16)] += (v << 16) >> 16;
    }
  }

  addColumns(r: number, position: Int32Array, out: Float32Array | Float64Array): void {
    const P = this.packed;
    for (let e = this.starts[r], end = this.starts[r + 1]; e < end; e++) {
      const v = P[e];
      const j = position[v >>> 16];
      if (j >= 0) out[j] += (v << 16) >> 16;
    }
  }
}
