/**
 * Weight rows for multi-class averaged perceptrons keyed by hashed features. Each key owns a row whose width is
 * the number of classes of its task (UPOS, the FEATS classes of one UPOS, the lemma rules of one UPOS).
 * `TrainWeights` keeps the running sums for averaging lazily (per weight: total and last-update time);
 * `FrozenWeights` is the read-only, averaged result used for tagging and saving.
 */
import { U32Map } from '../../util/hash.js';

export interface WeightReader {
  /** Row offset of `key` or -1. */
  row(key: number): number;
  readonly w: Float32Array;
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

export class FrozenWeights implements WeightReader {
  /**
   * Open addressing with key and row offset side by side ([key, offset] pairs), so a lookup touches one cache
   * line rather than two: tagging time is mostly these lookups.
   */
  private table: Uint32Array;
  private mask: number;
  constructor(readonly keys: Uint32Array, readonly offs: Int32Array, readonly w: Float32Array) {
    let slots = 16;
    while (slots < keys.length * 2) slots <<= 1;
    this.table = new Uint32Array(slots * 2);
    this.mask = slots - 1;
    for (let r = 0; r < keys.length; r++) {
      const k = keys[r] >>> 0 || 1;
      let i = k & this.mask;
      while (this.table[i * 2] !== 0 && this.table[i * 2] !== k) i = (i + 1) & this.mask;
      this.table[i * 2] = k;
      this.table[i * 2 + 1] = offs[r];
    }
  }
  static fromRows(keys: Uint32Array, offs: Int32Array, w: Float32Array): FrozenWeights {
    return new FrozenWeights(keys, offs, w);
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
}
