/**
 * Annotators write spans as anchors — the exact words a span starts and ends with — and never type offsets;
 * `anchorWorkFile` turns such a working file into a backchannel.news-gold/1 file with offsets and checks.
 *   { "text": "exact span" }                  a short span, written out
 *   { "from": "first words", "to": "last words" }   a long span, by its first and last words
 *   "n": k                                    the k-th occurrence (1-based) when the start text occurs more than once
 */
import { spanCheck } from './text.js';
import type { GoldSpan } from './types.js';

export interface Anchor { text?: string; from?: string; to?: string; n?: number }

/** How far a span may reach past its start: longer means an annotator's `to` matched a later sentence. */
const MAX_SPAN_CHARS = 2500;

export class AnchorError extends Error {}

function occurrences(text: string, needle: string): number[] {
  const at: number[] = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) at.push(i);
  return at;
}

function context(text: string, i: number, len: number): string {
  return JSON.stringify(text.slice(Math.max(0, i - 30), i + len + 30).replace(/\s+/g, ' '));
}

function pick(text: string, needle: string, n: number | undefined, where: string): number {
  if (!needle) throw new AnchorError(`${where}: empty anchor text`);
  const at = occurrences(text, needle);
  if (at.length === 0) throw new AnchorError(`${where}: ${JSON.stringify(needle)} does not occur in the text (copy it exactly, quotation marks and dashes included)`);
  if (n !== undefined) {
    if (!Number.isInteger(n) || n < 1 || n > at.length) throw new AnchorError(`${where}: n=${n} but ${JSON.stringify(needle)} occurs ${at.length} time(s)`);
    return at[n - 1]!;
  }
  if (at.length > 1) {
    const list = at.map((i, k) => `  n=${k + 1}: ${context(text, i, needle.length)}`).join('\n');
    throw new AnchorError(`${where}: ${JSON.stringify(needle)} occurs ${at.length} times; add "n":\n${list}`);
  }
  return at[0]!;
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** A span that starts or ends inside a word ("head" in "headquarters") is almost always a wrong occurrence. */
export function insideWord(text: string, s: { start: number; end: number }): boolean {
  return (isWordChar(text[s.start]) && isWordChar(text[s.start - 1])) || (isWordChar(text[s.end - 1]) && isWordChar(text[s.end]));
}

export function resolveAnchor(text: string, a: Anchor, where: string): GoldSpan {
  if (typeof a !== 'object' || a === null) throw new AnchorError(`${where}: expected an anchor object`);
  let start: number;
  let end: number;
  if (a.text !== undefined) {
    start = pick(text, a.text, a.n, where);
    end = start + a.text.length;
  } else if (a.from !== undefined && a.to !== undefined) {
    start = pick(text, a.from, a.n, where);
    const toAt = text.indexOf(a.to, start + Math.max(0, a.from.length - a.to.length));
    if (toAt < 0) throw new AnchorError(`${where}: "to" ${JSON.stringify(a.to)} does not occur after "from"`);
    end = toAt + a.to.length;
    if (end - start > MAX_SPAN_CHARS) throw new AnchorError(`${where}: span of ${end - start} characters — is "to" the right end?`);
  } else {
    throw new AnchorError(`${where}: an anchor needs "text", or "from" and "to"`);
  }
  return { start, end, check: spanCheck(text.slice(start, end)) };
}

/** A gold span still points at the words it was made for. */
export function spanMatches(text: string, s: GoldSpan): boolean {
  return s.start >= 0 && s.end <= text.length && s.start < s.end && spanCheck(text.slice(s.start, s.end)) === s.check;
}
