/**
 * Definite person descriptions resolved through the roles the text gave before: "sagte der US-Präsident" →
 * the latest person introduced as "US-Präsident …"; "the spokesman said" → the spokesman named before.
 * Matching is on the description head ("präsident" in "US-Präsident", "Präsidentin", "Präsidenten").
 */
import { headOf } from './heads.js';
import type { ReferenceLexicon } from './lexicon.js';

/** A role held in the text (the entities stage's RoleMention fits): its title, holder and where it stands. */
export interface HeldRole {
  title: string;
  holder: string | null;
  tokenStart: number;
}

/** Does a role title have the head `stem` ("Präsident der USA", "US-Präsident" for "präsident")? */
export function titleHasHead(refs: ReferenceLexicon, title: string, stem: string): boolean {
  return title.toLowerCase().split(/\s+/).some((w) => headOf(refs, w)?.stem === stem);
}

/** The person a definite description headed by `word` at token `t` stands for: the latest earlier holder of such a role. */
export function describedPerson(refs: ReferenceLexicon, roles: readonly HeldRole[], t: number, word: string): string | null {
  const want = headOf(refs, word);
  if (!want || want.type !== 'person') return null;
  let best: HeldRole | null = null;
  for (const r of roles) {
    if (!r.holder || r.tokenStart >= t || (best && r.tokenStart <= best.tokenStart)) continue;
    if (titleHasHead(refs, r.title, want.stem)) best = r;
  }
  return best ? best.holder : null;
}

/**
 * Can a person known under `titles` be described with `word`? An office ("der Präsident") fits only a holder of
 * it or a person with no known role; a generic description ("die SPD-Politikerin", "der 61-Jährige") fits anyone.
 */
export function descriptionFits(refs: ReferenceLexicon, titles: readonly string[], word: string): boolean {
  const want = headOf(refs, word);
  if (!want || want.type !== 'person' || !titles.length) return true;
  if (isGenericPersonHead(refs, word)) return true;
  return titles.some((t) => titleHasHead(refs, t, want.stem));
}

/** A person description that fits anyone ("die SPD-Politikerin", "the analyst", "der 61-Jährige"), not an office. */
export function isGenericPersonHead(refs: ReferenceLexicon, word: string): boolean {
  const h = headOf(refs, word);
  if (!h || h.type !== 'person') return false;
  return refs.genericPersonHeads.has(h.stem) || !refs.heads.has(h.stem); // an age noun is no listed head
}

/** A person mention as a stage hands it in: where it starts (token) and whom it names. */
export interface PersonAt {
  tokenStart: number;
  entity: string;
}

/** Most tokens between a role noun and the name it introduces ("spokesman Maj. Gen. Igor Konashenkov"): set on the seed. */
export const MAX_TITLE_GAP = 4;

/**
 * "the spokesman said" after "spokesman Maj. Gen. Igor Konashenkov", "der Minister" after "Minister Boris
 * Pistorius": a description whose head the text used right before a person's name (within MAX_TITLE_GAP tokens),
 * even where the entities stage kept another title. The latest such introduction between token `from` and `t`
 * wins. `low` holds the lower-case tokens; `persons` the person mentions in text order.
 */
export function introducedPerson(refs: ReferenceLexicon, low: readonly string[], persons: readonly PersonAt[], from: number, t: number, word: string): string | null {
  const want = headOf(refs, word);
  if (!want || want.type !== 'person' || isGenericPersonHead(refs, word)) return null;
  for (let k = t - 1; k >= Math.max(0, from); k--) {
    const h = headOf(refs, low[k]);
    if (!h || h.stem !== want.stem || refs.pluralEndings.includes(h.ending)) continue;
    const p = persons.find((m) => m.tokenStart > k && m.tokenStart <= k + MAX_TITLE_GAP + 1 && m.tokenStart < t);
    if (p) return p.entity;
  }
  return null;
}

/**
 * A description that stands before the name it stands for ("the U.N. envoy said …" then "U.N. envoy Staffan de
 * Mistura", „wiederholte der Außenminister“ then „US-Außenminister Marco Rubio“): the first person introduced with the
 * description's head after token `t` and before token `limit` (the head right before the name, within MAX_TITLE_GAP
 * tokens), else the first later holder of a role with that head. Offices only: a generic description ("the
 * analyst") names nobody in particular.
 */
export function laterIntroducedPerson(refs: ReferenceLexicon, low: readonly string[], persons: readonly PersonAt[], roles: readonly HeldRole[], t: number, limit: number, word: string): string | null {
  const want = headOf(refs, word);
  if (!want || want.type !== 'person' || isGenericPersonHead(refs, word) || refs.pluralEndings.includes(want.ending)) return null;
  for (let k = t + 1; k < limit && k < low.length; k++) {
    const h = headOf(refs, low[k]);
    if (!h || h.stem !== want.stem || refs.pluralEndings.includes(h.ending)) continue;
    const p = persons.find((m) => m.tokenStart > k && m.tokenStart <= k + MAX_TITLE_GAP + 1 && m.tokenStart < limit);
    if (p) return p.entity;
  }
  let best: HeldRole | null = null;
  for (const r of roles) {
    if (!r.holder || r.tokenStart <= t || r.tokenStart >= limit || (best && r.tokenStart >= best.tokenStart)) continue;
    if (titleHasHead(refs, r.title, want.stem)) best = r;
  }
  return best ? best.holder : null;
}
