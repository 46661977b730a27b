/**
 * Silver name statistics: an existing tagger reads a large unlabeled corpus, and for every word form and every
 * multi-token name we count how often it was tagged as each entity class. Aggregated over many contexts, this says
 * what an unseen name usually is ("Totnes" is a place in most of the sentences that mention it).
 * Output: a gzipped TSV of word forms and phrases with counts only (no sentences).
 */
import { createReadStream, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { createGunzip, gzipSync } from 'node:zlib';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { roughTokens } from './clusters.js';
import type { NerModel } from './model.js';

/** Count bins: the four main types, then derived ("japanische") and part ("Japan-Reise") forms of any type. */
export const SILVER_BINS = ['PER', 'LOC', 'ORG', 'OTH', 'deriv', 'part'] as const;
const NB = SILVER_BINS.length;

export function silverBin(type: string): number {
  if (type.endsWith('deriv')) return 4;
  if (type.endsWith('part')) return 5;
  if (type === 'MISC') return 3;
  const b = SILVER_BINS.indexOf(type as (typeof SILVER_BINS)[number]);
  return b < 0 ? 3 : b;
}

async function* lines(path: string): AsyncGenerator<string> {
  const input = path.endsWith('.gz') ? createReadStream(path).pipe(createGunzip()) : createReadStream(path);
  const rl = createInterface({ input, crlfDelay: Infinity });
  for await (const l of rl) yield l;
}

/** Splits a paragraph's tokens into sentences at . ! ? followed by a capitalised or quoted token. */
export function splitSentences(tokens: string[], maxLen = 120): string[][] {
  const out: string[][] = [];
  let start = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const end = (t === '.' || t === '!' || t === '?') && (i + 1 === tokens.length || /^[\p{Lu}"„“«»(]/u.test(tokens[i + 1]));
    if (end || i - start + 1 >= maxLen) { out.push(tokens.slice(start, i + 1)); start = i + 1; }
  }
  if (start < tokens.length) out.push(tokens.slice(start));
  return out;
}

export interface SilverCounts {
  /** word form -> [bins..., total occurrences] */
  words: Map<string, Int32Array>;
  /** multi-token name -> bins */
  phrases: Map<string, Int32Array>;
  tokens: number;
}

export async function countSilver(model: NerModel, files: string[], o: { maxTokens?: number; log?: (m: string) => void } = {}): Promise<SilverCounts> {
  const words = new Map<string, Int32Array>();
  const phrases = new Map<string, Int32Array>();
  const log = o.log ?? (() => {});
  let tokens = 0;
  let next = 1_000_000;
  const t0 = Date.now();
  const row = (m: Map<string, Int32Array>, k: string, n: number): Int32Array => {
    let r = m.get(k);
    if (!r) { r = new Int32Array(n); m.set(k, r); }
    return r;
  };
  outer: for (const f of files) {
    for await (const l of lines(f)) {
      const toks = roughTokens(l);
      if (!toks.length) continue;
      for (const s of splitSentences(toks)) {
        const tags = model.tag(s);
        for (let i = 0; i < s.length; i++) {
          const w = s[i];
          if (!/^\p{L}/u.test(w)) continue;
          row(words, w, NB + 1)[NB]++;
          const t = tags[i];
          if (t === 'O') continue;
          row(words, w, NB + 1)[silverBin(t.slice(2))]++;
          if (t.startsWith('B-')) {
            let j = i + 1;
            while (j < s.length && tags[j] === 'I-' + t.slice(2)) j++;
            if (j - i >= 2 && j - i <= 6) row(phrases, s.slice(i, j).join(' '), NB)[silverBin(t.slice(2))]++;
          }
        }
        tokens += s.length;
      }
      if (tokens >= next) { log(`  ${(tokens / 1e6).toFixed(0)}M tokens, ${((Date.now() - t0) / 1000).toFixed(0)}s`); next += 1_000_000; }
      if (o.maxTokens && tokens >= o.maxTokens) break outer;
    }
  }
  return { words, phrases, tokens };
}

export function corpusFiles(dataDir: string, lang: string): string[] {
  const dir = join(dataDir, `unlabeled-${lang}`);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.txt.gz')).sort().map((f) => join(dir, f));
}

/** Writes the counts: "w\tform\tbins...\ttotal" for words tagged at least minCount times, "p\tphrase\tbins..." for phrases. */
export function writeSilver(c: SilverCounts, out: string, minCount = 2): { words: number; phrases: number } {
  const lines: string[] = [`#silver\t${SILVER_BINS.join(',')}\t${c.tokens}`];
  let nw = 0;
  let np = 0;
  const sum = (r: Int32Array, n: number): number => { let s = 0; for (let i = 0; i < n; i++) s += r[i]; return s; };
  for (const [w, r] of [...c.words].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (sum(r, NB) < minCount) continue;
    lines.push(`w\t${w}\t${Array.from(r).join('\t')}`);
    nw++;
  }
  for (const [p, r] of [...c.phrases].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (sum(r, NB) < minCount) continue;
    lines.push(`p\t${p}\t${Array.from(r).join('\t')}`);
    np++;
  }
  writeFileSync(out, gzipSync(Buffer.from(lines.join('\n') + '\n')));
  return { words: nw, phrases: np };
}

/**
 * One byte per word form: 0 = no evidence; else 1 + dominant bin * 27 + purity * 9 + name ratio * 3 + count bucket
 * (purity: share of the dominant bin; name ratio: tagged occurrences / all occurrences).
 */
export function silverCode(r: ArrayLike<number>): number {
  let ent = 0;
  let best = 0;
  for (let b = 0; b < NB; b++) { ent += r[b]; if (r[b] > r[best]) best = b; }
  if (ent < 2) return 0;
  const share = r[best] / ent;
  const purity = share >= 0.9 ? 2 : share >= 0.6 ? 1 : 0;
  const total = r.length > NB ? r[NB] : ent;
  const ratio = ent / Math.max(total, 1);
  const rb = ratio >= 0.7 ? 2 : ratio >= 0.25 ? 1 : 0;
  const cb = ent < 5 ? 0 : ent < 50 ? 1 : 2;
  return 1 + best * 27 + purity * 9 + rb * 3 + cb;
}

/** Dominant bin of a phrase if it is pure enough (>= 0.75 of at least 3 tags), else -1. */
export function silverPhraseType(r: ArrayLike<number>): number {
  let ent = 0;
  let best = 0;
  for (let b = 0; b < NB; b++) { ent += r[b]; if (r[b] > r[best]) best = b; }
  if (ent < 3 || r[best] / ent < 0.75) return -1;
  return best;
}
