/**
 * Word-level resources compiled into a model: distributional clusters, corpus frequency,
 * capitalisation ratio and gazetteer bits per word form, plus a multi-token phrase gazetteer.
 */

export const GAZ = {
  FIRST: 1 << 0, // first name (nam_dict)
  FIRST_COMMON: 1 << 1, // first name frequent in DE/AT/CH or GB/US/IE
  COUNTRY: 1 << 2,
  CAPITAL: 1 << 3,
  CITY: 1 << 4,
  LASTNAME: 1 << 5, // surname of a known person (Bundestag speakers)
  ORG: 1 << 6, // party / organisation name
  DEMONYM: 1 << 7, // adjective or person noun derived from a place
  ROLE: 1 << 8, // role noun / compound head ("Minister", "-sprecher")
  // spelling dictionary (hunspell .dic of the language), for the form or its stem after an inflection ending
  DICT_NOUN: 1 << 9, // capitalised entry that inflects or compounds like a common noun
  DICT_NAME: 1 << 10, // capitalised entry with at most a genitive -s (how the dictionary lists names)
  DICT_LOWER: 1 << 11, // the lower-case form is an entry (adjective, verb, ...)
  // bits 12-14: the word's usual type inside names of the training data, 1 PER, 2 LOC, 3 ORG, 4 OTH (0 = none)
  TRAIN_TYPE_SHIFT: 12,
  TRAIN_TYPE_MASK: 7 << 12,
} as const;

export const PHRASE_TYPES = ['LOC', 'PER', 'ORG'] as const;

export interface LexiconData {
  words: string[];
  /** Leaf cluster id per word or -1. */
  cluster: Int16Array;
  /** Leaf id in a second, independent clustering (or -1). */
  cluster2: Int16Array;
  /** Bits from GAZ. */
  flags: Uint16Array;
  /** log2 bucket of the word's count in unlabeled text (0 = unseen). */
  freq: Uint8Array;
  /** For lower-case-keyed entries: bucket 1..5 of how often the form is capitalised mid-sentence (0 = unknown). */
  capRatio: Uint8Array;
  /** Cluster tree branching factor (leaf = a*B^2 + b*B + c). */
  branching: number;
  /** Multi-token phrases: "New York" -> type index in PHRASE_TYPES. */
  phrases: string[];
  phraseTypes: Uint8Array;
}

export class Lexicon {
  readonly index = new Map<string, number>();
  /** first token of a phrase -> max phrase length (in tokens) starting with it. */
  readonly phraseFirst = new Map<string, number>();
  readonly phraseMap = new Map<string, number>();
  readonly hasCluster2: boolean;
  /** Whether spelling-dictionary classes (GAZ.DICT_*) were compiled in. */
  readonly hasDict: boolean;
  /** Whether the training data's name types (GAZ.TRAIN_TYPE_SHIFT bits) were compiled in (enables compound-part features). */
  readonly hasTrainTypes: boolean;
  constructor(readonly data: LexiconData) {
    this.hasTrainTypes = data.flags.some((x) => (x & GAZ.TRAIN_TYPE_MASK) !== 0);
    this.hasCluster2 = data.cluster2.some((x) => x >= 0);
    this.hasDict = data.flags.some((x) => (x & (7 << 9)) !== 0);
    const w = data.words;
    for (let i = 0; i < w.length; i++) this.index.set(w[i], i);
    for (let i = 0; i < data.phrases.length; i++) {
      const p = data.phrases[i];
      this.phraseMap.set(p, data.phraseTypes[i]);
      const parts = p.split(' ');
      const prev = this.phraseFirst.get(parts[0]) ?? 0;
      if (parts.length > prev) this.phraseFirst.set(parts[0], parts.length);
    }
  }
  static empty(): Lexicon {
    return new Lexicon({
      words: [], cluster: new Int16Array(0), cluster2: new Int16Array(0), flags: new Uint16Array(0), freq: new Uint8Array(0), capRatio: new Uint8Array(0),
      branching: 16, phrases: [], phraseTypes: new Uint8Array(0),
    });
  }
}

/** Mutable builder used at training time. */
export class LexiconBuilder {
  private idx = new Map<string, number>();
  words: string[] = [];
  cluster: number[] = [];
  cluster2: number[] = [];
  flags: number[] = [];
  freq: number[] = [];
  capRatio: number[] = [];
  phrases = new Map<string, number>();
  branching = 16;
  id(w: string): number {
    let i = this.idx.get(w);
    if (i === undefined) {
      i = this.words.length;
      this.idx.set(w, i);
      this.words.push(w);
      this.cluster.push(-1);
      this.cluster2.push(-1);
      this.flags.push(0);
      this.freq.push(0);
      this.capRatio.push(0);
    }
    return i;
  }
  has(w: string): boolean { return this.idx.has(w); }
  addFlag(w: string, bit: number): void { this.flags[this.id(w)] |= bit; }
  addPhrase(p: string, type: number): void { if (!this.phrases.has(p)) this.phrases.set(p, type); }
  build(): Lexicon {
    const phrases = [...this.phrases.keys()];
    return new Lexicon({
      words: this.words,
      cluster: Int16Array.from(this.cluster),
      cluster2: Int16Array.from(this.cluster2),
      flags: Uint16Array.from(this.flags),
      freq: Uint8Array.from(this.freq),
      capRatio: Uint8Array.from(this.capRatio),
      branching: this.branching,
      phrases,
      phraseTypes: Uint8Array.from(phrases.map((p) => this.phrases.get(p)!)),
    });
  }
}
