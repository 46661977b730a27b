/**
 * The stored channel graph: a cold query reads it instead of every edge. It must answer exactly as the
 * graph built from the network (paths, costs, hop figures), and a newly stored article makes it stale.
 */
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { ChannelGraph, findChannels } from '../../src/corpus/channels.js';
import { corpusVersion, loadChannelGraph } from '../../src/corpus/graph-cache.js';
import { loadNetwork } from '../../src/corpus/network.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';
import { fixtureInputs, filler } from './fixtures.js';

describe('stored channel graph', () => {
  it('answers as the graph built from the network, and is rebuilt after an ingest', async () => {
    const store = await openTestStore();
    await ingestAll(store, await collectArticles([goldArticles]), { analyze: annotatedAnalyzer });
    const first = await loadChannelGraph(store.db); // built and stored
    const row = await store.db.selectFrom('graph_cache').select(['name', 'version']).execute();
    expect(row).toEqual([{ name: 'channels', version: await corpusVersion(store.db) }]);
    const stored = await loadChannelGraph(store.db); // read back
    expect(stored).not.toBe(first);
    expect(stored.edges.every((e) => e.stats === null)).toBe(true);
    const built = new ChannelGraph(await loadNetwork(store.db, { comentions: false }));
    let compared = 0;
    for (const [a, b] of [['Berlin', 'Helena Duarte'], ['Karin Albers', 'Rafael Monteiro'], ['Stiftung Nordbrücke', 'Helena Duarte']]) {
      const want = await findChannels(store.db, a, b, { maxHops: 3, limit: 10 }, built);
      expect(await findChannels(store.db, a, b, { maxHops: 3, limit: 10 }, stored)).toEqual(want);
      compared += want.length;
    }
    expect(compared).toBeGreaterThan(3);

    // a new article with a new tie: the stored graph is stale, the next load sees the tie
    const { items, analyze } = fixtureInputs([{ actors: [{ id: 'p:new', name: 'Nia Newcomer' }, { id: 'p:other', name: 'Oto Other' }], relations: [{ s: 'p:new', o: 'p:other' }], filler: filler(77) }]);
    await ingestAll(store, items, { analyze });
    const fresh = await loadChannelGraph(store.db);
    expect(fresh.index.has('p:new')).toBe(true);
    expect((await findChannels(store.db, 'Nia Newcomer', 'Oto Other', {}, fresh))[0].hops[0].stats).toMatchObject({ relations: 1, forward: 1 });
    await store.close();
  });
});
