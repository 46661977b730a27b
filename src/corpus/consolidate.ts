/**
 * The consolidation pass, run after each ingest batch (ingestAll, the queue worker) in one write
 * transaction: re-resolves every entity mention of the corpus at once (cluster.ts), so actors, ids and
 * display names are a function of the set of articles, not of their order. Articles whose entities now
 * belong to other actors get their roles, quotes, relations and co-mentions rewritten from their stored
 * analysis; then the actors, their aliases and the stored network (edges, co-mention edges, degrees) are
 * rebuilt, translations marked (translations.ts), and the graph cache dropped with a new generation.
 */
import { sql, type Transaction } from 'kysely';
import type { Analysis } from '../contract/schema.js';
import type { CorpusDatabase } from './db.js';
import type { Store } from './store.js';
import { num } from './store.js';
import { clusterEntities, recordKey, type Clustering, type EntityRecord } from './cluster.js';
import { insertMany, writeComentions, writeQuotes, writeRelations, writeRoles } from './article-rows.js';
import { normName, surnameKey } from './normalize.js';
import { isSurnameOnly, spellingKey } from './names/index.js';
import { canonicalCopies } from './copies.js';
import { markTranslations } from './translations.js';

type Tx = Transaction<CorpusDatabase>;

export const DISPLAY_LANGUAGES = ['de', 'en'] as const;
export type DisplayLanguage = (typeof DISPLAY_LANGUAGES)[number];

export interface ConsolidateSummary {
  actors: number;
  /** Articles whose rows were rewritten because their entities moved to other actors. */
  rewritten: number;
  translations: number;
  ms: number;
}

export async function getSetting(db: Tx | Store['db'], key: string): Promise<string | null> {
  const r = await db.selectFrom('corpus_settings').select('value').where('key', '=', key).executeTakeFirst();
  return r?.value ?? null;
}

async function setSetting(tx: Tx, key: string, value: string): Promise<void> {
  await tx.insertInto('corpus_settings').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
}

/** The display language: the stored setting, else the language of most original articles (de on a tie). */
async function displayLanguage(tx: Tx): Promise<string> {
  const set = await getSetting(tx, 'display_language');
  if (set) return set;
  const rows = await tx.selectFrom('articles').select(['language', (eb) => eb.fn.countAll().as('n')]).where('duplicate_of', 'is', null).groupBy('language').execute();
  return rows.map((r) => ({ l: r.language, n: num(r.n) })).sort((a, b) => b.n - a.n || (a.l < b.l ? -1 : 1))[0]?.l ?? 'en';
}

export async function consolidate(store: Store, opts: { displayLanguage?: DisplayLanguage } = {}): Promise<ConsolidateSummary> {
  const t0 = performance.now();
  return store.transaction(async (tx) => {
    if (opts.displayLanguage) await setSetting(tx, 'display_language', opts.displayLanguage);
    await canonicalCopies(tx);
    const records = await loadRecords(tx);
    const clustering = clusterEntities(records, await displayLanguage(tx));
    const rewritten = await applyAssignment(tx, clustering, records);
    const translations = await markTranslations(tx);
    await rebuildActors(tx, clustering);
    await rebuildNetwork(tx);
    const generation = Number((await getSetting(tx, 'generation')) ?? 0) + 1;
    await setSetting(tx, 'generation', String(generation));
    await tx.deleteFrom('graph_cache').execute();
    return { actors: clustering.actors.length, rewritten, translations, ms: performance.now() - t0 };
  });
}

interface LinkRow extends EntityRecord {
  actorId: string;
  reason: string;
  evidence: string;
}

async function loadRecords(tx: Tx): Promise<LinkRow[]> {
  const rows = await tx
    .selectFrom('actor_links as l')
    .innerJoin('articles as a', 'a.id', 'l.article_id')
    .select(['l.article_id', 'l.entity_id', 'l.actor_id', 'l.name', 'l.type', 'l.kind', 'l.aliases', 'l.mentions', 'l.reason', 'l.evidence', 'a.language'])
    .where('a.duplicate_of', 'is', null)
    .execute();
  return rows.map((r) => ({
    article: r.article_id,
    entity: r.entity_id,
    type: r.type ?? 'other',
    kind: r.kind,
    name: r.name,
    aliases: r.aliases ? (JSON.parse(r.aliases) as string[]) : [],
    mentions: num(r.mentions),
    language: r.language,
    actorId: r.actor_id,
    reason: r.reason,
    evidence: r.evidence,
  }));
}

/** Moves every link to its actor; rewrites the rows of articles whose entities changed actor. Returns their number. */
async function applyAssignment(tx: Tx, c: Clustering, links: LinkRow[]): Promise<number> {
  const changedArticles = new Set<string>();
  const changedLinks: LinkRow[] = [];
  for (const l of links) {
    const a = c.assignment.get(recordKey(l.article, l.entity))!;
    if (a.actorId !== l.actorId) changedArticles.add(l.article);
    if (a.actorId !== l.actorId || a.reason !== l.reason || a.evidence !== l.evidence) changedLinks.push(l);
  }
  for (const l of changedLinks) {
    const a = c.assignment.get(recordKey(l.article, l.entity))!;
    await tx.updateTable('actor_links').set({ actor_id: a.actorId, reason: a.reason, evidence: a.evidence }).where('article_id', '=', l.article).where('entity_id', '=', l.entity).execute();
  }
  for (const id of [...changedArticles].sort()) await rewriteArticle(tx, id, c);
  return changedArticles.size;
}

/** Replaces an article's roles, quotes, relations and co-mentions with ones over the new actors. */
async function rewriteArticle(tx: Tx, articleId: string, c: Clustering): Promise<void> {
  const row = await tx.selectFrom('articles').select('analysis').where('id', '=', articleId).executeTakeFirstOrThrow();
  const a = JSON.parse(row.analysis) as Analysis;
  const actorOf = new Map(a.entities.map((e) => [e.id, c.assignment.get(recordKey(articleId, e.id))?.actorId ?? e.id]));
  const quoteIds = tx.selectFrom('quotes').select('id').where('article_id', '=', articleId);
  await tx.deleteFrom('quote_about').where('quote_id', 'in', quoteIds).execute();
  for (const t of ['quotes', 'roles', 'relations', 'comentions'] as const) await tx.deleteFrom(t).where('article_id', '=', articleId).execute();
  await writeRoles(tx, articleId, a, actorOf);
  await writeQuotes(tx, articleId, a, actorOf);
  await writeRelations(tx, articleId, a, actorOf);
  await writeComentions(tx, articleId, a, actorOf);
}

/** The article a mention counts for: a translation counts as its original (one story). */
async function storyOf(tx: Tx): Promise<Map<string, { story: string; published: string | null }>> {
  const rows = await tx.selectFrom('articles').select(['id', 'translation_of', 'published']).where('duplicate_of', 'is', null).execute();
  return new Map(rows.map((r) => [r.id, { story: r.translation_of ?? r.id, published: r.published }]));
}

async function rebuildActors(tx: Tx, c: Clustering): Promise<void> {
  const stories = await storyOf(tx);
  await tx.deleteFrom('actor_aliases').execute();
  await tx.deleteFrom('actors').execute();
  const actors = [];
  const aliases = new Map<string, { norm: string; actor_id: string; alias: string }>();
  const addAlias = (norm: string | null, actor: string, alias: string) => {
    if (norm && norm !== '~' && norm !== '=' && !aliases.has(norm + '\u0000' + actor)) aliases.set(norm + '\u0000' + actor, { norm, actor_id: actor, alias });
  };
  for (const a of c.actors) {
    const dates = a.members.map((m) => stories.get(m.article)?.published).filter((d): d is string => !!d).sort();
    actors.push({
      id: a.id,
      type: a.type,
      kind: a.kind,
      name: a.name,
      mention_count: a.members.reduce((s, m) => s + m.mentions, 0),
      article_count: new Set(a.members.map((m) => stories.get(m.article)?.story ?? m.article)).size,
      first_date: dates[0] ?? null,
      last_date: dates[dates.length - 1] ?? null,
      degree: 0,
    });
    const names = [a.name, ...a.members.flatMap((m) => [m.name, ...m.aliases])].sort();
    for (const n of names) {
      addAlias(normName(n), a.id, n);
      // other spellings of the same name find the actor too (lookup.ts)
      addAlias('=' + spellingKey(n), a.id, n);
      if (a.type === 'person' && !isSurnameOnly(n)) addAlias(surnameKey(n), a.id, n);
    }
  }
  await insertMany(tx, 'actors', actors);
  await insertMany(tx, 'actor_aliases', [...aliases.values()]);
}

const MODALITY_COLUMNS = ['asserted', 'attempted', 'failed', 'planned', 'hypothetical', 'negated', 'former'].map((m) => 'm_' + m);

/**
 * The stored network from the relations and co-mentions, as network-write.ts keeps it, except that a
 * translation counts as its original's article and outlet.
 */
async function rebuildNetwork(tx: Tx): Promise<void> {
  for (const t of ['edges', 'edge_predicates', 'edge_outlets', 'comention_edges'] as const) await tx.deleteFrom(t).execute();
  const when = (col: string, v: string) => sql`sum(case when ${sql.ref(col)} = ${sql.lit(v)} then 1 else 0 end)`;
  const story = sql`coalesce(a.translation_of, a.id)`;
  await sql`insert into edges (subject, object, relations, articles, sources, named, anonymous, reporter, first_date, last_date, ${sql.join(MODALITY_COLUMNS.map((m) => sql.ref(m)))})
    select r.subject, r.object, count(*), count(distinct ${story}), count(distinct coalesce(o.source, o.id)),
      ${when('r.support', 'named')}, ${when('r.support', 'anonymous')}, ${when('r.support', 'reporter')}, min(r.date), max(r.date),
      ${sql.join(MODALITY_COLUMNS.map((m) => when('r.modality', m.slice(2))))}
    from relations r join articles a on a.id = r.article_id join articles o on o.id = ${story}
    where r.subject <> r.object group by r.subject, r.object`.execute(tx);
  await sql`insert into edge_predicates (subject, object, predicate, n) select subject, object, predicate, count(*) from relations where subject <> object group by subject, object, predicate`.execute(tx);
  await sql`insert into edge_outlets (subject, object, outlet) select distinct r.subject, r.object, coalesce(o.source, o.id)
    from relations r join articles a on a.id = r.article_id join articles o on o.id = ${story} where r.subject <> r.object`.execute(tx);
  await sql`insert into comention_edges (a, b, articles, paragraphs, last_date)
    select c.a, c.b, count(distinct ${story}), sum(c.weight), max(a.published) from comentions c join articles a on a.id = c.article_id
    where c.a <> c.b group by c.a, c.b`.execute(tx);
  await sql`update actors set degree = (select count(*) from (select object as n from edges where subject = actors.id union select subject from edges where object = actors.id) t)`.execute(tx);
}
