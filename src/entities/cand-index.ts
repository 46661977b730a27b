/** Token-indexed lookup of candidate mentions (by first and by last token), rebuilt when the set changes. */
import type { Cand } from './context.js';

export class CandIndex {
  readonly byStart: (Cand[] | undefined)[];
  readonly byEnd: (Cand[] | undefined)[];
  /** 1 where a token is covered by a name-like candidate (not a demonym). */
  readonly covered: Uint8Array;
  /** 1 where a whole token is part of a name (not just a compound's first part: "EU" in "EU-Kommissarin"). */
  readonly coveredWhole: Uint8Array;

  constructor(n: number, cands: Cand[]) {
    this.byStart = new Array(n);
    this.byEnd = new Array(n);
    this.covered = new Uint8Array(n);
    this.coveredWhole = new Uint8Array(n);
    for (const c of cands) this.add(c);
  }

  add(c: Cand): void {
    (this.byStart[c.tokenStart] ??= []).push(c);
    (this.byEnd[c.tokenEnd - 1] ??= []).push(c);
    if (c.kind !== 'demonym') for (let t = c.tokenStart; t < c.tokenEnd; t++) this.covered[t] = 1;
    if (c.kind !== 'demonym' && c.kind !== 'compound' && c.kind !== 'description' && c.kind !== 'pronoun') for (let t = c.tokenStart; t < c.tokenEnd; t++) this.coveredWhole[t] = 1;
  }

  /** The longest candidate starting at token t that spans whole tokens, preferring name-like ones. */
  startingAt(t: number, pred: (c: Cand) => boolean = () => true): Cand | null {
    const arr = this.byStart[t];
    if (!arr) return null;
    let best: Cand | null = null;
    for (const c of arr) if (pred(c) && (!best || c.end - c.start > best.end - best.start)) best = c;
    return best;
  }

  /** The longest candidate ending at token t. */
  endingAt(t: number, pred: (c: Cand) => boolean = () => true): Cand | null {
    const arr = this.byEnd[t];
    if (!arr) return null;
    let best: Cand | null = null;
    for (const c of arr) if (pred(c) && (!best || c.end - c.start > best.end - best.start)) best = c;
    return best;
  }
}
