/**
 * Flags: words that are not words of the document's language, and headings that look garbled
 * (machine-translation artifacts). Uses a real spelling dictionary; names are not flagged (capitalised
 * words in running text and anything the NER tagged are skipped), so flags stay rare and meaningful.
 */
import type { Flag } from '../contract/schema.js';
import type { Doc, Token } from '../text/types.js';
import type { NerMention } from '../ml/ner-stage.js';
import { loadSpellChecker, spellChecker, type SpellChecker } from './spelling.js';

export async function prepareFlags(lang: string): Promise<void> {
  await loadSpellChecker(lang);
}

/** Returns null when the language's spell checker has not been loaded (see prepareFlags). */
export function detectFlags(doc: Doc, ner: NerMention[] = []): Flag[] | null {
  const sc = spellChecker(doc.language);
  if (sc === undefined) return null;
  if (sc === null) return [];
  const flags: Flag[] = [];
  const inName = new Uint8Array(doc.tokens.length);
  for (const m of ner) for (let i = m.tokenStart; i < m.tokenEnd; i++) inName[i] = 1;
  const bylineStart = doc.byline.span?.start ?? Infinity;
  const names = capitalisedWords(doc);
  for (const s of doc.sentences) {
    const para = doc.paragraphs[s.paragraph];
    if (para.heading) {
      const f = headingFlag(doc, s.tokenStart, s.tokenEnd, sc, names);
      if (f) flags.push(f);
      continue;
    }
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      const t = doc.tokens[i];
      if (inName[i] || t.start >= bylineStart || !isPlainLowerWord(t.text)) continue;
      if (!knownWord(t.text, sc) && !derivedFromName(t.text, names)) flags.push({ kind: 'non_word', text: t.text, start: t.start, end: t.end, note: `not a ${doc.language} word in the spelling dictionary` });
    }
  }
  return flags;
}

function headingFlag(doc: Doc, from: number, to: number, sc: SpellChecker, names: Set<string>): Flag | null {
  const words: Token[] = [];
  for (let i = from; i < to; i++) if (/\p{L}/u.test(doc.tokens[i].text)) words.push(doc.tokens[i]);
  // Names are not non-words: skip what the text writes as a name elsewhere ("Merz trifft Macron"). The NER's view is
  // not used here: it tags garbled all-caps headings as names.
  const isName = (w: Token) => names.has(w.text.toLowerCase());
  if (!words.length) return null;
  const start = doc.tokens[from].start;
  const end = doc.tokens[to - 1].end;
  const text = doc.text.slice(start, end);
  const unknown = words.filter((w) => !isName(w) && !knownWord(w.text, sc) && !knownWord(capitalize(w.text), sc));
  if (unknown.length) {
    return { kind: 'garbled_heading', text, start, end, note: `heading contains ${unknown.map((w) => `"${w.text}"`).join(', ')}, not a word of the document's language (likely a translation artifact)` };
  }
  // In a language that capitalises nouns, a heading with no noun at all (a lone verb or adjective) names no topic.
  if (sc.nounsCapitalized && words.every((w) => sc.spell(w.text.toLowerCase()))) {
    return { kind: 'garbled_heading', text, start, end, note: 'heading holds no noun or name (a lone verb or adjective); likely a translation artifact' };
  }
  return null;
}

const capitalize = (w: string) => w[0].toUpperCase() + w.slice(1).toLowerCase();

function knownWord(w: string, sc: SpellChecker): boolean {
  if (sc.spell(w)) return true;
  if (w === w.toUpperCase() && sc.spell(w.toLowerCase())) return true;
  // Hyphenated compounds: every part known.
  if (w.includes('-')) return w.split('-').every((p) => !p || /\d/.test(p) || sc.spell(p) || sc.spell(capitalize(p)));
  return false;
}

function isPlainLowerWord(w: string): boolean {
  return w.length >= 4 && /^\p{Ll}[\p{Ll}-]*$/u.test(w);
}

/** Lower-cased capitalised words of the text: "taiwanesische" derives from "Taiwan", so it is not a non-word. */
function capitalisedWords(doc: Doc): Set<string> {
  const out = new Set<string>();
  for (const t of doc.tokens) if (/^\p{Lu}\p{Ll}/u.test(t.text)) out.add(t.text.toLowerCase());
  return out;
}

function derivedFromName(w: string, names: Set<string>): boolean {
  for (let n = w.length - 1; n >= 4; n--) if (names.has(w.slice(0, n))) return true;
  return false;
}
