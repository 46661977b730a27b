/**
 * The stored network (edges, predicates, outlets, co-mention edges, degrees) that ingest keeps up to date
 * equals the network recomputed from every stored relation, after each article, for copies too; and
 * migration 003 fills it for a store that predates it.
 */
import { describe, expect, it } from 'vitest';
import { Migrator } from 'kysely';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { aggregateComentionEdges, aggregateRelationEdges, loadNetwork } from '../../src/corpus/network.js';
import { migrationProviderFor } from '../../src/corpus/migrations.js';
import type { Store } from '../../src/corpus/store.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';
import { fixtureInputs, filler } from './fixtures.js';

/** Degrees recomputed from the aggregated edges. */
function degreesOf(edges: { subject: string; object: string }[]): Map<string, number> {
  const nb = new Map<string, Set<string>>();
  const add = (x: string, y: string) => (nb.get(x) ?? nb.set(x, new Set()).get(x)!).add(y);
  for (const e of edges) {
    add(e.subject, e.object);
    add(e.object, e.subject);
  }
  return new Map([...nb].map(([k, v]) => [k, v.size]));
}

async function expectStoredEqualsAggregate(store: Store): Promise<number> {
  const stored = await loadNetwork(store.db, { comentions: true });
  const agg = await aggregateRelationEdges(store.db);
  expect(stored.edges).toEqual(agg);
  expect(stored.comentions).toEqual(await aggregateComentionEdges(store.db));
  const deg = degreesOf(agg);
  for (const n of stored.nodes) expect([n.id, n.degree]).toEqual([n.id, deg.get(n.id) ?? 0]);
  return stored.edges.length;
}

describe('stored network', () => {
  it('equals the network recomputed from the relations, article by article, copies counted once', async () => {
    const store = await openTestStore();
    const items = await collectArticles([goldArticles]);
    let checked = 0;
    for (const item of items) {
      await ingestAll(store, [item], { analyze: annotatedAnalyzer });
      if ((await expectStoredEqualsAggregate(store)) > 0) checked++;
    }
    expect(checked).toBeGreaterThan(3);
    const sum = await store.db.selectFrom('edges').select((eb) => eb.fn.sum<number>('relations').as('n')).executeTakeFirst();
    expect(Number(sum?.n)).toBe((await store.db.selectFrom('relations').select('id').execute()).length);
    await store.close();
  });

  it('counts an outlet once per pair and widens dates both ways', async () => {
    const store = await openTestStore();
    const a = { id: 'p:a', name: 'Ann Alpha' };
    const b = { id: 'p:b', name: 'Bob Beta' };
    const c = { id: 'p:c', name: 'Cid Gamma' };
    const { items, analyze } = fixtureInputs([
      { actors: [a, b], relations: [{ s: 'p:a', o: 'p:b' }], published: '2024-05-01', source: 'Wire A', filler: filler(41) },
      { actors: [a, b, c], relations: [{ s: 'p:b', o: 'p:a' }, { s: 'p:a', o: 'p:c' }], published: '2024-01-01', source: 'Wire A', filler: filler(42) },
      { actors: [a, b], relations: [{ s: 'p:a', o: 'p:b', modality: 'negated' }], published: '2023-06-01', source: null, filler: filler(43) },
      { actors: [a, b], relations: [{ s: 'p:a', o: 'p:b' }], published: '2024-09-09', source: 'Wire A', filler: filler(44) },
    ]);
    await ingestAll(store, items, { analyze });
    await expectStoredEqualsAggregate(store);
    const net = await loadNetwork(store.db);
    expect(net.edges.find((e) => e.subject === 'p:a' && e.object === 'p:b')).toMatchObject({ articles: 3, sources: 2, firstDate: '2023-06-01', lastDate: '2024-09-09' });
    expect(net.nodes.find((n) => n.id === 'p:a')?.degree).toBe(2);
    await store.close();
  });

  it('migration 003 fills the network of a store that predates it', async () => {
    const store = await openTestStore();
    await ingestAll(store, await collectArticles([goldArticles]), { analyze: annotatedAnalyzer });
    const before = await loadNetwork(store.db, { comentions: true });
    expect(before.edges.length).toBeGreaterThan(5);
    const migrator = new Migrator({ db: store.db, provider: migrationProviderFor(store.dialect) });
    const down = await migrator.migrateTo('002_articles_seq_index');
    expect(down.error).toBeUndefined();
    expect(await store.migrate()).toEqual(['003_stored_network', '004_graph_cache', '005_consolidation', '006_watch']);
    expect(await loadNetwork(store.db, { comentions: true })).toEqual(before);
    await store.close();
  });
});
