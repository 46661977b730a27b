/** `actor NAME`: everything the corpus knows about one actor, and `--why` the merges behind it. */
import type { CorpusDb } from './store.js';
import { num } from './store.js';
import { findActor } from './lookup.js';
import { actorNames } from './queries.js';
import { actorNodes, type ActorNode } from './network.js';

export type ActorSummary = Omit<ActorNode, 'degree'>;

export interface ActorProfile {
  actor: ActorSummary;
  aliases: string[];
  roles: { title: string; of: string | null; status: string | null; evidence: string; article: string; articleId: string; published: string | null }[];
  quotesBy: { text: string; kind: string; article: string; articleId: string; published: string | null }[];
  quotesAbout: { text: string; speaker: string | null; article: string; articleId: string; published: string | null }[];
  relations: { direction: 'out' | 'in'; other: string; otherId: string; predicate: string; modality: string; support: string; source: string | null; sentence: string; article: string; articleId: string; date: string | null }[];
  merges: { article: string; articleId: string; published: string | null; name: string; reason: string; evidence: string }[];
}

const titleOf = (t: string | null, id: string) => t ?? id.slice(0, 12);

export async function actorProfile(db: CorpusDb, query: string): Promise<ActorProfile> {
  const a = await findActor(db, query);
  const aliases = await db.selectFrom('actor_aliases').select('alias').distinct().where('actor_id', '=', a.id).where('norm', 'not like', '~%').orderBy('alias').execute();
  const roles = await db
    .selectFrom('roles as r')
    .innerJoin('articles as ar', 'ar.id', 'r.article_id')
    .select(['r.title', 'r.of_actor', 'r.status', 'r.evidence', 'r.published', 'ar.title as article', 'ar.id as article_id'])
    .where('r.actor_id', '=', a.id)
    .orderBy('r.published', (ob) => ob.asc().nullsFirst())
    .orderBy('r.id')
    .execute();
  const quotesBy = await db
    .selectFrom('quotes as q')
    .innerJoin('articles as ar', 'ar.id', 'q.article_id')
    .select(['q.text', 'q.kind', 'q.published', 'ar.title as article', 'ar.id as article_id'])
    .where('q.speaker', '=', a.id)
    .orderBy('q.published', (ob) => ob.asc().nullsFirst())
    .orderBy('q.id')
    .execute();
  const quotesAbout = await db
    .selectFrom('quote_about as qa')
    .innerJoin('quotes as q', 'q.id', 'qa.quote_id')
    .innerJoin('articles as ar', 'ar.id', 'q.article_id')
    .select(['q.text', 'q.speaker', 'q.source_label', 'q.published', 'ar.title as article', 'ar.id as article_id'])
    .where('qa.actor_id', '=', a.id)
    .orderBy('q.published', (ob) => ob.asc().nullsFirst())
    .orderBy('q.id')
    .execute();
  const rels = await db
    .selectFrom('relations as r')
    .innerJoin('articles as ar', 'ar.id', 'r.article_id')
    .select(['r.subject', 'r.object', 'r.predicate', 'r.modality', 'r.support', 'r.source_label', 'r.sentence', 'r.date', 'ar.title as article', 'ar.id as article_id'])
    .where((eb) => eb.or([eb('r.subject', '=', a.id), eb('r.object', '=', a.id)]))
    .orderBy('r.date', (ob) => ob.asc().nullsFirst())
    .orderBy('r.id')
    .execute();
  const merges = await db
    .selectFrom('actor_links as l')
    .innerJoin('articles as ar', 'ar.id', 'l.article_id')
    .select(['l.name', 'l.reason', 'l.evidence', 'ar.title as article', 'ar.id as article_id', 'ar.published', 'ar.seq'])
    .where('l.actor_id', '=', a.id)
    .orderBy('ar.seq')
    .orderBy('l.entity_id')
    .execute();
  // names of the other actors this profile mentions, and only those
  const others = [...roles.map((r) => r.of_actor), ...quotesAbout.map((q) => q.speaker), ...rels.flatMap((r) => [r.subject, r.object])].filter((x): x is string => !!x);
  const names = new Map([...(await actorNames(db, others))].map(([id, v]) => [id, v.name]));
  return {
    actor: { id: a.id, type: a.type, kind: a.kind, name: a.name, mentions: num(a.mention_count), articles: num(a.article_count), firstDate: a.first_date, lastDate: a.last_date },
    aliases: aliases.map((r) => r.alias),
    roles: roles.map((r) => ({ title: r.title, of: r.of_actor ? names.get(r.of_actor) ?? r.of_actor : null, status: r.status, evidence: r.evidence, article: titleOf(r.article, r.article_id), articleId: r.article_id, published: r.published })),
    quotesBy: quotesBy.map((q) => ({ text: q.text, kind: q.kind, article: titleOf(q.article, q.article_id), articleId: q.article_id, published: q.published })),
    quotesAbout: quotesAbout.map((q) => ({ text: q.text, speaker: q.speaker ? names.get(q.speaker) ?? q.speaker : q.source_label, article: titleOf(q.article, q.article_id), articleId: q.article_id, published: q.published })),
    relations: rels.map((r) => {
      const out = r.subject === a.id;
      const other = out ? r.object : r.subject;
      return { direction: out ? 'out' : 'in', other: names.get(other) ?? other, otherId: other, predicate: r.predicate, modality: r.modality, support: r.support, source: r.source_label, sentence: r.sentence, article: titleOf(r.article, r.article_id), articleId: r.article_id, date: r.date };
    }),
    merges: merges.map((m) => ({ article: titleOf(m.article, m.article_id), articleId: m.article_id, published: m.published, name: m.name, reason: m.reason, evidence: m.evidence })),
  };
}

export interface ActorListOptions {
  type?: string;
  sort?: 'degree' | 'mentions' | 'articles' | 'name';
  limit?: number;
}

export async function listActors(db: CorpusDb, opts: ActorListOptions = {}): Promise<ActorNode[]> {
  // degrees are stored with the actors: no need to read the edges
  let nodes = await actorNodes(db);
  if (opts.type) nodes = nodes.filter((n) => n.type === opts.type);
  const sort = opts.sort ?? 'mentions';
  nodes = [...nodes].sort((x, y) => {
    if (sort === 'name') return x.name.localeCompare(y.name);
    const d = sort === 'degree' ? y.degree - x.degree || y.mentions - x.mentions : sort === 'articles' ? y.articles - x.articles || y.mentions - x.mentions : y.mentions - x.mentions || y.degree - x.degree;
    return d || x.name.localeCompare(y.name);
  });
  return opts.limit ? nodes.slice(0, opts.limit) : nodes;
}
