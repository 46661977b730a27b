/** "der 77-Jährige", "the 77-year-old": the salient person, who is given that age. */
import type { ReferenceLexicon } from './lexicon.js';
import { personAntecedent } from './antecedents.js';
import type { CandidateLookup, RefCandidate, RefLink, TokenFacts } from './types.js';

/** The age an age noun states ("77-Jährige" → 77), or null when the word is no age noun. */
export function ageOf(refs: ReferenceLexicon, word: string): number | null {
  const w = word.toLowerCase();
  if (!refs.ageNouns.some((re) => re.test(w))) return null;
  const m = /^\d+/.exec(w);
  return m ? Number(m[0]) : null;
}

export function ageDescriptions<C extends RefCandidate>(f: TokenFacts, idx: CandidateLookup<C>, refs: ReferenceLexicon, ages: Map<string, number>): RefLink[] {
  const out: RefLink[] = [];
  for (let t = 1; t < f.toks.length; t++) {
    if (f.excluded[t] || !refs.definite.has(f.low[t - 1])) continue;
    const age = ageOf(refs, f.toks[t].text);
    if (age === null) continue;
    const c = personAntecedent(f, idx, t - 1, () => true);
    if (!c) continue;
    ages.set(c.entity!, age);
    out.push({ tokenStart: t - 1, tokenEnd: t + 1, entity: c.entity!, type: 'person', kind: 'description' });
  }
  return out;
}
