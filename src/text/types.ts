/**
 * The document every stage reads. Built once by the text layer; stages never re-tokenise.
 * All offsets are JavaScript string indices into `text` (the NFC-normalised canonical text).
 */

export interface Token {
  start: number;
  end: number;
  text: string;
}

export interface Sentence {
  start: number;
  end: number;
  /** Token range [tokenStart, tokenEnd). */
  tokenStart: number;
  tokenEnd: number;
  paragraph: number;
}

export interface Paragraph {
  start: number;
  end: number;
  /** A short stand-alone line such as an all-caps subheading. */
  heading: boolean;
}

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Byline {
  reporters: string[];
  editors: string[];
  /** Where the credit line sits in the text; stages must not mine it for actors. */
  span: Span | null;
}

export interface Dateline {
  /** "TOKYO", "Washington" */
  place: string | null;
  /** "Reuters", "dpa" */
  agency: string | null;
  span: Span;
}

export interface DocumentMeta {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  /** YYYY-MM-DD or null when unknown (never invented). */
  published: string | null;
}

export interface Doc extends DocumentMeta {
  text: string;
  language: string;
  languageConfidence: number;
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  byline: Byline;
  dateline: Dateline | null;
}

/** Raw article as read from a file, stdin, HTML or a JSON Lines row, before the text layer. */
export interface RawArticle {
  text: string;
  title?: string | null;
  source?: string | null;
  url?: string | null;
  published?: string | null;
  language?: string | null;
  /** Where it came from, for error messages ("file.txt", "batch.jsonl:12"). */
  origin: string;
}
