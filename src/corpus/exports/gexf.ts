/**
 * GEXF 1.3 for Gephi and networkx, attributes declared. Every edge is directed (networkx refuses undirected edges in a
 * directed graph); a co-mention is symmetric and written once in the layer `comention` — treat that layer as undirected.
 */
import type { Network } from '../network.js';
import { graphRows, type AttrType } from './graph-rows.js';
import { xmlEscape } from './xml.js';

const GEXF_TYPE: Record<AttrType, string> = { string: 'string', int: 'integer', double: 'double' };

/** GEXF 1.3 is current (Gephi 0.9+); networkx reads only 1.1draft and 1.2draft, whose namespace differs. */
const NAMESPACES = { '1.3': 'http://gexf.net/1.3', '1.2draft': 'http://www.gexf.net/1.2draft' } as const;
export type GexfVersion = keyof typeof NAMESPACES;

export function* gexf(net: Network, opts: { date?: string; version?: GexfVersion } = {}): Generator<string> {
  const g = graphRows(net);
  const version = opts.version ?? '1.3';
  const ns = NAMESPACES[version];
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<gexf xmlns="${ns}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${ns} ${ns}/gexf.xsd" version="${version.replace('draft', '')}">\n`;
  yield `  <meta${opts.date ? ` lastmodifieddate="${opts.date}"` : ''}>\n    <creator>backchannel</creator>\n    <description>Actors and relations across a corpus of news articles</description>\n  </meta>\n`;
  yield '  <graph defaultedgetype="directed" mode="static">\n';
  yield '    <attributes class="node">\n';
  for (const [i, a] of g.nodeAttrs.entries()) yield `      <attribute id="${i}" title="${a.key}" type="${GEXF_TYPE[a.type]}"/>\n`;
  yield '    </attributes>\n    <attributes class="edge">\n';
  for (const [i, a] of g.edgeAttrs.entries()) yield `      <attribute id="${i}" title="${a.key}" type="${GEXF_TYPE[a.type]}"/>\n`;
  yield '    </attributes>\n    <nodes>\n';
  const nodeIdx = new Map(g.nodeAttrs.map((a, i) => [a.key, i]));
  const edgeIdx = new Map(g.edgeAttrs.map((a, i) => [a.key, i]));
  for (const n of g.nodes) {
    let s = `      <node id="${xmlEscape(n.id)}" label="${xmlEscape(n.label)}">\n        <attvalues>\n`;
    for (const [k, v] of Object.entries(n.attrs)) if (v !== null && v !== undefined) s += `          <attvalue for="${nodeIdx.get(k)}" value="${xmlEscape(String(v))}"/>\n`;
    yield s + '        </attvalues>\n      </node>\n';
  }
  yield '    </nodes>\n    <edges>\n';
  for (const e of g.edges) {
    let s = `      <edge id="${e.id}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}" type="directed" weight="${e.weight}">\n        <attvalues>\n`;
    for (const [k, v] of Object.entries(e.attrs)) if (v !== null && v !== undefined && v !== '') s += `          <attvalue for="${edgeIdx.get(k)}" value="${xmlEscape(String(v))}"/>\n`;
    yield s + '        </attvalues>\n      </edge>\n';
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}
