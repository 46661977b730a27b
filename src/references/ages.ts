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
    if (f.excluded[t]) continue;
    // "der 84-Jährige", or with one lowercase word between ("der mittlerweile 84-Jährige", "the now 84-year-old").
    const d = refs.definite.has(f.low[t - 1]) ? t - 1 : t > 1 && refs.definite.has(f.low[t - 2]) && lowerWord(f, t - 1) ? t - 2 : -1;
    if (d < 0) continue;
    const age = ageOf(refs, f.toks[t].text);
    if (age === null) continue;
    const c = personAntecedent(f, idx, d, () => true);
    if (!c) continue;
    ages.set(c.entity!, age);
    out.push({ tokenStart: d, tokenEnd: t + 1, entity: c.entity!, type: 'person', kind: 'description' });
  }
  return out;
}

/** Is token t a lowercase word (an adverb or adjective inside a description), not a determiner of its own? */
function lowerWord(f: Pick<TokenFacts, 'toks' | 'low'>, t: number): boolean {
  const w = f.toks[t].text;
  return w === f.low[t] && /^\p{Ll}+$/u.test(w);
}
