/**
 * Anchoring a relation: its time (a timeline item in the trigger's clause, or in the clause an infinitive
 * depends on) and its attribution (the source of the quote it sits in, or of a reporting clause of the
 * same sentence: "…, sagten drei der Beamten", "…, two of the officials said").
 *
 * The quotes, source mentions and timeline are indexed once per document (quotes by sentence, source
 * mentions and timeline items sorted by position), so anchoring stays linear in the document's length.
 */
import type { Doc } from '../text/types.js';
import type { TimelineItem } from '../contract/schema.js';
import type { QuoteLayer } from '../quotes/index.js';
import type { SentenceView } from './sentence-view.js';

interface Span { start: number; end: number; order: number }

export class AnchorIndex {
  /** Quote indexes (into quotes.quotes, in their order) touching each sentence. */
  private readonly quotesBySentence: number[][];
  /** Source mentions sorted by start; `order` is the source's index in quotes.sources. */
  private readonly sourceMentions: Span[];
  /** Timeline items sorted by start; `order` is the item's index in the timeline. */
  private readonly items: Span[];

  constructor(private readonly doc: Doc, private readonly quotes: QuoteLayer, private readonly timeline: TimelineItem[]) {
    this.quotesBySentence = doc.sentences.map(() => []);
    quotes.quotes.forEach((q, i) => {
      if (!q.source) return;
      for (let s = this.sentenceOf(q.start); s < doc.sentences.length && doc.sentences[s].start < q.end; s++) this.quotesBySentence[s].push(i);
    });
    this.sourceMentions = [];
    quotes.sources.forEach((s, i) => { for (const m of s.mentions) this.sourceMentions.push({ start: m.start, end: m.end, order: i }); });
    this.sourceMentions.sort(bySpan);
    this.items = timeline.map((t, i) => ({ start: t.start, end: t.end, order: i })).sort(bySpan);
  }

  /** Index of the sentence holding character position pos (0 before the first). */
  sentenceOf(pos: number): number {
    const ss = this.doc.sentences;
    let lo = 0, hi = ss.length - 1;
    while (lo < hi) { const mid = (lo + hi + 1) >> 1; if (ss[mid].start <= pos) lo = mid; else hi = mid - 1; }
    return lo;
  }

  /** Source of the first quote covering pos (direct or mixed only, when `directOnly`), or null. */
  quoteSourceAt(pos: number, directOnly: boolean): string | null {
    if (pos < 0 || !this.doc.sentences.length) return null;
    for (const i of this.quotesBySentence[this.sentenceOf(pos)]) {
      const q = this.quotes.quotes[i];
      if (q.start <= pos && pos < q.end && !(directOnly && q.kind === 'indirect')) return q.source;
    }
    return null;
  }

  /** The first source (in the quote layer's order) with a mention inside [a, b]. */
  sourceIn(a: number, b: number): string | null {
    let best = -1;
    for (let i = lowerBound(this.sourceMentions, a); i < this.sourceMentions.length && this.sourceMentions[i].start <= b; i++) {
      const m = this.sourceMentions[i];
      if (m.end <= b && (best < 0 || m.order < best)) best = m.order;
    }
    return best >= 0 ? this.quotes.sources[best].id : null;
  }

  /** The timeline item inside [a, b] nearest to pos (the earlier-listed one on a tie), or null. */
  timeIn(a: number, b: number, pos: number): string | null {
    let best: Span | null = null;
    for (let i = lowerBound(this.items, a); i < this.items.length && this.items[i].start <= b; i++) {
      const it = this.items[i];
      if (it.end > b) continue;
      const d = Math.abs(it.start - pos), bd = best ? Math.abs(best.start - pos) : Infinity;
      if (d < bd || (d === bd && best && it.order < best.order)) best = it;
    }
    return best ? this.timeline[best.order].id : null;
  }
}

function bySpan(x: Span, y: Span): number { return x.start - y.start || x.order - y.order; }

/** First index whose start is ≥ pos. */
function lowerBound(xs: Span[], pos: number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (xs[mid].start < pos) lo = mid + 1; else hi = mid; }
  return lo;
}

/** Timeline item for a trigger at token t in clause ci, or null. */
export function timeFor(v: SentenceView, ci: number, t: number, index: AnchorIndex): string | null {
  const tokens = v.doc.tokens;
  const pos = tokens[t].start;
  let c = ci;
  const seen = new Set<number>();
  while (c >= 0 && !seen.has(c)) {
    seen.add(c);
    const cl = v.clauses[c];
    const best = index.timeIn(tokens[cl.start].start, tokens[cl.end - 1].end, pos);
    if (best) return best;
    // An infinitive happens when its governing clause says ("reiste letzten Monat …, um … zu treffen").
    if (cl.kind !== 'infinitive') break;
    c = cl.parent;
  }
  return null;
}

/** Source id the clause rests on, or null for the reporter. */
export function attributionFor(v: SentenceView, ci: number, charPos: number, index: AnchorIndex): string | null {
  const quoted = index.quoteSourceAt(charPos, false);
  if (quoted) return quoted;
  if (ci < 0) return null;
  const tokens = v.doc.tokens;
  for (let c = 0; c < v.clauses.length; c++) {
    if (c === ci || v.clauses[c].kind !== 'reporting') continue;
    const s = index.sourceIn(tokens[v.clauses[c].start].start, tokens[v.clauses[c].end - 1].end);
    if (s) return s;
  }
  return null;
}
