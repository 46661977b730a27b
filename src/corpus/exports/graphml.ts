/**
 * GraphML for Gephi, yEd, networkx, igraph. Every edge is written directed, so that one directed graph loads in
 * each of them (networkx refuses undirected edges inside a directed graph): a co-mention is symmetric and is
 * written once, in the layer `comention` — treat that layer as undirected.
 */
import type { Network } from '../network.js';
import { graphRows, type AttrType } from './graph-rows.js';
import { xmlEscape } from './xml.js';

const GRAPHML_TYPE: Record<AttrType, string> = { string: 'string', int: 'int', double: 'double' };

export function* graphml(net: Network): Generator<string> {
  const g = graphRows(net);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n';
  for (const a of g.nodeAttrs) yield `  <key id="n_${a.key}" for="node" attr.name="${a.key}" attr.type="${GRAPHML_TYPE[a.type]}"/>\n`;
  yield '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n';
  for (const a of g.edgeAttrs) yield `  <key id="e_${a.key}" for="edge" attr.name="${a.key}" attr.type="${GRAPHML_TYPE[a.type]}"/>\n`;
  yield '  <graph id="backchannel" edgedefault="directed">\n';
  for (const n of g.nodes) {
    let s = `    <node id="${xmlEscape(n.id)}">\n      <data key="label">${xmlEscape(n.label)}</data>\n`;
    for (const [k, v] of Object.entries(n.attrs)) if (v !== null && v !== undefined) s += `      <data key="n_${k}">${xmlEscape(String(v))}</data>\n`;
    yield s + '    </node>\n';
  }
  for (const e of g.edges) {
    let s = `    <edge id="${e.id}" source="${xmlEscape(e.source)}" target="${xmlEscape(e.target)}">\n      <data key="weight">${e.weight}</data>\n`;
    for (const [k, v] of Object.entries(e.attrs)) if (v !== null && v !== undefined && v !== '') s += `      <data key="e_${k}">${xmlEscape(String(v))}</data>\n`;
    yield s + '    </edge>\n';
  }
  yield '  </graph>\n</graphml>\n';
}
