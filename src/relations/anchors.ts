/**
 * Anchoring a relation: its time (a timeline item in the trigger's clause, or in the clause an infinitive
 * depends on) and its attribution (the source of the quote it sits in, or of a reporting clause of the
 * same sentence: "…, sagten drei der Beamten", "…, two of the officials said").
 */
import type { TimelineItem } from '../contract/schema.js';
import type { QuoteLayer } from '../quotes/index.js';
import type { SentenceView } from './sentence-view.js';

/** Timeline item for a trigger at token t in clause ci, or null. */
export function timeFor(v: SentenceView, ci: number, t: number, timeline: TimelineItem[]): string | null {
  if (!timeline.length) return null;
  const tokens = v.doc.tokens;
  const pos = tokens[t].start;
  let c = ci;
  const seen = new Set<number>();
  while (c >= 0 && !seen.has(c)) {
    seen.add(c);
    const cl = v.clauses[c];
    const a = tokens[cl.start].start;
    const b = tokens[cl.end - 1].end;
    let best: TimelineItem | null = null;
    for (const item of timeline) {
      if (item.start >= a && item.end <= b && (!best || Math.abs(item.start - pos) < Math.abs(best.start - pos))) best = item;
    }
    if (best) return best.id;
    // An infinitive happens when its governing clause says ("reiste letzten Monat …, um … zu treffen").
    if (cl.kind !== 'infinitive') break;
    c = cl.parent;
  }
  return null;
}

/** Source id the clause rests on, or null for the reporter. */
export function attributionFor(v: SentenceView, ci: number, charPos: number, quotes: QuoteLayer): string | null {
  for (const q of quotes.quotes) {
    if (q.source && q.start <= charPos && charPos < q.end) return q.source;
  }
  if (ci < 0) return null;
  const tokens = v.doc.tokens;
  for (let c = 0; c < v.clauses.length; c++) {
    if (c === ci || v.clauses[c].kind !== 'reporting') continue;
    const a = tokens[v.clauses[c].start].start;
    const b = tokens[v.clauses[c].end - 1].end;
    for (const s of quotes.sources) {
      if (s.mentions.some((m) => m.start >= a && m.end <= b)) return s.id;
    }
  }
  return null;
}
