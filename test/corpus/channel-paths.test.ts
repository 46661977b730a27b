/**
 * ChannelGraph.kShortest against brute force: on random graphs (hubs included), the k cheapest simple
 * paths of at most maxHops hops come out complete, in cost order, with the costs that enumerating every
 * simple path gives.
 */
import { describe, expect, it } from 'vitest';
import { ChannelGraph } from '../../src/corpus/channels.js';
import type { Network, RelationEdge } from '../../src/corpus/network.js';

function rng(seed: number) {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function randomNetwork(seed: number, n: number, m: number): Network {
  const rand = rng(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `a${i}`, type: 'person', kind: null, name: `A${i}`, mentions: 1, articles: 1, firstDate: null, lastDate: null, degree: 0 }));
  const edges: RelationEdge[] = [];
  const seen = new Set<string>();
  while (edges.length < m) {
    // skewed ends: low ids are hubs
    const s = Math.floor(n * rand() ** 2);
    const o = Math.floor(n * rand());
    if (s === o || seen.has(`${s}:${o}`) || seen.has(`${o}:${s}`)) continue;
    seen.add(`${s}:${o}`);
    const articles = 1 + Math.floor(rand() * 5);
    edges.push({
      subject: `a${s}`, object: `a${o}`, relations: articles, articles, sources: 1 + Math.floor(rand() * articles),
      named: articles, anonymous: 0, reporter: 0, firstDate: '2024-01-01', lastDate: `2024-0${1 + Math.floor(rand() * 9)}-01`,
      modality: { asserted: articles, attempted: 0, failed: 0, planned: 0, hypothetical: 0, negated: 0, former: 0 }, predicates: { consult: articles },
    });
  }
  return { nodes, edges, comentions: [] };
}

/** Every simple path src→dst of at most maxHops hops, with its cost. */
function allPaths(g: ChannelGraph, src: number, dst: number, maxHops: number): { nodes: number[]; cost: number }[] {
  const out: { nodes: number[]; cost: number }[] = [];
  const adj = new Map<number, { v: number; k: number }[]>();
  g.edges.forEach((e, k) => {
    (adj.get(e.u) ?? adj.set(e.u, []).get(e.u)!).push({ v: e.v, k });
    (adj.get(e.v) ?? adj.set(e.v, []).get(e.v)!).push({ v: e.u, k });
  });
  const walk = (nodes: number[], edges: number[]) => {
    const u = nodes[nodes.length - 1];
    if (u === dst) return out.push({ nodes: [...nodes], cost: g.pathCost(nodes, edges) });
    if (edges.length === maxHops) return;
    for (const { v, k } of adj.get(u) ?? []) {
      if (nodes.includes(v)) continue;
      walk([...nodes, v], [...edges, k]);
    }
  };
  walk([src], []);
  return out.sort((a, b) => a.cost - b.cost);
}

describe('k cheapest channels', () => {
  for (const [seed, maxHops] of [[1, 3], [2, 3], [3, 4], [4, 2]]) {
    it(`match brute force (seed ${seed}, ≤ ${maxHops} hops)`, () => {
      const g = new ChannelGraph(randomNetwork(seed, 40, 160));
      let compared = 0;
      for (const [s, d] of [[0, 39], [5, 17], [1, 2], [30, 31]]) {
        const want = allPaths(g, s, d, maxHops);
        const got = g.kShortest(s, d, want.length + 5, maxHops);
        expect(got.length).toBe(want.length);
        got.forEach((p, i) => {
          expect(p.cost).toBeCloseTo(want[i].cost, 9);
          expect(p.nodes[0]).toBe(s);
          expect(p.nodes[p.nodes.length - 1]).toBe(d);
          expect(new Set(p.nodes).size).toBe(p.nodes.length);
        });
        // a prefix is the k cheapest
        expect(g.kShortest(s, d, 3, maxHops).map((p) => p.cost)).toEqual(got.slice(0, 3).map((p) => p.cost));
        compared += want.length;
      }
      expect(compared).toBeGreaterThan(10);
    });
  }
});
