/**
 * The network drawn with sigma (WebGL) over a graphology graph; ForceAtlas2 runs in a web worker unless the
 * caller gives positions. Hovering a node highlights its neighbours; clicks go to the caller. `edgeVisible`
 * filters edges without rebuilding the graph (time slider, family and support filters).
 */
import { useEffect, useRef } from 'preact/hooks';
import Graph from 'graphology';
import Sigma from 'sigma';
import type { ActorNode, ViewEdge } from '../api';
import { DIMMED, FAMILY_COLORS, TYPE_COLORS, nodeSize } from './colors';
import type { LayoutRequest } from './layout.worker';

export interface GraphData {
  nodes: ActorNode[];
  edges: ViewEdge[];
  /** Fixed positions by node id (no layout run), e.g. channels drawn left to right. */
  positions?: Map<string, { x: number; y: number }>;
}

interface Props {
  data: GraphData;
  edgeVisible?: (e: ViewEdge) => boolean;
  /** Nodes (and edges between consecutive ones) to emphasise. */
  highlight?: string[] | null;
  onNodeClick?: (id: string) => void;
  onEdgeClick?: (e: ViewEdge) => void;
  /** Tells the caller when the first frame is drawn (ms since the data arrived). */
  onFirstRender?: (ms: number) => void;
  testId?: string;
}

/** Iterations of ForceAtlas2: fewer for large graphs, which settle slower per iteration but cost more. */
const iterationsFor = (n: number) => (n <= 200 ? 300 : n <= 800 ? 200 : 120);

export function GraphCanvas({ data, edgeVisible, highlight, onNodeClick, onEdgeClick, onFirstRender, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const visible = useRef(edgeVisible);
  const hl = useRef<Set<string> | null>(null);
  const handlers = useRef({ onNodeClick, onEdgeClick });
  handlers.current = { onNodeClick, onEdgeClick };

  useEffect(() => {
    visible.current = edgeVisible;
    sigma.current?.refresh({ skipIndexation: true });
  }, [edgeVisible]);

  useEffect(() => {
    hl.current = highlight?.length ? new Set(highlight) : null;
    sigma.current?.refresh({ skipIndexation: true });
  }, [highlight]);

  useEffect(() => {
    if (!box.current) return;
    const t0 = performance.now();
    const g = new Graph({ type: 'undirected', multi: false });
    const n = data.nodes.length;
    data.nodes.forEach((a, i) => {
      const fixed = data.positions?.get(a.id);
      // golden-angle spiral: a deterministic start that FA2 untangles quickly
      const r = Math.sqrt(i + 1) * 10;
      const th = i * 2.399963;
      g.addNode(a.id, {
        x: fixed ? fixed.x : r * Math.cos(th),
        y: fixed ? fixed.y : r * Math.sin(th),
        size: nodeSize(a.degree),
        color: TYPE_COLORS[a.type] ?? TYPE_COLORS.other,
        label: a.name,
      });
    });
    const edgeOf = new Map<string, ViewEdge>();
    for (const e of data.edges) {
      if (!g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.source, e.target)) continue;
      const key = g.addEdge(e.source, e.target, { size: Math.min(6, 0.6 + Math.log2(1 + e.articles)), color: FAMILY_COLORS[e.family] ?? FAMILY_COLORS.event });
      edgeOf.set(key, e);
    }
    let hovered: string | null = null;
    let neighbours = new Set<string>();
    const renderer = new Sigma(g, box.current, {
      enableEdgeEvents: true,
      labelRenderedSizeThreshold: 7,
      zIndex: true,
      nodeReducer: (node, attr) => {
        const out = { ...attr };
        const focus = hovered ? neighbours : hl.current;
        if (focus && !focus.has(node)) {
          out.color = DIMMED;
          out.label = '';
          out.zIndex = 0;
        } else if (focus) {
          out.forceLabel = true;
          out.zIndex = 1;
        }
        if (node === hovered) out.highlighted = true;
        return out;
      },
      edgeReducer: (edge, attr) => {
        const out = { ...attr };
        const e = edgeOf.get(edge);
        if (e && visible.current && !visible.current(e)) {
          out.hidden = true;
          return out;
        }
        if (hovered) {
          const [s, t] = g.extremities(edge);
          if (s !== hovered && t !== hovered) out.hidden = true;
        } else if (hl.current) {
          const [s, t] = g.extremities(edge);
          if (!hl.current.has(s) || !hl.current.has(t)) out.color = DIMMED;
        }
        return out;
      },
    });
    sigma.current = renderer;
    let first = true;
    renderer.on('afterRender', () => {
      if (!first) return;
      first = false;
      const ms = performance.now() - t0;
      box.current?.setAttribute('data-rendered', String(Math.round(ms)));
      // since navigation start: the bench reads it as the view's time to first render
      box.current?.setAttribute('data-first-frame-at', String(Math.round(performance.now())));
      onFirstRender?.(ms);
    });
    renderer.on('enterNode', ({ node }) => {
      hovered = node;
      neighbours = new Set([node, ...g.neighbors(node)]);
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('leaveNode', () => {
      hovered = null;
      renderer.refresh({ skipIndexation: true });
    });
    renderer.on('clickNode', ({ node }) => handlers.current.onNodeClick?.(node));
    renderer.on('clickEdge', ({ edge }) => {
      const e = edgeOf.get(edge);
      if (e) handlers.current.onEdgeClick?.(e);
    });

    let worker: Worker | null = null;
    if (!data.positions && n > 1) {
      worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
      const ids = data.nodes.map((a) => a.id);
      const index = new Map(ids.map((id, i) => [id, i]));
      const xy = new Float32Array(2 * n);
      const sizes = new Float32Array(n);
      ids.forEach((id, i) => {
        xy[2 * i] = g.getNodeAttribute(id, 'x');
        xy[2 * i + 1] = g.getNodeAttribute(id, 'y');
        sizes[i] = g.getNodeAttribute(id, 'size');
      });
      const pairs: number[] = [];
      const weights: number[] = [];
      for (const e of edgeOf.values()) {
        pairs.push(index.get(e.source)!, index.get(e.target)!);
        weights.push(1 + Math.log2(1 + e.articles));
      }
      const req: LayoutRequest = { xy, sizes, edges: Uint32Array.from(pairs), weights: Float32Array.from(weights), iterations: iterationsFor(n) };
      worker.onmessage = (ev: MessageEvent<{ xy: Float32Array; done: boolean }>) => {
        const p = ev.data.xy;
        g.updateEachNodeAttributes((node, attr) => {
          const i = index.get(node)!;
          attr.x = p[2 * i];
          attr.y = p[2 * i + 1];
          return attr;
        });
        if (ev.data.done) {
          box.current?.setAttribute('data-layout', 'done');
          box.current?.setAttribute('data-layout-done-at', String(Math.round(performance.now())));
          worker?.terminate();
          worker = null;
        }
      };
      worker.postMessage(req, [xy.buffer, sizes.buffer]);
    } else box.current.setAttribute('data-layout', 'done');

    return () => {
      worker?.terminate();
      renderer.kill();
      sigma.current = null;
    };
  }, [data]);

  return <div class="graph" ref={box} data-testid={testId} />;
}
