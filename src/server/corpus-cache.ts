/**
 * What every network and channels request reads, loaded once per corpus version: the network (nodes with
 * degree), the relation rows the network view filters, and the channel graph. An ingest through the API
 * bumps the version; the next request reloads. Loads are shared: concurrent requests wait on one promise.
 */
import type { Store } from '../corpus/store.js';
import { loadNetwork, type ActorNode, type Network } from '../corpus/network.js';
import { ChannelGraph } from '../corpus/channels.js';
import { comentionRows, relationRows, type ComentionRow, type RelationRow } from '../corpus/queries.js';

export interface CorpusSnapshot {
  network: Network;
  nodeById: Map<string, ActorNode>;
  relations: RelationRow[];
  /** The newest relation date: recency is measured against it, also in graphs built without some actors. */
  asOf: string | null;
}

export class CorpusCache {
  private generation = 0;
  private snapshot: Promise<CorpusSnapshot> | null = null;
  private comentions: Promise<ComentionRow[]> | null = null;
  private graphs = new Map<string, Promise<ChannelGraph>>();

  constructor(private readonly store: Store) {}

  /** Call after anything was written to the store. */
  /** Bumped by every invalidate: answers computed from the corpus are valid for one version. */
  get version(): number {
    return this.generation;
  }

  invalidate(): void {
    this.generation++;
    this.snapshot = null;
    this.comentions = null;
    this.graphs.clear();
  }

  get(): Promise<CorpusSnapshot> {
    if (!this.snapshot) {
      const version = this.generation;
      const p = this.load();
      this.snapshot = p;
      // a failed load is not cached: the next request tries again
      p.catch(() => {
        if (this.generation === version && this.snapshot === p) this.snapshot = null;
      });
    }
    return this.snapshot;
  }

  comentionRows(): Promise<ComentionRow[]> {
    if (!this.comentions) this.comentions = comentionRows(this.store.db);
    return this.comentions;
  }

  /** The channel graph, with or without the co-mention layer. */
  channelGraph(withComentions: boolean): Promise<ChannelGraph> {
    const key = withComentions ? 'c' : 'r';
    let g = this.graphs.get(key);
    if (!g) {
      g = (async () => {
        const snap = await this.get();
        const net = withComentions ? await loadNetwork(this.store.db, { comentions: true }) : snap.network;
        return new ChannelGraph(net, { comentions: withComentions, asOf: snap.asOf ?? undefined });
      })();
      this.graphs.set(key, g);
    }
    return g;
  }

  private async load(): Promise<CorpusSnapshot> {
    const network = await loadNetwork(this.store.db, { comentions: false });
    const relations = await relationRows(this.store.db);
    let asOf: string | null = null;
    for (const e of network.edges) if (e.lastDate && (!asOf || e.lastDate > asOf)) asOf = e.lastDate;
    return { network, nodeById: new Map(network.nodes.map((n) => [n.id, n])), relations, asOf };
  }
}
