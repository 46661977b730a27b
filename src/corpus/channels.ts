/**
 * Channels between two actors: ranked paths through the network that prefer strong, recent, well-sourced
 * ties and avoid hubs (a path through someone connected to everyone says little). Each hop comes with its
 * best evidence sentence and article.
 *
 * Cost of a hop = 1 / strength of the tie; every intermediate actor adds a hub penalty of 0.5·log2(degree).
 * Paths are the k cheapest simple paths of at most maxHops hops (best-first over partial paths, guided by
 * the exact hop-bounded cost-to-go: see ChannelGraph.kShortest).
 */
import type { Modality } from '../contract/schema.js';
import type { CorpusDb } from './store.js';
import { num } from './store.js';
import { loadNetwork, relationEdgesBetween, type ActorNode, type Network, type RelationEdge } from './network.js';
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

/** An undirected tie of the channel graph (u < v); stats are null for co-mentions and for graphs read from a snapshot. */
export interface UEdge {
  u: number;
  v: number;
  layer: 'relation' | 'comention';
  strength: number;
  stats: TieStats | null;
}

/** Nodes and ties as a snapshot stores them. */
export interface GraphParts {
  nodes: ActorNode[];
  edges: UEdge[];
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

  /** From a network (aggregating both directions of each pair), or from ties already built (a stored snapshot). */
  constructor(net: Network | GraphParts, opts: { comentions?: boolean; asOf?: string } = {}) {
    this.nodes = net.nodes;
    this.ids = net.nodes.map((n) => n.id);
    this.ids.forEach((id, i) => this.index.set(id, i));
    if ('comentions' in net) this.tiesOf(net, opts);
    else for (const e of net.edges) this.edges.push(e);
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

  private tiesOf(net: Network, opts: { comentions?: boolean; asOf?: string }): void {
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

  pathCost(nodes: number[], edges: number[]): number {
    let c = 0;
    for (const k of edges) c += 1 / this.edges[k].strength;
    for (let i = 1; i < nodes.length - 1; i++) c += this.hub[nodes[i]];
    return c;
  }

  /** Cost of stepping from u onto v along adjacency slot j: the tie, plus v's hub penalty unless v ends the path. */
  private stepCost(j: number, dst: number): number {
    const v = this.adjNode[j];
    return this.adjCost[j] + (v === dst ? 0 : this.hub[v]);
  }

  /**
   * The k cheapest simple paths src→dst of at most maxHops hops, cheapest first: a best-first search over
   * partial paths guided by the exact cost-to-go of walks (hop-bounded Bellman-Ford from dst), which never
   * overestimates the cost of a simple path, so paths come out in cost order. Each node's successors are
   * sorted once per remaining-hop budget and a partial path offers them one at a time, so every emitted
   * path costs a few heap operations however many neighbours a hub has: 100,000 paths stay cheap.
   */
  kShortest(src: number, dst: number, k: number, maxHops: number): { nodes: number[]; edges: number[]; cost: number }[] {
    if (src === dst || k < 1) return [];
    const toGo = this.costToGo(dst, maxHops);
    const succ = new Map<number, Successors>();
    const successors = (u: number, hopsLeft: number): Successors => {
      const key = u * (maxHops + 1) + hopsLeft;
      let s = succ.get(key);
      if (!s) succ.set(key, (s = this.sortedSuccessors(u, hopsLeft, src, dst, toGo)));
      return s;
    };
    const heap = new CandidateHeap();
    const offer = (path: PartialPath, i: number) => {
      const s = successors(path.node, maxHops - path.hops);
      if (i < s.slots.length) heap.push({ path, i, f: path.g + s.keys[i] });
    };
    offer({ node: src, parent: null, g: 0, hops: 0, slot: -1 }, 0);
    const out: { nodes: number[]; edges: number[]; cost: number }[] = [];
    while (heap.size && out.length < k) {
      const c = heap.pop();
      offer(c.path, c.i + 1);
      const j = successors(c.path.node, maxHops - c.path.hops).slots[c.i];
      const v = this.adjNode[j];
      if (onPath(c.path, v)) continue;
      const child: PartialPath = { node: v, parent: c.path, g: c.path.g + this.stepCost(j, dst), hops: c.path.hops + 1, slot: j };
      if (v === dst) out.push(this.toPath(child));
      else if (child.hops < maxHops) offer(child, 0);
    }
    return out;
  }

  /** toGo[r][v]: the cheapest walk v→dst of at most r hops (Infinity when none). */
  private costToGo(dst: number, maxHops: number): Float64Array[] {
    const n = this.ids.length;
    const toGo = [new Float64Array(n).fill(Infinity)];
    toGo[0][dst] = 0;
    for (let r = 1; r <= maxHops; r++) {
      const prev = toGo[r - 1];
      const cur = prev.slice();
      for (let u = 0; u < n; u++) {
        if (u === dst) continue;
        for (let j = this.adjStart[u]; j < this.adjStart[u + 1]; j++) {
          const c = this.stepCost(j, dst) + prev[this.adjNode[j]];
          if (c < cur[u]) cur[u] = c;
        }
      }
      toGo.push(cur);
    }
    return toGo;
  }

  /** u's neighbours that can still reach dst within hopsLeft - 1 hops, cheapest total first. */
  private sortedSuccessors(u: number, hopsLeft: number, src: number, dst: number, toGo: Float64Array[]): Successors {
    const slots: number[] = [];
    const keyOf = new Map<number, number>();
    if (hopsLeft > 0) {
      const rest = toGo[hopsLeft - 1];
      for (let j = this.adjStart[u]; j < this.adjStart[u + 1]; j++) {
        const v = this.adjNode[j];
        if (v === src || !isFinite(rest[v])) continue;
        slots.push(j);
        keyOf.set(j, this.stepCost(j, dst) + rest[v]);
      }
    }
    slots.sort((x, y) => keyOf.get(x)! - keyOf.get(y)! || this.adjNode[x] - this.adjNode[y]);
    return { slots: Int32Array.from(slots), keys: Float64Array.from(slots, (j) => keyOf.get(j)!) };
  }

  private toPath(p: PartialPath): { nodes: number[]; edges: number[]; cost: number } {
    const nodes: number[] = [];
    const edges: number[] = [];
    for (let q: PartialPath | null = p; q; q = q.parent) {
      nodes.push(q.node);
      if (q.slot >= 0) edges.push(this.adjEdge[q.slot]);
    }
    nodes.reverse();
    edges.reverse();
    return { nodes, edges, cost: this.pathCost(nodes, edges) };
  }

  edge(k: number): UEdge {
    return this.edges[k];
  }
}

/** A path from the source, as a chain back to it; slot is the adjacency slot of its last hop. */
interface PartialPath {
  node: number;
  parent: PartialPath | null;
  g: number;
  hops: number;
  slot: number;
}

interface Successors {
  slots: Int32Array;
  keys: Float64Array;
}

/** A partial path and the index of the successor it offers next; f is a lower bound of any completion. */
interface Candidate {
  path: PartialPath;
  i: number;
  f: number;
}

const onPath = (p: PartialPath | null, v: number): boolean => {
  for (let q = p; q; q = q.parent) if (q.node === v) return true;
  return false;
};

/** Binary min-heap of candidates by f; ties go to the shorter path, then to the earlier candidate. */
class CandidateHeap {
  private items: (Candidate & { seq: number })[] = [];
  private seq = 0;
  get size(): number {
    return this.items.length;
  }
  private less(a: Candidate & { seq: number }, b: Candidate & { seq: number }): boolean {
    return a.f < b.f || (a.f === b.f && (a.path.hops < b.path.hops || (a.path.hops === b.path.hops && a.seq < b.seq)));
  }
  push(c: Candidate): void {
    const it = this.items;
    it.push({ ...c, seq: this.seq++ });
    for (let i = it.length - 1; i > 0; ) {
      const up = (i - 1) >> 1;
      if (!this.less(it[i], it[up])) break;
      [it[i], it[up]] = [it[up], it[i]];
      i = up;
    }
  }
  pop(): Candidate {
    const it = this.items;
    const top = it[0];
    const last = it.pop()!;
    if (it.length) {
      it[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < it.length && this.less(it[l], it[m])) m = l;
        if (r < it.length && this.less(it[r], it[m])) m = r;
        if (m === i) break;
        [it[i], it[m]] = [it[m], it[i]];
        i = m;
      }
    }
    return top;
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

/** The most paths one query returns: enough for any analysis, bounded so an answer always comes. */
export const MAX_CHANNEL_PATHS = 100_000;

/** Ranked channels from one actor to another (names or ids as a user types them). */
export async function findChannels(db: CorpusDb, from: string, to: string, opts: ChannelOptions = {}, graph?: ChannelGraph): Promise<ChannelPath[]> {
  const a = await findActor(db, from);
  const b = await findActor(db, to);
  const g = graph ?? new ChannelGraph(await loadNetwork(db, { comentions: !!opts.comentions }), opts);
  const src = g.index.get(a.id);
  const dst = g.index.get(b.id);
  if (src === undefined || dst === undefined || src === dst) return [];
  const limit = Math.min(opts.limit ?? 5, MAX_CHANNEL_PATHS);
  const raw = g.kShortest(src, dst, limit, opts.maxHops ?? 3);
  // many paths share hops: each tie's evidence is read once
  const cache = new Map<number, HopEvidence[]>();
  const evidenceOf = async (k: number, from: string, to: string): Promise<HopEvidence[]> => {
    let ev = cache.get(k);
    if (!ev) {
      ev = g.edge(k).layer === 'relation' ? await hopEvidence(db, from, to, opts.evidence ?? 2) : await comentionEvidence(db, from, to, opts.evidence ?? 2);
      cache.set(k, ev);
    }
    // co-mention evidence names the hop's ends in the hop's direction
    return ev.map((x) => (x.predicate === 'co-mention' && x.subject !== from ? { ...x, subject: from, object: to } : x));
  };
  // a graph read from a snapshot carries no figures: the path's ties are read from the stored edges
  const statsCache = new Map<number, TieStats | null>();
  const statsOf = async (k: number): Promise<TieStats | null> => {
    if (!statsCache.has(k)) {
      const e = g.edge(k);
      let s: TieStats | null = null;
      for (const r of await relationEdgesBetween(db, g.ids[e.u], g.ids[e.v])) s = mergeStats(s, r, r.subject === g.ids[e.u]);
      statsCache.set(k, s);
    }
    return statsCache.get(k)!;
  };
  const out: ChannelPath[] = [];
  for (const p of raw) {
    const hops: Hop[] = [];
    for (let i = 0; i < p.edges.length; i++) {
      const e = g.edge(p.edges[i]);
      const from = g.ids[p.nodes[i]];
      const to = g.ids[p.nodes[i + 1]];
      const evidence = await evidenceOf(p.edges[i], from, to);
      let stats = e.stats ?? (e.layer === 'relation' ? await statsOf(p.edges[i]) : null);
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
