/**
 * „X beendete das Gespräch mit den Worten „…““: a quote right after a phrase that introduces someone's words as the
 * manner of the clause's act (lang/<code>/quotes/cues.json `wordsPhrases`) is the words of that clause's subject,
 * by the parse.
 */
import type { SyntaxLayer } from '../syntax/types.js';
import { mainSubject } from './continuation.js';
import { analyzePhrase } from './phrase-info.js';
import type { SourceRec, SourceRegistry } from './sources.js';
import { matchPatternAt } from './token-pattern.js';
import type { DocView } from './view.js';

/** The speaker of a quote opening at token `open` after a words phrase (a colon between allowed), or null. */
export function wordsPhraseSpeaker(v: DocView, registry: SourceRegistry, open: number,
  syntaxOf: (() => SyntaxLayer | null) | undefined): SourceRec | null {
  const end = v.lower[open - 1] === ':' ? open - 1 : open;
  const hit = v.lex.wordsPhrases.some((p) => {
    const a = end - p.steps.length;
    return a >= 0 && matchPatternAt(p, v.lower, a, end)?.end === end;
  });
  const syn = hit && syntaxOf ? syntaxOf() : null;
  const r = syn ? mainSubject(v, syn, v.sentOf[open]) : null;
  if (!r || r[1] > open) return null;
  const info = analyzePhrase(v, r[0], r[1]);
  if (info.kind !== 'pronoun' && !(info.kind === 'named' && info.entity)) return null;
  return registry.resolvePhrase(r[0], r[1], 'any');
}
