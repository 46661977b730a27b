/**
 * Network view: the server answers a filtered, capped graph (ego network, actor types, co-mentions); here
 * a time slider, relation families and minimum support filter its edges, and a click opens the evidence.
 */
import { useMemo, useState } from 'preact/hooks';
import { api, type DatedEvent, type ViewEdge } from '../api';
import { ActorSearch } from '../components/ActorSearch';
import { Evidence } from '../components/Evidence';
import { Status } from '../components/Status';
import { GraphCanvas, type GraphData } from '../graph/GraphCanvas';
import { FAMILY_COLORS, FAMILY_LABELS, TYPE_COLORS } from '../graph/colors';
import { inRange, monthSteps } from '../dates';
import { useApi } from '../hooks';
import { go, href } from '../router';

const TYPES = ['person', 'organization', 'location', 'other'];
const FAMILIES = ['tie', 'event', 'mixed', 'comention'];

export function Network({ params }: { params: URLSearchParams }) {
  const ego = params.get('ego');
  const depth = Number(params.get('depth') ?? 1) || 1;
  const types = params.get('types');
  const comentions = params.get('comentions') === 'true';
  const serverParams = { ego, depth: ego ? depth : undefined, types, comentions: comentions || undefined };
  const setParams = (p: Record<string, string | number | undefined | null>) => go('network', null, { ego, depth: ego ? depth : undefined, types, comentions: comentions ? 'true' : undefined, ...p });
  const net = useApi('net:' + JSON.stringify(serverParams), () => api.network(serverParams));
  const data: GraphData | null = useMemo(() => (net.data ? { nodes: net.data.nodes, edges: net.data.edges } : null), [net.data]);
  const names = useMemo(() => new Map((net.data?.nodes ?? []).map((n) => [n.id, n.name])), [net.data]);

  const steps = useMemo(() => monthSteps((net.data?.edges ?? []).flatMap((e) => e.dates)), [net.data]);
  const [range, setRange] = useState<[number, number] | null>(null);
  const [lo, hi] = range && range[1] < steps.length ? range : [0, Math.max(0, steps.length - 1)];
  const full = lo === 0 && hi === steps.length - 1;
  const [families, setFamilies] = useState<Set<string>>(new Set(FAMILIES));
  const [minSupport, setMinSupport] = useState(1);
  const [selected, setSelected] = useState<{ node?: string; edge?: ViewEdge } | null>(null);

  const edgeVisible = useMemo(() => {
    const from = steps[lo] ?? null;
    const to = steps[hi] ?? null;
    return (e: ViewEdge) =>
      families.has(e.family) && e.articles >= minSupport && (full ? true : e.dates.some((d) => inRange(d, from, to)));
  }, [steps, lo, hi, full, families, minSupport]);
  const shown = useMemo(() => (net.data ? net.data.edges.filter(edgeVisible).length : 0), [net.data, edgeVisible]);

  return (
    <section class="network-view">
      <aside class="controls">
        <h1>Network</h1>
        <ActorSearch id="ego" label="Centre on actor" initial={ego ? names.get(ego) ?? ego : ''} onPick={(a) => setParams({ ego: a.id, depth: Math.max(depth, 1) })} />
        {ego && (
          <p>
            <label>
              Depth{' '}
              <select value={String(depth)} onChange={(e) => setParams({ depth: (e.target as HTMLSelectElement).value })}>
                <option value="1">1</option>
                <option value="2">2</option>
                <option value="3">3</option>
              </select>
            </label>{' '}
            <button type="button" onClick={() => go('network')}>Whole network</button>
          </p>
        )}
        <fieldset>
          <legend>Actor types</legend>
          {TYPES.map((t) => {
            const on = !types || types.split(',').includes(t);
            return (
              <label key={t} class="check">
                <input
                  type="checkbox"
                  checked={on}
                  onChange={() => {
                    const cur = new Set(types ? types.split(',') : TYPES);
                    if (on) cur.delete(t);
                    else cur.add(t);
                    setParams({ types: cur.size === TYPES.length || cur.size === 0 ? undefined : [...cur].join(',') });
                  }}
                />
                <span class="dot" style={{ background: TYPE_COLORS[t] }} /> {t}
              </label>
            );
          })}
        </fieldset>
        <fieldset>
          <legend>Relation families</legend>
          {FAMILIES.map((f) => (
            <label key={f} class="check">
              <input
                type="checkbox"
                name={'family-' + f}
                checked={families.has(f)}
                onChange={() => {
                  const next = new Set(families);
                  if (next.has(f)) next.delete(f);
                  else next.add(f);
                  setFamilies(next);
                }}
              />
              <span class="swatch" style={{ background: FAMILY_COLORS[f] }} /> {FAMILY_LABELS[f]}
            </label>
          ))}
          <label class="check">
            <input type="checkbox" checked={comentions} onChange={() => setParams({ comentions: comentions ? undefined : 'true' })} /> load co-mentions
          </label>
        </fieldset>
        <label>
          Minimum articles per edge{' '}
          <input type="number" id="min-support" min={1} max={100} value={minSupport} onInput={(e) => setMinSupport(Math.max(1, Number((e.target as HTMLInputElement).value) || 1))} />
        </label>
        {steps.length > 1 && (
          <fieldset class="time">
            <legend>Time</legend>
            <label>
              From <strong data-testid="time-from">{steps[lo]}</strong>
              <input type="range" id="time-from" min={0} max={steps.length - 1} value={lo} onInput={(e) => setRange([Math.min(Number((e.target as HTMLInputElement).value), hi), hi])} />
            </label>
            <label>
              Until <strong data-testid="time-to">{steps[hi]}</strong>
              <input type="range" id="time-to" min={0} max={steps.length - 1} value={hi} onInput={(e) => setRange([lo, Math.max(Number((e.target as HTMLInputElement).value), lo)])} />
            </label>
            {!full && <p class="meta">Undated edges are hidden while a time window is set.</p>}
          </fieldset>
        )}
        {net.data && (
          <p class="counts">
            <span data-testid="edge-count">{shown}</span> of {net.data.edges.length} edges shown · {net.data.nodes.length} actors
          </p>
        )}
        {net.data?.edgesCapped && (
          <p class="note" data-testid="edge-cap-note">
            Only the {net.data.edges.length.toLocaleString('en')} strongest of {net.data.totalEdges.toLocaleString('en')} edges are drawn.
          </p>
        )}
        {net.data?.capped && (
          <p class="note" data-testid="cap-note">
            Showing the {net.data.nodes.length.toLocaleString('en')} best-connected of {net.data.totalNodes.toLocaleString('en')} actors (at most {net.data.limit.toLocaleString('en')} are drawn). Centre on an actor or narrow the filters to see the rest.
          </p>
        )}
      </aside>
      <div class="canvas-wrap">
        <Status loading={net.loading && !net.data} error={net.error}>
          {data && data.nodes.length === 0 && <p class="empty">No edges match.</p>}
          {data && data.nodes.length > 0 && (
            <GraphCanvas
              data={data}
              edgeVisible={edgeVisible}
              testId="network-graph"
              onNodeClick={(id) => setSelected({ node: id })}
              onEdgeClick={(e) => setSelected({ edge: e })}
            />
          )}
        </Status>
      </div>
      {selected && net.data && (
        <EvidencePanel selected={selected} edges={net.data.edges.filter(edgeVisible)} names={names} onClose={() => setSelected(null)} onPickEdge={(e) => setSelected({ edge: e })} />
      )}
    </section>
  );
}

function EvidencePanel({ selected, edges, names, onClose, onPickEdge }: { selected: { node?: string; edge?: ViewEdge }; edges: ViewEdge[]; names: Map<string, string>; onClose: () => void; onPickEdge: (e: ViewEdge) => void }) {
  const name = (id: string) => names.get(id) ?? id;
  if (selected.edge) {
    const e = selected.edge;
    return (
      <aside class="panel" data-testid="evidence-panel">
        <button type="button" class="close" onClick={onClose} aria-label="close">×</button>
        <h2>
          <a href={href('actor', e.source)}>{name(e.source)}</a> — <a href={href('actor', e.target)}>{name(e.target)}</a>
        </h2>
        <p class="meta">
          {e.family} · {e.relations} relations in {e.articles} articles · {e.named} named, {e.anonymous} anonymous, {e.reporter} reporter · {e.firstDate ?? '?'} – {e.lastDate ?? '?'}
        </p>
        <p class="meta">{Object.entries(e.predicates).map(([p, n]) => `${p} ×${n}`).join(', ')}</p>
        <PairEvidence a={e.source} b={e.target} />
      </aside>
    );
  }
  const id = selected.node!;
  const mine = edges.filter((e) => e.source === id || e.target === id).sort((x, y) => y.articles - x.articles);
  return (
    <aside class="panel" data-testid="evidence-panel">
      <button type="button" class="close" onClick={onClose} aria-label="close">×</button>
      <h2>
        <a href={href('actor', id)}>{name(id)}</a>
      </h2>
      <p class="actions">
        <a href={href('network', null, { ego: id, depth: 1 })}>Centre here</a> · <a href={href('channels', null, { from: id })}>Channels from here</a>
      </p>
      <ul class="ties">
        {mine.map((e) => {
          const other = e.source === id ? e.target : e.source;
          return (
            <li key={other}>
              <button type="button" class="link" onClick={() => onPickEdge(e)}>
                {name(other)}
              </button>{' '}
              <span class="meta">
                {Object.keys(e.predicates).join(', ') || e.family} · {e.articles} articles
              </span>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}

function PairEvidence({ a, b }: { a: string; b: string }) {
  const r = useApi<{ events: DatedEvent[] }>('pair:' + a + '|' + b, () => api.timeline(a, b));
  return (
    <Status loading={r.loading} error={r.error}>
      {r.data?.events.length === 0 && <p class="empty">Co-mentioned only: no stated relation.</p>}
      {r.data?.events.map((e, i) => (
        <div key={i}>
          <p class="tie">
            {e.subjectName} {e.predicate} {e.objectName}
          </p>
          <Evidence sentence={e.sentence} articleId={e.articleId} title={e.title} date={e.date} modality={e.modality} support={e.support} sourceLabel={e.sourceLabel} outlet={e.outlet} />
        </div>
      ))}
    </Status>
  );
}
