/** The sourcing profile of one article: on whose authority its statements rest. */
import type { Quote, Source } from '../contract/schema.js';
import type { SourcingProfile } from './types.js';

const DOCUMENT_CHANNELS = new Set(['writing', 'statement']);

export function sourcingProfile(quotes: Quote[], sources: Source[]): SourcingProfile {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const counts = new Map<string, number>();
  let named = 0, anonymous = 0, documents = 0, unattributed = 0;
  for (const q of quotes) {
    const s = q.source ? byId.get(q.source) : undefined;
    if (!s) { unattributed++; continue; }
    counts.set(s.id, (counts.get(s.id) ?? 0) + 1);
    if (!s.named) anonymous++;
    else if (q.channel && DOCUMENT_CHANNELS.has(q.channel)) documents++;
    else named++;
  }
  const n = quotes.length;
  return {
    statements: n,
    direct: quotes.filter((q) => q.kind === 'direct').length,
    indirect: quotes.filter((q) => q.kind === 'indirect').length,
    mixed: quotes.filter((q) => q.kind === 'mixed').length,
    named, anonymous, documents, unattributed,
    anonymousShare: n ? Math.round((anonymous / n) * 1000) / 1000 : 0,
    responses: sources.reduce((a, s) => a + (s.responses?.length ?? 0), 0),
    bySource: [...counts].map(([id, c]) => {
      const s = byId.get(id)!;
      return { source: id, description: s.description, named: s.named, statements: c };
    }).sort((a, b) => b.statements - a.statements || a.source.localeCompare(b.source)),
  };
}
