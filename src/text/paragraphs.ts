import type { Paragraph } from './types.js';

const MAX_HEADING_WORDS = 8;
const MAX_HEADLINE_WORDS = 20;

/**
 * Paragraphs are blocks separated by blank lines; a single line break inside a block also separates
 * paragraphs when the line above is a heading-like line (short, no closing punctuation).
 */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+(?:\n[^\n]+)*/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    // Lines inside a block: split off heading-like lines so "TITLE\nBody…" gives two paragraphs.
    let blockStart = m.index;
    const lines = m[0].split('\n');
    let pos = m.index;
    let pendingStart = blockStart;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const lineEnd = pos + line.length;
      if (lines.length > 1 && isHeadingLine(line)) {
        if (pos > pendingStart) out.push(trimmed(text, pendingStart, pos - 1, false));
        out.push(trimmed(text, pos, lineEnd, true));
        pendingStart = lineEnd + 1;
      }
      pos = lineEnd + 1;
    }
    const blockEnd = m.index + m[0].length;
    if (pendingStart < blockEnd) {
      const p = trimmed(text, pendingStart, blockEnd, false);
      p.heading = lines.length === 1 && isHeadingLine(m[0]);
      out.push(p);
    }
    blockStart = blockEnd;
  }
  const paras = out.filter((p) => p.end > p.start);
  // A headline opening the text may be longer than a subheading: up to 20 words on a line of its own.
  const first = paras[0];
  if (first && !first.heading && paras.length > 1 && isHeadingLine(text.slice(first.start, first.end), MAX_HEADLINE_WORDS, 200)) first.heading = true;
  return paras;
}

function trimmed(text: string, start: number, end: number, heading: boolean): Paragraph {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end, heading };
}

/** A short stand-alone line without sentence punctuation at its end: "RISKANTE GEWÄSSER", "Background". */
export function isHeadingLine(line: string, maxWords = MAX_HEADING_WORDS, maxChars = 80): boolean {
  const t = line.trim();
  if (!t || t.length > maxChars || t.includes('\n')) return false;
  if (/[.!?:;,]["»«“”']?$/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > maxWords) return false;
  return /\p{L}/u.test(t);
}
