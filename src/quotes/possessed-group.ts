/**
 * "Rousseff’s backers", „Le Pens Anwalt“, "Jeremy Corbyn's team": a source noun after a possessor — a name in the
 * genitive or with a possessive clitic — names unnamed people who belong to the possessor, not the possessor. The
 * phrase is a group of the noun (counted as the noun alone would be: „Anwalt“ one, "backers" many) affiliated with the
 * possessor's entity.
 */
import { analyzePhrase, type PhraseInfo } from './phrase-info.js';
import { isCap, type DocView } from './view.js';

/** Most words before the possessor's mention in the phrase (a determiner, a name part): set by hand. */
const MAX_BEFORE_POSSESSOR = 2;

export function possessedGroup(v: DocView, info: PhraseInfo): PhraseInfo {
  if (info.kind !== 'named' && info.kind !== 'description' || info.partitive) return info;
  const { start: a, end: b } = info;
  // "Clinton's adviser, Jake Sullivan": a person named in the phrase is the speaker.
  if (info.mentions.some((m) => (m.kind === 'name' || m.kind === 'alias') && v.entities.byId.get(m.entity)?.type === 'person')) return info;
  if (v.lower[b] === ',' && personNameAt(v, b + 1)) return info;
  for (const m of info.mentions) {
    if (m.kind !== 'possessive' || m.tokenStart < a || m.tokenEnd >= b) continue;
    // The clitic may be a token of its own ("Rousseff", "’s").
    let n = m.tokenEnd;
    if (n < b && v.lex.genitiveLinks.has(v.lower[n]) && !/^\p{L}/u.test(v.lower[n][0] ?? '')) n++;
    if (n >= b) continue;
    // The possessor opens the phrase (after a determiner or a name part the mention left out: „Le Pens“), and the
    // head part is built on a source noun.
    if (m.tokenStart - a > MAX_BEFORE_POSSESSOR) continue;
    let open = true;
    for (let k = a; k < m.tokenStart; k++) open &&= v.lex.determiners.has(v.lower[k]) || isCap(v, k);
    if (!open) continue;
    const head = analyzePhrase(v, n, b);
    if (head.kind !== 'group' || possessorItself(v, n, b)) continue;
    return { ...head, start: a, end: b, mentions: info.mentions, affiliation: m.entity };
  }
  return describedPossessor(v, info);
}

/**
 * "the president's aides", "the company's lawyers": a possessor that is a description, not a name, with a possessive
 * clitic of its own, before a source noun: the group of the noun, affiliated with an entity the possessor names, if any.
 */
function describedPossessor(v: DocView, info: PhraseInfo): PhraseInfo {
  const { start: a, end: b } = info;
  for (let k = a + 1; k < b - 1 && k - a <= MAX_BEFORE_POSSESSOR + 1; k++) {
    if (!v.lex.genitiveLinks.has(v.lower[k]) || /^\p{L}/u.test(v.lower[k])) continue;
    const head = analyzePhrase(v, k + 1, b);
    if (head.kind !== 'group' || head.partitive || possessorItself(v, k + 1, b)) return info;
    const owner = info.mentions.find((m) => m.kind !== 'pronoun' && m.tokenEnd <= k);
    return { ...head, start: a, end: b, mentions: info.mentions, affiliation: head.affiliation ?? owner?.entity ?? null };
  }
  return info;
}

/** Is the source noun of [n, b) itself a possessor ("Belgium's prosecutor's office": the office speaks)? */
function possessorItself(v: DocView, n: number, b: number): boolean {
  for (let k = n; k < b - 1; k++) {
    if (v.lex.sourceNouns.has(v.lower[k]) && v.lex.genitiveLinks.has(v.lower[k + 1]) && !/^\p{L}/u.test(v.lower[k + 1])) return true;
  }
  return false;
}

/** Does a person's name start at token t (an apposition: "Clinton's adviser, Jake Sullivan, said")? */
export function personNameAt(v: DocView, t: number): boolean {
  const tok = v.doc.tokens[t];
  const m = tok ? v.entities.mentionAt(tok.start, tok.end) : undefined;
  return !!m && m.tokenStart === t && (m.kind === 'name' || m.kind === 'alias') && v.entities.byId.get(m.entity)?.type === 'person';
}
