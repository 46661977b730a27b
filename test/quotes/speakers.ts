/** Looking up a quote and its speaker in a whole-pipeline analysis, for the speaker tests. */
import type { Analysis } from '../../src/contract/schema.js';

/** The quote that starts with `words`, else the first that contains them; throws with the quotes found. */
export function quoteWith(a: Analysis, words: string) {
  const q = a.quotes.find((x) => x.text.startsWith(words)) ?? a.quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote with "${words}" among ${a.quotes.map((x) => JSON.stringify(x.text)).join(', ')}`);
  return q;
}

/** The speaker's entity (name and aliases), else the source's description. */
export function speakerOf(a: Analysis, words: string): { name: string | null; aliases: string[] } {
  const q = quoteWith(a, words);
  const s = a.sources.find((x) => x.id === q.source);
  const e = a.entities.find((x) => x.id === (q.speaker ?? s?.entity ?? null));
  return { name: e?.name ?? s?.description ?? null, aliases: e?.aliases ?? [] };
}

/** The name of the entity that speaks the first quote containing `words` (directly or through its source), or null. */
export function speakerName(a: Analysis, words: string): string | null {
  const q = a.quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote with "${words}" among ${a.quotes.map((x) => JSON.stringify(x.text)).join(', ')}`);
  const s = a.sources.find((x) => x.id === q.source);
  return a.entities.find((x) => x.id === (q.speaker ?? s?.entity ?? null))?.name ?? null;
}
