/**
 * Spelling keys: one key for the spellings of one name across languages and transliterations
 * (Wladimir Putin / Vladimir Putin, Selenskyj / Zelensky, Lawrow / Lavrov). The folded name's words go
 * through the given-name variant table, then every spelling rule rewrites the whole string in order.
 * The rules are data (lang/_shared/names/spelling-rules.tsv) and apply to every name alike, so two
 * names meet only when both spellings reduce to the same letters.
 */
import { fold, nameData } from './data.js';

const keyCache = new Map<string, string>();
/** Entries kept before the cache is emptied (a corpus has far fewer distinct names). */
const KEY_CACHE_MAX = 200_000;

export function spellingKey(name: string): string {
  const hit = keyCache.get(name);
  if (hit !== undefined) return hit;
  const d = nameData();
  let s = fold(name)
    .split(' ')
    .map((w) => d.givenNameKey.get(w) ?? w)
    .join(' ');
  for (const [from, to] of d.spellingRules) if (s.includes(from)) s = s.split(from).join(to);
  if (keyCache.size > KEY_CACHE_MAX) keyCache.clear();
  keyCache.set(name, s);
  return s;
}

/** The words of a person's name, folded. */
const words = (name: string): string[] => fold(name).split(' ').filter(Boolean);

/**
 * True when a person's name is a surname alone: one word ("Lawrow"), or words that open with a surname
 * particle ("Von der Leyen", "al-Assad").
 */
export function isSurnameOnly(name: string): boolean {
  const w = words(name);
  return w.length <= 1 || nameData().surnameParticles.has(w[0]);
}

/**
 * The surnames a full name can be cited by, as spelling keys: the words from the first particle on
 * ("Ursula von der Leyen" → "von der leyen"), and the last word ("Bashar al-Assad" → "assad"); for family-name-first traditions
 * also the first word ("Xi Jinping" → "xi").
 */
export function surnameKeys(name: string): string[] {
  const w = words(name);
  if (w.length < 2) return w.map(spellingKey);
  const d = nameData();
  const out = new Set<string>();
  const p = w.findIndex((x, i) => i > 0 && i < w.length - 1 && d.surnameParticles.has(x));
  if (p > 0) out.add(spellingKey(w.slice(p).join(' ')));
  out.add(spellingKey(w[w.length - 1]));
  if (d.familyNameFirst.has(w[0]) && w.length <= 3) out.add(spellingKey(w[0]));
  return [...out];
}
