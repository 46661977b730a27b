/**
 * Training: an averaged perceptron over the greedy parser's own decisions, with the arc-hybrid dynamic oracle
 * (Goldberg & Nivre 2012, 2013). At each configuration the best-scoring labelled move is compared with the
 * best-scoring zero-cost one; on a mistake both are updated. From `exploreFrom` on, the parser follows its own
 * (possibly wrong) prediction with probability `explore`, so it learns to recover from its mistakes.
 */
import { mulberry32 } from '../../util/hash.js';
import type { WordClasses } from '../tagger/word-classes.js';
import { FEATURE_SET, type ParserInput } from './features.js';
import { ParserModel, ParserWorkspace, type ParserMeta } from './model.js';
import { projectivize, LIFT_MARK, baseLabel } from './projectivize.js';
import { LEFT, MOVES, NONE, RIGHT, SHIFT, moveCosts } from './transitions.js';

export interface TrainSentence {
  input: ParserInput;
  /** Gold heads, 1-based word indices per word (0 = root). */
  heads: ArrayLike<number>;
  deprels: readonly string[];
}

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** log2 of the move table's rows. */
  moveBits: number;
  /** log2 of the arc table's rows. */
  arcBits: number;
  /** Probability of following the model's own move once exploration starts. */
  explore: number;
  /** First epoch (0-based) that explores. */
  exploreFrom: number;
  /** Lifted labels seen fewer times than this fall back to their base label (keeps the label set small). */
  minLiftCount: number;
  meta: ParserMeta;
  /** Template set (features.ts FEATURE_SETS; default FEATURE_SET, the newest). */
  featureSet?: string;
  /** Word classes for the cluster templates of set 3 (required by it). */
  classes?: WordClasses | null;
  /** Called after each epoch with the averaged model (e.g. to score dev); may return a score to keep the best epoch. */
  onEpoch?: (epoch: number, model: ParserModel, stats: { mistakes: number; steps: number; seconds: number }) => number | void;
}

export const DEFAULT_TRAIN: Omit<TrainOptions, 'meta'> = {
  epochs: 10, seed: 1, moveBits: 20, arcBits: 17, explore: 0.9, exploreFrom: 1, minLiftCount: 3,
};

interface Prepared {
  input: ParserInput;
  /** Gold heads with index 0 unused (word d at index d), after lifting. */
  gold: Int32Array;
  goldLabel: Int32Array;
}

/** Projectivizes the training trees and builds the label set (frequent labels first, then by name). */
export function prepare(sentences: readonly TrainSentence[], minLiftCount: number): { labels: string[]; dirLabels: [Int32Array, Int32Array]; data: Prepared[] } {
  const lifted = sentences.map((s) => projectivize(s.heads, s.deprels));
  const counts = new Map<string, number>();
  for (const t of lifted) for (const l of t.labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const keep = (l: string) => !l.includes(LIFT_MARK) || (counts.get(l) ?? 0) >= minLiftCount;
  const final = new Map<string, number>();
  for (const t of lifted) for (const l of t.labels) { const k = keep(l) ? l : baseLabel(l); final.set(k, (final.get(k) ?? 0) + 1); }
  const labels = [...final.keys()].sort((a, b) => final.get(b)! - final.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  const id = new Map(labels.map((l, i) => [l, i]));
  const data = sentences.map((s, i) => {
    const t = lifted[i];
    const n = t.heads.length;
    const gold = new Int32Array(n + 1);
    const goldLabel = new Int32Array(n + 1).fill(NONE);
    for (let d = 1; d <= n; d++) {
      gold[d] = t.heads[d - 1];
      const l = t.labels[d - 1];
      goldLabel[d] = id.get(keep(l) ? l : baseLabel(l))!;
    }
    return { input: s.input, gold, goldLabel };
  });
  // The labels each direction has seen: a LEFT arc's dependent precedes its head, a RIGHT arc's follows it.
  const seen = [new Set<number>(), new Set<number>()];
  for (const p of data) for (let d = 1; d < p.gold.length; d++) seen[p.gold[d] > d ? 0 : 1].add(p.goldLabel[d]);
  const dirLabels = seen.map((set) => Int32Array.from([...set].sort((a, b) => a - b))) as [Int32Array, Int32Array];
  return { labels, dirLabels, data };
}

/** Perceptron state beside the model's weights: u accumulates step × update for averaging (w − u / step). */
class Averager {
  step = 1;
  readonly moveU: Float32Array;
  readonly arcU: [Float32Array, Float32Array];
  constructor(readonly model: ParserModel) {
    this.moveU = new Float32Array(model.moveW.length);
    this.arcU = [new Float32Array(model.arcW[0].length), new Float32Array(model.arcW[1].length)];
  }

  updateMoves(feats: Int32Array, move: number, delta: number): void {
    const m = this.model;
    const W = m.moveW;
    const cd = this.step * delta;
    for (let i = 0, k = m.nMove; i < k; i++) {
      const j = (feats[i] & m.moveMask) * MOVES + move;
      W[j] += delta;
      this.moveU[j] += cd;
    }
  }

  /** Updates one column (a label of direction dir) of the arc table. */
  updateArc(feats: Int32Array, dir: number, column: number, delta: number): void {
    const m = this.model;
    const W = m.arcW[dir];
    const U = this.arcU[dir];
    const width = m.dirLabels[dir].length;
    const cd = this.step * delta;
    for (let i = 0, k = m.nArc; i < k; i++) {
      const j = (feats[i] & m.arcMask) * width + column;
      W[j] += delta;
      U[j] += cd;
    }
  }

  /** The averaged weights as a new model. */
  averaged(): ParserModel {
    const m = this.model;
    const avg = (w: Float32Array, u: Float32Array) => {
      const out = new Float32Array(w.length);
      for (let i = 0; i < w.length; i++) out[i] = w[i] - u[i] / this.step;
      return out;
    };
    const out = new ParserModel(m.labels, m.dirLabels, m.moveBits, m.arcBits, avg(m.moveW, this.moveU),
      [avg(m.arcW[0], this.arcU[0]), avg(m.arcW[1], this.arcU[1])], { ...m.meta });
    out.classes = m.classes;
    return out;
  }
}

/** Trains a parser; returns the averaged model of the best epoch (by onEpoch's score) or of the last one. */
export function trainParser(sentences: readonly TrainSentence[], options: TrainOptions): ParserModel {
  const { labels, dirLabels, data } = prepare(sentences, options.minLiftCount);
  const model = ParserModel.empty(labels, dirLabels, options.moveBits, options.arcBits, { ...options.meta, features: options.featureSet ?? FEATURE_SET });
  model.classes = options.classes ?? null;
  const avg = new Averager(model);
  const ws = new ParserWorkspace(model);
  const rand = mulberry32(options.seed);
  const order = data.map((_, i) => i);
  const costs = new Float64Array(MOVES);
  let best: ParserModel | null = null;
  let bestScore = -Infinity;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const t0 = Date.now();
    shuffle(order, rand);
    let mistakes = 0;
    let steps = 0;
    const explore = epoch >= options.exploreFrom ? options.explore : 0;
    for (const idx of order) {
      const s = data[idx];
      ws.atoms.load(s.input);
      ws.config.reset(s.input.forms.length);
      while (!ws.config.isTerminal()) {
        steps++;
        const wrong = learnStep(ws, avg, s, costs, explore, rand);
        if (wrong) mistakes++;
        avg.step++;
      }
    }
    const averaged = avg.averaged();
    const score = options.onEpoch?.(epoch, averaged, { mistakes, steps, seconds: (Date.now() - t0) / 1000 });
    const value = typeof score === 'number' ? score : epoch;
    if (value > bestScore) {
      bestScore = value;
      best = averaged;
    }
  }
  return best ?? avg.averaged();
}

/** One configuration: score, compare with the best zero-cost move, update on a mistake, move on. */
function learnStep(ws: ParserWorkspace, avg: Averager, s: Prepared, costs: Float64Array, explore: number, rand: () => number): boolean {
  const c = ws.config;
  ws.score();
  moveCosts(c, s.gold, costs);
  const s0 = c.s(0);
  const sc = ws.moveScores;
  // The predicted labelled move and its cost.
  const pMove = ws.bestMove();
  const pLabel = ws.labelOf(pMove);
  const pCost = labelledCost(c, s, costs, pMove, pLabel, s0);
  // The best zero-cost labelled move (a zero-cost move always exists for a reachable tree).
  let gMove = -1;
  let gLabel = NONE;
  let gScore = -Infinity;
  for (let m = 0; m < MOVES; m++) {
    if (costs[m] !== 0) continue;
    let label = NONE;
    let score = sc[m];
    if (m !== SHIFT) {
      const dir = m === LEFT ? 0 : 1;
      const head = m === LEFT ? c.b : c.s(1);
      // With the gold head here, only the gold label is free; otherwise any label is (the arc is lost anyway).
      const column = s.gold[s0] === head ? ws.model.columnOf[dir][s.goldLabel[s0]] : ws.bestLabel[dir];
      if (column < 0) continue;
      label = ws.model.dirLabels[dir][column];
      score = score - ws.labelScores[dir][ws.bestLabel[dir]] + ws.labelScores[dir][column];
    }
    if (score > gScore || gMove < 0) {
      gMove = m;
      gLabel = label;
      gScore = score;
    }
  }
  const wrong = pCost > 0;
  if (wrong && gMove >= 0) {
    if (gMove !== pMove) {
      avg.updateMoves(ws.moveFeats, gMove, 1);
      avg.updateMoves(ws.moveFeats, pMove, -1);
    }
    if (gMove !== SHIFT) {
      const dir = gMove === LEFT ? 0 : 1;
      avg.updateArc(ws.arcFeats[dir], dir, ws.model.columnOf[dir][gLabel], 1);
    }
    if (pMove !== SHIFT) {
      const dir = pMove === LEFT ? 0 : 1;
      avg.updateArc(ws.arcFeats[dir], dir, ws.bestLabel[dir], -1);
    }
  }
  const follow = !wrong || gMove < 0 || (explore > 0 && rand() < explore);
  if (follow) c.apply(pMove, pLabel);
  else c.apply(gMove, gLabel);
  return wrong;
}

function labelledCost(c: { b: number; s(i: number): number }, s: Prepared, costs: Float64Array, move: number, label: number, s0: number): number {
  const base = costs[move];
  if (move === SHIFT) return base;
  const head = move === LEFT ? c.b : c.s(1);
  return base + (s.gold[s0] === head && label !== s.goldLabel[s0] ? 1 : 0);
}

function shuffle(a: number[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}

/**
 * The mean of parsers trained on the same sentences with different seeds (same labels and table sizes): one
 * model whose scores are the members' mean scores, so it parses as fast as one member.
 */
export function averageParsers(models: readonly ParserModel[]): ParserModel {
  const first = models[0];
  if (models.length === 1) return first;
  const mean = (pick: (m: ParserModel) => Float32Array): Float32Array => {
    const out = new Float32Array(pick(first).length);
    for (const m of models) {
      const w = pick(m);
      if (w.length !== out.length) throw new Error('averageParsers: the models differ in table sizes');
      for (let i = 0; i < w.length; i++) out[i] += w[i] / models.length;
    }
    return out;
  };
  const out = new ParserModel(first.labels, first.dirLabels, first.moveBits, first.arcBits, mean((m) => m.moveW),
    [mean((m) => m.arcW[0]), mean((m) => m.arcW[1])], { ...first.meta, ensemble: models.length });
  out.classes = first.classes;
  return out;
}
