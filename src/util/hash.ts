/** Small, allocation-free 32-bit hashing helpers (feature hashing, MinHash). */

/** murmur3 finalizer: a good avalanche over 32 bits. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combine two 32-bit values into one hash. */
export function mix(a: number, b: number): number {
  return fmix((Math.imul(a ^ 0x27d4eb2d, 0x9e3779b1) + b) | 0);
}

/** FNV-1a over UTF-16 code units, finalized. */
export function hashStr(s: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Hash of s[from, to) without allocating a substring. */
export function hashRange(s: string, from: number, to: number, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) | 0;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** Deterministic PRNG (mulberry32). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Open-addressing map from non-zero uint32 keys to dense int ids (insertion order).
 * Used to index features during training and at run time.
 */
export class U32Map {
  keys: Uint32Array;
  vals: Int32Array;
  size = 0;
  private mask: number;
  constructor(capacity = 1 << 16) {
    let cap = 16;
    while (cap < capacity * 2) cap <<= 1;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
  }
  get(key: number): number {
    const k = key >>> 0 || 1;
    const keys = this.keys;
    const mask = this.mask;
    let i = k & mask;
    for (;;) {
      const x = keys[i];
      if (x === k) return this.vals[i];
      if (x === 0) return -1;
      i = (i + 1) & mask;
    }
  }
  /** Returns the id of key, inserting it with the next id when absent. */
  intern(key: number): number {
    const k = key >>> 0 || 1;
    let i = k & this.mask;
    for (;;) {
      const x = this.keys[i];
      if (x === k) return this.vals[i];
      if (x === 0) break;
      i = (i + 1) & this.mask;
    }
    const id = this.size++;
    this.keys[i] = k;
    this.vals[i] = id;
    if (this.size * 2 > this.keys.length) this.grow();
    return id;
  }
  /** Insert with an explicit value. */
  set(key: number, val: number): void {
    const k = key >>> 0 || 1;
    let i = k & this.mask;
    for (;;) {
      const x = this.keys[i];
      if (x === k) { this.vals[i] = val; return; }
      if (x === 0) break;
      i = (i + 1) & this.mask;
    }
    this.keys[i] = k;
    this.vals[i] = val;
    this.size++;
    if (this.size * 2 > this.keys.length) this.grow();
  }
  private grow(): void {
    const oldK = this.keys;
    const oldV = this.vals;
    const cap = oldK.length * 2;
    this.keys = new Uint32Array(cap);
    this.vals = new Int32Array(cap);
    this.mask = cap - 1;
    for (let j = 0; j < oldK.length; j++) {
      const k = oldK[j];
      if (k === 0) continue;
      let i = k & this.mask;
      while (this.keys[i] !== 0) i = (i + 1) & this.mask;
      this.keys[i] = k;
      this.vals[i] = oldV[j];
    }
  }
}

/** Index of `h` in an ascending array of hashes, or -1 (binary search: the lookup of hashed word tables). */
export function sortedIndexOf(a: Uint32Array, h: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = a[mid]!;
    if (v < h) lo = mid + 1;
    else if (v > h) hi = mid - 1;
    else return mid;
  }
  return -1;
}
