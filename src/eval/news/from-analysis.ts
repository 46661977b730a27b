/** An analysis (backchannel.analysis/1) in the gold set's shape, so that one scorer compares both. */
import type { Analysis, SpanOut } from '../../contract/schema.js';
import { spanCheck, textHash } from './text.js';
import { NEWS_GOLD_SCHEMA, type GoldSpan, type NewsGold } from './types.js';

const span = (text: string, s: { start: number; end: number }): GoldSpan => ({ start: s.start, end: s.end, check: spanCheck(text.slice(s.start, s.end)) });

export function goldShapeOf(a: Analysis, file: string): NewsGold {
  const text = a.document.text;
  const sourceById = new Map(a.sources.map((s) => [s.id, s]));
  const anonymous = a.sources.filter((s) => !s.named);
  return {
    schema: NEWS_GOLD_SCHEMA, file, textHash: textHash(text), status: 'system',
    actors: a.entities.map((e) => ({ id: e.id, name: e.name, type: e.type, kind: e.kind, aliases: e.aliases })),
    // Ties from role nouns are already relations in an analysis: roles carry no tie here, so none counts twice.
    roles: a.entities.flatMap((e) => e.roles.map((r) => ({ holder: e.id, title: r.title, of: r.of, status: r.status, tie: null, at: span(text, r.evidence) }))),
    sources: anonymous.map((s) => ({
      id: s.id, description: s.description, count: s.count, affiliation: s.affiliation, parent: s.parent ?? null,
      reason: s.anonymityReason ? span(text, s.anonymityReason) : null, mentions: s.mentions.map((m: SpanOut) => span(text, m)),
    })),
    quotes: a.quotes.map((q) => {
      const src = q.source ? sourceById.get(q.source) : undefined;
      const speaker = q.speaker ?? (src?.named ? src.entity : null);
      return { id: q.id, kind: q.kind, at: span(text, q), cue: q.cue ? span(text, q.cue) : null, speaker, source: !speaker && src && !src.named ? src.id : null, channel: q.channel };
    }),
    responses: a.sources.flatMap((s) => (s.responses ?? []).map((r) => ({ actor: s.named ? s.entity : null, source: s.named ? null : s.id, kind: r.kind, at: span(text, r.evidence) }))),
    relations: a.relations.map((r) => ({ subject: r.subject, object: r.object, type: r.predicate, modality: r.modality, at: span(text, r.evidence) })),
    // The TIMEX3 reading where the time stage gives one (contract field `timex`), else the resolved value.
    time: a.timeline.map((t) => ({ at: span(text, t), type: t.timex?.type ?? 'DATE', value: t.timex?.value ?? t.value ?? '', mod: t.timex?.mod ?? t.modifier ?? null })),
  };
}
