/**
 * The arc-hybrid transition system (Kuhlmann et al. 2011) with the artificial root at the bottom of the stack.
 *
 * Words are 1..n, 0 is the root. A configuration is a stack (root first), a buffer front `b` (the buffer is
 * always the contiguous range b..n) and the arcs built so far. Three moves:
 *   SHIFT  push b;
 *   LEFT   attach s0 to b as a left dependent and pop it;
 *   RIGHT  attach s0 to s1 as a right dependent and pop it.
 * RIGHT onto the root is allowed only once the buffer is empty, so every parse has exactly one root word.
 *
 * Everything lives in preallocated typed arrays: parsing a sentence allocates nothing once `reset` has grown
 * the arrays to the longest sentence seen.
 */

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const MOVES = 3;
export const MOVE_NAMES = ['SHIFT', 'LEFT', 'RIGHT'] as const;

/** Marks "no such word" in child slots and stack lookups. */
export const NONE = -1;

export class Configuration {
  n = 0;
  stack = new Int32Array(64);
  depth = 0;
  /** Buffer front (1-based word index); n + 1 when the buffer is empty. */
  b = 1;
  heads = new Int32Array(64);
  labels = new Int32Array(64);
  /** Leftmost and second-leftmost, rightmost and second-rightmost dependents, per node (root included). */
  lc1 = new Int32Array(64);
  lc2 = new Int32Array(64);
  rc1 = new Int32Array(64);
  rc2 = new Int32Array(64);
  nLeft = new Int32Array(64);
  nRight = new Int32Array(64);
  /** Label sets of the left and right dependents per node: bit (label mod 31) set for each (Zhang & Nivre 2011). */
  leftSet = new Int32Array(64);
  rightSet = new Int32Array(64);

  reset(n: number): void {
    if (this.heads.length < n + 2) this.grow(n + 2);
    this.n = n;
    this.depth = 1;
    this.stack[0] = 0;
    this.b = 1;
    for (let i = 0; i <= n; i++) {
      this.heads[i] = NONE;
      this.labels[i] = NONE;
      this.lc1[i] = NONE;
      this.lc2[i] = NONE;
      this.rc1[i] = NONE;
      this.rc2[i] = NONE;
      this.nLeft[i] = 0;
      this.nRight[i] = 0;
      this.leftSet[i] = 0;
      this.rightSet[i] = 0;
    }
  }

  private grow(size: number): void {
    let cap = this.heads.length;
    while (cap < size) cap *= 2;
    this.stack = new Int32Array(cap);
    this.heads = new Int32Array(cap);
    this.labels = new Int32Array(cap);
    this.lc1 = new Int32Array(cap);
    this.lc2 = new Int32Array(cap);
    this.rc1 = new Int32Array(cap);
    this.rc2 = new Int32Array(cap);
    this.nLeft = new Int32Array(cap);
    this.nRight = new Int32Array(cap);
    this.leftSet = new Int32Array(cap);
    this.rightSet = new Int32Array(cap);
  }

  /** The i-th stack element from the top (0 = s0), or NONE. */
  s(i: number): number {
    return i < this.depth ? this.stack[this.depth - 1 - i] : NONE;
  }

  /** The i-th buffer word (0 = b0), or NONE. */
  buf(i: number): number {
    const w = this.b + i;
    return w <= this.n ? w : NONE;
  }

  isTerminal(): boolean {
    return this.b > this.n && this.depth === 1;
  }

  canShift(): boolean {
    return this.b <= this.n;
  }

  canLeft(): boolean {
    return this.depth > 1 && this.b <= this.n;
  }

  canRight(): boolean {
    return this.depth > 2 || (this.depth === 2 && this.b > this.n);
  }

  isValid(move: number): boolean {
    return move === SHIFT ? this.canShift() : move === LEFT ? this.canLeft() : this.canRight();
  }

  apply(move: number, label: number): void {
    if (move === SHIFT) {
      this.stack[this.depth++] = this.b++;
      return;
    }
    const d = this.stack[--this.depth];
    if (move === LEFT) this.attach(this.b, d, label);
    else this.attach(this.stack[this.depth - 1], d, label);
  }

  private attach(h: number, d: number, label: number): void {
    this.heads[d] = h;
    this.labels[d] = label;
    if (d < h) {
      // LEFT adds dependents right to left: the newest is the leftmost.
      this.lc2[h] = this.lc1[h];
      this.lc1[h] = d;
      this.nLeft[h]++;
      this.leftSet[h] |= 1 << (label % 31);
    } else {
      // RIGHT adds dependents left to right: the newest is the rightmost.
      this.rc2[h] = this.rc1[h];
      this.rc1[h] = d;
      this.nRight[h]++;
      this.rightSet[h] |= 1 << (label % 31);
    }
  }
}

/**
 * Dynamic oracle: how many gold arcs become unreachable by each move (Goldberg & Nivre 2013, arc-hybrid).
 * The arc-hybrid system is arc-decomposable, so these counts are exact. `gold[d]` is the gold head of word d
 * (index 0 unused). Writes costs into `out` (Infinity for invalid moves).
 */
export function moveCosts(c: Configuration, gold: Int32Array, out: Float64Array): void {
  const n = c.n;
  const b = c.b;
  const s0 = c.s(0);
  const s1 = c.s(1);
  out[SHIFT] = Infinity;
  out[LEFT] = Infinity;
  out[RIGHT] = Infinity;
  // Dependents of s0 still in the buffer are lost by either reduction.
  let s0DepsInBuffer = 0;
  if (c.depth > 1) for (let k = b; k <= n; k++) if (gold[k] === s0) s0DepsInBuffer++;
  if (c.canLeft()) {
    const h = gold[s0];
    const lostHead = h === s1 || (h > b && h <= n) ? 1 : 0;
    out[LEFT] = lostHead + s0DepsInBuffer;
  }
  if (c.canRight()) {
    const h = gold[s0];
    const lostHead = h >= b && h <= n ? 1 : 0;
    out[RIGHT] = lostHead + s0DepsInBuffer;
  }
  if (c.canShift()) {
    let cost = 0;
    const hb = gold[b];
    // b's head deeper in the stack than s0 can no longer be reached; neither can stack words headed by b.
    for (let i = 0; i < c.depth; i++) {
      const k = c.stack[i];
      if (k !== s0 && k === hb) cost++;
      if (k !== 0 && gold[k] === b) cost++;
    }
    out[SHIFT] = cost;
  }
}

/**
 * Static oracle for a projective tree: LEFT or RIGHT as soon as s0 has its gold head there and no gold
 * dependents left in the buffer, SHIFT otherwise. Returns the move; the label is gold's.
 */
export function staticMove(c: Configuration, gold: Int32Array): number {
  const s0 = c.s(0);
  if (c.depth > 1) {
    let pending = false;
    for (let k = c.b; k <= c.n; k++) if (gold[k] === s0) { pending = true; break; }
    if (!pending) {
      if (c.canLeft() && gold[s0] === c.b) return LEFT;
      if (c.canRight() && gold[s0] === c.s(1)) return RIGHT;
    }
  }
  return SHIFT;
}
