/** Channels finder: pick A and B → ranked paths drawn left to right, each hop expandable to its sentences. */
import { useMemo, useState } from 'preact/hooks';
import { api, type ActorNode, type ChannelPath, type StoryAnswer, type ViewEdge } from '../api';
import { ActorSearch } from '../components/ActorSearch';
import { Evidence } from '../components/Evidence';
import { Status } from '../components/Status';
import { GraphCanvas, type GraphData } from '../graph/GraphCanvas';
import { useApi } from '../hooks';
import { go, href } from '../router';

export function Channels({ params }: { params: URLSearchParams }) {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const maxHops = Number(params.get('maxHops') ?? 3) || 3;
  const avoid = params.get('avoid') ?? '';
  const [a, setA] = useState(from);
  const [b, setB] = useState(to);
  const [hops, setHops] = useState(maxHops);
  const [avoidText, setAvoid] = useState(avoid);
  const key = from && to ? JSON.stringify([from, to, maxHops, avoid]) : null;
  const r = useApi(key, () => api.channels({ from, to, maxHops, avoid: avoid || undefined, limit: 5 }));
  const [chosen, setChosen] = useState(0);
  const graph = useMemo(() => (r.data ? pathGraph(r.data.paths) : null), [r.data]);

  const submit = (e: Event) => {
    e.preventDefault();
    if (a && b) go('channels', null, { from: a, to: b, maxHops: hops, avoid: avoidText.trim() || undefined });
  };

  return (
    <section class="channels-view">
      <h1>Channels</h1>
      <p class="meta">How can A reach B, and through whom? Strong, recent, well-sourced ties first; hubs cost more.</p>
      <form class="channel-form" onSubmit={submit}>
        <ActorSearch id="channel-from" label="From" initial={r.data?.from.name ?? from} onPick={(x: ActorNode) => setA(x.id)} />
        <ActorSearch id="channel-to" label="To" initial={r.data?.to.name ?? to} onPick={(x: ActorNode) => setB(x.id)} />
        <label>
          Max hops{' '}
          <select id="max-hops" value={String(hops)} onChange={(e) => setHops(Number((e.target as HTMLSelectElement).value))}>
            {[1, 2, 3, 4, 5].map((n) => (
              <option key={n} value={String(n)}>{n}</option>
            ))}
          </select>
        </label>
        <label>
          Avoid (names, separated by |){' '}
          <input id="avoid" type="text" value={avoidText} onInput={(e) => setAvoid((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" id="find-channels" disabled={!a || !b}>Find channels</button>
      </form>
      {key && (
        <Status loading={r.loading} error={r.error}>
          {r.data && r.data.paths.length === 0 && <p class="empty" data-testid="no-paths">No path of at most {maxHops} hops.</p>}
          {r.data && r.data.paths.length > 0 && (
            <div class="channels-result">
              {graph && <GraphCanvas data={graph} highlight={r.data.paths[chosen]?.actors.map((x) => x.id)} testId="channels-graph" onNodeClick={(id) => go('actor', id)} />}
              <ol class="paths" data-testid="paths">
                {r.data.paths.map((p, i) => (
                  <PathItem key={i} path={p} rank={i} active={i === chosen} onFocus={() => setChosen(i)} />
                ))}
              </ol>
            </div>
          )}
        </Status>
      )}
      {key && <StorySection from={from} to={to} />}
    </section>
  );
}

/** The dated story between the two actors and their circles, below the paths (what `backchannel story A B` prints). */
function StorySection({ from, to }: { from: string; to: string }) {
  const r = useApi(JSON.stringify(['story', from, to]), () => api.story(from, to));
  return (
    <section class="story" data-testid="story">
      <Status loading={r.loading} error={r.error}>
        {r.data && <StoryList story={r.data} />}
      </Status>
    </section>
  );
}

function StoryList({ story }: { story: StoryAnswer }) {
  return (
    <>
      <h2>Story: {story.a.name} and {story.b.name}</h2>
      {story.entries.length === 0 && <p class="empty">Nothing reported between them or their circles yet.</p>}
      <ol class="story-entries">
        {story.entries.map((e, i) => (
          <li key={i} class={'story-entry ' + e.kind}>
            <span class="meta">{e.date ?? e.firstReported ?? 'undated'} · {e.kind}</span> {e.summary}
            {e.sources[0] && <Evidence sentence={e.sentence} articleId={e.sources[0].articleId} title={e.sources[0].title} date={e.firstReported} outlet={e.sources[0].outlet} />}
          </li>
        ))}
      </ol>
    </>
  );
}

function PathItem({ path, rank, active, onFocus }: { path: ChannelPath; rank: number; active: boolean; onFocus: () => void }) {
  const [open, setOpen] = useState<Set<number>>(new Set());
  const name = new Map(path.actors.map((x) => [x.id, x.name]));
  return (
    <li class={'path' + (active ? ' active' : '')} onMouseEnter={onFocus} data-rank={rank}>
      <p class="chain">
        {path.actors.map((x, i) => (
          <span key={x.id}>
            {i > 0 && ' → '}
            <a href={href('actor', x.id)}>{x.name}</a>
          </span>
        ))}{' '}
        <span class="meta">cost {path.cost}</span>
      </p>
      <ul class="hops">
        {path.hops.map((h, i) => (
          <li key={i} class="hop">
            <button
              type="button"
              class="hop-toggle"
              aria-expanded={open.has(i)}
              onClick={() => {
                const n = new Set(open);
                if (n.has(i)) n.delete(i);
                else n.add(i);
                setOpen(n);
                onFocus();
              }}
            >
              {open.has(i) ? '▾' : '▸'} {name.get(h.from)} — {name.get(h.to)}
            </button>{' '}
            <span class="meta">
              {h.layer === 'comention' ? 'co-mentioned' : h.evidence.map((e) => e.predicate).filter((v, j, all) => all.indexOf(v) === j).join(', ')} · strength {h.strength}
            </span>
            {open.has(i) && (
              <div class="hop-evidence">
                {h.evidence.map((e, j) => (
                  <Evidence key={j} sentence={e.sentence} articleId={e.articleId} title={e.title} date={e.date ?? e.published} modality={e.modality} support={e.support} sourceLabel={e.sourceLabel} outlet={e.source} />
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** The paths as one small graph, drawn left to right: column = position on the path, row = rank. */
function pathGraph(paths: ChannelPath[]): GraphData {
  const positions = new Map<string, { x: number; y: number }>();
  const nodes = new Map<string, ActorNode>();
  const edges = new Map<string, ViewEdge>();
  paths.forEach((p, row) => {
    const last = p.actors.length - 1;
    p.actors.forEach((x, col) => {
      if (!positions.has(x.id)) {
        // both ends in the middle row; intermediates spread by rank
        const y = col === 0 || col === last ? 0 : (row % 2 ? 1 : -1) * Math.ceil((row + 1) / 2);
        positions.set(x.id, { x: last ? (col / last) * 10 : 0, y: -y * 2 });
      }
      const node = nodes.get(x.id);
      if (node) node.degree++;
      else nodes.set(x.id, { id: x.id, name: x.name, type: x.type, kind: null, mentions: 0, articles: 0, firstDate: null, lastDate: null, degree: 1 });
    });
    p.hops.forEach((h) => {
      const k = h.from < h.to ? h.from + '|' + h.to : h.to + '|' + h.from;
      if (!edges.has(k)) edges.set(k, { source: h.from, target: h.to, family: h.layer === 'comention' ? 'comention' : 'event', relations: h.evidence.length, articles: h.evidence.length, outlets: 0, forward: 0, backward: 0, named: 0, anonymous: 0, reporter: 0, predicates: {}, firstDate: null, lastDate: null, dates: [] });
    });
  });
  return { nodes: [...nodes.values()], edges: [...edges.values()], positions };
}
