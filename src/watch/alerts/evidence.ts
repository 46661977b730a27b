/** Looking up what alerts cite: article metadata, actor names, the sentence where an actor is mentioned. */
import type { Analysis } from '../../contract/schema.js';
import { sentenceAround } from '../../corpus/sentence.js';
import type { WatchDb } from '../db.js';
import type { AlertActor, AlertEvidence } from './types.js';

export interface ArticleMeta {
  id: string;
  seq: number;
  title: string | null;
  url: string | null;
  source: string | null;
  published: string | null;
}

export const evidenceOf = (a: ArticleMeta, sentence: string, date?: string | null): AlertEvidence => ({
  sentence,
  articleId: a.id,
  title: a.title,
  url: a.url,
  outlet: a.source,
  date: date ?? a.published,
});

export async function actorRefs(db: WatchDb, ids: string[]): Promise<Map<string, AlertActor>> {
  const uniq = [...new Set(ids)];
  const out = new Map<string, AlertActor>();
  if (!uniq.length) return out;
  const rows = await db.selectFrom('actors').select(['id', 'name']).where('id', 'in', uniq).execute();
  for (const r of rows) out.set(r.id, { id: r.id, name: r.name });
  for (const id of uniq) if (!out.has(id)) out.set(id, { id, name: id });
  return out;
}

/**
 * The sentence of an article where two actors are mentioned together (the first one), else the sentence
 * of the other actor's first mention; null when the article mentions it nowhere.
 */
export async function sentenceNaming(db: WatchDb, articleId: string, analysis: Analysis, watched: string, other: string): Promise<string | null> {
  const links = await db.selectFrom('actor_links').select(['entity_id', 'actor_id']).where('article_id', '=', articleId).where('actor_id', 'in', [watched, other]).execute();
  const entitiesOf = (actor: string) => new Set(links.filter((l) => l.actor_id === actor).map((l) => l.entity_id));
  const mentions = (actor: string) => analysis.entities.filter((e) => entitiesOf(actor).has(e.id)).flatMap((e) => e.mentions);
  const a = mentions(watched);
  const b = mentions(other).sort((x, y) => x.start - y.start);
  if (!b.length) return null;
  const text = analysis.document.text;
  const sentenceOf = (m: { start: number; end: number }) => sentenceAround(text, m.start, m.end);
  const withA = new Set(a.map(sentenceOf));
  for (const m of b) {
    const s = sentenceOf(m);
    if (withA.has(s)) return s;
  }
  return sentenceOf(b[0]);
}
