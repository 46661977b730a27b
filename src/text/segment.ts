/**
 * Sentence segmentation over tokens. A sentence ends at . ! ? … when the next token opens a new one
 * (capital letter, digit, opening quote or bracket, paragraph end) — unless the period belongs to an
 * abbreviation, an initial ("John F. Kennedy") or an ordinal ("am 5. November"), or the punctuation sits
 * inside a quotation that closes later in the same paragraph (multi-sentence quotes stay whole).
 * Periods that do not end a sentence are merged into the preceding token.
 */
import type { Paragraph, Sentence, Token } from './types.js';
import type { TextLangData } from './lang-data.js';
import { isDoubleQuote } from './tokenize.js';

const TERMINALS = new Set(['.', '!', '?', '…', '...']);
const CLOSERS = new Set([')', ']', '"', '“', '”', '»', '«', "'", '’', '‘']);
const OPENERS = /^[„"“«»(\[‚‘'\-–—]$/;
/**
 * The longest sentence the later stages get. Their per-sentence work grows with the square of a sentence's
 * length, so a text without sentence punctuation (a 5 MB run-on) must not become one sentence. The longest
 * sentence in the 120 news articles of ../shared has 100 tokens; 250 leaves edited prose untouched.
 */
export const MAX_SENTENCE_TOKENS = 250;
/** Where an over-long sentence is cut: after the last clause punctuation in its second half, else at the cap. */
const SOFT_BREAKS = new Set([';', ':', ',', '–', '—', '-']);

export interface Segmentation {
  tokens: Token[];
  sentences: Sentence[];
}

export function segment(text: string, paragraphs: Paragraph[], rawTokens: Token[], lang: TextLangData): Segmentation {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let t = 0;
  for (let p = 0; p < paragraphs.length; p++) {
    const para = paragraphs[p];
    while (t < rawTokens.length && rawTokens[t].end <= para.start) t++;
    const from = t;
    while (t < rawTokens.length && rawTokens[t].start < para.end) t++;
    const ptoks = rawTokens.slice(from, t);
    if (!ptoks.length) continue;
    if (para.heading) {
      pushSentence(tokens, sentences, ptoks, p);
      continue;
    }
    const closesLater = quoteClosings(ptoks);
    let depth = 0;
    let current: Token[] = [];
    for (let k = 0; k < ptoks.length; k++) {
      const tok = ptoks[k];
      if (isDoubleQuote(tok.text)) depth = closesLater[k] === 1 ? depth + 1 : closesLater[k] === -1 ? Math.max(0, depth - 1) : depth;
      if (tok.text === '.' && k > 0 && attachesToPrevious(text, ptoks, k, current, lang)) {
        const prev = current[current.length - 1];
        current[current.length - 1] = { start: prev.start, end: tok.end, text: text.slice(prev.start, tok.end) };
        continue;
      }
      current.push(tok);
      if (!TERMINALS.has(tok.text) && !isDottedAbbrevAtEnd(tok, ptoks, k, lang)) continue;
      // Take closing quotes and brackets that follow the punctuation into this sentence.
      let j = k + 1;
      let d = depth;
      while (j < ptoks.length && CLOSERS.has(ptoks[j].text) && ptoks[j].start === ptoks[j - 1].end) {
        if (isDoubleQuote(ptoks[j].text)) {
          if (closesLater[j] === -1) d = Math.max(0, d - 1);
          else break;
        }
        j++;
      }
      const next = ptoks[j];
      if (d > 0) continue; // inside a quotation that closes later in this paragraph
      if (next && !opensSentence(next.text)) continue;
      for (let c = k + 1; c < j; c++) current.push(ptoks[c]);
      depth = d;
      k = j - 1;
      pushSentence(tokens, sentences, current, p);
      current = [];
    }
    if (current.length) pushSentence(tokens, sentences, current, p);
  }
  return { tokens, sentences };
}

function pushSentence(tokens: Token[], sentences: Sentence[], toks: Token[], paragraph: number): void {
  let from = 0;
  while (toks.length - from > MAX_SENTENCE_TOKENS) {
    let cut = from + MAX_SENTENCE_TOKENS;
    for (let k = cut - 1; k >= from + MAX_SENTENCE_TOKENS / 2; k--) if (SOFT_BREAKS.has(toks[k].text)) { cut = k + 1; break; }
    pushTokens(tokens, sentences, toks.slice(from, cut), paragraph);
    from = cut;
  }
  pushTokens(tokens, sentences, from ? toks.slice(from) : toks, paragraph);
}

function pushTokens(tokens: Token[], sentences: Sentence[], toks: Token[], paragraph: number): void {
  const tokenStart = tokens.length;
  for (const x of toks) tokens.push(x);
  sentences.push({ start: toks[0].start, end: toks[toks.length - 1].end, tokenStart, tokenEnd: tokens.length, paragraph });
}

function opensSentence(t: string): boolean {
  const c = t[0];
  if (OPENERS.test(t) || isDoubleQuote(t)) return true;
  if (/\p{N}/u.test(c)) return true;
  return c !== c.toLowerCase() || /^\p{Lu}/u.test(c);
}

/** "U.S." or "z.B." at a sentence end: a boundary only when a typical sentence opener follows ("… the U.S. The …"). */
function isDottedAbbrevAtEnd(tok: Token, ptoks: Token[], k: number, lang: TextLangData): boolean {
  if (!tok.text.endsWith('.') || tok.text.length < 3 || !/\.\p{L}/u.test(tok.text)) return false;
  const next = ptoks[k + 1];
  if (!next) return true;
  return /^\p{Lu}/u.test(next.text) && lang.stopwords.has(next.text.toLowerCase());
}

/** Whether the period at ptoks[k] belongs to the token before it instead of ending a sentence. */
function attachesToPrevious(text: string, ptoks: Token[], k: number, current: Token[], lang: TextLangData): boolean {
  const prev = current[current.length - 1];
  if (!prev || prev.end !== ptoks[k].start) return false;
  const word = prev.text;
  const next = ptoks[k + 1];
  const nextText = next?.text ?? '';
  const nextLower = nextText !== '' && /^\p{Ll}/u.test(nextText);
  if (lang.abbreviations.has(word + '.')) {
    // Lower-case abbreviations like "usw." may still end a sentence before a typical opener.
    if (/^\p{Ll}/u.test(word) && next && /^\p{Lu}/u.test(nextText) && lang.stopwords.has(nextText.toLowerCase())) return false;
    return !!next;
  }
  if (!next) return false;
  // Initials: "John F. Kennedy", "George W. Bush".
  if (/^\p{Lu}$/u.test(word) && /^\p{Lu}/u.test(nextText)) return true;
  // Ordinals: "am 5. November", "der 3. Weltkrieg", "5. und 6. Juni".
  if (/^\d{1,3}$/.test(word)) {
    const before = current[current.length - 2]?.text ?? '';
    if (lang.months.has(nextText) || nextLower || lang.ordinalPreceders.has(before)) return true;
    return false;
  }
  // A period before a lower-case word rarely ends a sentence in edited news text.
  void text;
  return nextLower;
}

/**
 * For each double-quote token in a paragraph: +1 if it opens a quotation that is closed later in the
 * paragraph, -1 if it closes one, 0 if it is unmatched (then it must not hold sentences together).
 */
function quoteClosings(ptoks: Token[]): Int8Array {
  const role = new Int8Array(ptoks.length);
  const stack: number[] = [];
  for (let k = 0; k < ptoks.length; k++) {
    const q = ptoks[k].text;
    if (!isDoubleQuote(q)) continue;
    const prevAdjacent = k > 0 && ptoks[k - 1].end === ptoks[k].start && !OPENERS.test(ptoks[k - 1].text);
    const nextAdjacent = k + 1 < ptoks.length && ptoks[k + 1].start === ptoks[k].end;
    let opens: boolean;
    if (q === '„') opens = true;
    else if (q === '”') opens = false;
    else if (q === '“') opens = !(stack.length && ptoks[stack[stack.length - 1]].text === '„') && !prevAdjacent;
    // Straight quotes and guillemets do not nest in news text: inside a quotation the next one closes it.
    else opens = stack.length === 0 ? !(prevAdjacent && !nextAdjacent) : false;
    if (opens) stack.push(k);
    else if (stack.length) {
      role[stack.pop()!] = 1;
      role[k] = -1;
    }
  }
  return role;
}
