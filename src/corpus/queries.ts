/**
 * Read queries the HTTP API needs beside the CLI's (profile.ts, network.ts): actor autocomplete, article
 * search and lookup, the relation rows the network view filters, and dated events of an actor or a pair.
 * Portable SQL only (lower(...) like ... escape), as everywhere in src/corpus.
 */
import { sql } from 'kysely';
import type { ActorsTable } from './db.js';
import type { CorpusDb } from './store.js';
import { num } from './store.js';
import { normName } from './normalize.js';

/** One stored relation, as the network filters see it (evidence text left in the database). */
export interface RelationRow {
  subject: string;
  object: string;
  predicate: string;
  family: string;
  modality: string;
  support: string;
  date: string | null;
  articleId: string;
  /** The article's outlet, or its id when it names none (so outlets count distinct). */
  outlet: string;
}

/** Every relation of the corpus, in a stable order. */
export async function relationRows(db: CorpusDb): Promise<RelationRow[]> {
  const rows = await db
    .selectFrom('relations as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .select(['r.subject', 'r.object', 'r.predicate', 'r.family', 'r.modality', 'r.support', 'r.date', 'r.article_id', 'a.source'])
    .orderBy('r.article_id')
    .orderBy('r.id')
    .execute();
  return rows.map((r) => ({
    subject: r.subject,
    object: r.object,
    predicate: r.predicate,
    family: r.family,
    modality: r.modality,
    support: r.support,
    date: r.date,
    articleId: r.article_id,
    outlet: r.source ?? r.article_id,
  }));
}

/** Co-mentions per article (the weak layer), with the article's date. */
export interface ComentionRow {
  a: string;
  b: string;
  articleId: string;
  date: string | null;
}

export async function comentionRows(db: CorpusDb): Promise<ComentionRow[]> {
  const rows = await db
    .selectFrom('comentions as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select(['c.a', 'c.b', 'c.article_id', 'a.published'])
    .orderBy('c.article_id')
    .orderBy('c.a')
    .orderBy('c.b')
    .execute();
  return rows.map((r) => ({ a: r.a, b: r.b, articleId: r.article_id, date: r.published }));
}

/** A LIKE pattern that matches `s` literally (its % and _ escaped with \). */
export const likeLiteral = (s: string): string => s.replace(/[\\%_]/g, (c) => '\\' + c);

/**
 * Autocomplete: actors with a name or alias that starts with the typed text, or has a word that does
 * ("trum" → Donald Trump). Most mentioned first; at most `limit`.
 */
export async function suggestActors(db: CorpusDb, query: string, limit: number, type?: string): Promise<ActorsTable[]> {
  const norm = normName(query);
  if (!norm) return [];
  const lit = likeLiteral(norm);
  let q = db
    .selectFrom('actor_aliases as al')
    .innerJoin('actors as ac', 'ac.id', 'al.actor_id')
    .selectAll('ac')
    .distinct()
    .where((eb) =>
      eb.or([
        eb('al.norm', '=', norm),
        sql<boolean>`${sql.ref('al.norm')} like ${lit + '%'} escape '\\'`,
        sql<boolean>`${sql.ref('al.norm')} like ${'% ' + lit + '%'} escape '\\'`,
        sql<boolean>`${sql.ref('al.norm')} like ${'~' + lit + '%'} escape '\\'`,
      ]),
    );
  if (type) q = q.where('ac.type', '=', type);
  const rows = await q.orderBy('ac.mention_count', 'desc').orderBy('ac.id').limit(limit).execute();
  return rows;
}

export interface ArticleListItem {
  id: string;
  title: string | null;
  source: string | null;
  url: string | null;
  published: string | null;
  language: string;
  duplicateOf: string | null;
}

export interface ArticleSearch {
  /** Words the text or title must contain (case-insensitive, literal). */
  q?: string;
  outlet?: string;
  from?: string;
  to?: string;
  /** Corpus actor id the article must mention. */
  actor?: string;
  limit: number;
  offset: number;
}

/** Articles matching the search, newest first, and how many match in all. */
export async function searchArticles(db: CorpusDb, s: ArticleSearch): Promise<{ total: number; items: ArticleListItem[] }> {
  let q = db.selectFrom('articles as a');
  if (s.q) {
    for (const word of s.q.trim().toLowerCase().split(/\s+/).slice(0, 8)) {
      const pat = '%' + likeLiteral(word) + '%';
      q = q.where((eb) =>
        eb.or([
          sql<boolean>`lower(coalesce(${sql.ref('a.title')}, '')) like ${pat} escape '\\'`,
          sql<boolean>`lower(${sql.ref('a.analysis')}) like ${pat} escape '\\'`,
        ]),
      );
    }
  }
  if (s.outlet) q = q.where('a.source', '=', s.outlet);
  if (s.from) q = q.where('a.published', '>=', s.from);
  if (s.to) q = q.where('a.published', '<=', s.to);
  if (s.actor) {
    const actor = s.actor;
    q = q.where('a.id', 'in', (eb) => eb.selectFrom('actor_links').select('article_id').where('actor_id', '=', actor));
  }
  const total = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
  const rows = await q
    .select(['a.id', 'a.title', 'a.source', 'a.url', 'a.published', 'a.language', 'a.duplicate_of'])
    .orderBy('a.published', (ob) => ob.desc().nullsLast())
    .orderBy('a.seq', 'desc')
    .limit(s.limit)
    .offset(s.offset)
    .execute();
  return {
    total: num(total?.n),
    items: rows.map((r) => ({ id: r.id, title: r.title, source: r.source, url: r.url, published: r.published, language: r.language, duplicateOf: r.duplicate_of })),
  };
}

export interface StoredArticle extends ArticleListItem {
  origin: string;
  /** The backchannel.analysis/1 document as stored (JSON text). */
  analysis: string;
  /** Article entity id → corpus actor id. */
  actorOf: Record<string, string>;
}

export async function storedArticle(db: CorpusDb, id: string): Promise<StoredArticle | null> {
  const r = await db.selectFrom('articles').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) return null;
  // a syndicated copy has no links of its own: its entities are the original's
  const linksOf = r.duplicate_of ?? r.id;
  const links = await db.selectFrom('actor_links').select(['entity_id', 'actor_id']).where('article_id', '=', linksOf).execute();
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    url: r.url,
    published: r.published,
    language: r.language,
    duplicateOf: r.duplicate_of,
    origin: r.origin,
    analysis: r.analysis,
    actorOf: Object.fromEntries(links.map((l) => [l.entity_id, l.actor_id])),
  };
}

export interface DatedEvent {
  date: string | null;
  subject: string;
  object: string;
  predicate: string;
  family: string;
  modality: string;
  support: string;
  sourceLabel: string | null;
  sentence: string;
  articleId: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
}

/** Relations of an actor (or between two actors, either direction), oldest first; undated ones last. */
export async function datedEvents(db: CorpusDb, actor: string, other: string | null, limit: number): Promise<DatedEvent[]> {
  let q = db
    .selectFrom('relations as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .select(['r.date', 'r.subject', 'r.object', 'r.predicate', 'r.family', 'r.modality', 'r.support', 'r.source_label', 'r.sentence', 'r.article_id', 'a.title', 'a.source', 'a.published']);
  q = other
    ? q.where((eb) => eb.or([eb.and([eb('r.subject', '=', actor), eb('r.object', '=', other)]), eb.and([eb('r.subject', '=', other), eb('r.object', '=', actor)])]))
    : q.where((eb) => eb.or([eb('r.subject', '=', actor), eb('r.object', '=', actor)]));
  const rows = await q
    .orderBy(sql`case when ${sql.ref('r.date')} is null then 1 else 0 end`)
    .orderBy('r.date')
    .orderBy('r.article_id')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    date: r.date,
    subject: r.subject,
    object: r.object,
    predicate: r.predicate,
    family: r.family,
    modality: r.modality,
    support: r.support,
    sourceLabel: r.source_label,
    sentence: r.sentence,
    articleId: r.article_id,
    title: r.title,
    outlet: r.source,
    published: r.published,
  }));
}

/** Names of the given actors (for labelling ids in API answers). */
export async function actorNames(db: CorpusDb, ids: string[]): Promise<Map<string, { name: string; type: string }>> {
  const out = new Map<string, { name: string; type: string }>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db.selectFrom('actors').select(['id', 'name', 'type']).where('id', 'in', unique.slice(i, i + 500)).execute();
    for (const r of rows) out.set(r.id, { name: r.name, type: r.type });
  }
  return out;
}
