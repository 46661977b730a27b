/**
 * Read-only indexes over the Doc that every part of the quotes stage shares: lowercased tokens,
 * token → sentence, token → quote span, char offset → token, entity mentions by token.
 */
import type { Doc } from '../text/types.js';
import { findDateline } from '../text/byline.js';
import type { EntityLayer, EntityMention } from '../entities/types.js';
import type { QuoteLexicon, VerbForm } from './lexicon.js';
import type { QuoteSpan } from './marks.js';

export interface DocView {
  doc: Doc;
  lex: QuoteLexicon;
  entities: EntityLayer;
  lower: string[];
  /** Sentence index of each token (-1 outside every sentence). */
  sentOf: Int32Array;
  /** 1 + index of the quote span whose content holds the token; 0 outside quotes. */
  quoteOf: Int32Array;
  spans: QuoteSpan[];
  /** Per token: 0 not a reporting verb, VERB_ONLY a verb that reports nothing here (negated, an infinitive
   *  with "zu"/"to"), VERB_CUE a reporting verb usable as a cue. */
  verbMask: Uint8Array;
  /** Token of each span's opening and closing mark (spans are in text order, so both are sorted). */
  spanOpen: Int32Array;
  spanClose: Int32Array;
  /** Lowercased words seen capitalised inside a sentence (not after a quote mark or colon): in a language that
   *  does not capitalise nouns, the evidence that a sentence-initial capital belongs to a name. */
  capitalisedInside: Set<string>;
  /** The dateline's span: the text layer's, or one opening the paragraph after a long headline it took for text. */
  dateline: { start: number; end: number } | null;
  /** The parse on demand (the pipeline's lazy syntax stage), when the stage was given one. */
  syntaxOf?: () => SyntaxLayer | null;
}

import type { SyntaxLayer } from '../syntax/types.js';

const PUNCT = /^[^\p{L}\p{N}]+$/u;
const UPPER_START = /^\p{Lu}/u;
const QUOTE_CHARS = new Set(['„', '“', '”', '"', '»', '«', '‚', '‘', '’', '\'']);

export function buildView(doc: Doc, lex: QuoteLexicon, entities: EntityLayer, spans: QuoteSpan[]): DocView {
  const n = doc.tokens.length;
  const lower = new Array<string>(n);
  for (let i = 0; i < n; i++) lower[i] = doc.tokens[i].text.toLowerCase();
  const sentOf = new Int32Array(n).fill(-1);
  doc.sentences.forEach((s, k) => { for (let t = s.tokenStart; t < s.tokenEnd && t < n; t++) sentOf[t] = k; });
  const quoteOf = new Int32Array(n);
  const spanOpen = new Int32Array(spans.length), spanClose = new Int32Array(spans.length);
  spans.forEach((q, k) => {
    spanOpen[k] = tokenAt(doc, q.open);
    spanClose[k] = tokenAt(doc, q.close);
    for (let t = tokenAt(doc, q.start); t < n && doc.tokens[t].end <= q.end; t++) quoteOf[t] = k + 1;
  });
  const capitalisedInside = new Set<string>();
  for (let i = 1; i < n; i++) {
    if (sentOf[i] < 0 || sentOf[i - 1] !== sentOf[i] || !UPPER_START.test(doc.tokens[i].text)) continue;
    const prev = doc.tokens[i - 1].text;
    if (!QUOTE_CHARS.has(prev) && prev !== ':' && prev !== '-' && prev !== '–' && prev !== '(') capitalisedInside.add(lower[i]);
  }
  const view: DocView = {
    doc, lex, entities, lower, sentOf, quoteOf, spans, spanOpen, spanClose, verbMask: new Uint8Array(n), capitalisedInside,
    dateline: datelineOf(doc),
  };
  markVerbs(view);
  return view;
}

/** A first paragraph of one line with no closing punctuation is a headline, whatever its length. */
/** Fewest letters a capitals-only dateline run into the first sentence must have ("TOKYO", not "EU"): set by hand. */
const MIN_CAPS_DATELINE = 5;

/**
 * A wire dateline run into the first sentence without agency or dash ("LIMA/QUITO The Peruvian government
 * said …"): capitals-only words (places joined by "/") opening the first paragraph, before a word in mixed case.
 */
function capsDateline(doc: Doc): { start: number; end: number } | null {
  const p = doc.paragraphs.find((x) => !x.heading);
  if (!p) return null;
  const m = /^(\p{Lu}[\p{Lu}.'’-]*(?:[ /]\p{Lu}[\p{Lu}.'’-]*)*) (?=\p{Lu}\p{Ll})/u.exec(doc.text.slice(p.start, p.end));
  if (!m || m[1].replace(/[^\p{L}]/gu, '').length < MIN_CAPS_DATELINE) return null;
  return { start: p.start, end: p.start + m[1].length };
}

function datelineOf(doc: Doc): { start: number; end: number } | null {
  if (doc.dateline) return doc.dateline.span;
  const caps = capsDateline(doc);
  if (caps) return caps;
  const p0 = doc.paragraphs[0];
  if (!p0 || doc.paragraphs.length < 2) return null;
  const first = doc.text.slice(p0.start, p0.end).trim();
  if (first.includes('\n') || /[.!?:;]["»«“”']?$/.test(first)) return null;
  return findDateline(doc.text, doc.paragraphs.slice(1))?.span ?? null;
}

export const VERB_ONLY = 1;
export const VERB_CUE = 2;

/**
 * Which tokens are reporting verbs, computed once. A verb form is no verb when it is part of a name ("United
 * States", an entity name mention) or capitalised inside a sentence ("das Sagen", "States"); a verb reports
 * nothing when negated ("has not confirmed", "bestätigte nicht") or when it is an infinitive after the
 * infinitive marker ("sich zu äußern", "to comment") — a refusal or an intention, not a statement.
 */
function markVerbs(v: DocView): void {
  const { lex, lower, doc } = v;
  const n = lower.length;
  const heading = new Uint8Array(doc.paragraphs.length);
  doc.paragraphs.forEach((p, k) => { heading[k] = p.heading ? 1 : 0; });
  for (let i = 0; i < n; i++) {
    if (!lex.verbs.has(lower[i])) continue;
    if (isCap(v, i) && !clauseInitial(v, i)) {
      const k = v.sentOf[i];
      if (!(k >= 0 && heading[doc.sentences[k].paragraph])) continue;
    }
    v.verbMask[i] = negated(v, i) || (i > 0 && lex.infinitiveMarkers.has(lower[i - 1])) ? VERB_ONLY : VERB_CUE;
  }
  for (const m of v.entities.mentions) {
    if (m.kind !== 'name' && m.kind !== 'alias' && m.kind !== 'acronym') continue;
    for (let t = m.tokenStart; t < m.tokenEnd && t < n; t++) v.verbMask[t] = 0;
  }
}

/** Does token i open its sentence or clause (so a capital letter says nothing about it)? */
function clauseInitial(v: DocView, i: number): boolean {
  const k = v.sentOf[i];
  if (k >= 0 && sentenceRange(v, k)[0] === i) return true;
  if (i === 0) return true;
  const p = v.doc.tokens[i - 1].text;
  return isQuoteMark(v, i - 1) || /^[.!?:;(\[–—-]$/.test(p);
}

/** Is the verb at i negated: a negation just before it (over auxiliaries, adverbs, reflexives) or, in a
 *  verb-second language, just after the finite verb ("bestätigte nicht", "äußerte sich nicht")? */
function negated(v: DocView, i: number): boolean {
  const { lex, lower } = v;
  const skip = (w: string) => lex.auxiliaries.has(w) || lex.adverbs.has(w) || lex.reflexives.has(w);
  for (let k = i - 1, hops = 0; k >= 0 && hops < 4; k--, hops++) {
    if (lex.negations.has(lower[k])) return !lex.negationBlockers.has(lower[k + 1] ?? '');
    if (!skip(lower[k])) break;
  }
  if (lex.verbSecond) {
    for (let k = i + 1, hops = 0; k < lower.length && hops < 3; k++, hops++) {
      if (lex.negations.has(lower[k])) return !lex.negationBlockers.has(lower[k + 1] ?? '');
      if (!skip(lower[k])) break;
    }
  }
  return false;
}

/** The reporting verb at token i (also one that reports nothing here), or undefined. */
export function verbAt(v: DocView, i: number): VerbForm | undefined {
  return v.verbMask[i] ? v.lex.verbs.get(v.lower[i]) : undefined;
}

/** The reporting verb at token i when it can carry a statement (not negated, no infinitive), or undefined. */
export function cueAt(v: DocView, i: number): VerbForm | undefined {
  return v.verbMask[i] === VERB_CUE ? v.lex.verbs.get(v.lower[i]) : undefined;
}

/** Index of the first quote span whose closing mark is at or after token `t` (spans.length when none). */
export function firstSpanEndingFrom(v: DocView, t: number): number {
  let lo = 0, hi = v.spanClose.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (v.spanClose[mid] < t) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Indexes of the quote spans (marks included) overlapping the token range [a, b). */
export function spansOverlapping(v: DocView, a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = firstSpanEndingFrom(v, a); i < v.spanOpen.length && v.spanOpen[i] < b; i++) out.push(i);
  return out;
}

/** Index of the first token that starts at or after `offset` (tokens.length when none). */
export function tokenAt(doc: Doc, offset: number): number {
  const toks = doc.tokens;
  let lo = 0, hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < offset) lo = mid + 1; else hi = mid;
  }
  return lo;
}

export const isPunct = (v: DocView, i: number) => PUNCT.test(v.doc.tokens[i].text);
export const isQuoteMark = (v: DocView, i: number) => QUOTE_CHARS.has(v.doc.tokens[i].text);
/** Capitalised, counting a number-led compound noun ("67-Jährige", "5-Sterne-Hotel") as capitalised. */
export const isCap = (v: DocView, i: number) => /^(?:\d+-)?\p{Lu}/u.test(v.doc.tokens[i].text);
export const isWord = (v: DocView, i: number) => /[\p{L}\p{N}]/u.test(v.doc.tokens[i].text);

/** Token range [start, end) of sentence k. */
export function sentenceRange(v: DocView, k: number): [number, number] {
  const s = v.doc.sentences[k];
  if (!s) return [0, v.lower.length];
  let a = s.tokenStart;
  const end = Math.min(s.tokenEnd, v.lower.length);
  // A dateline ("WASHINGTON (Wire) -") is no part of the first sentence's grammar.
  const dl = v.dateline;
  if (dl && v.doc.tokens[a] && v.doc.tokens[a].start <= dl.start && dl.end > v.doc.tokens[a].start) {
    while (a < end && v.doc.tokens[a].start < dl.end) a++;
    while (a < end && /^[-–—:]$/.test(v.doc.tokens[a].text)) a++;
  }
  return [a, end];
}

/** Sentence-end limit for token i: the end of its sentence (or the text). */
export function sentenceEndOf(v: DocView, i: number): number {
  const k = v.sentOf[i];
  return k >= 0 ? sentenceRange(v, k)[1] : v.lower.length;
}

export function sentenceStartOf(v: DocView, i: number): number {
  const k = v.sentOf[i];
  return k >= 0 ? sentenceRange(v, k)[0] : 0;
}

/** Entity mentions lying inside the token range [a, b). */
export function mentionsIn(v: DocView, a: number, b: number): EntityMention[] {
  const ms = v.entities.mentions;
  if (!ms.length || a >= b) return [];
  const from = v.doc.tokens[a].start, to = v.doc.tokens[b - 1].end;
  let lo = 0, hi = ms.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (ms[mid].start < from) lo = mid + 1; else hi = mid; }
  const out: EntityMention[] = [];
  for (let k = lo; k < ms.length && ms[k].start < to; k++) if (ms[k].end <= to) out.push(ms[k]);
  return out;
}

/** The text of the token range [a, b). */
export function textOf(v: DocView, a: number, b: number): string {
  if (a >= b) return '';
  return v.doc.text.slice(v.doc.tokens[a].start, v.doc.tokens[b - 1].end);
}

export function spanOf(v: DocView, a: number, b: number): { start: number; end: number; text: string } {
  const start = v.doc.tokens[a].start, end = v.doc.tokens[b - 1].end;
  return { start, end, text: v.doc.text.slice(start, end) };
}
