/**
 * Distributional word classes from unlabeled text, read from the NER's word statistics
 * (models/wordstats-<lang>.tsv.gz: word, leaf cluster, log2 frequency bucket, capitalisation bucket; written by
 * `backchannel train ner-wordstats`, see src/ml/clusters.ts) and compiled into the tagger as sorted hashes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { hashStr, sortedIndexOf } from '../../util/hash.js';
import type { Typed } from '../binfile.js';

export class WordClasses {
  constructor(
    readonly hashes: Uint32Array,
    /** Leaf cluster (-1 none). */
    readonly leaf: Int16Array,
    readonly freq: Uint8Array,
    /** How often the lower-case form is capitalised mid-sentence, bucket 1..5 (0 unknown). */
    readonly capRatio: Uint8Array,
    readonly branching: number,
  ) {}

  static empty(): WordClasses {
    return new WordClasses(new Uint32Array(0), new Int16Array(0), new Uint8Array(0), new Uint8Array(0), 16);
  }

  /** Read a wordstats file; a missing file gives an empty table (the tagger then trains without clusters). */
  static read(path: string): WordClasses {
    if (!existsSync(path)) return WordClasses.empty();
    const lines = gunzipSync(readFileSync(path)).toString('utf8').split('\n');
    let branching = 16;
    const rows: Array<[number, number, number, number]> = [];
    for (let i = 0; i < lines.length; i++) {
      const f = lines[i].split('\t');
      if (i === 0 && f[0] === '#branching') { branching = Number(f[1]); continue; }
      if (f.length < 4) continue;
      const leaf = Number(f[1]);
      const freq = Number(f[2]);
      if (!Number.isFinite(leaf) || !Number.isFinite(freq)) throw new Error(`${path}:${i + 1}: expected word, cluster, frequency bucket, capitalisation bucket`);
      rows.push([hashStr(f[0]), leaf, freq, Number(f[3]) || 0]);
    }
    rows.sort((a, b) => a[0] - b[0]);
    const uniq = rows.filter((r, i) => i === 0 || r[0] !== rows[i - 1][0]);
    return new WordClasses(Uint32Array.from(uniq, (r) => r[0]), Int16Array.from(uniq, (r) => r[1]), Uint8Array.from(uniq, (r) => r[2]), Uint8Array.from(uniq, (r) => r[3]), branching);
  }

  find(word: string): number {
    return sortedIndexOf(this.hashes, hashStr(word));
  }

  toArrays(): Record<string, Typed> {
    return { wc_hashes: this.hashes, wc_leaf: this.leaf, wc_freq: this.freq, wc_cap: this.capRatio };
  }
  static fromArrays(a: Record<string, Typed>, branching: number): WordClasses {
    return new WordClasses(a.wc_hashes as Uint32Array, a.wc_leaf as Int16Array, a.wc_freq as Uint8Array, a.wc_cap as Uint8Array, branching);
  }
}
