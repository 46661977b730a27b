/** Structured averaged perceptron training for NerModel. */
import { U32Map, mulberry32 } from '../util/hash.js';
import { FeatureExtractor, LOCAL, STRIDE } from './features.js';
import type { Lexicon } from './lexicon.js';
import { NerModel, bioToBilou, type ModelMeta } from './model.js';
import type { LabeledSentence } from './data.js';
import type { PartialSentence } from './smartdata.js';

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Drop features seen fewer times in training. */
  minCount?: number;
  /** Per-sentence extra classes (document pass); same order as the training sentences. */
  extras?: (Int32Array | null)[];
  /** Called after each epoch with the averaged model; returns a dev score (higher is better) or null. */
  onEpoch?: (epoch: number, model: NerModel, stats: { errors: number; seconds: number }) => number | null;
  log?: (msg: string) => void;
  meta: ModelMeta;
  /** Passive-aggressive (PA-I) step size with this aggressiveness C instead of the plain perceptron step. */
  pa?: number;
  /** Tag encoding used inside the model (output is always BIO). */
  scheme?: 'bio' | 'bilou';
  /**
   * Partially labelled sentences trained alongside `data` (BIO only): the update goes towards the best path that
   * respects their fixed tags and allowed sets.
   */
  partial?: PartialSentence[];
  /** Cost-augmented training: this score is added to every non-gold label per token before decoding (0 = plain perceptron). */
  margin?: number;
  /**
   * Feature dropout: during training each feature occurrence is ignored with this probability (for scoring and update
   * alike), so context and class features are trained even where the word itself would decide (0 = off).
   */
  dropout?: number;
  /** Word-identity dropout: with this probability per token, the features that name the word itself are ignored. */
  wordDropout?: number;
}

/** Slots whose features contain the token's own word form (see features.ts): W, L, L[-1]L[0], L[0]L[+1], C2[-1]L[0]. */
const IDENTITY_SLOTS = [1, 2, LOCAL + 4, LOCAL + 5, LOCAL + 27];

/** Allowed-label mask (n*L, 1 = allowed) for a partially labelled sentence. */
function partialMask(p: PartialSentence, labels: string[], lid: Map<string, number>): Uint8Array {
  const L = labels.length;
  const n = p.tokens.length;
  const m = new Uint8Array(n * L);
  const main = labels.map((l) => l === 'B-PER' || l === 'I-PER' || l === 'B-LOC' || l === 'I-LOC' || l === 'B-ORG' || l === 'I-ORG');
  for (let i = 0; i < n; i++) {
    const t = p.tags[i];
    if (t !== null && lid.has(t)) {
      // a SmartData LOC may be GermEval LOC, LOCderiv ("Münchner") or LOCpart
      for (const suf of ['', 'deriv', 'part']) { const y = lid.get(t + suf); if (y !== undefined) m[i * L + y] = 1; }
      continue;
    }
    for (let y = 0; y < L; y++) m[i * L + y] = p.free[i] || !main[y] ? 1 : 0;
  }
  return m;
}

export function labelSet(data: LabeledSentence[], scheme: 'bio' | 'bilou' = 'bio'): string[] {
  const types = new Set<string>();
  for (const s of data) for (const t of s.tags) if (t !== 'O') types.add(t.slice(2));
  const labels = ['O'];
  for (const t of [...types].sort()) labels.push(...(scheme === 'bilou' ? ['B-', 'I-', 'L-', 'U-'] : ['B-', 'I-']).map((p) => p + t));
  return labels;
}

/** Training features of every token: hashed, interned to rows (-1 = none), STRIDE slots per token. */
export function indexFeatures(data: { tokens: string[]; pos?: Uint32Array }[], lex: Lexicon, o: { minCount?: number; extras?: (Int32Array | null)[] } = {}): { featMap: U32Map; rowsOf: Int32Array; nTok: number } {
  const fx = new FeatureExtractor(lex);
  const minCount = o.minCount ?? 1;
  const nTok = data.reduce((s, x) => s + x.tokens.length, 0);
  const counts = new U32Map(1 << 20);
  let countArr = new Int32Array(1 << 20);
  const hashes = new Uint32Array(nTok * STRIDE);
  let tp = 0;
  for (let s = 0; s < data.length; s++) {
    const sent = data[s];
    const feats = fx.extract(sent.tokens, { extra: o.extras?.[s] ?? null, pos: sent.pos ?? null });
    const n = sent.tokens.length;
    hashes.set(feats.subarray(0, n * STRIDE), tp * STRIDE);
    for (let j = 0; j < n * STRIDE; j++) {
      const h = feats[j];
      if (h === 0) continue;
      const id = counts.intern(h);
      if (id >= countArr.length) { const c = new Int32Array(countArr.length * 2); c.set(countArr); countArr = c; }
      countArr[id]++;
    }
    tp += n;
  }
  const featMap = new U32Map(counts.size);
  const rowsOf = new Int32Array(hashes.length);
  for (let j = 0; j < hashes.length; j++) {
    const h = hashes[j];
    if (h === 0) { rowsOf[j] = -1; continue; }
    if (minCount > 1 && countArr[counts.get(h)] < minCount) { rowsOf[j] = -1; continue; }
    rowsOf[j] = featMap.intern(h);
  }
  return { featMap, rowsOf, nTok };
}

export function trainPerceptron(fullData: LabeledSentence[], lex: Lexicon, opts: TrainOptions): NerModel {
  const log = opts.log ?? (() => {});
  const scheme = opts.scheme ?? 'bio';
  const partial = opts.partial ?? [];
  const labels = labelSet(partial.length ? fullData.concat(partial.map((p) => ({ tokens: p.tokens, tags: p.tags.map((t) => t ?? 'O'), doc: -1 }))) : fullData, scheme);
  const L = labels.length;
  const lid = new Map(labels.map((l, i) => [l, i]));
  if (partial.length && scheme !== 'bio') throw new Error('partially labelled data needs the bio scheme');
  const data: LabeledSentence[] = partial.length
    ? fullData.concat(partial.map((p) => ({ tokens: p.tokens, tags: p.tokens.map(() => 'O'), doc: -1 })))
    : fullData;
  const masks: (Uint8Array | null)[] = data.map((_, s) => (s < fullData.length ? null : partialMask(partial[s - fullData.length], labels, lid)));
  const t0 = Date.now();
  const { featMap, rowsOf, nTok } = indexFeatures(data, lex, { minCount: opts.minCount, extras: opts.extras });
  const R = featMap.size;
  log(`features: ${R} rows, ${nTok} tokens, ${L} labels, ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  const tokOff = new Int32Array(data.length + 1);
  for (let s = 0; s < data.length; s++) tokOff[s + 1] = tokOff[s] + data[s].tokens.length;
  const gold = new Int32Array(nTok);
  for (let s = 0; s < data.length; s++) {
    const tags = scheme === 'bilou' ? bioToBilou(data[s].tags) : data[s].tags;
    tags.forEach((t, i) => { gold[tokOff[s] + i] = lid.get(t) ?? 0; });
  }

  const W = new Float32Array(R * L);
  const U = new Float32Array(R * L);
  const T = new Float32Array((L + 1) * L);
  const TU = new Float32Array((L + 1) * L);
  const model = new NerModel(labels, featMap, W, T, lex, opts.meta);
  let maxLen = 0;
  for (const s of data) maxLen = Math.max(maxLen, s.tokens.length);
  model.ensure(maxLen);
  const em = new Float32Array(maxLen * L);
  const pred = new Int32Array(maxLen);
  const cem = new Float32Array(maxLen * L);
  const margin = opts.margin ?? 0;
  const cgold = new Int32Array(maxLen);
  const rand = mulberry32(opts.seed);
  const dropout = opts.dropout ?? 0;
  const dropRand = mulberry32(opts.seed + 7919);
  const wordDropout = opts.wordDropout ?? 0;
  const dropThreshold = Math.floor(dropout * 4294967296);
  const rowsS = new Int32Array(maxLen * STRIDE);
  const order = Array.from({ length: data.length }, (_, i) => i);
  let c = 1;
  let bestScore = -Infinity;
  let bestW: Float32Array | null = null;
  let bestT: Float32Array | null = null;
  let avgW: Float32Array | null = null;
  let bestEpoch = 0;

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const te = Date.now();
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); const x = order[i]; order[i] = order[j]; order[j] = x; }
    let errors = 0;
    for (const s of order) {
      const n = data[s].tokens.length;
      const t0s = tokOff[s];
      em.fill(0, 0, n * L);
      // the rows this sentence uses in this epoch (after dropout)
      rowsS.set(rowsOf.subarray(t0s * STRIDE, (t0s + n) * STRIDE));
      if (dropThreshold > 0) {
        for (let j = 0; j < n * STRIDE; j++) if ((j % STRIDE) !== 0 && (dropRand() * 4294967296) < dropThreshold) rowsS[j] = -1;
      }
      if (wordDropout > 0) {
        for (let i = 0; i < n; i++) if (dropRand() < wordDropout) for (const f of IDENTITY_SLOTS) rowsS[i * STRIDE + f] = -1;
      }
      for (let i = 0; i < n; i++) {
        const fo = i * STRIDE;
        const b = i * L;
        for (let f = 0; f < STRIDE; f++) {
          const r = rowsS[fo + f];
          if (r < 0) continue;
          const wo = r * L;
          for (let y = 0; y < L; y++) em[b + y] += W[wo + y];
        }
      }
      const mask = masks[s];
      if (mask) {
        // latent gold: the best path that respects the partial labels
        for (let j = 0; j < n * L; j++) cem[j] = mask[j] ? em[j] : em[j] - 1e6;
        model.viterbi(cem, n, cgold);
        for (let i = 0; i < n; i++) gold[t0s + i] = cgold[i];
      }
      if (margin > 0) {
        // cost-augmented decoding: every wrong label gets a head start, so the update also fires on narrow wins
        for (let i = 0; i < n; i++) {
          const g = gold[t0s + i];
          for (let y = 0; y < L; y++) cem[i * L + y] = y === g ? em[i * L + y] : em[i * L + y] + margin;
        }
        model.viterbi(cem, n, pred);
      } else model.viterbi(em, n, pred);
      let step = 1;
      if (opts.pa) {
        // PA-I: step = min(C, (loss + s(pred) - s(gold)) / ||phi(gold) - phi(pred)||^2), loss = wrong tokens
        let diff = 0;
        let loss = 0;
        let norm = 0;
        for (let i = 0; i < n; i++) {
          const g = gold[t0s + i];
          const p = pred[i];
          const gp = i > 0 ? gold[t0s + i - 1] : L;
          const pp = i > 0 ? pred[i - 1] : L;
          diff += em[i * L + p] - em[i * L + g] + T[pp * L + p] - T[gp * L + g];
          if (g !== p) {
            loss++;
            let nf = 0;
            const fo = (t0s + i) * STRIDE;
            for (let f = 0; f < STRIDE; f++) if (rowsOf[fo + f] >= 0) nf++;
            norm += 2 * nf;
          }
          if (g !== p || gp !== pp) norm += 2;
        }
        if (loss > 0) step = Math.min(opts.pa, (loss + diff) / Math.max(norm, 1));
        if (!(step > 0)) step = 0;
      }
      const sc = step * c;
      let wrong = false;
      for (let i = 0; i < n; i++) {
        const g = gold[t0s + i];
        const p = pred[i];
        const gp = i > 0 ? gold[t0s + i - 1] : L;
        const pp = i > 0 ? pred[i - 1] : L;
        if (g !== p) {
          wrong = true;
          const fo = i * STRIDE;
          for (let f = 0; f < STRIDE; f++) {
            const r = rowsS[fo + f];
            if (r < 0) continue;
            const wo = r * L;
            W[wo + g] += step; U[wo + g] += sc;
            W[wo + p] -= step; U[wo + p] -= sc;
          }
        }
        if (g !== p || gp !== pp) {
          T[gp * L + g] += step; TU[gp * L + g] += sc;
          T[pp * L + p] -= step; TU[pp * L + p] -= sc;
        }
      }
      if (wrong) errors++;
      c++;
    }
    // averaged weights: w - u / c
    if (!avgW) avgW = new Float32Array(R * L);
    const avgT = new Float32Array((L + 1) * L);
    for (let j = 0; j < W.length; j++) avgW[j] = W[j] - U[j] / c;
    for (let j = 0; j < T.length; j++) avgT[j] = T[j] - TU[j] / c;
    const avgModel = new NerModel(labels, featMap, avgW, avgT, lex, opts.meta);
    const seconds = (Date.now() - te) / 1000;
    const score = opts.onEpoch ? opts.onEpoch(epoch, avgModel, { errors, seconds }) : null;
    log(`epoch ${epoch}: ${errors} sentences wrong, ${seconds.toFixed(1)}s${score !== null ? `, dev ${score.toFixed(4)}` : ''}`);
    if (score === null || score > bestScore) {
      bestScore = score ?? -Infinity;
      bestEpoch = epoch;
      if (!bestW) bestW = new Float32Array(R * L);
      bestW.set(avgW);
      bestT = avgT;
    }
  }
  const final = new NerModel(labels, featMap, bestW ?? new Float32Array(R * L), bestT ?? new Float32Array((L + 1) * L), lex, {
    ...opts.meta, bestEpoch, devScore: Number.isFinite(bestScore) ? bestScore : null,
  });
  return final;
}
