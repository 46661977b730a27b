/**
 * Nested speech in German continuation: a sentence right after a report whose own reporting verb stands in the
 * reported mood with a pronoun subject („X sagte, … . Er habe den Präsidenten darüber informiert, dass …“) is the
 * last speaker going on, telling what they told someone. The annotation keeps the outer statement only
 * (docs/annotation.md, nested speech): the whole sentence becomes a continuation, cue and subject dropped.
 */
import type { SyntaxLayer } from '../syntax/types.js';
import { trimContent } from './attribution.js';
import { parseAt } from './parse-subject.js';
import { isReportedForm } from './reported-mood.js';
import type { Statement } from './statements.js';
import { sentenceRange, spanOf, type DocView } from './view.js';

/** Does the main reporting verb at word `wi` carry reported mood, itself or through its finite auxiliary? */
function reportedCue(v: DocView, words: SyntaxLayer['sentences'][number]['words'], wi: number): boolean {
  const w = words[wi];
  if (w.head !== 0) return false;
  const finite = /(?:^|\|)VerbForm=Fin/.test(w.feats) ? w : words.find((x) => x.head === wi + 1 && x.deprel.startsWith('aux') && /VerbForm=Fin/.test(x.feats));
  const subject = words.find((x) => x.head === wi + 1 && x.deprel === 'nsubj');
  return !!finite && !!subject && subject.upos === 'PRON' && isReportedForm(v, finite);
}

/** Rewrites, in place, indirect statements whose cue is such a nested report after a sentence holding a statement. */
export function widenNestedReports(v: DocView, syn: SyntaxLayer, statements: Statement[]): void {
  const withStatement = new Set(statements.map((st) => v.sentOf[Math.max(0, st.content[1] - 1)]));
  for (const st of statements) {
    if (st.kind !== 'indirect' || !st.cue || st.subject.type !== 'phrase') continue;
    const s = v.sentOf[st.cue[0]];
    if (!withStatement.has(s - 1)) continue;
    const at = parseAt(syn, st.cue[0]);
    if (!at || !reportedCue(v, at.words, at.word)) continue;
    const [S, E] = sentenceRange(v, s);
    const [a, b] = trimContent(v, S, E);
    if (b <= a || v.quoteOf[a]) continue;
    Object.assign(st, { content: [a, b], ...spanOf(v, a, b), cue: null, form: null, subject: { type: 'continuation' }, attribution: null, anchor: a });
  }
}
