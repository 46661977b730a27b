/**
 * The channel graph, stored. Building it means reading every edge (a few seconds at 10,000 articles on a
 * busy machine); a cold `channels` instead reads one value: the graph's ties as typed arrays and its
 * nodes, saved by the first query after the corpus changed (or by `ingest` when it finishes) and tagged
 * with the corpus version — the highest article seq, which every stored article raises.
 */
import { sql } from 'kysely';
import type { CorpusDb } from './store.js';
import { num } from './store.js';
import { ChannelGraph, type UEdge } from './channels.js';
import { loadNetwork, type ActorNode } from './network.js';

const FORMAT = 1;
const LAYER_CODE = { relation: 0, comention: 1 } as const;

/**
 * The corpus version: changes whenever an article is stored (max seq) or the consolidation pass rebuilds
 * the actors (its generation); both only grow, so a graph built before a pass never matches after it.
 */
export async function corpusVersion(db: CorpusDb): Promise<number> {
  const r = await db.selectFrom('articles').select((eb) => eb.fn.max('seq').as('v')).executeTakeFirst();
  const g = await db.selectFrom('corpus_settings').select('value').where('key', '=', 'generation').executeTakeFirst();
  return num(r?.v) + Number(g?.value ?? 0);
}

const cacheName = (comentions: boolean) => (comentions ? 'channels+comentions' : 'channels');

export function serializeGraph(g: ChannelGraph): Buffer {
  const m = g.edges.length;
  const header = Buffer.from(JSON.stringify({ format: FORMAT, nodes: g.nodes }));
  const u = new Int32Array(m);
  const v = new Int32Array(m);
  const layer = new Uint8Array(m);
  const strength = new Float64Array(m);
  g.edges.forEach((e, k) => {
    u[k] = e.u;
    v[k] = e.v;
    layer[k] = LAYER_CODE[e.layer];
    strength[k] = e.strength;
  });
  const head = Buffer.alloc(8);
  head.writeUInt32LE(header.length, 0);
  head.writeUInt32LE(m, 4);
  return Buffer.concat([head, header, Buffer.from(strength.buffer), Buffer.from(u.buffer), Buffer.from(v.buffer), Buffer.from(layer.buffer)]);
}

export function deserializeGraph(data: Uint8Array): ChannelGraph {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  const headerLen = buf.readUInt32LE(0);
  const m = buf.readUInt32LE(4);
  const header = JSON.parse(buf.subarray(8, 8 + headerLen).toString('utf8')) as { format: number; nodes: ActorNode[] };
  if (header.format !== FORMAT) throw new Error(`stored channel graph has format ${header.format}, not ${FORMAT}`);
  let at = 8 + headerLen;
  // copies: the stored bytes need not be aligned for typed-array views
  const take = (bytes: number) => {
    const out = new Uint8Array(bytes);
    out.set(buf.subarray(at, at + bytes));
    at += bytes;
    return out.buffer;
  };
  const strength = new Float64Array(take(8 * m));
  const u = new Int32Array(take(4 * m));
  const v = new Int32Array(take(4 * m));
  const layer = new Uint8Array(take(m));
  const edges: UEdge[] = new Array(m);
  for (let k = 0; k < m; k++) edges[k] = { u: u[k], v: v[k], layer: layer[k] === LAYER_CODE.comention ? 'comention' : 'relation', strength: strength[k], stats: null };
  return new ChannelGraph({ nodes: header.nodes, edges });
}

/**
 * The channel graph of the corpus as it is now: the stored one when it is current, else built from the
 * stored network and saved for the next query (a read-only store just skips the save).
 */
export async function loadChannelGraph(db: CorpusDb, opts: { comentions?: boolean } = {}): Promise<ChannelGraph> {
  const name = cacheName(!!opts.comentions);
  const version = await corpusVersion(db);
  const row = await db.selectFrom('graph_cache').select(['version', 'data']).where('name', '=', name).executeTakeFirst();
  if (row && num(row.version) === version) {
    try {
      return deserializeGraph(row.data);
    } catch {
      // an unreadable value is rebuilt below
    }
  }
  const g = new ChannelGraph(await loadNetwork(db, { comentions: !!opts.comentions }), { comentions: !!opts.comentions });
  await saveGraph(db, name, version, g).catch(() => {});
  return g;
}

async function saveGraph(db: CorpusDb, name: string, version: number, g: ChannelGraph): Promise<void> {
  const data = serializeGraph(g);
  await db
    .insertInto('graph_cache')
    .values({ name, version, data })
    .onConflict((oc) => oc.column('name').doUpdateSet({ version, data }).where(sql.ref('graph_cache.version'), '<=', version))
    .execute();
}

/** Builds and stores the graph now (the end of an ingest), so the next cold query finds it. */
export async function refreshChannelGraph(db: CorpusDb): Promise<void> {
  await loadChannelGraph(db, { comentions: false });
}
