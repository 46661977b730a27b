/**
 * Word statistics from unlabeled text, learned by our own code:
 *  - distributional clusters: positional context counts (±1, ±2 among the most frequent words) -> PPMI ->
 *    random projection -> hierarchical spherical k-means (branching B, three levels: B, B^2, B^3 clusters);
 *  - log2 frequency bucket per word form;
 *  - how often a lower-cased form is capitalised away from the sentence start.
 * Output: a gzipped TSV (word, leaf cluster or -1, freq bucket, cap ratio bucket) compiled into the model.
 */
import { createReadStream, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createGunzip, gzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { U32Map, mulberry32 } from '../util/hash.js';
import { datasetForLang, loadDataset } from './data.js';

const TOKEN_RE = /[\p{L}\p{N}]+(?:[-'’.&/][\p{L}\p{N}]+)*\.?|[^\s\p{L}\p{N}]/gu;

/** Whitespace/punctuation tokenisation close to the datasets' own. */
export function roughTokens(line: string): string[] {
  const out = line.match(TOKEN_RE) ?? [];
  // keep "U.S." / "z.B." style abbreviations, split a sentence-final period off ordinary words
  for (let i = 0; i < out.length; i++) {
    const t = out[i];
    if (t.length > 1 && t.endsWith('.') && !/^(?:\p{L}\.)+$/u.test(t) && !/^\p{Lu}\p{Ll}?\.$/u.test(t) && !/^\p{N}+\.$/u.test(t)) {
      out.splice(i, 1, t.slice(0, -1), '.');
      i++;
    }
  }
  return out;
}

async function* lines(path: string): AsyncGenerator<string> {
  const input = path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const l of rl) yield l;
}

export interface WordStatsOptions {
  lang: string;
  dataDir: string;
  out: string;
  branching?: number;
  contexts?: number;
  minClusterCount?: number;
  minWordCount?: number;
  dim?: number;
  seed?: number;
  /** Use a randomized SVD instead of a random projection (better-looking clusters, same F1 in our tests). */
  svd?: boolean;
  /** Also write a second, independent clustering. */
  second?: boolean;
  maxTokens?: number;
  log?: (m: string) => void;
}

export async function buildWordStats(o: WordStatsOptions): Promise<void> {
  const log = o.log ?? ((m: string) => process.stderr.write(m + '\n'));
  const B = o.branching ?? 16;
  const C = o.contexts ?? 1000;
  const minCl = o.minClusterCount ?? Number(process.env.NER_MIN_CLUSTER ?? 5);
  const minW = o.minWordCount ?? 3;
  const D = o.dim ?? 192;
  const t0 = Date.now();
  const sentences: string[][] = [];
  // labelled training tokens (text only) plus the unlabeled corpus
  for (const s of loadDataset(datasetForLang(o.lang), 'train', o.dataDir)) sentences.push(s.tokens);
  const dir = join(o.dataDir, o.lang === 'de' ? 'unlabeled-de' : 'unlabeled-en');
  let nTok = 0;
  if (existsSync(dir)) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt.gz')).sort()) {
      for await (const l of lines(join(dir, f))) {
        const t = roughTokens(l);
        if (t.length) { sentences.push(t); nTok += t.length; }
        if (o.maxTokens && nTok > o.maxTokens) break;
      }
      if (o.maxTokens && nTok > o.maxTokens) break;
    }
  }
  log(`wordstats ${o.lang}: ${sentences.length} lines, ${nTok} unlabeled tokens read in ${((Date.now() - t0) / 1000).toFixed(1)}s`);

  // counts, capitalisation
  const count = new Map<string, number>();
  const capMid = new Map<string, number>();
  const allMid = new Map<string, number>();
  for (const s of sentences) {
    for (let i = 0; i < s.length; i++) {
      const w = s[i];
      count.set(w, (count.get(w) ?? 0) + 1);
      if (i > 0 && !/^[.!?:"„“«»]$/.test(s[i - 1]) && /^\p{L}/u.test(w)) {
        const lw = w.toLowerCase();
        allMid.set(lw, (allMid.get(lw) ?? 0) + 1);
        if (/^\p{Lu}/u.test(w)) capMid.set(lw, (capMid.get(lw) ?? 0) + 1);
      }
    }
  }
  const vocab = [...count.entries()].filter(([, c]) => c >= minCl).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const V = vocab.length;
  const wid = new Map(vocab.map(([w], i) => [w, i]));
  const ctxN = Math.min(C, V);
  log(`vocabulary: ${count.size} forms, ${V} with count >= ${minCl}; ${ctxN} context words`);

  // positional context counts
  const P = 4;
  const pairs = new U32Map(1 << 22);
  let pc = new Float32Array(1 << 22);
  const ids = new Int32Array(4096);
  for (const s of sentences) {
    const n = Math.min(s.length, ids.length);
    for (let i = 0; i < n; i++) ids[i] = wid.get(s[i]) ?? -1;
    for (let i = 0; i < n; i++) {
      const w = ids[i];
      if (w < 0) continue;
      for (let p = 0; p < P; p++) {
        const j = p === 0 ? i - 1 : p === 1 ? i + 1 : p === 2 ? i - 2 : i + 2;
        const c = j < 0 ? -2 : j >= n ? -3 : ids[j];
        let cid: number;
        if (c === -2) cid = ctxN; // sentence start
        else if (c === -3) cid = ctxN + 1; // end
        else if (c >= 0 && c < ctxN) cid = c;
        else continue;
        const key = w * (P * (ctxN + 2)) + p * (ctxN + 2) + cid + 1;
        const id = pairs.intern(key);
        if (id >= pc.length) { const x = new Float32Array(pc.length * 2); x.set(pc); pc = x; }
        pc[id] += 1;
      }
    }
  }
  const K = P * (ctxN + 2);
  log(`context pairs: ${pairs.size} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

  // PPMI (context distribution smoothing 0.75) and random projection
  const rowSum = new Float64Array(V);
  const colSum = new Float64Array(K);
  const pk = pairs.keys;
  const pv = pairs.vals;
  let total = 0;
  for (let j = 0; j < pk.length; j++) {
    if (!pk[j]) continue;
    const key = pk[j] - 1;
    const w = Math.floor(key / K);
    const c = key % K;
    const v = pc[pv[j]];
    rowSum[w] += v;
    colSum[c] += v;
    total += v;
  }
  let colTot = 0;
  const colS = new Float64Array(K);
  for (let c = 0; c < K; c++) { colS[c] = Math.pow(colSum[c], 0.75); colTot += colS[c]; }
  const rand = mulberry32(o.seed ?? 1);
  // sparse PPMI matrix (CSR over words)
  const rowCount = new Int32Array(V + 1);
  const entries: number[] = [];
  for (let j = 0; j < pk.length; j++) {
    if (!pk[j]) continue;
    const key = pk[j] - 1;
    const w = Math.floor(key / K);
    const c = key % K;
    const v = pc[pv[j]];
    const pmi = Math.log((v * colTot) / (rowSum[w] * colS[c]));
    if (pmi <= 0) continue;
    rowCount[w + 1]++;
    entries.push(w, c, pmi);
  }
  for (let w = 0; w < V; w++) rowCount[w + 1] += rowCount[w];
  const nnz = rowCount[V];
  const colIdx = new Int32Array(nnz);
  const val = new Float32Array(nnz);
  const fill = rowCount.slice(0, V);
  for (let e = 0; e < entries.length; e += 3) {
    const at = fill[entries[e]]++;
    colIdx[at] = entries[e + 1];
    val[at] = entries[e + 2];
  }
  entries.length = 0;
  const clusterize = (X: Float32Array): Int32Array => {
  for (let w = 0; w < V; w++) {
    let nn = 0;
    for (let d = 0; d < D; d++) nn += X[w * D + d] ** 2;
    nn = Math.sqrt(nn) || 1;
    for (let d = 0; d < D; d++) X[w * D + d] /= nn;
  }
  log(`projected to ${D} dims (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

  // hierarchical spherical k-means
  const leaf = new Int32Array(V);
  const weight = new Float32Array(V);
  for (let w = 0; w < V; w++) weight[w] = Math.log(1 + vocab[w][1]);
  const split = (members: Int32Array, k: number): Int32Array => {
    const assign = new Int32Array(members.length);
    if (members.length <= k) { for (let i = 0; i < members.length; i++) assign[i] = i; return assign; }
    const cent = new Float32Array(k * D);
    // init: k most frequent members spread by stride (deterministic)
    for (let c = 0; c < k; c++) {
      const m = members[Math.floor((c * members.length) / k / 4)];
      cent.set(X.subarray(m * D, m * D + D), c * D);
    }
    for (let it = 0; it < 12; it++) {
      let changed = 0;
      for (let i = 0; i < members.length; i++) {
        const xo = members[i] * D;
        let best = -Infinity;
        let arg = 0;
        for (let c = 0; c < k; c++) {
          let s = 0;
          const co = c * D;
          for (let d = 0; d < D; d++) s += X[xo + d] * cent[co + d];
          if (s > best) { best = s; arg = c; }
        }
        if (assign[i] !== arg) { changed++; assign[i] = arg; }
      }
      cent.fill(0);
      for (let i = 0; i < members.length; i++) {
        const xo = members[i] * D;
        const co = assign[i] * D;
        const wt = weight[members[i]];
        for (let d = 0; d < D; d++) cent[co + d] += wt * X[xo + d];
      }
      for (let c = 0; c < k; c++) {
        let nn = 0;
        for (let d = 0; d < D; d++) nn += cent[c * D + d] ** 2;
        nn = Math.sqrt(nn);
        if (nn === 0) continue;
        for (let d = 0; d < D; d++) cent[c * D + d] /= nn;
      }
      if (changed < members.length * 0.002) break;
    }
    return assign;
  };
  const recurse = (members: Int32Array, level: number, prefix: number): void => {
    if (level === 3) { for (const m of members) leaf[m] = prefix; return; }
    const a = split(members, B);
    for (let c = 0; c < B; c++) {
      const sub: number[] = [];
      for (let i = 0; i < members.length; i++) if (a[i] === c) sub.push(members[i]);
      recurse(Int32Array.from(sub), level + 1, prefix * B + c);
    }
  };
  recurse(Int32Array.from({ length: V }, (_, i) => i), 0, 0);
    return leaf;
  };
  const X1 = !o.svd ? randomProjection(V, K, D, rowCount, colIdx, val, rand) : randomizedSvd(V, K, D, rowCount, colIdx, val, rand, log);
  const leaf = clusterize(X1);
  const leaf2 = o.second ? clusterize(randomProjection(V, K, D, rowCount, colIdx, val, mulberry32((o.seed ?? 1) + 1000))) : new Int32Array(V).fill(-1);
  log(`clustered into ${B}/${B * B}/${B * B * B} (${((Date.now() - t0) / 1000).toFixed(1)}s)`);

  // write
  const rows: string[] = [`#branching\t${B}\t${o.lang}\t${V}`];
  const seen = new Set<string>();
  const capBucket = (lw: string): number => {
    const all = allMid.get(lw) ?? 0;
    if (all < 3) return 0;
    const r = (capMid.get(lw) ?? 0) / all;
    return r < 0.05 ? 1 : r < 0.4 ? 2 : r < 0.8 ? 3 : r < 0.98 ? 4 : 5;
  };
  const fb = (c: number): number => Math.min(24, 1 + Math.floor(Math.log2(c)));
  for (const [w, c] of count) {
    if (c < minW) continue;
    const id = wid.get(w);
    const lw = w.toLowerCase();
    rows.push(`${w}\t${id === undefined ? -1 : leaf[id]}\t${fb(c)}\t${lw === w ? capBucket(lw) : 0}\t${id === undefined ? -1 : leaf2[id]}`);
    seen.add(w);
  }
  // lower-case keys that never occur in lower case still carry the capitalisation ratio
  for (const lw of allMid.keys()) {
    if (seen.has(lw)) continue;
    const cb = capBucket(lw);
    if (cb && (allMid.get(lw) ?? 0) >= minW) rows.push(`${lw}\t-1\t0\t${cb}\t-1`);
  }
  writeFileSync(o.out, gzipSync(rows.join('\n') + '\n', { level: 9 }));
  log(`wrote ${o.out}: ${rows.length - 1} words (${((Date.now() - t0) / 1000).toFixed(1)}s)`);
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

function randomProjection(V: number, K: number, D: number, rp: Int32Array, ci: Int32Array, val: Float32Array, rand: () => number): Float32Array {
  const R = new Float32Array(K * D);
  for (let i = 0; i < R.length; i++) { const u = rand(); R[i] = u < 1 / 6 ? 1 : u < 2 / 6 ? -1 : 0; }
  const X = new Float32Array(V * D);
  for (let w = 0; w < V; w++) {
    const xo = w * D;
    for (let e = rp[w]; e < rp[w + 1]; e++) {
      const ro = ci[e] * D;
      const v = val[e];
      for (let d = 0; d < D; d++) X[xo + d] += v * R[ro + d];
    }
  }
  return X;
}

/** Y (V x r) = A M, A sparse V x K, M dense K x r. */
function spmm(V: number, r: number, rp: Int32Array, ci: Int32Array, val: Float32Array, M: Float32Array): Float32Array {
  const Y = new Float32Array(V * r);
  for (let w = 0; w < V; w++) {
    const yo = w * r;
    for (let e = rp[w]; e < rp[w + 1]; e++) {
      const mo = ci[e] * r;
      const v = val[e];
      for (let d = 0; d < r; d++) Y[yo + d] += v * M[mo + d];
    }
  }
  return Y;
}
/** Z (K x r) = A^T Y. */
function spmmT(V: number, K: number, r: number, rp: Int32Array, ci: Int32Array, val: Float32Array, Y: Float32Array): Float32Array {
  const Z = new Float32Array(K * r);
  for (let w = 0; w < V; w++) {
    const yo = w * r;
    for (let e = rp[w]; e < rp[w + 1]; e++) {
      const zo = ci[e] * r;
      const v = val[e];
      for (let d = 0; d < r; d++) Z[zo + d] += v * Y[yo + d];
    }
  }
  return Z;
}
/** Orthonormalise the columns of Y (n x r, row-major) in place (modified Gram-Schmidt, column-major copy). */
function orthonormalize(Y: Float32Array, n: number, r: number): void {
  const cols: Float64Array[] = [];
  for (let d = 0; d < r; d++) { const c = new Float64Array(n); for (let i = 0; i < n; i++) c[i] = Y[i * r + d]; cols.push(c); }
  for (let d = 0; d < r; d++) {
    const c = cols[d];
    for (let e = 0; e < d; e++) {
      const q = cols[e];
      let dot = 0;
      for (let i = 0; i < n; i++) dot += c[i] * q[i];
      for (let i = 0; i < n; i++) c[i] -= dot * q[i];
    }
    let nn = 0;
    for (let i = 0; i < n; i++) nn += c[i] * c[i];
    nn = Math.sqrt(nn) || 1;
    for (let i = 0; i < n; i++) c[i] /= nn;
  }
  for (let d = 0; d < r; d++) { const c = cols[d]; for (let i = 0; i < n; i++) Y[i * r + d] = c[i]; }
}
/** Symmetric eigen-decomposition (cyclic Jacobi). Returns eigenvalues and eigenvectors (columns of E, row-major n x n). */
function jacobiEigen(Ain: Float64Array, n: number): { values: Float64Array; E: Float64Array } {
  const A = Float64Array.from(Ain);
  const E = new Float64Array(n * n);
  for (let i = 0; i < n; i++) E[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q] ** 2;
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p];
          const akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k];
          const aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const ekp = E[k * n + p];
          const ekq = E[k * n + q];
          E[k * n + p] = c * ekp - s * ekq;
          E[k * n + q] = s * ekp + c * ekq;
        }
      }
    }
  }
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) values[i] = A[i * n + i];
  return { values, E };
}

/** Rank-D truncated SVD of the sparse matrix; returns U * sqrt(S) (V x D). */
function randomizedSvd(V: number, K: number, D: number, rp: Int32Array, ci: Int32Array, val: Float32Array, rand: () => number, log: (m: string) => void): Float32Array {
  const r = D + 12;
  const Om = new Float32Array(K * r);
  for (let i = 0; i < Om.length; i++) Om[i] = gaussian(rand);
  let Y = spmm(V, r, rp, ci, val, Om);
  orthonormalize(Y, V, r);
  for (let it = 0; it < 2; it++) {
    const Z = spmmT(V, K, r, rp, ci, val, Y);
    orthonormalize(Z, K, r);
    Y = spmm(V, r, rp, ci, val, Z);
    orthonormalize(Y, V, r);
  }
  // B = Q^T A (r x K) = (A^T Q)^T ; BB^T = Z^T Z with Z = A^T Q (K x r)
  const Z = spmmT(V, K, r, rp, ci, val, Y);
  const G = new Float64Array(r * r);
  for (let k = 0; k < K; k++) {
    const zo = k * r;
    for (let a = 0; a < r; a++) { const za = Z[zo + a]; if (za === 0) continue; for (let b = a; b < r; b++) G[a * r + b] += za * Z[zo + b]; }
  }
  for (let a = 0; a < r; a++) for (let b = 0; b < a; b++) G[a * r + b] = G[b * r + a];
  const { values, E } = jacobiEigen(G, r);
  const order = Array.from({ length: r }, (_, i) => i).sort((a, b) => values[b] - values[a]).slice(0, D);
  log(`svd: top singular values ${order.slice(0, 5).map((i) => Math.sqrt(Math.max(values[i], 0)).toFixed(1)).join(' ')}`);
  // U = Q * E_top ; embedding = U * sqrt(sigma)
  const X = new Float32Array(V * D);
  for (let w = 0; w < V; w++) {
    const yo = w * r;
    for (let j = 0; j < D; j++) {
      const col = order[j];
      let s = 0;
      for (let a = 0; a < r; a++) s += Y[yo + a] * E[a * r + col];
      X[w * D + j] = s * Math.pow(Math.max(values[col], 0), 0.25);
    }
  }
  return X;
}
