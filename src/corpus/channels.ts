/**
 * Channels between two actors: ranked paths through the network that prefer strong, recent, well-sourced
 * ties and avoid hubs (a path through someone connected to everyone says little). Each hop comes with its
 * best evidence sentence and article.
 *
 * Cost of a hop = 1 / strength of the tie; every intermediate actor adds a hub penalty of 0.5·log2(degree). Paths are the k cheapest simple paths of at most maxHops hops (Yen's algorithm over a
 * hop-bounded Bellman-Ford, which is exact for positive costs and cheap for the 2–4 hops asked here).
 */
import type { Modality } from '../contract/schema.js';
import type { CorpusDb } from './store.js';
import { num } from './store.js';
import { loadNetwork, type ActorNode, type Network, type RelationEdge } from './network.js';
import { findActor } from './lookup.js';

/** How much each modality counts as an actual tie: a failed attempt is weak evidence of a channel, a negated one none. */
export const MODALITY_WEIGHT: Record<Modality, number> = {
  asserted: 1,
  attempted: 0.7,
  planned: 0.5,
  former: 0.4,
  failed: 0.35,
  hypothetical: 0.2,
  negated: 0,
};
const SUPPORT_WEIGHT = { named: 1, reporter: 0.8, anonymous: 0.5 };
const RECENCY_HALF_LIFE_DAYS = 365;
const RECENCY_FLOOR = 0.25;
const HUB_PENALTY = 0.5;
/** A co-mention is much weaker evidence of a channel than a stated relation. */
const COMENTION_FACTOR = 0.2;

/** An edge's support, seen along a path: the relation edge's figures plus how many run in the path's direction. */
export interface TieStats extends Omit<RelationEdge, 'subject' | 'object'> {
  /** Relations stated subject→object in the path's direction, and against it. */
  forward: number;
  backward: number;
}

export interface Hop {
  from: string;
  to: string;
  layer: 'relation' | 'comention';
  strength: number;
  stats: TieStats | null;
  evidence: HopEvidence[];
}

export interface HopEvidence {
  subject: string;
  object: string;
  predicate: string;
  modality: string;
  support: string;
  sourceLabel: string | null;
  sentence: string;
  articleId: string;
  title: string | null;
  source: string | null;
  published: string | null;
  date: string | null;
}

export interface ChannelPath {
  actors: { id: string; name: string; type: string }[];
  hops: Hop[];
  cost: number;
}

export interface ChannelOptions {
  maxHops?: number;
  /** Number of paths (default 5). */
  limit?: number;
  /** Also walk co-mention ties (weak layer). */
  comentions?: boolean;
  /** Evidence sentences per hop (default 2). */
  evidence?: number;
  /** The date recency is measured against; the newest date in the corpus by default (deterministic). */
  asOf?: string;
}

interface UEdge {
  u: number;
  v: number;
  layer: 'relation' | 'comention';
  strength: number;
  stats: TieStats | null;
}

/** The searchable form of the network: undirected, compact adjacency arrays. */
export class ChannelGraph {
  readonly ids: string[];
  readonly index = new Map<string, number>();
  readonly nodes: ActorNode[];
  readonly edges: UEdge[] = [];
  readonly hub: Float64Array;
  private adjStart!: Int32Array;
  private adjNode!: Int32Array;
  private adjEdge!: Int32Array;
  private adjCost!: Float64Array;

  constructor(net: Network, opts: { comentions?: boolean; asOf?: string } = {}) {
    this.nodes = net.nodes;
    this.ids = net.nodes.map((n) => n.id);
    this.ids.forEach((id, i) => this.index.set(id, i));
    const asOf = opts.asOf ?? newestDate(net);
    const pairs = new Map<string, UEdge>();
    for (const e of net.edges) {
      const a = this.index.get(e.subject);
      const b = this.index.get(e.object);
      if (a === undefined || b === undefined || a === b) continue;
      const [u, v] = a < b ? [a, b] : [b, a];
      const key = u + ':' + v;
      const prev = pairs.get(key);
      const stats = mergeStats(prev?.stats ?? null, e, a === u);
      pairs.set(key, { u, v, layer: 'relation', strength: tieStrength(stats, asOf), stats });
    }
    if (opts.comentions) {
      for (const c of net.comentions) {
        const a = this.index.get(c.a);
        const b = this.index.get(c.b);
        if (a === undefined || b === undefined || a === b) continue;
        const [u, v] = a < b ? [a, b] : [b, a];
        const key = u + ':' + v;
        if (pairs.has(key)) continue; // a stated relation already covers the pair
        const strength = COMENTION_FACTOR * (1 + Math.log2(c.articles)) * recency(c.lastDate, asOf);
        pairs.set(key, { u, v, layer: 'comention', strength, stats: null });
      }
    }
    for (const e of pairs.values()) if (e.strength > 0) this.edges.push(e);
    const degree = new Int32Array(this.ids.length);
    for (const e of this.edges) {
      degree[e.u]++;
      degree[e.v]++;
    }
    this.hub = new Float64Array(this.ids.length);
    // log2(degree): a pass-through node (degree 2) costs HUB_PENALTY, one with 32 ties five times that
    for (let i = 0; i < degree.length; i++) this.hub[i] = HUB_PENALTY * Math.log2(Math.max(1, degree[i]));
    this.buildAdjacency(degree);
  }

  private buildAdjacency(degree: Int32Array): void {
    const n = this.ids.length;
    this.adjStart = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.adjStart[i + 1] = this.adjStart[i] + degree[i];
    const fill = this.adjStart.slice(0, n);
    const m = this.adjStart[n];
    this.adjNode = new Int32Array(m);
    this.adjEdge = new Int32Array(m);
    this.adjCost = new Float64Array(m);
    this.edges.forEach((e, k) => {
      const c = 1 / e.strength;
      for (const [x, y] of [[e.u, e.v], [e.v, e.u]]) {
        const at = fill[x]++;
        this.adjNode[at] = y;
        this.adjEdge[at] = k;
        this.adjCost[at] = c;
      }
    });
  }

  /**
   * Cheapest path src→dst of at most maxHops hops avoiding blocked nodes and edges. Layer h holds the best
   * cost with ≤h hops; only nodes improved in the previous layer are relaxed.
   */
  shortest(src: number, dst: number, maxHops: number, blockedNodes: Uint8Array, blockedEdges: Set<number>): { nodes: number[]; edges: number[] } | null {
    const n = this.ids.length;
    const dist: Float64Array[] = [new Float64Array(n).fill(Infinity)];
    const pred: Int32Array[] = [new Int32Array(n).fill(-1)];
    const predEdge: Int32Array[] = [new Int32Array(n).fill(-1)];
    dist[0][src] = 0;
    let frontier = [src];
    for (let h = 1; h <= maxHops && frontier.length; h++) {
      const d = dist[h - 1].slice();
      const p = new Int32Array(n).fill(-2); // -2: same as the previous layer
      const pe = new Int32Array(n).fill(-1);
      const next: number[] = [];
      for (const u of frontier) {
        if (u === dst) continue;
        const du = dist[h - 1][u];
        for (let k = this.adjStart[u]; k < this.adjStart[u + 1]; k++) {
          const v = this.adjNode[k];
          if (v === src || (blockedNodes[v] && v !== dst) || blockedEdges.has(this.adjEdge[k])) continue;
          const c = du + this.adjCost[k] + (v === dst ? 0 : this.hub[v]);
          if (c < d[v]) {
            if (p[v] === -2) next.push(v);
            d[v] = c;
            p[v] = u;
            pe[v] = this.adjEdge[k];
          }
        }
      }
      dist.push(d);
      pred.push(p);
      predEdge.push(pe);
      frontier = next;
    }
    let h = dist.length - 1;
    if (!isFinite(dist[h][dst])) return null;
    const nodes = [dst];
    const edges: number[] = [];
    let v = dst;
    while (v !== src) {
      while (h > 0 && pred[h][v] === -2) h--;
      if (h === 0) return null;
      edges.push(predEdge[h][v]);
      v = pred[h][v];
      nodes.push(v);
      h--;
    }
    return { nodes: nodes.reverse(), edges: edges.reverse() };
  }

  pathCost(nodes: number[], edges: number[]): number {
    let c = 0;
    for (const k of edges) c += 1 / this.edges[k].strength;
    for (let i = 1; i < nodes.length - 1; i++) c += this.hub[nodes[i]];
    return c;
  }

  /** Yen's k shortest simple paths, each of at most maxHops hops. */
  kShortest(src: number, dst: number, k: number, maxHops: number): { nodes: number[]; edges: number[]; cost: number }[] {
    const n = this.ids.length;
    const first = this.shortest(src, dst, maxHops, new Uint8Array(n), new Set());
    if (!first) return [];
    const A = [{ ...first, cost: this.pathCost(first.nodes, first.edges) }];
    const B: { nodes: number[]; edges: number[]; cost: number }[] = [];
    const seen = new Set([first.nodes.join(',')]);
    while (A.length < k) {
      const last = A[A.length - 1];
      for (let i = 0; i < last.nodes.length - 1; i++) {
        const spur = last.nodes[i];
        const rootNodes = last.nodes.slice(0, i + 1);
        const rootEdges = last.edges.slice(0, i);
        const blockedEdges = new Set<number>();
        for (const p of A) {
          if (p.nodes.length > i && rootNodes.every((x, j) => p.nodes[j] === x)) blockedEdges.add(p.edges[i]);
        }
        const blockedNodes = new Uint8Array(n);
        for (let j = 0; j < i; j++) blockedNodes[rootNodes[j]] = 1;
        const rest = this.shortest(spur, dst, maxHops - i, blockedNodes, blockedEdges);
        if (!rest) continue;
        const nodes = rootNodes.concat(rest.nodes.slice(1));
        const key = nodes.join(',');
        if (seen.has(key)) continue;
        seen.add(key);
        const edges = rootEdges.concat(rest.edges);
        B.push({ nodes, edges, cost: this.pathCost(nodes, edges) });
      }
      if (!B.length) break;
      B.sort((a, b) => a.cost - b.cost || a.nodes.length - b.nodes.length);
      A.push(B.shift()!);
    }
    return A;
  }

  edge(k: number): UEdge {
    return this.edges[k];
  }
}

function mergeStats(prev: TieStats | null, e: RelationEdge, forward: boolean): TieStats {
  const s: TieStats = prev
    ? { ...prev, modality: { ...prev.modality }, predicates: { ...prev.predicates } }
    : { relations: 0, articles: 0, sources: 0, named: 0, anonymous: 0, reporter: 0, firstDate: null, lastDate: null, modality: { asserted: 0, attempted: 0, failed: 0, planned: 0, hypothetical: 0, negated: 0, former: 0 }, predicates: {}, forward: 0, backward: 0 };
  s.relations += e.relations;
  // the two directions may share articles; the larger count is a safe lower bound of the distinct total
  s.articles = Math.max(s.articles, e.articles);
  s.sources = Math.max(s.sources, e.sources);
  s.named += e.named;
  s.anonymous += e.anonymous;
  s.reporter += e.reporter;
  s.firstDate = !s.firstDate || (e.firstDate && e.firstDate < s.firstDate) ? e.firstDate : s.firstDate;
  s.lastDate = !s.lastDate || (e.lastDate && e.lastDate > s.lastDate) ? e.lastDate : s.lastDate;
  for (const m of Object.keys(e.modality) as Modality[]) s.modality[m] += e.modality[m];
  for (const [p, c] of Object.entries(e.predicates)) s.predicates[p] = (s.predicates[p] ?? 0) + c;
  if (forward) s.forward += e.relations;
  else s.backward += e.relations;
  return s;
}

/** Strength of a tie: how many articles and outlets state it, how well sourced, how real (modality), how recent. */
export function tieStrength(s: TieStats, asOf: string | null): number {
  if (!s.relations) return 0;
  let modal = 0;
  for (const m of Object.keys(s.modality) as Modality[]) modal += MODALITY_WEIGHT[m] * s.modality[m];
  modal /= s.relations;
  const sourcing = (SUPPORT_WEIGHT.named * s.named + SUPPORT_WEIGHT.reporter * s.reporter + SUPPORT_WEIGHT.anonymous * s.anonymous) / s.relations;
  const volume = 1 + Math.log2(Math.max(1, s.articles)) + 0.5 * Math.log2(Math.max(1, s.sources));
  return volume * sourcing * modal * recency(s.lastDate, asOf);
}

function recency(date: string | null, asOf: string | null): number {
  if (!date || !asOf) return 0.5;
  const days = (Date.parse(padDate(asOf)) - Date.parse(padDate(date))) / 86_400_000;
  if (!isFinite(days)) return 0.5;
  return Math.max(RECENCY_FLOOR, Math.min(1, 0.5 ** (Math.max(0, days) / RECENCY_HALF_LIFE_DAYS)));
}

const padDate = (d: string) => (d.length === 4 ? d + '-07-01' : d.length === 7 ? d + '-15' : d);

function newestDate(net: Network): string | null {
  let best: string | null = null;
  for (const e of net.edges) if (e.lastDate && (!best || e.lastDate > best)) best = e.lastDate;
  return best;
}

/** Evidence for a hop: the best-sourced, most recent stated relations between the two actors, either direction. */
async function hopEvidence(db: CorpusDb, a: string, b: string, limit: number): Promise<HopEvidence[]> {
  const rows = await db
    .selectFrom('relations as r')
    .innerJoin('articles as a', 'a.id', 'r.article_id')
    .select(['r.subject', 'r.object', 'r.predicate', 'r.modality', 'r.support', 'r.source_label', 'r.sentence', 'r.article_id', 'r.date', 'r.confidence', 'a.title', 'a.source', 'a.published'])
    .where((eb) => eb.or([eb.and([eb('r.subject', '=', a), eb('r.object', '=', b)]), eb.and([eb('r.subject', '=', b), eb('r.object', '=', a)])]))
    .execute();
  const rank = (s: string) => (s === 'named' ? 0 : s === 'reporter' ? 1 : 2);
  rows.sort(
    (x, y) =>
      MODALITY_WEIGHT[y.modality as Modality] - MODALITY_WEIGHT[x.modality as Modality] ||
      rank(x.support) - rank(y.support) ||
      (y.date ?? '').localeCompare(x.date ?? '') ||
      num(y.confidence) - num(x.confidence) ||
      x.article_id.localeCompare(y.article_id),
  );
  return rows.slice(0, limit).map((r) => ({
    subject: r.subject,
    object: r.object,
    predicate: r.predicate,
    modality: r.modality,
    support: r.support,
    sourceLabel: r.source_label,
    sentence: r.sentence,
    articleId: r.article_id,
    title: r.title,
    source: r.source,
    published: r.published,
    date: r.date,
  }));
}

/** Articles in which both actors share a paragraph: the evidence of a co-mention hop. */
async function comentionEvidence(db: CorpusDb, a: string, b: string, limit: number): Promise<HopEvidence[]> {
  const [x, y] = a < b ? [a, b] : [b, a];
  const rows = await db
    .selectFrom('comentions as c')
    .innerJoin('articles as ar', 'ar.id', 'c.article_id')
    .select(['c.article_id', 'ar.title', 'ar.source', 'ar.published'])
    .where('c.a', '=', x)
    .where('c.b', '=', y)
    .orderBy('ar.published', (ob) => ob.desc().nullsLast())
    .orderBy('c.article_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ subject: a, object: b, predicate: 'co-mention', modality: 'asserted', support: 'reporter', sourceLabel: null, sentence: '', articleId: r.article_id, title: r.title, source: r.source, published: r.published, date: r.published }));
}

/** Ranked channels from one actor to another (names or ids as a user types them). */
export async function findChannels(db: CorpusDb, from: string, to: string, opts: ChannelOptions = {}, graph?: ChannelGraph): Promise<ChannelPath[]> {
  const a = await findActor(db, from);
  const b = await findActor(db, to);
  const g = graph ?? new ChannelGraph(await loadNetwork(db, { comentions: !!opts.comentions }), opts);
  const src = g.index.get(a.id);
  const dst = g.index.get(b.id);
  if (src === undefined || dst === undefined || src === dst) return [];
  const raw = g.kShortest(src, dst, opts.limit ?? 5, opts.maxHops ?? 3);
  const out: ChannelPath[] = [];
  for (const p of raw) {
    const hops: Hop[] = [];
    for (let i = 0; i < p.edges.length; i++) {
      const e = g.edge(p.edges[i]);
      const from = g.ids[p.nodes[i]];
      const to = g.ids[p.nodes[i + 1]];
      const evidence = e.layer === 'relation' ? await hopEvidence(db, from, to, opts.evidence ?? 2) : await comentionEvidence(db, from, to, opts.evidence ?? 2);
      let stats = e.stats;
      // stats are stored for the pair in index order; show them in the path's direction
      if (stats && p.nodes[i] !== e.u) stats = { ...stats, forward: stats.backward, backward: stats.forward };
      hops.push({ from, to, layer: e.layer, strength: round(e.strength), stats, evidence });
    }
    out.push({
      actors: p.nodes.map((i) => ({ id: g.nodes[i].id, name: g.nodes[i].name, type: g.nodes[i].type })),
      hops,
      cost: round(p.cost),
    });
  }
  return out;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
