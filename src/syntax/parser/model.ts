/**
 * The parser model: two hashed weight tables and the greedy decoder.
 *   moves  — rows of 3 weights (SHIFT, LEFT, RIGHT) per hashed move feature;
 *   arcs   — rows of one weight per label per hashed arc feature (head and dependent of the candidate arc).
 * A labelled move's score is its move score plus, for LEFT and RIGHT, the best label score of the arc it would
 * build; the decoder takes the best valid labelled move (labels are chosen jointly with the move).
 * Features index the tables directly by their low hash bits (no key lookup): collisions cost a little accuracy
 * and save a probe per feature.
 */
import { ARC_FEATURES, MOVE_FEATURES, SentenceAtoms, arcFeatures, moveFeatures, type ParserInput } from './features.js';
import { Configuration, LEFT, MOVES, NONE, RIGHT, SHIFT } from './transitions.js';
import { deprojectivize } from './projectivize.js';

export interface ParserMeta {
  name: string;
  version: string;
  lang: string;
  [k: string]: unknown;
}

export interface Parse {
  heads: Int32Array;
  deprels: string[];
}

export class ParserModel {
  readonly L: number;
  readonly moveMask: number;
  readonly arcMask: number;
  constructor(
    /** Labels, lifted ones ("obj↑xcomp") included. */
    readonly labels: string[],
    readonly moveBits: number,
    readonly arcBits: number,
    readonly moveW: Float32Array,
    readonly arcW: Float32Array,
    public meta: ParserMeta,
  ) {
    this.L = labels.length;
    this.moveMask = (1 << moveBits) - 1;
    this.arcMask = (1 << arcBits) - 1;
    if (moveW.length !== (1 << moveBits) * MOVES) throw new Error('parser model: move table has the wrong size');
    if (arcW.length !== (1 << arcBits) * this.L) throw new Error('parser model: arc table has the wrong size');
  }

  static empty(labels: string[], moveBits: number, arcBits: number, meta: ParserMeta): ParserModel {
    return new ParserModel(labels, moveBits, arcBits, new Float32Array((1 << moveBits) * MOVES), new Float32Array((1 << arcBits) * labels.length), meta);
  }
}

/**
 * Reusable parsing state: the configuration, the atoms, feature and score buffers. One per thread of work;
 * parsing allocates only the output arrays.
 */
export class ParserWorkspace {
  readonly config = new Configuration();
  readonly atoms = new SentenceAtoms();
  readonly moveFeats = new Int32Array(MOVE_FEATURES);
  /** Arc features of the LEFT (index 0) and RIGHT (index 1) candidate arcs. */
  readonly arcFeats = [new Int32Array(ARC_FEATURES), new Int32Array(ARC_FEATURES)];
  readonly moveScores = new Float64Array(MOVES);
  /** Label scores of the LEFT and RIGHT candidate arcs. */
  readonly labelScores: [Float64Array, Float64Array];
  /** Best label of the LEFT and RIGHT candidate arcs (NONE when the move is invalid). */
  readonly bestLabel = new Int32Array(2);

  constructor(readonly model: ParserModel) {
    this.labelScores = [new Float64Array(model.L), new Float64Array(model.L)];
  }

  /** Scores every valid move of the current configuration. Invalid moves score -Infinity. */
  score(): void {
    const m = this.model;
    const c = this.config;
    moveFeatures(c, this.atoms, this.moveFeats);
    const W = m.moveW;
    const mask = m.moveMask;
    let sh = 0, le = 0, ri = 0;
    const f = this.moveFeats;
    for (let i = 0; i < MOVE_FEATURES; i++) {
      const r = (f[i] & mask) * MOVES;
      sh += W[r];
      le += W[r + 1];
      ri += W[r + 2];
    }
    const sc = this.moveScores;
    sc[SHIFT] = c.canShift() ? sh : -Infinity;
    sc[LEFT] = -Infinity;
    sc[RIGHT] = -Infinity;
    this.bestLabel[0] = NONE;
    this.bestLabel[1] = NONE;
    const s0 = c.s(0);
    if (c.canLeft()) sc[LEFT] = le + this.scoreArc(c.b, s0, 0);
    if (c.canRight()) sc[RIGHT] = ri + this.scoreArc(c.s(1), s0, 1);
  }

  /** Label scores of the arc h → d; returns the best one and records its label. */
  private scoreArc(h: number, d: number, dir: number): number {
    const m = this.model;
    const L = m.L;
    const f = this.arcFeats[dir];
    arcFeatures(this.config, this.atoms, h, d, dir, f);
    const out = this.labelScores[dir];
    out.fill(0);
    const W = m.arcW;
    const mask = m.arcMask;
    for (let i = 0; i < ARC_FEATURES; i++) {
      const r = (f[i] & mask) * L;
      for (let l = 0; l < L; l++) out[l] += W[r + l];
    }
    let best = 0;
    for (let l = 1; l < L; l++) if (out[l] > out[best]) best = l;
    this.bestLabel[dir] = best;
    return out[best];
  }

  /** The best valid move after score(). Ties go to the lower move (SHIFT, LEFT, RIGHT). */
  bestMove(): number {
    const sc = this.moveScores;
    let best = SHIFT;
    for (let m = 1; m < MOVES; m++) if (sc[m] > sc[best]) best = m;
    return best;
  }

  /** The label the move would attach with (NONE for SHIFT). */
  labelOf(move: number): number {
    return move === SHIFT ? NONE : this.bestLabel[move === LEFT ? 0 : 1];
  }

  /** Greedy parse of one sentence. Lifted labels are resolved (deprojectivized) before returning. */
  parse(input: ParserInput): Parse {
    const n = input.forms.length;
    const c = this.config;
    this.atoms.load(input);
    c.reset(n);
    while (!c.isTerminal()) {
      this.score();
      const move = this.bestMove();
      c.apply(move, this.labelOf(move));
    }
    const heads = new Int32Array(n);
    const deprels = new Array<string>(n);
    const labels = this.model.labels;
    for (let i = 0; i < n; i++) {
      heads[i] = c.heads[i + 1];
      deprels[i] = labels[c.labels[i + 1]];
    }
    deprojectivize(heads, deprels);
    return { heads, deprels };
  }
}
