/**
 * A reported clause that leads into a quotation through a colon, the quotation then attributed after it („Die
 * Abstimmung ändere nichts daran: „…“, sagte X.“): the clause has no cue of its own and is X's words too. The
 * reported-mood rules read the clause before the colon (statements.ts); this pass gives it the speaker of the
 * quotation the colon opens, when that quotation has its own reporting verb. Updates `recOf` in place.
 */
import type { SourceRec } from './sources.js';
import type { Statement } from './statements.js';
import { tokenAt, type DocView } from './view.js';

export function resolveColonSpeakers(v: DocView, statements: Statement[], recOf: Map<Statement, SourceRec | null>): void {
  for (const st of statements) {
    if (st.kind !== 'indirect' || st.cue !== null || st.subject.type !== 'continuation') continue;
    const colon = st.content[1];
    if (v.lower[colon] !== ':') continue;
    const next = statements.find((o) => o.kind === 'direct' && o.cue !== null && o.spans.length > 0
      && tokenAt(v.doc, v.spans[o.spans[0]].open) === colon + 1);
    const rec = next ? recOf.get(next) : null;
    if (rec) recOf.set(st, rec);
  }
}
