/**
 * The network across articles: one edge per ordered actor pair, with what a reader needs to weigh it:
 * supporting articles and outlets (syndicated copies are already counted once), named / anonymous /
 * unattributed support, first and last date, modality and predicate counts. Co-mention (same paragraph)
 * is a separate, weaker layer. Ingest keeps these figures stored (network-write.ts), so loading the
 * network reads one row per edge; the `aggregate…` functions recompute them from every relation, as a
 * check of the stored figures (tests) and for stores that predate them (migration 003 fills those).
 */
import { sql } from 'kysely';
import type { Modality } from '../contract/schema.js';
import type { CorpusDb } from './store.js';
import { num } from './store.js';
import type { EdgePredicatesTable, EdgesTable } from './db.js';

export const MODALITIES: Modality[] = ['asserted', 'attempted', 'failed', 'planned', 'hypothetical', 'negated', 'former'];

export interface RelationEdge {
  subject: string;
  object: string;
  relations: number;
  articles: number;
  /** Distinct outlets (an article without a named outlet counts as its own). */
  sources: number;
  named: number;
  anonymous: number;
  /** Unattributed: stated in the reporter's own voice. */
  reporter: number;
  firstDate: string | null;
  lastDate: string | null;
  modality: Record<Modality, number>;
  predicates: Record<string, number>;
}

export interface ComentionEdge {
  a: string;
  b: string;
  articles: number;
  /** Paragraphs in which both appear, over all articles. */
  paragraphs: number;
  lastDate: string | null;
}

export interface ActorNode {
  id: string;
  type: string;
  kind: string | null;
  name: string;
  mentions: number;
  articles: number;
  firstDate: string | null;
  lastDate: string | null;
  /** Distinct neighbours over relation edges. */
  degree: number;
}

export interface Network {
  nodes: ActorNode[];
  edges: RelationEdge[];
  comentions: ComentionEdge[];
}

const countWhen = (col: string, value: string) => sql<number>`sum(case when ${sql.ref(col)} = ${value} then 1 else 0 end)`;

/** The relation edges recomputed from every stored relation (slow on a large corpus: a check, not a query path). */
export async function aggregateRelationEdges(db: CorpusDb): Promise<RelationEdge[]> {
  const rows = await db
    .selectFrom('relations as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .select((eb) => [
      'r.subject as subject',
      'r.object as object',
      eb.fn.countAll().as('n'),
      sql<number>`count(distinct ${sql.ref('r.article_id')})`.as('articles'),
      sql<number>`count(distinct coalesce(${sql.ref('a.source')}, ${sql.ref('a.id')}))`.as('sources'),
      countWhen('r.support', 'named').as('named'),
      countWhen('r.support', 'anonymous').as('anonymous'),
      countWhen('r.support', 'reporter').as('reporter'),
      eb.fn.min('r.date').as('first'),
      eb.fn.max('r.date').as('last'),
      ...MODALITIES.map((m) => countWhen('r.modality', m).as(`m_${m}`)),
    ])
    .groupBy(['r.subject', 'r.object'])
    .orderBy('r.subject')
    .orderBy('r.object')
    .execute();
  const preds = await db
    .selectFrom('relations')
    .select((eb) => ['subject', 'object', 'predicate', eb.fn.countAll().as('n')])
    .groupBy(['subject', 'object', 'predicate'])
    .execute();
  const predOf = new Map<string, Record<string, number>>();
  for (const p of preds) {
    const k = p.subject + '\u0000' + p.object;
    let rec = predOf.get(k);
    if (!rec) predOf.set(k, (rec = {}));
    rec[p.predicate] = num(p.n);
  }
  return rows.map((r) => {
    const row = r as unknown as Record<string, unknown>;
    const modality = Object.fromEntries(MODALITIES.map((m) => [m, num(row[`m_${m}`])])) as Record<Modality, number>;
    return {
      subject: r.subject,
      object: r.object,
      relations: num(r.n),
      articles: num(r.articles),
      sources: num(r.sources),
      named: num(r.named),
      anonymous: num(r.anonymous),
      reporter: num(r.reporter),
      firstDate: (r.first as string | null) ?? null,
      lastDate: (r.last as string | null) ?? null,
      modality,
      predicates: predOf.get(r.subject + '\u0000' + r.object) ?? {},
    };
  });
}

/** The co-mention edges recomputed from every stored co-mention. */
export async function aggregateComentionEdges(db: CorpusDb): Promise<ComentionEdge[]> {
  const rows = await db
    .selectFrom('comentions as c')
    .innerJoin('articles as a', 'a.id', 'c.article_id')
    .select((eb) => [
      'c.a as a',
      'c.b as b',
      sql<number>`count(distinct ${sql.ref('c.article_id')})`.as('articles'),
      eb.fn.sum('c.weight').as('paragraphs'),
      eb.fn.max('a.published').as('last'),
    ])
    .groupBy(['c.a', 'c.b'])
    .orderBy('c.a')
    .orderBy('c.b')
    .execute();
  return rows.map((r) => ({ a: r.a, b: r.b, articles: num(r.articles), paragraphs: num(r.paragraphs), lastDate: (r.last as string | null) ?? null }));
}

/** The stored relation edges, ordered by subject and object. */
export async function relationEdges(db: CorpusDb): Promise<RelationEdge[]> {
  const rows = await db.selectFrom('edges').selectAll().orderBy('subject').orderBy('object').execute();
  return withPredicates(rows, await db.selectFrom('edge_predicates').selectAll().execute());
}

/** The stored edges between two actors, both directions (a channel hop's figures). */
export async function relationEdgesBetween(db: CorpusDb, a: string, b: string): Promise<RelationEdge[]> {
  const rows = await db
    .selectFrom('edges')
    .selectAll()
    .where((eb) => eb.or([eb.and([eb('subject', '=', a), eb('object', '=', b)]), eb.and([eb('subject', '=', b), eb('object', '=', a)])]))
    .orderBy('subject')
    .execute();
  const preds = await db
    .selectFrom('edge_predicates')
    .selectAll()
    .where((eb) => eb.or([eb.and([eb('subject', '=', a), eb('object', '=', b)]), eb.and([eb('subject', '=', b), eb('object', '=', a)])]))
    .execute();
  return withPredicates(rows, preds);
}

function withPredicates(rows: EdgesTable[], preds: EdgePredicatesTable[]): RelationEdge[] {
  const predOf = new Map<string, Record<string, number>>();
  for (const p of preds) {
    const k = p.subject + '\u0000' + p.object;
    let rec = predOf.get(k);
    if (!rec) predOf.set(k, (rec = {}));
    rec[p.predicate] = num(p.n);
  }
  return rows.map((r) => ({
    subject: r.subject,
    object: r.object,
    relations: num(r.relations),
    articles: num(r.articles),
    sources: num(r.sources),
    named: num(r.named),
    anonymous: num(r.anonymous),
    reporter: num(r.reporter),
    firstDate: r.first_date,
    lastDate: r.last_date,
    modality: Object.fromEntries(MODALITIES.map((m) => [m, num(r[`m_${m}`])])) as Record<Modality, number>,
    predicates: predOf.get(r.subject + '\u0000' + r.object) ?? {},
  }));
}

/** The stored co-mention edges, ordered by pair. */
export async function comentionEdges(db: CorpusDb): Promise<ComentionEdge[]> {
  const rows = await db.selectFrom('comention_edges').selectAll().orderBy('a').orderBy('b').execute();
  return rows.map((r) => ({ a: r.a, b: r.b, articles: num(r.articles), paragraphs: num(r.paragraphs), lastDate: r.last_date }));
}

/** Every actor with its stored degree, ordered by id. */
export async function actorNodes(db: CorpusDb): Promise<ActorNode[]> {
  const rows = await db.selectFrom('actors').selectAll().orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.type,
    kind: r.kind,
    name: r.name,
    mentions: num(r.mention_count),
    articles: num(r.article_count),
    firstDate: r.first_date,
    lastDate: r.last_date,
    degree: num(r.degree),
  }));
}

export async function loadNetwork(db: CorpusDb, opts: { comentions?: boolean } = {}): Promise<Network> {
  const edges = await relationEdges(db);
  const nodes = await actorNodes(db);
  const comentions = opts.comentions === false ? [] : await comentionEdges(db);
  return { nodes, edges, comentions };
}
