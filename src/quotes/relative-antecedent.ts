/**
 * The antecedent of a relative pronoun that is the subject of a reporting verb ("… neighbour Borduria, which warned
 * it would …", "the White House, which said …"): by the parse, the noun the relative clause (acl:relcl) hangs on,
 * as the token range of its phrase; else (the parse often hangs such a clause on the main verb) an entity's name
 * ending right before the comma. Without it the registry falls back to the latest speaker of the sentence, which
 * names the main clause's subject, not the noun the clause describes.
 */
import type { SyntaxLayer } from '../syntax/types.js';
import { parseAt, phraseTokens } from './parse-subject.js';
import { mentionsIn, type DocView } from './view.js';

/** Longest antecedent phrase taken from the parse (in tokens): longer ones are parse errors more often than not. */
const MAX_ANTECEDENT = 8;

export function relativeAntecedent(v: DocView, syntaxOf: (() => SyntaxLayer | null) | undefined, rel: number): [number, number] | null {
  return parsedAntecedent(syntaxOf, rel) ?? namedAntecedent(v, rel);
}

/** ", which …" right after an entity's name: that name (its mention ends at the comma). */
function namedAntecedent(v: DocView, rel: number): [number, number] | null {
  const comma = rel - 1;
  if (comma < 1 || v.lower[comma] !== ',') return null;
  const ms = mentionsIn(v, Math.max(0, comma - MAX_ANTECEDENT), comma).filter((m) => m.kind === 'name' && m.tokenEnd === comma);
  if (!ms.length) return null;
  const first = Math.min(...ms.map((m) => m.tokenStart));
  // "Karim Haddad of the Northern Hills Brigade, who says …": a name linked to a person's name before it is that
  // person's affiliation; the person is the antecedent (left to the registry).
  let p = first - 1;
  while (p >= 0 && v.lex.determiners.has(v.lower[p])) p--;
  if (p > 0 && v.lex.genitiveLinks.has(v.lower[p])
    && mentionsIn(v, Math.max(0, p - MAX_ANTECEDENT), p).some((m) => m.tokenEnd === p && v.entities.byId.get(m.entity)?.type === 'person')) return null;
  return [first, comma];
}

function parsedAntecedent(syntaxOf: (() => SyntaxLayer | null) | undefined, rel: number): [number, number] | null {
  const syn = syntaxOf ? syntaxOf() : null;
  const at = syn ? parseAt(syn, rel) : null;
  if (!at) return null;
  const { words } = at;
  const w = words[at.word];
  if (!/^nsubj/.test(w.deprel) || w.head <= 0) return null;
  const verb = words[w.head - 1];
  if (verb.deprel !== 'acl:relcl' || verb.head <= 0) return null;
  const noun = verb.head - 1;
  if (!/^(NOUN|PROPN)$/.test(words[noun].upos)) return null;
  const r = phraseTokens(words, noun);
  return r[1] <= rel && r[1] - r[0] <= MAX_ANTECEDENT ? r : null;
}
