/**
 * ForceAtlas2 off the main thread: receives the graph (positions, sizes, edges), runs the layout in batches
 * and posts the positions after each batch so the view settles visibly while staying responsive.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';

export interface LayoutRequest {
  xy: Float32Array;
  sizes: Float32Array;
  edges: Uint32Array;
  weights: Float32Array;
  iterations: number;
}

const BATCH = 20;

self.onmessage = (ev: MessageEvent<LayoutRequest>) => {
  const { xy, sizes, edges, weights, iterations } = ev.data;
  const n = sizes.length;
  const g = new Graph({ type: 'undirected', multi: false });
  for (let i = 0; i < n; i++) g.addNode(i, { x: xy[2 * i], y: xy[2 * i + 1], size: sizes[i] });
  for (let k = 0; k < edges.length / 2; k++) {
    const a = edges[2 * k];
    const b = edges[2 * k + 1];
    if (a !== b && !g.hasEdge(a, b)) g.addEdge(a, b, { weight: weights[k] });
  }
  const settings = { ...forceAtlas2.inferSettings(g), adjustSizes: false, edgeWeightInfluence: 0.5 };
  for (let done = 0; done < iterations; done += BATCH) {
    forceAtlas2.assign(g, { iterations: Math.min(BATCH, iterations - done), settings });
    const out = new Float32Array(2 * n);
    g.forEachNode((node, attr) => {
      const i = Number(node);
      out[2 * i] = attr.x;
      out[2 * i + 1] = attr.y;
    });
    (self as unknown as Worker).postMessage({ xy: out, done: done + BATCH >= iterations }, [out.buffer]);
  }
};
