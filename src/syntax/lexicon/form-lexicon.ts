/**
 * The run-time full-form lexicon compiled into a tagger model: form hash -> analyses (UPOS, union of feature
 * values, lemma as an edit rule). Sorted hashes with binary search: no map to build at load time.
 */
import { hashStr, sortedIndexOf } from '../../util/hash.js';
import type { Typed } from '../binfile.js';
import type { LexiconEntry } from './lexicon-file.js';
import { ruleOf } from '../lemma/edit-rule.js';

export class FormLexicon {
  constructor(
    readonly hashes: Uint32Array,
    /** Entries of form k: starts[k] .. starts[k+1]. */
    readonly starts: Uint32Array,
    readonly entUpos: Uint8Array,
    readonly entFeats: Uint32Array,
    readonly entRule: Uint32Array,
    readonly uposNames: string[],
    readonly featsNames: string[],
    readonly ruleNames: string[],
  ) {}

  static empty(): FormLexicon {
    return new FormLexicon(new Uint32Array(0), new Uint32Array(1), new Uint8Array(0), new Uint32Array(0), new Uint32Array(0), [], [], []);
  }

  get size(): number { return this.hashes.length; }

  static build(entries: readonly LexiconEntry[]): FormLexicon {
    const upos = new Map<string, number>();
    const feats = new Map<string, number>();
    const rules = new Map<string, number>();
    const id = (m: Map<string, number>, k: string): number => {
      let v = m.get(k);
      if (v === undefined) m.set(k, (v = m.size));
      return v;
    };
    const rows = entries.map((e) => ({ h: hashStr(e.form), u: id(upos, e.upos), f: id(feats, e.feats), r: id(rules, ruleOf(e.form, e.lemma)) }));
    rows.sort((a, b) => a.h - b.h || a.u - b.u || a.f - b.f || a.r - b.r);
    const hashes: number[] = [];
    const starts: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      if (i === 0 || rows[i].h !== rows[i - 1].h) { hashes.push(rows[i].h); starts.push(i); }
    }
    starts.push(rows.length);
    if (upos.size > 255) throw new Error('lexicon: more than 255 UPOS values');
    return new FormLexicon(
      Uint32Array.from(hashes), Uint32Array.from(starts), Uint8Array.from(rows, (r) => r.u), Uint32Array.from(rows, (r) => r.f),
      Uint32Array.from(rows, (r) => r.r), [...upos.keys()], [...feats.keys()], [...rules.keys()],
    );
  }

  /** Index of the form (for range()) or -1. */
  find(form: string): number {
    return sortedIndexOf(this.hashes, hashStr(form));
  }

  toArrays(prefix: string): Record<string, Typed> {
    return {
      [prefix + 'hashes']: this.hashes, [prefix + 'starts']: this.starts, [prefix + 'upos']: this.entUpos,
      [prefix + 'feats']: this.entFeats, [prefix + 'rule']: this.entRule,
    };
  }
  toMeta(): { upos: string[]; feats: string[]; rules: string[] } {
    return { upos: this.uposNames, feats: this.featsNames, rules: this.ruleNames };
  }
  static fromParts(prefix: string, arrays: Record<string, Typed>, meta: { upos: string[]; feats: string[]; rules: string[] }): FormLexicon {
    return new FormLexicon(
      arrays[prefix + 'hashes'] as Uint32Array, arrays[prefix + 'starts'] as Uint32Array, arrays[prefix + 'upos'] as Uint8Array,
      arrays[prefix + 'feats'] as Uint32Array, arrays[prefix + 'rule'] as Uint32Array, meta.upos, meta.feats, meta.rules,
    );
  }
}
