/**
 * German names cited in the nominative: an inflected adjective inside a name goes back to the form used
 * with the article ("Europäischen Union" → "Europäische Union", "Weißen Haus" → "Weiße Haus"). Only words
 * the lexicon (lang/de/names/adjective-nominative.tsv) marks as adjectives change, and never the last
 * word: plural names ("Vereinigten Staaten") keep their form, as no listed stem applies to them.
 */
import { nameData } from './data.js';

function nominativeWord(word: string): string {
  const { endings, suffixes, stems } = nameData().adjective;
  if (!/^\p{Lu}/u.test(word)) return word;
  const lower = word.toLowerCase();
  for (const end of endings) {
    if (!lower.endsWith(end) || lower.length <= end.length + 2) continue;
    const stem = lower.slice(0, -end.length);
    if (stems.has(stem) || suffixes.some((s) => stem.endsWith(s))) return word.slice(0, word.length - end.length) + 'e';
  }
  return word;
}

/** The nominative form of a German name (unchanged when nothing in it is an inflected adjective). */
export function germanNominative(name: string): string {
  const parts = name.split(/(\s+)/);
  const wordIdx = parts.map((p, i) => (/\S/.test(p) ? i : -1)).filter((i) => i >= 0);
  if (wordIdx.length < 2) return name;
  for (const i of wordIdx.slice(0, -1)) parts[i] = nominativeWord(parts[i]);
  return parts.join('');
}
