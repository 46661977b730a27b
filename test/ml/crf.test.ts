import { describe, expect, it } from 'vitest';
import { CrfLattice, trainCrf } from '../../src/ml/train-crf.js';
import { trainPerceptron } from '../../src/ml/train.js';
import { NerModel, bioAllowed, endAllowed } from '../../src/ml/model.js';
import { Lexicon } from '../../src/ml/lexicon.js';
import { evaluate } from '../../src/ml/eval.js';
import { mulberry32 } from '../../src/util/hash.js';
import { synthetic } from './synthetic.js';

const meta = { name: 'test', version: '0', lang: 'xx' };

/** log-sum-exp over every BIO-legal label sequence, by enumeration. */
function bruteForce(emLog: number[], n: number, L: number, T: Float64Array, allowed: Uint8Array, endOk: Uint8Array): { logZ: number; marg: number[] } {
  const paths: { score: number; ys: number[] }[] = [];
  const ys = new Array<number>(n).fill(0);
  const rec = (i: number, score: number): void => {
    if (i === n) { if (endOk[ys[n - 1]]) paths.push({ score, ys: [...ys] }); return; }
    for (let y = 0; y < L; y++) {
      const prev = i === 0 ? L : ys[i - 1];
      if (!allowed[prev * L + y]) continue;
      ys[i] = y;
      rec(i + 1, score + T[prev * L + y] + emLog[i * L + y]);
    }
  };
  rec(0, 0);
  const mx = Math.max(...paths.map((p) => p.score));
  const z = paths.reduce((s, p) => s + Math.exp(p.score - mx), 0);
  const marg = new Array<number>(n * L).fill(0);
  for (const p of paths) { const w = Math.exp(p.score - mx) / z; p.ys.forEach((y, i) => { marg[i * L + y] += w; }); }
  return { logZ: mx + Math.log(z), marg };
}

describe('CRF forward-backward', () => {
  it('gives the same log Z and marginals as enumerating every legal path, with the BIO constraints', () => {
    const labels = ['O', 'B-LOC', 'I-LOC', 'B-PER', 'I-PER'];
    const L = labels.length;
    const allowed = bioAllowed(labels);
    const endOk = endAllowed(labels);
    const r = mulberry32(11);
    const n = 4;
    const T = new Float64Array((L + 1) * L);
    for (let j = 0; j < T.length; j++) T[j] = r() * 2 - 1;
    const expT = T.map((t, j) => (allowed[j] ? Math.exp(t) : 0));
    const emLog = Array.from({ length: n * L }, () => r() * 6 - 3);
    const lattice = new CrfLattice(L, endOk, n);
    const gT = new Float64Array((L + 1) * L);
    const logZ = lattice.run(Float64Array.from(emLog), n, expT, gT);
    const bf = bruteForce(emLog, n, L, T, allowed, endOk);
    expect(logZ).toBeCloseTo(bf.logZ, 9);
    for (let k = 0; k < n * L; k++) expect(lattice.marg[k]).toBeCloseTo(bf.marg[k], 9);
    // an illegal label (I- at the start) has zero probability
    expect(lattice.marg[2]).toBe(0);
    // expected transition counts sum to n (one start transition plus n-1 transitions)
    expect(gT.reduce((s, x) => s + x, 0)).toBeCloseTo(n, 9);
  });
});

describe('CRF trainer', () => {
  const train = synthetic(5, 150);
  const model = trainCrf(train, Lexicon.empty(), { epochs: 6, seed: 2, meta });

  it('fits a tiny synthetic set perfectly and generalises to new sentences', () => {
    for (const s of train) expect(model.tag(s.tokens)).toEqual(s.tags);
    const test = synthetic(77, 40);
    const r = evaluate(test.map((s) => s.tags), test.map((s) => model.tag(s.tokens)));
    expect(r.overall.f1).toBeGreaterThan(0.95);
  });

  it('is deterministic for a fixed seed and survives a save/load round trip at its pruning threshold', () => {
    const again = trainCrf(train, Lexicon.empty(), { epochs: 6, seed: 2, meta });
    const a = again.serialize({ prune: 0.01 });
    expect(Buffer.compare(a, model.serialize({ prune: 0.01 }))).toBe(0);
    const loaded = NerModel.deserialize(a);
    for (const s of synthetic(9, 30)) expect(loaded.tag(s.tokens)).toEqual(model.tag(s.tokens));
  });
});

describe('feature dropout (perceptron)', () => {
  const train = synthetic(3, 150);
  it('still fits the synthetic set, and changes the weights only when switched on', () => {
    const plain = trainPerceptron(train, Lexicon.empty(), { epochs: 8, seed: 1, meta });
    const zero = trainPerceptron(train, Lexicon.empty(), { epochs: 8, seed: 1, meta, dropout: 0, wordDropout: 0 });
    expect(Buffer.compare(zero.serialize(), plain.serialize())).toBe(0);
    const dropped = trainPerceptron(train, Lexicon.empty(), { epochs: 8, seed: 1, meta, dropout: 0.1, wordDropout: 0.2 });
    expect(Buffer.compare(dropped.serialize(), plain.serialize())).not.toBe(0);
    const test = synthetic(21, 40);
    const r = evaluate(test.map((s) => s.tags), test.map((s) => dropped.tag(s.tokens)));
    expect(r.overall.f1).toBeGreaterThan(0.95);
  });
});
