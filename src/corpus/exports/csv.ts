/** CSV (RFC 4180) of nodes and edges, with the same columns as the GraphML attributes. */
import type { Network } from '../network.js';
import { graphRows } from './graph-rows.js';

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const line = (fields: unknown[]) => fields.map(csvField).join(',') + '\r\n';

export function csvTables(net: Network): { nodes: string; edges: string } {
  const g = graphRows(net);
  let nodes = line(['id', 'label', ...g.nodeAttrs.map((a) => a.key)]);
  for (const n of g.nodes) nodes += line([n.id, n.label, ...g.nodeAttrs.map((a) => n.attrs[a.key])]);
  let edges = line(['source', 'target', 'directed', 'weight', ...g.edgeAttrs.map((a) => a.key)]);
  for (const e of g.edges) edges += line([e.source, e.target, e.directed, e.weight, ...g.edgeAttrs.map((a) => e.attrs[a.key])]);
  return { nodes, edges };
}
