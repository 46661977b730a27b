/** A tiny synthetic tagging task shared by the trainer tests. */
import { mulberry32 } from '../../src/util/hash.js';
import type { LabeledSentence } from '../../src/ml/data.js';

/** Tiny synthetic language: names after "mr", places after "in", organisations before "corp". */
export function synthetic(seed: number, n: number): LabeledSentence[] {
  const r = mulberry32(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const first = ['Anna', 'Boris', 'Chen', 'Dora', 'Emil'];
  const last = ['Kowalski', 'Nakamura', 'Smith', 'Ortega'];
  const places = ['Paris', 'Lima', 'Oslo', 'Kyoto'];
  const orgs = ['Acme', 'Globex', 'Initech'];
  const filler = ['the', 'a', 'saw', 'met', 'today', 'and', 'then', 'quickly'];
  const out: LabeledSentence[] = [];
  for (let s = 0; s < n; s++) {
    const tokens: string[] = [];
    const tags: string[] = [];
    const parts = 2 + Math.floor(r() * 3);
    for (let p = 0; p < parts; p++) {
      const k = Math.floor(r() * 4);
      tokens.push(pick(filler)); tags.push('O');
      if (k === 0) { tokens.push('mr', pick(first), pick(last)); tags.push('O', 'B-PER', 'I-PER'); }
      else if (k === 1) { tokens.push('in', pick(places)); tags.push('O', 'B-LOC'); }
      else if (k === 2) { tokens.push(pick(orgs), 'Corp'); tags.push('B-ORG', 'I-ORG'); }
      else { tokens.push(pick(places) + 'er'); tags.push('B-LOCderiv'); }
    }
    out.push({ tokens, tags, doc: s });
  }
  return out;
}
