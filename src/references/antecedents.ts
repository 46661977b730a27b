/**
 * Where a pronoun or description looks for its person: outside quotes (the speaker's "er" is not the
 * narrator's), in the same sentence before it (nearest first), else in the two sentences before (the first
 * person of each, most often its subject).
 */
import type { CandidateLookup, RefCandidate, TokenFacts } from './types.js';

/** How many sentences back a pronoun or age description looks for a person (set on the seed articles). */
export const PERSON_LOOKBACK_SENTENCES = 2;

/** Salient person antecedent for token t, or null. */
export function personAntecedent<C extends RefCandidate>(f: TokenFacts, idx: CandidateLookup<C>, t: number, ok: (c: C) => boolean): C | null {
  const sent = f.sentOf[t];
  const pronounQuoted = f.quoted[t] === 1;
  const usable = (c: C) => c.type === 'person' && !!c.entity && c.kind !== 'pronoun' && ok(c)
    && (pronounQuoted || !f.quoted[c.tokenStart]);
  for (let j = t - 1; j >= 0 && f.sentOf[j] === sent; j--) {
    const c = f.excluded[j] ? null : idx.endingAt(j, usable);
    if (c) return c;
  }
  for (let back = 1; back <= PERSON_LOOKBACK_SENTENCES; back++) {
    const s = f.doc.sentences[sent - back];
    if (!s) break;
    for (let j = s.tokenStart; j < s.tokenEnd; j++) {
      const c = f.excluded[j] ? null : idx.startingAt(j, usable);
      if (c) return c;
    }
  }
  return null;
}

/** Persons mentioned (outside quotes) from the previous sentence up to token t: for ambiguity checks. */
export function personsInWindow<C extends RefCandidate>(f: TokenFacts, idx: CandidateLookup<C>, t: number): Set<string> {
  const out = new Set<string>();
  const s0 = f.doc.sentences[Math.max(0, f.sentOf[t] - 1)];
  for (let j = s0.tokenStart; j < t; j++) {
    for (const c of idx.byStart[j] ?? []) if (c.type === 'person' && c.entity && !f.quoted[j]) out.add(c.entity);
  }
  return out;
}
