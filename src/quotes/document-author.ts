/**
 * A text speaking for its author: "a statement by the Defence Ministry denied …", "An editorial in the Daily Star
 * called …", "Die These von Merz: „…“". The speaker phrase the rules found is the text ("a statement") or holds it; the named author after the
 * linking word ("by", "from", "in"; lang/<code>/quotes/function-words.json) speaks.
 */
import { mentionsIn, type DocView } from './view.js';

/** Most tokens from the document noun to its author's name ("a statement from the office of Prime Minister X"). */
const MAX_AUTHOR_GAP = 6;
/** Most tokens of the author's name ("International Committee of the Red Cross"). */
const MAX_NAME_TOKENS = 10;

/**
 * The token range of the named author of a document noun at the head of the phrase [a, b) (the author may lie inside
 * the phrase or right after it); null when the phrase names no document or no named person or organisation follows.
 */
export function documentAuthor(v: DocView, a: number, b: number): [number, number] | null {
  const lex = v.lex;
  let d = a;
  while (d < b && lex.determiners.has(v.lower[d])) d++;
  // The head: the document noun opens the phrase or follows one adjective ("a joint statement").
  if (!lex.documentNouns.has(v.lower[d])) d++;
  if (d >= b || !lex.documentNouns.has(v.lower[d]) || !lex.authorLinks.has(v.lower[d + 1] ?? '')) return null;
  const limit = Math.min(v.lower.length, d + 2 + MAX_AUTHOR_GAP);
  for (let t = d + 2; t < limit; t++) {
    if (v.quoteOf[t] || v.verbMask[t] || v.lower[t] === ',' && t > d + 2) return null;
    const m = mentionsIn(v, t, Math.min(v.lower.length, t + MAX_NAME_TOKENS)).find((x) => x.tokenStart === t && x.kind === 'name');
    if (!m) continue;
    const type = v.entities.byId.get(m.entity)?.type;
    // A demonym or place qualifying the author ("the Ruritanian Interior Ministry") is passed over.
    if (type === 'person' || type === 'organization') return [m.tokenStart, m.tokenEnd];
    t = m.tokenEnd - 1;
  }
  return null;
}
