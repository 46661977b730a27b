/** The network flattened into node and edge rows with plain attribute values, shared by GraphML, GEXF and CSV. */
import type { Network } from '../network.js';
import { MODALITIES } from '../network.js';

export type AttrType = 'string' | 'int' | 'double';
export interface AttrDef {
  key: string;
  type: AttrType;
}
export interface GraphRows {
  nodeAttrs: AttrDef[];
  edgeAttrs: AttrDef[];
  nodes: { id: string; label: string; attrs: Record<string, string | number | null> }[];
  edges: { id: string; source: string; target: string; directed: boolean; weight: number; attrs: Record<string, string | number | null> }[];
}

export const NODE_ATTRS: AttrDef[] = [
  { key: 'type', type: 'string' },
  { key: 'kind', type: 'string' },
  { key: 'mentions', type: 'int' },
  { key: 'articles', type: 'int' },
  { key: 'degree', type: 'int' },
  { key: 'first_date', type: 'string' },
  { key: 'last_date', type: 'string' },
];

export const EDGE_ATTRS: AttrDef[] = [
  { key: 'layer', type: 'string' },
  { key: 'predicates', type: 'string' },
  { key: 'relations', type: 'int' },
  { key: 'articles', type: 'int' },
  { key: 'sources', type: 'int' },
  { key: 'named', type: 'int' },
  { key: 'anonymous', type: 'int' },
  { key: 'reporter', type: 'int' },
  { key: 'first_date', type: 'string' },
  { key: 'last_date', type: 'string' },
  ...MODALITIES.map((m) => ({ key: m, type: 'int' as const })),
];

export function graphRows(net: Network): GraphRows {
  const nodes = net.nodes.map((n) => ({
    id: n.id,
    label: n.name,
    attrs: { type: n.type, kind: n.kind, mentions: n.mentions, articles: n.articles, degree: n.degree, first_date: n.firstDate, last_date: n.lastDate },
  }));
  const edges: GraphRows['edges'] = net.edges.map((e, i) => ({
    id: `r${i}`,
    source: e.subject,
    target: e.object,
    directed: true,
    weight: e.articles,
    attrs: {
      layer: 'relation',
      predicates: Object.entries(e.predicates).map(([p, c]) => (c > 1 ? `${p}×${c}` : p)).join(', '),
      relations: e.relations,
      articles: e.articles,
      sources: e.sources,
      named: e.named,
      anonymous: e.anonymous,
      reporter: e.reporter,
      first_date: e.firstDate,
      last_date: e.lastDate,
      ...e.modality,
    },
  }));
  net.comentions.forEach((c, i) =>
    edges.push({ id: `c${i}`, source: c.a, target: c.b, directed: false, weight: c.articles, attrs: { layer: 'comention', articles: c.articles, relations: 0, last_date: c.lastDate } }),
  );
  return { nodeAttrs: NODE_ATTRS, edgeAttrs: EDGE_ATTRS, nodes, edges };
}
