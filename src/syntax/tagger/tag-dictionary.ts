/**
 * The UPOS each word form was seen with in the training data (its ambiguity class), for words seen at least
 * MIN_COUNT times. Neighbours' ambiguity classes tell the greedy tagger what is coming on its right.
 */
import { hashStr, sortedIndexOf } from '../../util/hash.js';
import type { Sentence } from '../conllu.js';
import type { Typed } from '../binfile.js';

/** Hapaxes are left out: at test time most words seen once behave like unseen words. */
const MIN_COUNT = 2;

export class TagDictionary {
  constructor(readonly hashes: Uint32Array, readonly masks: Uint32Array) {}

  static empty(): TagDictionary { return new TagDictionary(new Uint32Array(0), new Uint32Array(0)); }

  static build(sentences: readonly Sentence[], upos: readonly string[]): TagDictionary {
    const index = new Map(upos.map((u, i) => [u, i]));
    const seen = new Map<string, { n: number; mask: number }>();
    for (const s of sentences) {
      for (let i = 0; i < s.forms.length; i++) {
        const w = s.forms[i].toLowerCase();
        const e = seen.get(w) ?? { n: 0, mask: 0 };
        e.n++;
        e.mask |= 1 << (index.get(s.upos[i])! & 31);
        seen.set(w, e);
      }
    }
    const rows = [...seen].filter(([, e]) => e.n >= MIN_COUNT).map(([w, e]) => [hashStr(w), e.mask] as const).sort((a, b) => a[0] - b[0]);
    return new TagDictionary(Uint32Array.from(rows, (r) => r[0]), Uint32Array.from(rows, (r) => r[1]));
  }

  /** Ambiguity class of a lower-cased form (0 = unknown). */
  mask(lower: string): number {
    const i = sortedIndexOf(this.hashes, hashStr(lower));
    return i < 0 ? 0 : this.masks[i];
  }

  toArrays(): Record<string, Typed> { return { td_hashes: this.hashes, td_masks: this.masks }; }
  static fromArrays(a: Record<string, Typed>): TagDictionary {
    return a.td_hashes ? new TagDictionary(a.td_hashes as Uint32Array, a.td_masks as Uint32Array) : TagDictionary.empty();
  }
}
