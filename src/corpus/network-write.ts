/**
 * Keeps the stored network (edges, edge_predicates, edge_outlets, comention_edges, actors.degree) up to
 * date as one article is written, inside the article's transaction: the same figures network.ts used to
 * aggregate from every relation at each start, now added article by article. Every count here is a sum
 * over articles, so the result does not depend on the order articles arrive in (given the same actors).
 */
import { sql, type Transaction } from 'kysely';
import type { Modality } from '../contract/schema.js';
import type { CorpusDatabase, EdgesTable } from './db.js';

type Tx = Transaction<CorpusDatabase>;

/** The part of a stored relation row the network adds up. */
export interface RelationContribution {
  subject: string;
  object: string;
  predicate: string;
  modality: string;
  support: string;
  date: string | null;
}

export interface ComentionContribution {
  a: string;
  b: string;
  weight: number;
}

const MODALITY_COLUMN: Record<Modality, keyof EdgesTable> = {
  asserted: 'm_asserted',
  attempted: 'm_attempted',
  failed: 'm_failed',
  planned: 'm_planned',
  hypothetical: 'm_hypothetical',
  negated: 'm_negated',
  former: 'm_former',
};

const pairKey = (a: string, b: string) => a + '\u0000' + b;

/** `min`/`max` of a stored date and an incoming one, where null means "none yet". */
const earlier = (col: string) =>
  sql<string | null>`case when ${sql.ref('excluded.' + col)} is not null and (${sql.ref('edges.' + col)} is null or ${sql.ref('excluded.' + col)} < ${sql.ref('edges.' + col)}) then ${sql.ref('excluded.' + col)} else ${sql.ref('edges.' + col)} end`;
const later = (table: string, col: string) =>
  sql<string | null>`case when ${sql.ref('excluded.' + col)} is not null and (${sql.ref(table + '.' + col)} is null or ${sql.ref('excluded.' + col)} > ${sql.ref(table + '.' + col)}) then ${sql.ref('excluded.' + col)} else ${sql.ref(table + '.' + col)} end`;

/** Adds one new article's relations to the stored edges. `outlet` is its source, or its id when it names none. */
export async function addRelationsToNetwork(tx: Tx, outlet: string, rels: RelationContribution[]): Promise<void> {
  if (!rels.length) return;
  const byPair = new Map<string, EdgesTable>();
  const preds = new Map<string, { subject: string; object: string; predicate: string; n: number }>();
  for (const r of rels) {
    const k = pairKey(r.subject, r.object);
    let e = byPair.get(k);
    if (!e) {
      e = { subject: r.subject, object: r.object, relations: 0, articles: 1, sources: 0, named: 0, anonymous: 0, reporter: 0, first_date: null, last_date: null, m_asserted: 0, m_attempted: 0, m_failed: 0, m_planned: 0, m_hypothetical: 0, m_negated: 0, m_former: 0 };
      byPair.set(k, e);
    }
    e.relations++;
    if (r.support === 'named' || r.support === 'anonymous' || r.support === 'reporter') e[r.support]++;
    const col = MODALITY_COLUMN[r.modality as Modality];
    if (col) (e[col] as number)++;
    if (r.date && (!e.first_date || r.date < e.first_date)) e.first_date = r.date;
    if (r.date && (!e.last_date || r.date > e.last_date)) e.last_date = r.date;
    const pk = k + '\u0000' + r.predicate;
    const p = preds.get(pk);
    if (p) p.n++;
    else preds.set(pk, { subject: r.subject, object: r.object, predicate: r.predicate, n: 1 });
  }
  const pairs = [...byPair.values()];
  await countNewNeighbours(tx, pairs);
  // the outlet counts once per pair: only pairs it did not support before gain a source
  const fresh = await tx
    .insertInto('edge_outlets')
    .values(pairs.map((e) => ({ subject: e.subject, object: e.object, outlet })))
    .onConflict((oc) => oc.columns(['subject', 'object', 'outlet']).doNothing())
    .returning(['subject', 'object'])
    .execute();
  for (const f of fresh) byPair.get(pairKey(f.subject, f.object))!.sources = 1;
  for (let i = 0; i < pairs.length; i += CHUNK_ROWS) {
    await tx
      .insertInto('edges')
      .values(pairs.slice(i, i + CHUNK_ROWS))
      .onConflict((oc) =>
        oc.columns(['subject', 'object']).doUpdateSet((eb) => {
          const add = (c: keyof EdgesTable) => eb(`edges.${c}` as 'edges.relations', '+', eb.ref(`excluded.${c}` as 'excluded.relations'));
          return {
            relations: add('relations'),
            articles: add('articles'),
            sources: add('sources'),
            named: add('named'),
            anonymous: add('anonymous'),
            reporter: add('reporter'),
            first_date: earlier('first_date'),
            last_date: later('edges', 'last_date'),
            ...Object.fromEntries(Object.values(MODALITY_COLUMN).map((c) => [c, add(c)])),
          };
        }),
      )
      .execute();
  }
  const predRows = [...preds.values()];
  for (let i = 0; i < predRows.length; i += CHUNK_ROWS) {
    await tx
      .insertInto('edge_predicates')
      .values(predRows.slice(i, i + CHUNK_ROWS))
      .onConflict((oc) => oc.columns(['subject', 'object', 'predicate']).doUpdateSet((eb) => ({ n: eb('edge_predicates.n', '+', eb.ref('excluded.n')) })))
      .execute();
  }
}

/** Rows per statement: 18 columns × 40 stays far under every engine's bound-parameter limit. */
const CHUNK_ROWS = 40;

/** Raises actors.degree for each neighbour pair that had no edge in either direction before this article. */
async function countNewNeighbours(tx: Tx, pairs: { subject: string; object: string }[]): Promise<void> {
  const actors = [...new Set(pairs.flatMap((p) => [p.subject, p.object]))];
  const known = new Set<string>();
  for (let i = 0; i < actors.length; i += 400) {
    const slice = actors.slice(i, i + 400);
    const rows = await tx.selectFrom('edges').select(['subject', 'object']).where('subject', 'in', slice).where('object', 'in', actors).execute();
    for (const r of rows) known.add(r.subject < r.object ? pairKey(r.subject, r.object) : pairKey(r.object, r.subject));
  }
  const gain = new Map<string, number>();
  for (const p of pairs) {
    const k = p.subject < p.object ? pairKey(p.subject, p.object) : pairKey(p.object, p.subject);
    if (known.has(k)) continue;
    known.add(k);
    gain.set(p.subject, (gain.get(p.subject) ?? 0) + 1);
    gain.set(p.object, (gain.get(p.object) ?? 0) + 1);
  }
  if (!gain.size) return;
  // one statement for all of them (a round trip each would dominate on PostgreSQL)
  const cases = sql.join([...gain].map(([id, n]) => sql`when ${id} then ${n}`), sql` `);
  await tx
    .updateTable('actors')
    .set({ degree: sql<number>`${sql.ref('degree')} + case ${sql.ref('id')} ${cases} else 0 end` })
    .where('id', 'in', [...gain.keys()])
    .execute();
}

/** Adds one new article's co-mention pairs (a < b) to the stored co-mention edges. */
export async function addComentionsToNetwork(tx: Tx, published: string | null, rows: ComentionContribution[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 150) {
    await tx
      .insertInto('comention_edges')
      .values(rows.slice(i, i + 150).map((r) => ({ a: r.a, b: r.b, articles: 1, paragraphs: r.weight, last_date: published })))
      .onConflict((oc) =>
        oc.columns(['a', 'b']).doUpdateSet((eb) => ({
          articles: eb('comention_edges.articles', '+', eb.ref('excluded.articles')),
          paragraphs: eb('comention_edges.paragraphs', '+', eb.ref('excluded.paragraphs')),
          last_date: later('comention_edges', 'last_date'),
        })),
      )
      .execute();
  }
}
