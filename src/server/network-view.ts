/**
 * The network as the web app asks for it: relations filtered by date, family, type and actor type,
 * aggregated per actor pair (either direction), optionally an ego network, and capped to the best-connected
 * nodes so the browser never receives the whole graph of a large corpus. The answer says whether the cap
 * applied and how large the filtered graph was.
 */
import type { ActorNode } from '../corpus/network.js';
import type { ComentionRow, RelationRow } from '../corpus/queries.js';
import type { CorpusSnapshot } from './corpus-cache.js';

/** The most nodes one answer carries: sigma stays fluid and the layout settles in a few seconds up to here. */
export const MAX_NODES = 2000;
/**
 * The most edges one answer carries (the strongest, by supporting articles): 2,000 well-connected actors of
 * a large corpus can share 40,000 edges, more than a browser should receive and more than a reader can see.
 */
export const MAX_EDGES = 10_000;
/** Distinct dates kept per edge for the time slider; beyond it the first and last date still bound the edge. */
const MAX_EDGE_DATES = 64;

export interface NetworkFilter {
  from?: string;
  to?: string;
  types?: string[];
  families?: string[];
  /** Relation types (the predicate before any "/": consult, advises, …). */
  predicates?: string[];
  /** Minimum number of distinct articles behind an edge. */
  minSupport: number;
  comentions: boolean;
  ego?: string;
  depth: number;
  limit: number;
}

export interface ViewEdge {
  source: string;
  target: string;
  /** tie, event, mixed (both), or comention. */
  family: string;
  relations: number;
  articles: number;
  outlets: number;
  /** Relations stated source→target and target→source. */
  forward: number;
  backward: number;
  named: number;
  anonymous: number;
  reporter: number;
  predicates: Record<string, number>;
  firstDate: string | null;
  lastDate: string | null;
  /** Distinct dates of the edge's relations, sorted (the time slider filters on them). */
  dates: string[];
}

export interface ViewNode extends Omit<ActorNode, 'degree'> {
  /** Degree in the filtered network (before the cap). */
  degree: number;
}

export interface NetworkView {
  nodes: ViewNode[];
  edges: ViewEdge[];
  capped: boolean;
  limit: number;
  /** True when only the strongest MAX_EDGES edges among the answered nodes are included. */
  edgesCapped: boolean;
  /** Size of the filtered network before the cap. */
  totalNodes: number;
  totalEdges: number;
  ego: string | null;
}

/** A date (YYYY, YYYY-MM, YYYY-MM-DD) inside [from, to], comparing at the precision of the bound. */
export function inRange(date: string | null, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!date) return false;
  if (from && date.slice(0, from.length) < from.slice(0, date.length)) return false;
  if (to && date.slice(0, to.length) > to.slice(0, date.length)) return false;
  return true;
}

interface PairAcc {
  a: string;
  b: string;
  relations: number;
  forward: number;
  backward: number;
  articles: number;
  /** The last article counted: rows arrive grouped by article, so a change means a new article. */
  lastArticle: string;
  firstOutlet: string;
  /** Created at the second distinct outlet only (most pairs have one). */
  outlets: Set<string> | null;
  tie: number;
  event: number;
  named: number;
  anonymous: number;
  reporter: number;
  predicates: Record<string, number>;
  dates: string[];
}

const newAcc = (a: string, b: string): PairAcc => ({ a, b, relations: 0, forward: 0, backward: 0, articles: 0, lastArticle: '', firstOutlet: '', outlets: null, tie: 0, event: 0, named: 0, anonymous: 0, reporter: 0, predicates: {}, dates: [] });

function countArticle(p: PairAcc, articleId: string): void {
  if (p.lastArticle !== articleId) {
    p.articles++;
    p.lastArticle = articleId;
  }
}

function addDate(p: PairAcc, date: string | null): void {
  if (date && !p.dates.includes(date)) p.dates.push(date);
}

const pairKey = (x: string, y: string) => (x < y ? x + '\u0000' + y : y + '\u0000' + x);

function accumulateRelations(rows: RelationRow[], f: NetworkFilter, keepNode: (id: string) => boolean): Map<string, PairAcc> {
  const pairs = new Map<string, PairAcc>();
  const fams = f.families?.length ? new Set(f.families) : null;
  const preds = f.predicates?.length ? new Set(f.predicates) : null;
  for (const r of rows) {
    if (r.subject === r.object) continue;
    if (fams && !fams.has(r.family)) continue;
    if (preds && !preds.has(r.predicate.split('/')[0])) continue;
    if (!inRange(r.date, f.from, f.to)) continue;
    if (!keepNode(r.subject) || !keepNode(r.object)) continue;
    const key = pairKey(r.subject, r.object);
    let p = pairs.get(key);
    if (!p) {
      const [a, b] = r.subject < r.object ? [r.subject, r.object] : [r.object, r.subject];
      p = newAcc(a, b);
      pairs.set(key, p);
    }
    p.relations++;
    if (r.subject === p.a) p.forward++;
    else p.backward++;
    countArticle(p, r.articleId);
    if (!p.firstOutlet) p.firstOutlet = r.outlet;
    else if (r.outlet !== p.firstOutlet) (p.outlets ??= new Set([p.firstOutlet])).add(r.outlet);
    if (r.family === 'tie') p.tie++;
    else p.event++;
    if (r.support === 'named') p.named++;
    else if (r.support === 'anonymous') p.anonymous++;
    else p.reporter++;
    p.predicates[r.predicate] = (p.predicates[r.predicate] ?? 0) + 1;
    addDate(p, r.date);
  }
  return pairs;
}

function accumulateComentions(rows: ComentionRow[], f: NetworkFilter, keepNode: (id: string) => boolean, pairs: Map<string, PairAcc>): Map<string, PairAcc> {
  const out = new Map<string, PairAcc>();
  for (const c of rows) {
    if (c.a === c.b || !inRange(c.date, f.from, f.to) || !keepNode(c.a) || !keepNode(c.b)) continue;
    const key = pairKey(c.a, c.b);
    if (pairs.has(key)) continue; // a stated relation covers the pair
    let p = out.get(key);
    if (!p) {
      const [a, b] = c.a < c.b ? [c.a, c.b] : [c.b, c.a];
      p = newAcc(a, b);
      out.set(key, p);
    }
    countArticle(p, c.articleId);
    addDate(p, c.date);
  }
  return out;
}

/** Actors within `depth` hops of the centre over the given edges (breadth first). */
function egoNodes(centre: string, edges: PairAcc[], depth: number): Set<string> {
  const adj = new Map<string, string[]>();
  for (const e of edges) {
    (adj.get(e.a) ?? adj.set(e.a, []).get(e.a)!).push(e.b);
    (adj.get(e.b) ?? adj.set(e.b, []).get(e.b)!).push(e.a);
  }
  const seen = new Set([centre]);
  let frontier = [centre];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const x of frontier) for (const y of adj.get(x) ?? []) if (!seen.has(y)) (seen.add(y), next.push(y));
    frontier = next;
  }
  return seen;
}

function toViewEdge(p: PairAcc, comention: boolean): ViewEdge {
  const dates = p.dates.slice().sort();
  return {
    source: p.a,
    target: p.b,
    family: comention ? 'comention' : p.tie && p.event ? 'mixed' : p.tie ? 'tie' : 'event',
    relations: p.relations,
    articles: p.articles,
    outlets: comention ? 0 : p.outlets?.size ?? 1,
    forward: p.forward,
    backward: p.backward,
    named: p.named,
    anonymous: p.anonymous,
    reporter: p.reporter,
    predicates: p.predicates,
    firstDate: dates[0] ?? null,
    lastDate: dates[dates.length - 1] ?? null,
    dates: dates.length > MAX_EDGE_DATES ? [...dates.slice(0, MAX_EDGE_DATES / 2), ...dates.slice(-MAX_EDGE_DATES / 2)] : dates,
  };
}

/** The unfiltered aggregation, once per corpus snapshot: ego networks and the whole view start from it. */
const unfilteredPairs = new WeakMap<CorpusSnapshot, Map<string, PairAcc>>();

function relationPairs(snap: CorpusSnapshot, f: NetworkFilter, keepNode: (id: string) => boolean): Map<string, PairAcc> {
  const filtered = f.from || f.to || f.types?.length || f.families?.length || f.predicates?.length;
  if (filtered) return accumulateRelations(snap.relations, f, keepNode);
  let pairs = unfilteredPairs.get(snap);
  if (!pairs) unfilteredPairs.set(snap, (pairs = accumulateRelations(snap.relations, f, keepNode)));
  return pairs;
}

export function networkView(snap: CorpusSnapshot, comentions: ComentionRow[] | null, f: NetworkFilter, egoId: string | null): NetworkView {
  const types = f.types?.length ? new Set(f.types) : null;
  const keepNode = (id: string) => {
    const n = snap.nodeById.get(id);
    return !!n && (!types || types.has(n.type) || id === egoId);
  };
  const relPairs = relationPairs(snap, f, keepNode);
  const comPairs = f.comentions && comentions ? accumulateComentions(comentions, f, keepNode, relPairs) : new Map<string, PairAcc>();
  let edges = [...relPairs.values(), ...comPairs.values()].filter((p) => p.articles >= f.minSupport);
  if (egoId) {
    const within = egoNodes(egoId, edges, f.depth);
    edges = edges.filter((e) => within.has(e.a) && within.has(e.b));
  }
  const degree = new Map<string, number>();
  for (const e of edges) {
    degree.set(e.a, (degree.get(e.a) ?? 0) + 1);
    degree.set(e.b, (degree.get(e.b) ?? 0) + 1);
  }
  if (egoId && !degree.has(egoId)) degree.set(egoId, 0);
  const totalNodes = degree.size;
  const totalEdges = edges.length;
  let ids = [...degree.keys()];
  const capped = ids.length > f.limit;
  if (capped) {
    const mentions = (id: string) => snap.nodeById.get(id)?.mentions ?? 0;
    ids.sort((x, y) => (y === egoId ? 1 : 0) - (x === egoId ? 1 : 0) || degree.get(y)! - degree.get(x)! || mentions(y) - mentions(x) || (x < y ? -1 : 1));
    ids = ids.slice(0, f.limit);
    const kept = new Set(ids);
    edges = edges.filter((e) => kept.has(e.a) && kept.has(e.b));
  }
  const edgesCapped = edges.length > MAX_EDGES;
  if (edgesCapped) {
    edges.sort((x, y) => y.articles - x.articles || y.relations - x.relations);
    edges = edges.slice(0, MAX_EDGES);
  }
  ids.sort();
  edges.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  const nodes = ids.map((id) => {
    const { degree: _all, ...n } = snap.nodeById.get(id)!;
    return { ...n, degree: degree.get(id)! };
  });
  return {
    nodes,
    edges: edges.map((p) => toViewEdge(p, comPairs.has(pairKey(p.a, p.b)))),
    capped,
    limit: f.limit,
    edgesCapped,
    totalNodes,
    totalEdges,
    ego: egoId,
  };
}
