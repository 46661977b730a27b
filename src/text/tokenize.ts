/**
 * Tokenizer: one left-to-right scan over the canonical text. Words keep inner hyphens and apostrophes
 * ("US-Präsidentschaftskandidat", "O'Brien", "2017-2021"), numbers keep inner separators ("14,9", "1.000"),
 * dotted abbreviations stay whole ("z.B.", "U.S."). A final period is always its own token here; the
 * segmenter later re-attaches it to abbreviations, initials and ordinals that do not end a sentence.
 */
import type { Token } from './types.js';

const DOUBLE_QUOTES = '"„“”»«';

export function isLetterOrDigit(ch: string): boolean {
  return /[\p{L}\p{N}\p{M}]/u.test(ch);
}

// Fast path for ASCII; falls back to the Unicode test for everything else.
function isWordChar(code: number, ch: string): boolean {
  if (code < 128) return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return isLetterOrDigit(ch);
}

const isDigit = (code: number) => code >= 48 && code <= 57;

const DOTTED_ABBREV = /(?:\p{L}{1,3}\.){2,}/uy;
const URL = /(?:https?:\/\/|www\.)[^\s<>"“”„»«]+[^\s<>"“”„»«.,;:!?)\]]/y;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/y;

/**
 * `clitics`: word endings split off ("'s"); `compoundLinks`: words after a truncated compound ("US- und
 * EU-Vertreter", "pre- and post-war"), whose hyphen stays on its word (lang/<code>/text/compound-links.txt).
 */
export function tokenize(text: string, from = 0, to = text.length, clitics: string[] = [], compoundLinks: ReadonlySet<string> = new Set()): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i];
    const code = text.charCodeAt(i);
    if (code === 32 || code === 10 || code === 9) { i++; continue; }
    let end = matchAt(URL, text, i) || matchAt(EMAIL, text, i);
    if (!end && isWordChar(code, ch)) {
      const abbr = matchAt(DOTTED_ABBREV, text, i);
      // "U.S." yes; "Position.Abgesehen" is not an abbreviation (segments of 1–3 letters only).
      if (abbr && !isWordChar(text.charCodeAt(abbr), text[abbr] ?? ' ')) end = abbr;
    }
    if (!end && (isWordChar(code, ch) || ((ch === '@' || ch === '#') && i + 1 < to && isWordChar(text.charCodeAt(i + 1), text[i + 1])))) {
      let j = i + 1;
      for (;;) {
        while (j < to && isWordChar(text.charCodeAt(j), text[j])) j++;
        const c = text[j];
        const next = j + 1 < to ? text[j + 1] : '';
        if ((c === '-' || c === '–' || c === "'" || c === '’' || c === '&') && next && isWordChar(text.charCodeAt(j + 1), next)) { j++; continue; }
        if ((c === '.' || c === ',' || c === ':' || c === '/') && isDigit(text.charCodeAt(j - 1)) && isDigit(text.charCodeAt(j + 1))) { j++; continue; }
        // "US- und EU-Vertreter": a hyphen that ends a truncated compound stays on its word.
        if (c === '-' && (next === ' ' || next === ',') && compoundLinks.has(wordAfter(text, j + 1))) { j++; }
        break;
      }
      end = j;
    }
    if (!end) {
      if (text.startsWith('...', i)) end = i + 3;
      else if ((ch === '-' && text[i + 1] === '-')) end = i + 2;
      else end = i + 1;
    }
    if (end > to) end = to;
    pushWithClitics(out, text, i, end, clitics);
    i = end;
  }
  return out;
}

const LINK_WINDOW = 16;
/** The word after optional spaces and one comma ("- und", "-, or"), or ''. */
function wordAfter(text: string, at: number): string {
  return /^\s*,?\s*(\p{L}+)/u.exec(text.slice(at, at + LINK_WINDOW))?.[1] ?? '';
}

function matchAt(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.exec(text) ? re.lastIndex : 0;
}

function pushWithClitics(out: Token[], text: string, start: number, end: number, clitics: string[]): void {
  if (clitics.length && end - start > 2) {
    const word = text.slice(start, end);
    for (const c of clitics) {
      if (word.length > c.length && word.toLowerCase().endsWith(c)) {
        const cut = end - c.length;
        out.push({ start, end: cut, text: text.slice(start, cut) });
        out.push({ start: cut, end, text: text.slice(cut, end) });
        return;
      }
    }
  }
  out.push({ start, end, text: text.slice(start, end) });
}

export function isDoubleQuote(t: string): boolean {
  return t.length === 1 && DOUBLE_QUOTES.includes(t);
}
