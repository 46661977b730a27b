import type { Relation, TimelineItem } from '../contract/schema.js';
import type { EntityLayer } from '../entities/types.js';
import type { Doc } from '../text/types.js';

/**
 * Fills timeline[].relations (relations whose time points at the item) and timeline[].entities
 * (entities mentioned in the item's sentence), so the brief and corpus can read them off the item.
 * Sentences and mentions are sorted by offset, so each lookup is a binary search (large documents stay linear).
 */
export function linkTimeline(doc: Doc, timeline: TimelineItem[], entities: EntityLayer, relations: Relation[]): void {
  if (!timeline.length) return;
  const byId = new Map(timeline.map((t) => [t.id, t]));
  for (const r of relations) {
    if (!r.time) continue;
    const t = byId.get(r.time);
    if (t && !t.relations.includes(r.id)) t.relations.push(r.id);
  }
  const mentions = entities.mentions;
  for (const t of timeline) {
    const s = doc.sentences[lowerBound(doc.sentences.length, (i) => doc.sentences[i].end < t.end)];
    if (!s || s.start > t.start) continue;
    const seen = new Set(t.entities);
    for (let i = lowerBound(mentions.length, (k) => mentions[k].start < s.start); i < mentions.length && mentions[i].start < s.end; i++) {
      const m = mentions[i];
      if (m.end <= s.end && !seen.has(m.entity)) {
        seen.add(m.entity);
        t.entities.push(m.entity);
      }
    }
  }
}

/** First index in [0, n) for which `before(i)` is false. */
function lowerBound(n: number, before: (i: number) => boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
