import type { Relation, TimelineItem } from '../contract/schema.js';
import type { EntityLayer } from '../entities/types.js';
import type { Doc } from '../text/types.js';

/**
 * Fills timeline[].relations (relations whose time points at the item) and timeline[].entities
 * (entities mentioned in the item's sentence), so the brief and corpus can read them off the item.
 */
export function linkTimeline(doc: Doc, timeline: TimelineItem[], entities: EntityLayer, relations: Relation[]): void {
  if (!timeline.length) return;
  const byId = new Map(timeline.map((t) => [t.id, t]));
  for (const r of relations) {
    if (!r.time) continue;
    const t = byId.get(r.time);
    if (t && !t.relations.includes(r.id)) t.relations.push(r.id);
  }
  for (const t of timeline) {
    const s = doc.sentences.find((x) => x.start <= t.start && t.end <= x.end);
    if (!s) continue;
    const seen = new Set(t.entities);
    for (const m of entities.mentions) {
      if (m.start >= s.start && m.end <= s.end && !seen.has(m.entity)) {
        seen.add(m.entity);
        t.entities.push(m.entity);
      }
    }
  }
}
