/**
 * The syntax layer later stages read: per sentence of the Doc, its syntactic words with tags, lemma and
 * dependency. A word usually is one Doc token; a contraction ("im" = in + dem) gives several words that share
 * their token's offsets.
 */
export interface SyntaxWord {
  /** The word's form ("dem" for the second word of "im"). */
  form: string;
  /** Index of the Doc token the word comes from. */
  token: number;
  /** Offsets of that token in doc.text. */
  start: number;
  end: number;
  upos: string;
  /** UD FEATS, `Name=Value|…`, '' when none. */
  feats: string;
  lemma: string;
  /** 1-based index of the head word within the sentence; 0 for the root. */
  head: number;
  /** UD relation (subtypes kept: "nsubj:pass"). */
  deprel: string;
}

export interface SyntaxSentence {
  /** Index into doc.sentences. */
  sentence: number;
  words: SyntaxWord[];
}

export interface SyntaxLayer {
  /** Models used, e.g. { tagger: "tagger-de", parser: "parser-de@1.0.0" }. */
  models: Record<string, string>;
  sentences: SyntaxSentence[];
  /** Per Doc token: index into `sentences` (-1 when the token's sentence was not analysed). */
  tokenSentence: Int32Array;
  /** Per Doc token: index of its first word in that sentence's `words` (-1 likewise). */
  tokenWord: Int32Array;
}
