/** Keys for identity across documents: content hashes for articles, normalised names for actors. */
import { createHash } from 'node:crypto';

/** Same text → same hash, whatever the file's line endings, spacing or Unicode composition. */
export function contentHash(text: string): string {
  const canonical = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(canonical).digest('hex').slice(0, 32);
}

/**
 * A name folded for lookup: accents dropped (Müller ~ Muller), ß → ss, dots and apostrophes removed so
 * "U.S. Steel" ~ "US Steel" and "O'Brien" ~ "OBrien", everything else that is not a letter or digit a space.
 */
export function normName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Lookup key of a person's surname ("~trump"), or null for a one-word name. */
export function surnameKey(name: string): string | null {
  const parts = normName(name).split(' ');
  return parts.length >= 2 ? '~' + parts[parts.length - 1] : null;
}

/** True when the normalised name is a single word ("trump"). */
export const isSingleWord = (name: string): boolean => !normName(name).includes(' ');
