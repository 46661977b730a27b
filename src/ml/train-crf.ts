/**
 * Linear-chain CRF training (conditional log-likelihood, AdaGrad, BIO-constrained forward-backward) over the same
 * features and model as the perceptron; decoding is the model's Viterbi.
 */
import { mulberry32 } from '../util/hash.js';
import { STRIDE } from './features.js';
import type { Lexicon } from './lexicon.js';
import { NerModel, bioAllowed, endAllowed } from './model.js';
import type { LabeledSentence } from './data.js';
import { indexFeatures, labelSet, type TrainOptions } from './train.js';

export interface CrfOptions extends Pick<TrainOptions, 'epochs' | 'seed' | 'minCount' | 'onEpoch' | 'log' | 'meta' | 'dropout' | 'extras'> {
  /** AdaGrad learning rate. */
  rate?: number;
}

/**
 * Forward-backward over one sentence with per-position scaling (no logs in the inner loops).
 * Disallowed transitions have expT = 0, so the BIO constraints hold exactly.
 */
export class CrfLattice {
  readonly alpha: Float64Array;
  readonly beta: Float64Array;
  readonly scale: Float64Array;
  /** Unary marginals p(y_i = y), n*L, after run(). */
  readonly marg: Float64Array;
  constructor(readonly L: number, readonly endOk: Uint8Array, maxLen: number) {
    this.alpha = new Float64Array(maxLen * L);
    this.beta = new Float64Array(maxLen * L);
    this.scale = new Float64Array(maxLen);
    this.marg = new Float64Array(maxLen * L);
  }

  /**
   * em: log emission scores (n*L), overwritten with their exponentials. expT: exp(transition) ((L+1)*L, start row L).
   * Adds the expected transition counts to gT and returns log Z.
   */
  run(em: Float64Array, n: number, expT: Float64Array, gT: Float64Array): number {
    const { L, alpha, beta, scale, marg, endOk } = this;
    let logZ = 0;
    for (let i = 0; i < n; i++) {
      const b = i * L;
      let mx = -Infinity;
      for (let y = 0; y < L; y++) if (em[b + y] > mx) mx = em[b + y];
      for (let y = 0; y < L; y++) em[b + y] = Math.exp(em[b + y] - mx);
      logZ += mx;
    }
    let z = 0;
    for (let y = 0; y < L; y++) { alpha[y] = expT[L * L + y] * em[y]; z += alpha[y]; }
    scale[0] = z;
    for (let y = 0; y < L; y++) alpha[y] /= z;
    for (let i = 1; i < n; i++) {
      const b = i * L;
      const pb = b - L;
      z = 0;
      for (let y = 0; y < L; y++) {
        let a = 0;
        for (let p = 0; p < L; p++) a += alpha[pb + p] * expT[p * L + y];
        a *= em[b + y];
        alpha[b + y] = a;
        z += a;
      }
      scale[i] = z;
      for (let y = 0; y < L; y++) alpha[b + y] /= z;
    }
    const lb = (n - 1) * L;
    let zEnd = 0;
    for (let y = 0; y < L; y++) zEnd += endOk[y] ? alpha[lb + y] : 0;
    for (let i = 0; i < n; i++) logZ += Math.log(scale[i]);
    logZ += Math.log(zEnd);
    for (let y = 0; y < L; y++) beta[lb + y] = endOk[y] ? 1 / zEnd : 0;
    for (let i = n - 2; i >= 0; i--) {
      const b = i * L;
      const nb = b + L;
      const sc = scale[i + 1];
      for (let p = 0; p < L; p++) {
        let v = 0;
        for (let y = 0; y < L; y++) v += expT[p * L + y] * em[nb + y] * beta[nb + y];
        beta[b + p] = v / sc;
      }
    }
    for (let i = 0; i < n * L; i++) marg[i] = alpha[i] * beta[i];
    for (let y = 0; y < L; y++) gT[L * L + y] += marg[y];
    for (let i = 1; i < n; i++) {
      const b = i * L;
      const pb = b - L;
      const sc = scale[i];
      for (let p = 0; p < L; p++) {
        const ap = alpha[pb + p];
        if (ap === 0) continue;
        for (let y = 0; y < L; y++) {
          const e = expT[p * L + y];
          if (e === 0) continue;
          gT[p * L + y] += (ap * e * em[b + y] * beta[b + y]) / sc;
        }
      }
    }
    return logZ;
  }
}

export function trainCrf(data: LabeledSentence[], lex: Lexicon, opts: CrfOptions): NerModel {
  const log = opts.log ?? (() => {});
  const labels = labelSet(data);
  const L = labels.length;
  const lid = new Map(labels.map((l, i) => [l, i]));
  const t0 = Date.now();
  const { featMap, rowsOf, nTok } = indexFeatures(data, lex, { minCount: opts.minCount, extras: opts.extras });
  const R = featMap.size;
  log(`crf features: ${R} rows, ${nTok} tokens, ${L} labels, ${((Date.now() - t0) / 1000).toFixed(1)}s`);
  const tokOff = new Int32Array(data.length + 1);
  for (let s = 0; s < data.length; s++) tokOff[s + 1] = tokOff[s] + data[s].tokens.length;
  const gold = new Int32Array(nTok);
  for (let s = 0; s < data.length; s++) data[s].tags.forEach((t, i) => { gold[tokOff[s] + i] = lid.get(t) ?? 0; });

  const allowed = bioAllowed(labels);
  const endOk = endAllowed(labels);
  const W = new Float32Array(R * L);
  const G2 = new Float32Array(R * L); // AdaGrad squared-gradient sums
  const T = new Float32Array((L + 1) * L);
  const TG2 = new Float32Array((L + 1) * L);
  const rate = opts.rate ?? 0.05;
  let maxLen = 0;
  for (const s of data) maxLen = Math.max(maxLen, s.tokens.length);
  const em = new Float64Array(maxLen * L);
  const expT = new Float64Array((L + 1) * L);
  const gT = new Float64Array((L + 1) * L);
  const rowsS = new Int32Array(maxLen * STRIDE);
  const lattice = new CrfLattice(L, endOk, maxLen);
  const rand = mulberry32(opts.seed);
  const dropRand = mulberry32(opts.seed + 7919);
  const dropout = opts.dropout ?? 0;
  const order = Array.from({ length: data.length }, (_, i) => i);
  let bestScore = -Infinity;
  let best: { W: Float32Array; T: Float32Array; epoch: number } | null = null;
  const model = new NerModel(labels, featMap, W, T, lex, opts.meta);

  for (let epoch = 1; epoch <= opts.epochs; epoch++) {
    const te = Date.now();
    for (let i = order.length - 1; i > 0; i--) { const j = Math.floor(rand() * (i + 1)); const x = order[i]; order[i] = order[j]; order[j] = x; }
    let nll = 0;
    for (let j = 0; j < expT.length; j++) expT[j] = allowed[j] ? Math.exp(T[j]) : 0;
    let sinceT = 0;
    gT.fill(0);
    for (const s of order) {
      const n = data[s].tokens.length;
      if (n === 0) continue;
      const t0s = tokOff[s];
      rowsS.set(rowsOf.subarray(t0s * STRIDE, (t0s + n) * STRIDE));
      if (dropout > 0) for (let j = 0; j < n * STRIDE; j++) if (j % STRIDE !== 0 && dropRand() < dropout) rowsS[j] = -1;
      // log emission scores
      for (let i = 0; i < n; i++) {
        const b = i * L;
        for (let y = 0; y < L; y++) em[b + y] = 0;
        for (let f = 0; f < STRIDE; f++) {
          const r = rowsS[i * STRIDE + f];
          if (r < 0) continue;
          const wo = r * L;
          for (let y = 0; y < L; y++) em[b + y] += W[wo + y];
        }
      }
      // gold path score (log space) for the likelihood report
      let goldScore = 0;
      for (let i = 0; i < n; i++) {
        const g = gold[t0s + i];
        goldScore += em[i * L + g] + T[(i > 0 ? gold[t0s + i - 1] : L) * L + g];
      }
      const logZ = lattice.run(em, n, expT, gT);
      nll += logZ - goldScore;
      const marg = lattice.marg;
      for (let i = 0; i < n; i++) {
        const g = gold[t0s + i];
        gT[(i > 0 ? gold[t0s + i - 1] : L) * L + g] -= 1;
      }
      // emission gradient: marginal - gold, AdaGrad per weight; tiny marginals are skipped
      for (let i = 0; i < n; i++) {
        const b = i * L;
        const g = gold[t0s + i];
        for (let y = 0; y < L; y++) {
          const gr = marg[b + y] - (y === g ? 1 : 0);
          if (gr > -1e-3 && gr < 1e-3) continue;
          for (let f = 0; f < STRIDE; f++) {
            const r = rowsS[i * STRIDE + f];
            if (r < 0) continue;
            const k = r * L + y;
            G2[k] += gr * gr;
            W[k] -= (rate * gr) / Math.sqrt(G2[k] + 1e-8);
          }
        }
      }
      // transitions: batched every 32 sentences
      if (++sinceT >= 32) {
        for (let j = 0; j < T.length; j++) {
          if (!allowed[j]) continue;
          const gk = gT[j];
          if (gk === 0) continue;
          TG2[j] += gk * gk;
          T[j] -= (rate * gk) / Math.sqrt(TG2[j] + 1e-8);
          expT[j] = Math.exp(T[j]);
        }
        gT.fill(0);
        sinceT = 0;
      }
    }
    const seconds = (Date.now() - te) / 1000;
    model.trans = T;
    const score = opts.onEpoch ? opts.onEpoch(epoch, model, { errors: 0, seconds }) : null;
    log(`crf epoch ${epoch}: nll ${(nll / data.length).toFixed(3)} per sentence, ${seconds.toFixed(1)}s${score !== null ? `, dev ${score.toFixed(4)}` : ''}`);
    if (score === null || score > bestScore) {
      bestScore = score ?? -Infinity;
      best = { W: W.slice(), T: T.slice(), epoch };
    }
  }
  return new NerModel(labels, featMap, best!.W, best!.T, lex, { ...opts.meta, trainer: 'crf', bestEpoch: best!.epoch, devScore: Number.isFinite(bestScore) ? bestScore : null });
}
