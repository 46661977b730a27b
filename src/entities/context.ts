/** Per-document working state shared by the entities stage's passes (built once, read by all). */
import type { Doc, Token } from '../text/types.js';
import type { EntityType } from '../contract/schema.js';
import type { EntityMentionKind } from './types.js';
import type { EntityLexicon, GazTarget } from './lexicon.js';

export interface Ctx {
  doc: Doc;
  lex: EntityLexicon;
  text: string;
  toks: Token[];
  /** Lower-cased token texts. */
  low: string[];
  /** 1 where a token lies in the byline or the dateline: never mined for actors. */
  excluded: Uint8Array;
  /** 1 where a token lies inside quotation marks. */
  quoted: Uint8Array;
  /** Sentence index of each token. */
  sentOf: Int32Array;
  /** Index of the token containing char position `pos` (or the next token when `pos` is between tokens). */
  tokenAt(pos: number): number;
}

/** A mention before entities exist: where, what type, and (for gazetteer hits) which entity. */
export interface Cand {
  start: number;
  end: number;
  tokenStart: number;
  tokenEnd: number;
  type: EntityType;
  kind: EntityMentionKind;
  genitive: boolean;
  locative?: boolean;
  /** Known entity (country, capital, demonym, well-known organisation). */
  target?: GazTarget;
  /** The name as written, genitive/possessive stripped. */
  surface: string;
  /** Normalised matching key. */
  key: string;
  source: 'ner' | 'gazetteer' | 'title' | 'rescan' | 'acronym';
  /** Entity id once resolved. */
  entity?: string;
}

const QUOTE_OPEN = new Set(['„', '“', '"', '»', '«', '”']);

export function makeCtx(doc: Doc, lex: EntityLexicon): Ctx {
  const toks = doc.tokens;
  const n = toks.length;
  const low = new Array<string>(n);
  for (let i = 0; i < n; i++) low[i] = toks[i].text.toLowerCase();
  const starts = new Int32Array(n);
  for (let i = 0; i < n; i++) starts[i] = toks[i].start;
  const tokenAt = (pos: number): number => {
    let lo = 0, hi = n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] <= pos) lo = mid + 1; else hi = mid; }
    const i = lo - 1;
    return i >= 0 && toks[i].end > pos ? i : lo;
  };
  const excluded = new Uint8Array(n);
  const spans = [doc.byline?.span, doc.dateline?.span].filter((s): s is { start: number; end: number; text: string } => !!s);
  for (const s of spans) for (let i = tokenAt(s.start); i < n && toks[i].start < s.end; i++) excluded[i] = 1;
  const sentOf = new Int32Array(n);
  doc.sentences.forEach((s, si) => { for (let i = s.tokenStart; i < s.tokenEnd && i < n; i++) sentOf[i] = si; });
  return { doc, lex, text: doc.text, toks, low, excluded, quoted: markQuoted(doc), sentOf, tokenAt };
}

/**
 * Marks tokens inside quotation marks, paragraph by paragraph (an unclosed quote ends with its paragraph).
 * Straight quotes toggle; typographic ones open/close by their shape („…“, “…”, »…«, «…»).
 */
function markQuoted(doc: Doc): Uint8Array {
  const toks = doc.tokens;
  const out = new Uint8Array(toks.length);
  let p = 0;
  let open: string | null = null;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    while (p < doc.paragraphs.length && doc.paragraphs[p].end <= t.start) { p++; open = null; }
    const c = t.text;
    if (c.length === 1 && QUOTE_OPEN.has(c)) {
      if (open === null) { open = c; continue; }
      if (closes(open, c)) { open = null; continue; }
    }
    if (open !== null) out[i] = 1;
  }
  return out;
}

function closes(open: string, c: string): boolean {
  switch (open) {
    case '„': return c === '“' || c === '"';
    case '“': return c === '”' || c === '“';
    case '»': return c === '«';
    case '«': return c === '»';
    case '"': return c === '"' || c === '“' || c === '”';
    default: return c === '"';
  }
}

/** ASCII-folded, lower-cased, dot-free key: "U.S. Steel" and "US Steel" meet. */
export function foldKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[.’']/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** An id-safe slug: "Robert O'Brien" → "robert-obrien", "Außenministerium" → "aussenministerium". */
export function slug(s: string): string {
  return foldKey(s).replace(/ /g, '-');
}

export const isUpper = (ch: string | undefined) => !!ch && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
export const isLetter = (ch: string | undefined) => !!ch && /\p{L}/u.test(ch);
