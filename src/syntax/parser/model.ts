/**
 * The parser model: two hashed weight tables and the greedy decoder.
 *   moves  — rows of 3 weights (SHIFT, LEFT, RIGHT) per hashed move feature;
 *   arcs   — per direction (LEFT, RIGHT), rows of one weight per label seen in that direction per hashed arc
 *            feature (head and dependent of the candidate arc).
 * A labelled move's score is its move score plus, for LEFT and RIGHT, the best label score of the arc it would
 * build; the decoder takes the best valid labelled move (labels are chosen jointly with the move). A finished
 * model's label-score bounds (./arc-bounds.ts) let it skip the label scoring of a move that cannot win.
 * Features index the tables directly by their low hash bits (no key lookup): collisions cost a little accuracy
 * and save a probe per feature.
 */
import {
  ARC_FEATURES, MAX_ROLE_FEATURES, MOVE_FEATURES, ROLES, SentenceAtoms, arcCount, arcFeatures, contextCount, contextFeatures, featureLevel, hasAmbiguity, hasClusters, moveCount, moveFeatures,
  roleFeatures, roleSlots, type ParserInput,
} from './features.js';
import { Configuration, LEFT, MOVES, NONE, RIGHT, SHIFT } from './transitions.js';
import { deprojectivize } from './projectivize.js';
import type { ArcBounds, ArcBoundsRecorder } from './arc-bounds.js';
import type { WordClasses } from '../tagger/word-classes.js';

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

/**
 * An arc table with only its non-zero weights: row r's entries are starts[r]..starts[r+1] (column, weight).
 * Most hashed features have weights for a few labels only, so scoring visits far fewer weights than a dense row.
 */
export interface SparseTable {
  starts: Int32Array;
  cols: Uint16Array;
  vals: Float32Array;
}

/**
 * Run-time form of a sparse table with int16 weights: column and weight in one int32 (column << 16 | weight),
 * so a row's entries cost one memory access instead of two.
 */
export function packSparse(t: SparseTable, scale: number): Int32Array {
  const packed = new Int32Array(t.vals.length);
  for (let k = 0; k < packed.length; k++) packed[k] = (t.cols[k] << 16) | (Math.round(t.vals[k] / scale) & 0xffff);
  return packed;
}

/** The non-zero entries of a dense table of `width` columns. */
export function sparsify(w: Float32Array, width: number): SparseTable {
  const rows = width ? w.length / width : 0;
  let nnz = 0;
  for (let i = 0; i < w.length; i++) if (w[i] !== 0) nnz++;
  const starts = new Int32Array(rows + 1);
  const cols = new Uint16Array(nnz);
  const vals = new Float32Array(nnz);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    starts[r] = k;
    for (let c = 0; c < width; c++) {
      const v = w[r * width + c];
      if (v !== 0) { cols[k] = c; vals[k++] = v; }
    }
  }
  starts[rows] = k;
  return { starts, cols, vals };
}

export class ParserModel {
  readonly L: number;
  /** The arc tables in sparse form once training has ended (see quantize); scoring then uses them. */
  arcSparse: [SparseTable, SparseTable] | null = null;
  /** Packed entries of the sparse arc tables (packSparse) and the scale of their int16 weights. */
  arcPacked: [Int32Array, Int32Array] | null = null;
  arcScale = 1;
  /**
   * The move table as int16 in rows of 4 (SHIFT, LEFT, RIGHT, unused) once training has ended, with its scale:
   * half the memory of the float rows and no row across a cache line, which is what move scoring waits on.
   */
  moveQ: Int16Array | null = null;
  moveScale = 1;
  readonly moveMask: number;
  readonly arcMask: number;
  /** Per direction: global label id -> column of that direction's arc table (-1: never seen that way). */
  readonly columnOf: [Int32Array, Int32Array];
  /** Bounds of the best label score per tag pair (./arc-bounds.ts), measured once training has ended. */
  arcBounds: ArcBounds | null = null;
  /** Word classes (clusters) of the word forms, read by level-3 templates; stored in the model file. */
  classes: WordClasses | null = null;
  /** Template level of meta.features (features.ts) and its template counts. */
  readonly level: number;
  readonly nMove: number;
  readonly nArc: number;
  readonly nContext: number;
  constructor(
    /** Labels, lifted ones ("obj↑xcomp") included. */
    readonly labels: string[],
    /** Per direction (0 = LEFT, 1 = RIGHT): the global label id of each column of the arc table. */
    readonly dirLabels: [Int32Array, Int32Array],
    readonly moveBits: number,
    readonly arcBits: number,
    readonly moveW: Float32Array,
    readonly arcW: [Float32Array, Float32Array],
    public meta: ParserMeta,
  ) {
    this.L = labels.length;
    this.level = featureLevel(meta.features);
    this.nMove = moveCount(this.level);
    this.nArc = arcCount(this.level);
    this.nContext = contextCount(this.level);
    this.moveMask = (1 << moveBits) - 1;
    this.arcMask = (1 << arcBits) - 1;
    if (moveW.length !== (1 << moveBits) * MOVES) throw new Error('parser model: move table has the wrong size');
    const columnOf = (dir: number) => {
      const c = new Int32Array(this.L).fill(-1);
      dirLabels[dir].forEach((g, k) => { c[g] = k; });
      if (arcW[dir].length !== 0 && arcW[dir].length !== (1 << arcBits) * dirLabels[dir].length) throw new Error('parser model: arc table has the wrong size');
      return c;
    };
    this.columnOf = [columnOf(0), columnOf(1)];
  }

  /** Installs the sparse arc tables of a finished model, whose weights are int16 values times `scale`. */
  setSparseArcs(tables: [SparseTable, SparseTable], scale: number): void {
    this.arcSparse = tables;
    this.arcPacked = [packSparse(tables[0], scale), packSparse(tables[1], scale)];
    this.arcScale = scale;
  }

  static empty(labels: string[], dirLabels: [Int32Array, Int32Array], moveBits: number, arcBits: number, meta: ParserMeta): ParserModel {
    const rows = 1 << arcBits;
    return new ParserModel(labels, dirLabels, moveBits, arcBits, new Float32Array((1 << moveBits) * MOVES),
      [new Float32Array(rows * dirLabels[0].length), new Float32Array(rows * dirLabels[1].length)], meta);
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
  /** Label scores of the LEFT and RIGHT candidate arcs, by column of that direction's table (in int16 units for a quantised model). */
  readonly labelScores: [Float64Array, Float64Array];
  /** Best column of the LEFT and RIGHT candidate arcs (NONE when the move is invalid). */
  readonly bestLabel = new Int32Array(2);

  /**
   * Run-time cache of the single-word move templates: per (role, word slot), the summed int16 move weights, valid
   * while roleStamp equals the sentence's stamp. A word keeps its role for several moves, so this saves most of the
   * table lookups of those 23 templates.
   */
  private roleSums = new Int32Array(0);
  private roleStamp = new Int32Array(0);
  private stamp = 0;
  private readonly slots = new Int32Array(ROLES);
  private readonly roleFeats = new Int32Array(MAX_ROLE_FEATURES);
  /** Skip label scoring where the model's arc bounds show it cannot change the move (off to compare, and to measure bounds). */
  pruneArcs = true;
  /** When set, receives the best label score of every arc scored (to measure bounds). */
  recorder: ArcBoundsRecorder | null = null;

  constructor(readonly model: ParserModel) {
    this.labelScores = [new Float64Array(model.dirLabels[0].length), new Float64Array(model.dirLabels[1].length)];
    this.atoms.ambiguity = hasAmbiguity(model.level);
    if (hasClusters(model.level)) {
      if (!model.classes) throw new Error(`parser model: template set ${String(model.meta.features)} needs word classes, and the model has none`);
      this.atoms.classes = model.classes;
    }
  }

  /** Scores every valid move of the current configuration. Invalid moves score -Infinity. */
  score(): void {
    const m = this.model;
    const c = this.config;
    const mask = m.moveMask;
    let sh = 0, le = 0, ri = 0;
    const f = this.moveFeats;
    const Q = m.moveQ;
    if (Q) {
      // Quantised model: context templates looked up, single-word templates from the per-word cache.
      contextFeatures(c, this.atoms, f, 0, m.level);
      for (let i = 0, k = m.nContext; i < k; i++) {
        const r = (f[i] & mask) << 2;
        sh += Q[r];
        le += Q[r + 1];
        ri += Q[r + 2];
      }
      roleSlots(c, this.slots);
      const stride = c.n + 2;
      for (let role = 0; role < ROLES; role++) {
        const key = role * stride + this.slots[role];
        if (this.roleStamp[key] !== this.stamp) this.fillRole(role, key);
        sh += this.roleSums[key * 3];
        le += this.roleSums[key * 3 + 1];
        ri += this.roleSums[key * 3 + 2];
      }
      sh *= m.moveScale;
      le *= m.moveScale;
      ri *= m.moveScale;
    } else {
      moveFeatures(c, this.atoms, f, m.level);
      const W = m.moveW;
      for (let i = 0, k = m.nMove; i < k; i++) {
        const r = (f[i] & mask) * MOVES;
        sh += W[r];
        le += W[r + 1];
        ri += W[r + 2];
      }
    }
    const sc = this.moveScores;
    sc[SHIFT] = c.canShift() ? sh : -Infinity;
    sc[LEFT] = -Infinity;
    sc[RIGHT] = -Infinity;
    this.bestLabel[0] = NONE;
    this.bestLabel[1] = NONE;
    const s0 = c.s(0);
    const s1 = c.s(1);
    const canLeft = c.canLeft();
    const canRight = c.canRight();
    const bounds = this.pruneArcs ? m.arcBounds : null;
    if (!bounds) {
      if (canLeft) sc[LEFT] = le + this.scoreArc(c.b, s0, 0);
      if (canRight) sc[RIGHT] = ri + this.scoreArc(s1, s0, 1);
      return;
    }
    // The more promising arc first; an arc whose move score plus label bound cannot reach the best score so far
    // cannot be the best move, so its labels are not scored (it stays -Infinity).
    const P = this.atoms.pos;
    const hiLeft = canLeft ? le + bounds.bound(0, P[c.b], P[s0]) : -Infinity;
    const hiRight = canRight ? ri + bounds.bound(1, P[s1], P[s0]) : -Infinity;
    let best = sc[SHIFT];
    if (hiLeft >= hiRight) {
      if (canLeft && hiLeft >= best) best = Math.max(best, (sc[LEFT] = le + this.scoreArc(c.b, s0, 0)));
      if (canRight && hiRight >= best) sc[RIGHT] = ri + this.scoreArc(s1, s0, 1);
    } else {
      if (canRight && hiRight >= best) best = Math.max(best, (sc[RIGHT] = ri + this.scoreArc(s1, s0, 1)));
      if (canLeft && hiLeft >= best) sc[LEFT] = le + this.scoreArc(c.b, s0, 0);
    }
  }

  /** Sums the int16 move weights of one role's single-word templates for the word in its slot. */
  private fillRole(role: number, key: number): void {
    const m = this.model;
    const Q = m.moveQ!;
    const mask = m.moveMask;
    const k = roleFeatures(role, this.slots[role], this.atoms, this.roleFeats, 0, m.level);
    let sh = 0, le = 0, ri = 0;
    for (let i = 0; i < k; i++) {
      const r = (this.roleFeats[i] & mask) << 2;
      sh += Q[r];
      le += Q[r + 1];
      ri += Q[r + 2];
    }
    this.roleSums[key * 3] = sh;
    this.roleSums[key * 3 + 1] = le;
    this.roleSums[key * 3 + 2] = ri;
    this.roleStamp[key] = this.stamp;
  }

  /** Starts a sentence of n words: a fresh stamp invalidates the role cache without clearing it. */
  private startSentence(n: number): void {
    const need = ROLES * (n + 2);
    if (this.roleStamp.length < need) {
      this.roleStamp = new Int32Array(need * 2);
      this.roleSums = new Int32Array(need * 6);
    }
    this.stamp = (this.stamp + 1) | 0 || 1;
  }

  /** Label scores of the arc h → d; returns the best one and records its label. */
  private scoreArc(h: number, d: number, dir: number): number {
    const m = this.model;
    const L = m.dirLabels[dir].length;
    const f = this.arcFeats[dir];
    arcFeatures(this.config, this.atoms, h, d, dir, f, m.level);
    const nArc = m.nArc;
    const out = this.labelScores[dir];
    out.fill(0);
    const mask = m.arcMask;
    let scale = 1;
    if (m.arcSparse && m.arcPacked) {
      // Integer sums of the int16 weights, scaled once below.
      const starts = m.arcSparse[dir].starts;
      const packed = m.arcPacked[dir];
      for (let i = 0; i < nArc; i++) {
        const r = f[i] & mask;
        for (let k = starts[r], end = starts[r + 1]; k < end; k++) {
          const e = packed[k];
          out[e >>> 16] += (e << 16) >> 16;
        }
      }
      scale = m.arcScale;
    } else {
      const W = m.arcW[dir];
      for (let i = 0; i < nArc; i++) {
        const r = (f[i] & mask) * L;
        for (let l = 0; l < L; l++) out[l] += W[r + l];
      }
    }
    let best = 0;
    for (let l = 1; l < L; l++) if (out[l] > out[best]) best = l;
    if (L === 0) return -Infinity;
    this.bestLabel[dir] = best;
    this.recorder?.arc(dir, h, d, out[best] * scale);
    return out[best] * scale;
  }

  /** The best valid move after score(). Ties go to the lower move (SHIFT, LEFT, RIGHT). */
  bestMove(): number {
    const sc = this.moveScores;
    let best = SHIFT;
    for (let m = 1; m < MOVES; m++) if (sc[m] > sc[best]) best = m;
    return best;
  }

  /** The (global) label the move would attach with (NONE for SHIFT). */
  labelOf(move: number): number {
    if (move === SHIFT) return NONE;
    const dir = move === LEFT ? 0 : 1;
    return this.model.dirLabels[dir][this.bestLabel[dir]];
  }

  /** Greedy parse of one sentence. Lifted labels are resolved (deprojectivized) before returning. */
  parse(input: ParserInput): Parse {
    const n = input.forms.length;
    const c = this.config;
    this.atoms.load(input);
    c.reset(n);
    this.startSentence(n);
    this.recorder?.sentence(input);
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
