import type { Entity } from '../contract/schema.js';
import type { EntityLayer, EntityMention, RoleMention } from './types.js';

/** Builds an EntityLayer (sorted mentions, id index, lookup helpers) from entities, mentions and role phrases. */
export function makeEntityLayer(entities: Entity[], mentions: EntityMention[], roles: RoleMention[] = []): EntityLayer {
  const sorted = mentions.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const sortedRoles = roles.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const byId = new Map<string, Entity>();
  for (const e of entities) byId.set(e.id, e);
  const starts = new Int32Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) starts[i] = sorted[i].start;
  const pronouns = new Map<number, string>();
  for (const m of sorted) if (m.kind === 'pronoun') pronouns.set(m.tokenStart, m.entity);

  /** First index whose start >= pos. */
  const lowerBound = (pos: number): number => {
    let lo = 0, hi = starts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (starts[mid] < pos) lo = mid + 1; else hi = mid; }
    return lo;
  };
  // Mentions are short; looking back a bounded number of entries finds any that start before and reach in.
  const LOOKBACK = 8;

  const mentionsIn = (start: number, end: number): EntityMention[] => {
    const out: EntityMention[] = [];
    for (let i = lowerBound(start); i < sorted.length && sorted[i].start < end; i++) if (sorted[i].end <= end) out.push(sorted[i]);
    return out;
  };

  const mentionAt = (start: number, end: number): EntityMention | null => {
    let best: EntityMention | null = null;
    const from = Math.max(0, lowerBound(start) - LOOKBACK);
    for (let i = from; i < sorted.length && sorted[i].start < end; i++) {
      const m = sorted[i];
      if (m.end <= start) continue;
      if (m.start === start && m.end === end) return m;
      if (!best || m.end - m.start > best.end - best.start) best = m;
    }
    return best;
  };

  // Token starts follow char starts; a running maximum of token ends bounds the walk back from token t.
  const tokStarts = new Int32Array(sorted.length);
  const reach = new Int32Array(sorted.length);
  for (let i = 0, r = -1; i < sorted.length; i++) { tokStarts[i] = sorted[i].tokenStart; r = Math.max(r, sorted[i].tokenEnd); reach[i] = r; }

  const mentionAtToken = (t: number): EntityMention | null => {
    let lo = 0, hi = tokStarts.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (tokStarts[mid] <= t) lo = mid + 1; else hi = mid; }
    let best: EntityMention | null = null;
    // Walking back, ties go to the earlier mention (as a forward scan would pick it).
    for (let i = lo - 1; i >= 0 && reach[i] > t; i--) {
      const m = sorted[i];
      if (m.tokenEnd > t && (!best || m.end - m.start >= best.end - best.start)) best = m;
    }
    return best;
  };

  return {
    entities,
    mentions: sorted,
    byId,
    roles: sortedRoles,
    mentionAt,
    mentionsIn,
    mentionAtToken,
    resolvePronoun: (t: number) => pronouns.get(t) ?? null,
  };
}
