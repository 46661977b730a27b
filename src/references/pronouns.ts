/**
 * Personal pronouns ("er", "sie", "he", "she") resolved to a person only where the text makes the link safe:
 *  - a pronoun inside quotation marks is never resolved (the speaker's "er" is not the narrator's);
 *  - "sie" next to a plural verb ("sie sagten") is "they"; a capitalised "Sie" mid-sentence is the polite "you";
 *  - a female pronoun needs a person known to be female or a sole candidate; a male one skips known females.
 * Which words are pronouns, their gender and the plural verb forms are data: lang/<code>/references/pronouns.json.
 */
import type { ReferenceLexicon } from './lexicon.js';
import { personAntecedent, personsInWindow } from './antecedents.js';
import type { CandidateLookup, GenderBook, RefCandidate, RefLink, TokenFacts } from './types.js';

export function resolvePronouns<C extends RefCandidate>(f: TokenFacts, idx: CandidateLookup<C>, refs: ReferenceLexicon, gender: GenderBook): RefLink[] {
  const { toks, low } = f;
  const out: RefLink[] = [];
  for (let t = 0; t < toks.length; t++) {
    const g = refs.thirdPerson.get(low[t])?.gender;
    if ((g !== 'm' && g !== 'f') || f.quoted[t] || f.excluded[t]) continue;
    const sent = f.doc.sentences[f.sentOf[t]];
    if (toks[t].text[0] !== low[t][0] && t !== sent.tokenStart) continue; // "Sie" mid-sentence: the polite "you"
    if (refs.thirdPerson.get(low[t])!.number !== 'sg' && nextToPluralVerb(f, refs, t)) continue;
    const known = (c: C) => gender.get(c.entity!);
    const c = personAntecedent(f, idx, t, (x) => (g === 'm' ? known(x) !== 'f' : known(x) !== 'm'));
    if (!c) continue;
    if (g === 'f' && known(c) !== 'f' && personsInWindow(f, idx, t).size !== 1) continue;
    if (!gender.get(c.entity!)) gender.set(c.entity!, g);
    out.push({ tokenStart: t, tokenEnd: t + 1, entity: c.entity!, type: 'person', kind: 'pronoun' });
  }
  return out;
}

/** "sie sagten", "hätten sie": a neighbouring lower-case finite verb in the plural. */
export function nextToPluralVerb(f: Pick<TokenFacts, 'toks' | 'low'>, refs: ReferenceLexicon, t: number): boolean {
  if (!refs.pluralVerbEndings.length && !refs.pluralVerbs.size) return false;
  for (const k of [t - 1, t + 1]) {
    const w = f.low[k];
    if (!w || f.toks[k].text[0] !== w[0]) continue; // verbs are lower case
    if (refs.pluralVerbEndings.some((e) => w.endsWith(e)) || refs.pluralVerbs.has(w)) return true;
  }
  return false;
}
