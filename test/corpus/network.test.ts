import { describe, expect, it } from 'vitest';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { ChannelGraph, findChannels, tieStrength, type TieStats } from '../../src/corpus/channels.js';
import { loadNetwork, type Network } from '../../src/corpus/network.js';
import { fixtureInputs, filler, type FxArticle } from './fixtures.js';

async function storeOf(list: FxArticle[]) {
  const store = await openTestStore(':memory:');
  const { items, analyze } = fixtureInputs(list);
  const sum = await ingestAll(store, items, { analyze });
  return { store, sum };
}

const P = (id: string, name: string) => ({ id, name });

describe('network edges', () => {
  it('aggregates articles, outlets, support, dates and modality per actor pair', async () => {
    const a = P('p:a', 'Ann Alpha');
    const b = P('p:b', 'Bob Beta');
    const { store } = await storeOf([
      { actors: [a, b], relations: [{ s: 'p:a', o: 'p:b', support: 'named' }], published: '2024-01-05', source: 'Wire A', filler: filler(1) },
      { actors: [a, b], relations: [{ s: 'p:a', o: 'p:b', support: 'anonymous', modality: 'attempted' }], published: '2024-03-01', source: 'Wire B', filler: filler(2) },
      { actors: [a, b], relations: [{ s: 'p:a', o: 'p:b', modality: 'failed' }], published: '2024-02-01', source: 'Wire A', filler: filler(3) },
    ]);
    const net = await loadNetwork(store.db);
    expect(net.edges).toHaveLength(1);
    const e = net.edges[0];
    expect(e).toMatchObject({ subject: 'p:a', object: 'p:b', relations: 3, articles: 3, sources: 2, named: 1, anonymous: 1, reporter: 1, firstDate: '2024-01-05', lastDate: '2024-03-01' });
    expect(e.modality).toMatchObject({ asserted: 1, attempted: 1, failed: 1, negated: 0 });
    expect(net.nodes.find((n) => n.id === 'p:a')).toMatchObject({ articles: 3, degree: 1 });
    expect(net.comentions.length).toBe(1);
    await store.close();
  });

  it('turns an entity that belongs to another (attributes.of) into a part_of tie', async () => {
    const { store } = await storeOf([
      { actors: [P('p:c', 'Cy Holm'), { id: 'org:campaign:p:c', name: 'Holm campaign', type: 'organization', kind: 'campaign', of: 'p:c' }, P('p:m', 'Mo Lind')], relations: [{ s: 'p:m', o: 'org:campaign:p:c', predicate: 'leads' }], filler: filler(31) },
    ]);
    const net = await loadNetwork(store.db);
    const tie = net.edges.find((e) => e.subject === 'org:campaign:p:c');
    expect(tie).toMatchObject({ object: 'p:c', predicates: { part_of: 1 } });
    expect((await findChannels(store.db, 'Mo Lind', 'Cy Holm'))[0].actors.map((a) => a.name)).toEqual(['Mo Lind', 'Holm campaign', 'Cy Holm']);
    await store.close();
  });

  it('counts a syndicated copy once', async () => {
    const a = P('p:a', 'Ann Alpha');
    const b = P('p:b', 'Bob Beta');
    const base: FxArticle = { actors: [a, b], relations: [{ s: 'p:a', o: 'p:b' }], filler: filler(7, 200) };
    const copy: FxArticle = { ...base, source: 'Reprint Daily', filler: filler(7, 200) + ' One extra closing line from the reprinting outlet.' };
    const { store, sum } = await storeOf([base, copy]);
    expect(sum.added).toBe(1);
    expect(sum.copies).toBe(1);
    const net = await loadNetwork(store.db);
    expect(net.edges[0].articles).toBe(1);
    await store.close();
  });
});

const stats = (over: Partial<TieStats>): TieStats => ({
  relations: 1, articles: 1, sources: 1, named: 1, anonymous: 0, reporter: 0, firstDate: '2024-06-01', lastDate: '2024-06-01',
  modality: { asserted: 1, attempted: 0, failed: 0, planned: 0, hypothetical: 0, negated: 0, former: 0 }, predicates: { consult: 1 }, forward: 1, backward: 0, ...over,
});

describe('tie strength', () => {
  const asOf = '2024-06-01';
  it('prefers more articles, named sources, real over hypothetical, recent over old', () => {
    const base = tieStrength(stats({}), asOf);
    expect(tieStrength(stats({ relations: 3, articles: 3, sources: 2, named: 3 }), asOf)).toBeGreaterThan(base);
    expect(tieStrength(stats({ named: 0, anonymous: 1 }), asOf)).toBeLessThan(base);
    expect(tieStrength(stats({ modality: { ...stats({}).modality, asserted: 0, failed: 1 } }), asOf)).toBeLessThan(base);
    expect(tieStrength(stats({ lastDate: '2021-06-01' }), asOf)).toBeLessThan(base);
    expect(tieStrength(stats({ modality: { ...stats({}).modality, asserted: 0, negated: 1 } }), asOf)).toBe(0);
  });
});

/** A hand-made network: nodes by id, edges with given stats. */
function net(nodes: string[], edges: [string, string, Partial<TieStats>?][]): Network {
  return {
    nodes: nodes.map((id) => ({ id, type: 'person', kind: null, name: id, mentions: 1, articles: 1, firstDate: null, lastDate: null, degree: 0 })),
    edges: edges.map(([s, o, st]) => {
      const x = stats(st ?? {});
      return { subject: s, object: o, relations: x.relations, articles: x.articles, sources: x.sources, named: x.named, anonymous: x.anonymous, reporter: x.reporter, firstDate: x.firstDate, lastDate: x.lastDate, modality: x.modality, predicates: x.predicates };
    }),
    comentions: [],
  };
}

describe('channel search', () => {
  it('goes around a hub when an equally good route exists', () => {
    const spokes = Array.from({ length: 30 }, (_, i) => `s${i}`);
    const n = net(['A', 'B', 'H', 'X', 'Y', ...spokes], [['A', 'H'], ['H', 'B'], ['A', 'X'], ['X', 'Y'], ['Y', 'B'], ...spokes.map((s) => ['H', s] as [string, string])]);
    const g = new ChannelGraph(n);
    const paths = g.kShortest(g.index.get('A')!, g.index.get('B')!, 2, 3).map((p) => p.nodes.map((i) => g.ids[i]).join('>'));
    expect(paths).toEqual(['A>X>Y>B', 'A>H>B']);
  });

  it('respects the hop limit', () => {
    const n = net(['A', 'B', 'C', 'D'], [['A', 'B'], ['B', 'C'], ['C', 'D']]);
    const g = new ChannelGraph(n);
    expect(g.kShortest(0, 3, 5, 2)).toEqual([]);
    expect(g.kShortest(0, 3, 5, 3).map((p) => p.nodes)).toEqual([[0, 1, 2, 3]]);
  });

  it('returns the k cheapest simple paths (checked against brute force on random graphs)', () => {
    let seed = 42;
    const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let trial = 0; trial < 20; trial++) {
      const ids = Array.from({ length: 9 }, (_, i) => `n${i}`);
      const edges: [string, string, Partial<TieStats>][] = [];
      for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) {
        if (rand() < 0.35) edges.push([ids[i], ids[j], { articles: 1 + Math.floor(rand() * 6), relations: 1, sources: 1 }]);
      }
      const g = new ChannelGraph(net(ids, edges));
      const maxHops = 3;
      // brute force: all simple paths 0 → 8 of ≤ maxHops hops
      const all: number[] = [];
      const adj = new Map<number, number[]>();
      g.edges.forEach((e, k) => {
        (adj.get(e.u) ?? adj.set(e.u, []).get(e.u)!).push(k);
        (adj.get(e.v) ?? adj.set(e.v, []).get(e.v)!).push(k);
      });
      const walk = (v: number, nodes: number[], es: number[]) => {
        if (v === 8) return void all.push(g.pathCost(nodes, es));
        if (es.length === maxHops) return;
        for (const k of adj.get(v) ?? []) {
          const e = g.edges[k];
          const w = e.u === v ? e.v : e.u;
          if (!nodes.includes(w)) walk(w, [...nodes, w], [...es, k]);
        }
      };
      walk(0, [0], []);
      all.sort((a, b) => a - b);
      const got = g.kShortest(0, 8, 4, maxHops).map((p) => p.cost);
      expect(got.length).toBe(Math.min(4, all.length));
      got.forEach((c, i) => expect(c).toBeCloseTo(all[i], 9));
    }
  });
});

describe('channels over a store', () => {
  it('finds paths by name and gives each hop its evidence sentence', async () => {
    const a = P('p:a', 'Ann Alpha');
    const b = P('p:b', 'Bob Beta');
    const c = P('p:c', 'Cid Gamma');
    const { store } = await storeOf([
      { actors: [a, b], relations: [{ s: 'p:a', o: 'p:b', predicate: 'met', support: 'named' }], filler: filler(11) },
      { actors: [b, c], relations: [{ s: 'p:c', o: 'p:b', predicate: 'advises' }], filler: filler(12) },
    ]);
    const paths = await findChannels(store.db, 'ann alpha', 'Cid Gamma');
    expect(paths).toHaveLength(1);
    expect(paths[0].actors.map((x) => x.name)).toEqual(['Ann Alpha', 'Bob Beta', 'Cid Gamma']);
    expect(paths[0].hops[0].evidence[0].sentence).toBe('Ann Alpha met Bob Beta, said spokesperson Pat Doe.');
    expect(paths[0].hops[1].evidence[0].sentence).toBe('Cid Gamma advises Bob Beta.');
    expect(paths[0].hops[1].stats).toMatchObject({ forward: 0, backward: 1 });
    await expect(findChannels(store.db, 'Nobody', 'Bob Beta')).rejects.toThrow(/no actor/);
    await store.close();
  });

  it('walks co-mentions only when asked', async () => {
    const a = P('p:a', 'Ann Alpha');
    const b = P('p:b', 'Bob Beta');
    const c = P('p:c', 'Cid Gamma');
    const { store } = await storeOf([
      { actors: [a, b], relations: [{ s: 'p:a', o: 'p:b' }], filler: filler(21) },
      // b and c only appear together, no stated relation
      { actors: [b, c], relations: [], filler: filler(22) },
    ]);
    // fixture puts unrelated actors in one paragraph: a co-mention
    expect(await findChannels(store.db, 'Ann Alpha', 'Cid Gamma')).toEqual([]);
    const weak = await findChannels(store.db, 'Ann Alpha', 'Cid Gamma', { comentions: true });
    expect(weak).toHaveLength(1);
    expect(weak[0].hops[1].layer).toBe('comention');
    await store.close();
  });
});
