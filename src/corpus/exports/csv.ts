/**
 * CSV (RFC 4180) of nodes and edges, with the same columns as the GraphML attributes. A text value that a
 * spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return: names and
 * predicates come from articles) gets a leading apostrophe, as OWASP's CSV-injection advice says.
 */
import type { Network } from '../network.js';
import { graphRows } from './graph-rows.js';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = typeof v === 'string' && FORMULA_START.test(v) ? "'" + v : String(v);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

const line = (fields: unknown[]) => fields.map(csvField).join(',') + '\r\n';

export const CSV_TABLES = ['nodes', 'edges'] as const;
export type CsvTable = (typeof CSV_TABLES)[number];

export function csvTables(net: Network): Record<CsvTable, string> {
  const g = graphRows(net);
  let nodes = line(['id', 'label', ...g.nodeAttrs.map((a) => a.key)]);
  for (const n of g.nodes) nodes += line([n.id, n.label, ...g.nodeAttrs.map((a) => n.attrs[a.key])]);
  let edges = line(['source', 'target', 'directed', 'weight', ...g.edgeAttrs.map((a) => a.key)]);
  for (const e of g.edges) edges += line([e.source, e.target, e.directed, e.weight, ...g.edgeAttrs.map((a) => e.attrs[a.key])]);
  return { nodes, edges };
}
