/**
 * The canonical document text: NFC, Unix newlines, no BOM, no control characters, no invisible format
 * characters, no-break and other exotic spaces folded to plain spaces (same length, so nothing shifts),
 * trailing spaces trimmed per line. docs/contract.md lists what changes length and what does not.
 */

// Control characters except tab and newline carry no meaning in an article (C0, DEL and C1).
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
// Line and paragraph separators from other systems: NEL, LS (one line break), PS (a paragraph break).
const LINE_BREAKS = /\r\n?|\u0085|\u2028/g;
// Spaces of every width, and the zero-width space: a break between two words must never glue them together.
const SPACES = /[\u00a0\u1680\u2000-\u200b\u202f\u205f\u3000\t]/g;
/**
 * Invisible format characters with no meaning in German or English news: joiners, the word joiner, the
 * invisible operators, the direction marks (LRM, RLM, ALM), bidi embeddings, overrides and isolates, and a
 * byte-order mark inside the text. Left in, they split one name into two ("Merkel" and "Merkel\u200e").
 */
const FORMAT = /[\u200c-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u061c\ufeff]/g;
/** A soft hyphen between two letters is a hyphenation hint inside one word: "Bundes\u00adkanzler". */
const SOFT_HYPHEN_IN_WORD = /(?<=[\p{L}\p{M}])\u00ad+(?=[\p{L}\p{M}])/gu;

export function normalizeText(input: string): string {
  let t = input.normalize('NFC');
  t = t.replace(LINE_BREAKS, '\n').replace(/\u2029/g, '\n\n');
  t = t.replace(CONTROLS, '').replace(FORMAT, '');
  // Anywhere else (after a space, at a line end) a soft hyphen hides no word break and stays as it is: the
  // real-news gold has one such ("U.S. \u00adspending") inside a quote span, and its offsets must not move.
  t = t.replace(SOFT_HYPHEN_IN_WORD, '');
  t = t.replace(SPACES, ' ');
  t = t.replace(/[ ]+\n/g, '\n');
  t = t.replace(/\n{3,}/g, '\n\n');
  return t.trim();
}

/**
 * A metadata field (title, source, url, a name) as one clean line: the text's normalisation, then every
 * run of whitespace (line breaks included) as one space. Nothing that steers a terminal survives.
 */
export function normalizeField(input: string): string {
  return normalizeText(input).replace(/\s+/g, ' ').trim();
}
