/**
 * The sentence around an evidence span, for display ("each hop with its evidence sentence"). The analysis
 * document carries spans, not sentences, so this widens a span to the nearest sentence ends: a stop
 * followed by space and an upper-case letter or opening quote, but not after an initial, an ordinal
 * number or a dotted abbreviation (z.B., U.S.); never across a line break.
 */
const MAX_SENTENCE = 600;

function isBoundary(text: string, dot: number): boolean {
  const ch = text[dot];
  if (ch !== '.' && ch !== '!' && ch !== '?') return false;
  let j = dot + 1;
  while (j < text.length && /["'”“»«’)]/.test(text[j])) j++;
  if (j >= text.length) return true;
  if (!/\s/.test(text[j])) return false;
  while (j < text.length && /\s/.test(text[j])) j++;
  if (j < text.length && !/[\p{Lu}"„“«»'‘]/u.test(text[j])) return false;
  if (ch !== '.') return true;
  // the word before the stop
  let k = dot - 1;
  while (k >= 0 && !/\s/.test(text[k])) k--;
  const word = text.slice(k + 1, dot);
  if (/^\d+$/.test(word)) return false; // ordinal: "am 5. November"
  if (/^\p{L}$/u.test(word)) return false; // initial: "John F. Kennedy"
  if (/\p{L}\.\p{L}/u.test(word)) return false; // z.B., U.S.
  return true;
}

export function sentenceAround(text: string, start: number, end: number): string {
  let s = Math.max(0, Math.min(start, text.length));
  while (s > 0 && start - s < MAX_SENTENCE) {
    if (text[s - 1] === '\n' || isBoundary(text, s - 1)) break;
    s--;
  }
  let e = Math.max(s, Math.min(end, text.length));
  while (e < text.length && e - end < MAX_SENTENCE) {
    if (text[e] === '\n') break;
    if (isBoundary(text, e)) {
      e++;
      while (e < text.length && /["'”“»«’)]/.test(text[e])) e++;
      break;
    }
    e++;
  }
  return text.slice(s, e).replace(/\s+/g, ' ').trim();
}
