/** Description heads: which word of "die Gewerkschaft", "der US-Präsident", "the 61-year-old" refers, and to what. */
import type { ReferenceLexicon } from './lexicon.js';
import type { Head } from './types.js';

/** A compound head must leave at least this many letters before it ("Landesamt" yes, "Samt" no): set by hand. */
const MIN_COMPOUND_PREFIX = 3;
/** Shorter heads never end a compound ("amt" in "Landesamt" is the exception we accept through MIN_COMPOUND_PREFIX). */
const MIN_COMPOUND_HEAD = 3;

const cache = new WeakMap<ReferenceLexicon, Map<string, Head | null>>();

/** The head a word stands for ("Konzerns" → konzern, organization/company; "SPD-Politikerin" → politiker, person), or null. */
export function headOf(lex: ReferenceLexicon, word: string): Head | null {
  let memo = cache.get(lex);
  if (!memo) cache.set(lex, (memo = new Map()));
  const w = word.toLowerCase();
  if (memo.has(w)) return memo.get(w)!;
  const h = findHead(lex, w);
  memo.set(w, h);
  return h;
}

function findHead(lex: ReferenceLexicon, w: string): Head | null {
  if (lex.ageNouns.some((re) => re.test(w))) return { stem: w, type: 'person', cls: null, ending: '' };
  const make = (stem: string, ending: string): Head => ({ stem, ending, ...lex.heads.get(stem)! });
  for (const e of ['', ...lex.endings]) {
    if (e && (!w.endsWith(e) || w.length - e.length < MIN_COMPOUND_HEAD)) continue;
    const stem = e ? w.slice(0, -e.length) : w;
    if (lex.heads.has(stem)) return make(stem, e);
  }
  if (!lex.compoundHeads && !w.includes('-')) return null;
  // "Windkraftkonzerns", "SPD-Politikerin": the longest head that ends the word once an ending is dropped.
  let best: string | null = null, bestEnding = '';
  for (const e of ['', ...lex.endings]) {
    if (e && !w.endsWith(e)) continue;
    const stem = e ? w.slice(0, -e.length) : w;
    const tail = lex.compoundHeads ? stem : stem.slice(stem.lastIndexOf('-') + 1);
    for (let i = lex.compoundHeads ? MIN_COMPOUND_PREFIX : 0; i <= tail.length - MIN_COMPOUND_HEAD; i++) {
      const h = tail.slice(i);
      if (lex.heads.has(h) && (!best || h.length > best.length)) { best = h; bestEnding = e; break; }
    }
  }
  return best ? make(best, bestEnding) : null;
}

/** The class of a description head: an institution (organisation or place as actor), a person, or null. */
export function descriptionClass(lex: ReferenceLexicon, word: string): 'institution' | 'person' | null {
  const h = headOf(lex, word);
  if (!h) return null;
  return h.type === 'person' ? 'person' : 'institution';
}

/** A plural form of a head ("Managerinnen", "Experten"): by the ending dropped to find it. */
export function isPluralHead(lex: ReferenceLexicon, word: string): boolean {
  const h = headOf(lex, word);
  return !!h && lex.pluralEndings.includes(h.ending);
}

/** Is the word itself a listed head (no compound, no inflection): "die Behörde", not "die Landesbehörde". */
export function isBareHead(lex: ReferenceLexicon, word: string): boolean {
  return lex.heads.has(word.toLowerCase());
}

/** Shortest stem a genitive ending may leave ("Verband|es" yes, "Bus" stays): set by hand. */
const MIN_GENITIVE_STEM = 4;

/** The word without a genitive ending ("verbandes" → "verband"), as lang/<code>/references/descriptions.json lists them. */
export function withoutGenitive(lex: ReferenceLexicon, word: string): string {
  for (const e of lex.genitiveEndings) if (word.endsWith(e) && word.length - e.length >= MIN_GENITIVE_STEM) return word.slice(0, -e.length);
  return word;
}
