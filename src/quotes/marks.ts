/**
 * Quoted spans on raw text offsets, in every common style: „…“ "…" »…« «…» ‚…‘ '…' “…” ‘…’.
 * A quote may span sentences; it spans paragraphs by the print convention that an unclosed quote
 * is re-opened at the start of the next paragraph. Marks of the other family inside a quote are
 * nested quotes and are left alone. Apostrophes (O'Brien, don't, geht’s) are never marks.
 */
import type { Paragraph } from '../text/types.js';

export interface QuoteSpan {
  /** Offset of the opening mark. */
  open: number;
  /** Offset of the closing mark. */
  close: number;
  /** Content offsets [start, end) (without the marks). */
  start: number;
  end: number;
  family: 'double' | 'single';
  /** Paragraph index of the opening mark. */
  paragraph: number;
  /** Offsets of re-opening marks at the start of continued paragraphs. */
  reopened: number[];
}

type Family = 'double' | 'single';
interface OpenMark { pos: number; char: string; family: Family; paragraph: number; reopened: number[] }

/** Closing marks each opening mark accepts. */
const CLOSERS: Record<string, string> = {
  '„': '“”"', '“': '”"', '"': '"”“', '»': '«', '«': '»',
  '‚': '‘’\'', '‘': '’\'', '\'': '\'’',
};
const DOUBLE = new Set(['„', '“', '”', '"', '»', '«']);
const SINGLE = new Set(['‚', '‘', '’', '\'']);
/** Marks that are always openers when nothing is open. */
const ALWAYS_OPEN = new Set(['„', '»', '«', '‚', '“']);

const isLetter = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
const isSpaceBefore = (c: string | undefined) => c === undefined || /[\s(\[{—–\-\/:]/u.test(c);
const isSpaceAfter = (c: string | undefined) => c === undefined || /[\s)\]}.,;:!?—–\-]/u.test(c);

/** Longest single-quote span we accept: single marks are also apostrophes, so keep their reach short. */
const SINGLE_MAX = 400;

export function findQuoteSpans(text: string, paragraphs: readonly Paragraph[]): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const paras = paragraphs.length ? paragraphs : [{ start: 0, end: text.length, heading: false }];
  let open = null as OpenMark | null;

  for (let p = 0; p < paras.length; p++) {
    const { start, end } = paras[p];
    let i = start;
    if (open) {
      // Continuation: the next paragraph must begin with an opening mark of the same family.
      while (i < end && /\s/.test(text[i])) i++;
      const c = text[i];
      const fam: Family | null = DOUBLE.has(c) ? 'double' : SINGLE.has(c) ? 'single' : null;
      const reopens = fam === open.family && (ALWAYS_OPEN.has(c) || c === open.char || c === '‘')
        && (open.family === 'double' || /\p{L}/u.test(text[i + 1] ?? ''));
      if (reopens) {
        open.reopened.push(i);
        i++;
      } else {
        open = null;
      }
    }
    for (; i < end; i++) {
      const c = text[i];
      const fam: Family | null = DOUBLE.has(c) ? 'double' : SINGLE.has(c) ? 'single' : null;
      if (!fam) continue;
      const prev = i > 0 ? text[i - 1] : undefined;
      const next = i + 1 < text.length ? text[i + 1] : undefined;
      if (fam === 'single' && isLetter(prev) && isLetter(next)) continue; // apostrophe
      if (open) {
        if (fam !== open.family) continue; // nested quote of the other family
        if (open.family === 'single' && i - open.pos > SINGLE_MAX) { open = null; }
        else if (CLOSERS[open.char].includes(c) && !(isSpaceBefore(prev) && isLetter(next) && c !== '“')) {
          spans.push({ open: open.pos, close: i, start: open.pos + 1, end: i, family: open.family, paragraph: open.paragraph, reopened: open.reopened });
          open = null;
          continue;
        } else if (c === open.char && isSpaceBefore(prev) && isLetter(next)) {
          // A fresh opener of the same kind: the earlier one was stray.
          open = null;
        } else continue;
      }
      // Nothing open: is this an opener?
      const opens = fam === 'double'
        ? ALWAYS_OPEN.has(c) || (c === '"' && isSpaceBefore(prev) && !isSpaceAfter(next))
        : (ALWAYS_OPEN.has(c) || c === '‘' || c === '\'') && isSpaceBefore(prev) && /\p{L}/u.test(next ?? '');
      if (opens) open = { pos: i, char: c, family: fam, paragraph: p, reopened: [] };
    }
  }
  return spans;
}
