/**
 * A speaker described by an office before the article names them, the name then following bare as the next
 * speaker ("Ruritania's foreign minister said … . 'We will …,' Maria Lopez told reporters."): the news habit of
 * introducing a quote's speaker by role and then by name. forward-description.ts finds a later name that comes with
 * the same title; this pass takes the next statement's person when that person is first named there and the text
 * gives them no other office (shared resolver: references/described-person.ts).
 */
import { descriptionClass, descriptionFits, headOf } from '../references/index.js';
import type { SourceRec } from './sources.js';
import type { Statement } from './statements.js';
import type { DocView } from './view.js';

/** How many sentences after the description's own the named speaker may come (set on news-dev: 1 and 2 equal). */
const FORWARD_SENTENCES = 2;

/** The head word of a description [a, b): its last word before a genitive link, preposition or comma. */
function headWord(v: DocView, a: number, b: number): number {
  for (let t = a + 1; t < b; t++) if (v.lex.genitiveLinks.has(v.lower[t]) && /^\p{L}/u.test(v.lower[t]) || v.lex.prepositions.has(v.lower[t]) || v.lower[t] === ',') return t - 1;
  return b - 1;
}

/** Token where the entity is first named in the text (name mentions only), or -1. */
function firstNamed(v: DocView, entity: string): number {
  const m = v.entities.mentions.find((x) => x.entity === entity && x.kind === 'name');
  return m ? m.tokenStart : -1;
}

/**
 * For each statement whose speaker phrase is a singular office description that resolved to no person, the speaker
 * of the next statement within FORWARD_SENTENCES when that is a person first named after the description, whose
 * known titles fit it. Updates `recOf` in place.
 */
export function resolveForwardSpeakers(v: DocView, statements: Statement[], recOf: Map<Statement, SourceRec | null>): void {
  const ordered = [...statements].sort((x, y) => x.anchor - y.anchor);
  ordered.forEach((st, i) => {
    const rec = recOf.get(st) ?? null;
    // Resolved to a person or an institution ("die Grünen"), or a group: nothing to look for. A place may be the
    // possessor the registry fell back on ("Ruritania's foreign minister").
    const known = rec?.entity ? v.entities.byId.get(rec.entity)?.type : undefined;
    if (st.subject.type !== 'phrase' || rec?.group || known && known !== 'location') return;
    const [a, b] = st.subject.range;
    const word = v.lower[headWord(v, a, b)];
    const h = headOf(v.lex.refs, word);
    if (!h || descriptionClass(v.lex.refs, word) !== 'person' || v.lex.refs.pluralEndings.includes(h.ending)) return;
    const k = v.sentOf[a];
    for (const nx of ordered.slice(i + 1)) {
      const at = nx.cue ? nx.cue[0] : nx.anchor;
      if (v.sentOf[at] === k) continue;
      if (v.sentOf[at] > k + FORWARD_SENTENCES) return;
      const r = recOf.get(nx) ?? null;
      const e = r?.entity ? v.entities.byId.get(r.entity) : undefined;
      if (!r || !e) return;
      if (e.type !== 'person' || firstNamed(v, e.id) < b) return;
      const titles = v.entities.roles.filter((x) => x.holder === e.id).map((x) => x.title);
      if (descriptionFits(v.lex.refs, titles, word)) recOf.set(st, r);
      return;
    }
  });
}
