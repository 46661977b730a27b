/**
 * Near-duplicate detection for syndicated copies: MinHash over word shingles, with LSH bands so that
 * candidates come from an indexed lookup instead of comparing against every stored article.
 * 100 hashes in 20 bands of 5: a pair with Jaccard 0.8 becomes a candidate with p≈0.9996, 0.7 with p≈0.97,
 * 0.5 with p≈0.47, 0.2 with p≈0.006; candidates are then confirmed on the full signature. (Syndicated copies
 * of one wire story sit well above 0.7; fewer bands keep the index — one row per band — small to write.)
 */
import { fmix } from '../util/hash.js';
export const NUM_HASHES = 100;
export const BANDS = 20;
const ROWS = NUM_HASHES / BANDS;
const SHINGLE = 5;
/** Estimated Jaccard similarity from which an article counts as a copy of an earlier one. */
export const DUPLICATE_THRESHOLD = 0.5;

const SEEDS: Uint32Array = (() => {
  const s = new Uint32Array(NUM_HASHES);
  let x = 0x9e3779b9;
  for (let i = 0; i < NUM_HASHES; i++) {
    x = fmix((x + 0x6d2b79f5) >>> 0);
    s[i] = x;
  }
  return s;
})();


function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Words of the text folded to lower case; punctuation, quotes and spacing do not matter. */
function words(text: string): string[] {
  return text.normalize('NFC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function minhashSignature(text: string): Uint32Array {
  const sig = new Uint32Array(NUM_HASHES).fill(0xffffffff);
  const w = words(text);
  if (w.length === 0) return sig;
  const k = Math.min(SHINGLE, w.length);
  const seen = new Set<number>();
  for (let i = 0; i + k <= w.length; i++) {
    const h = fnv1a(w.slice(i, i + k).join(' '));
    if (seen.has(h)) continue;
    seen.add(h);
    for (let j = 0; j < NUM_HASHES; j++) {
      const v = fmix((h ^ SEEDS[j]) >>> 0);
      if (v < sig[j]) sig[j] = v;
    }
  }
  return sig;
}

/** True when the text had no words (nothing to compare). */
export const isEmptySignature = (sig: Uint32Array): boolean => sig.every((v) => v === 0xffffffff);

/** One key per band; two signatures sharing any key are candidates. */
export function bandKeys(sig: Uint32Array): string[] {
  const out: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < ROWS; r++) h = fmix((h ^ sig[b * ROWS + r]) >>> 0);
    out.push(h.toString(16).padStart(8, '0'));
  }
  return out;
}

export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < NUM_HASHES; i++) if (a[i] === b[i]) same++;
  return same / NUM_HASHES;
}

export function encodeSignature(sig: Uint32Array): string {
  let s = '';
  for (let i = 0; i < sig.length; i++) s += sig[i].toString(16).padStart(8, '0');
  return s;
}

export function decodeSignature(hex: string): Uint32Array {
  const sig = new Uint32Array(hex.length / 8);
  for (let i = 0; i < sig.length; i++) sig[i] = parseInt(hex.slice(i * 8, i * 8 + 8), 16);
  return sig;
}
