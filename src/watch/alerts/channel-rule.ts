/**
 * "A new or shorter channel between two watched actors": the fewest hops between each watched pair over
 * the stored relation edges (negated-only edges are no channel), compared with what was known before
 * (watch_channels). Adding an actor to the watchlist records its pairs' current hops as the baseline, so
 * only channels that appear or shorten afterwards fire.
 */
import { sql } from 'kysely';
import { num, type Store } from '../../corpus/store.js';
import { watchDb, type WatchDb, type WatchTx } from '../db.js';
import { actorRefs, evidenceOf } from './evidence.js';
import type { Alert, AlertEvidence } from './types.js';

/** Longer paths are not reported: through four intermediaries almost everyone reaches everyone. */
export const CHANNEL_MAX_HOPS = 4;

type Adjacency = Map<string, Set<string>>;

async function loadAdjacency(db: WatchDb | WatchTx): Promise<Adjacency> {
  const rows = await db.selectFrom('edges').select(['subject', 'object']).where(sql<boolean>`relations > m_negated`).execute();
  const adj: Adjacency = new Map();
  const add = (a: string, b: string) => (adj.get(a) ?? adj.set(a, new Set()).get(a)!).add(b);
  for (const r of rows) {
    if (r.subject === r.object) continue;
    add(r.subject, r.object);
    add(r.object, r.subject);
  }
  return adj;
}

/** Shortest paths from `from` to each target, at most maxHops long (breadth first, neighbours in id order). */
function shortestPaths(adj: Adjacency, from: string, targets: Set<string>, maxHops: number): Map<string, string[]> {
  const parent = new Map<string, string | null>([[from, null]]);
  const found = new Map<string, string[]>();
  let frontier = [from];
  for (let d = 0; d < maxHops && frontier.length && found.size < targets.size; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      for (const m of [...(adj.get(n) ?? [])].sort()) {
        if (parent.has(m)) continue;
        parent.set(m, n);
        next.push(m);
        if (targets.has(m)) {
          const path = [m];
          for (let p = parent.get(m); p != null; p = parent.get(p)) path.unshift(p);
          found.set(m, path);
        }
      }
    }
    frontier = next;
  }
  return found;
}

interface PairState {
  a: string;
  b: string;
  path: string[] | null;
}

async function currentPairs(db: WatchDb | WatchTx, watched: string[]): Promise<PairState[]> {
  const adj = await loadAdjacency(db);
  const ids = [...watched].sort();
  const out: PairState[] = [];
  for (let i = 0; i < ids.length; i++) {
    const paths = shortestPaths(adj, ids[i], new Set(ids.slice(i + 1)), CHANNEL_MAX_HOPS);
    for (const b of ids.slice(i + 1)) out.push({ a: ids[i], b, path: paths.get(b) ?? null });
  }
  return out;
}

/** Records the current hops of every watched pair that has no row yet (no alerts). */
export async function baselineChannels(store: Store): Promise<void> {
  const db = watchDb(store);
  const watched = (await db.selectFrom('watch_watchlist').select('actor_id').execute()).map((r) => r.actor_id);
  const known = new Set((await db.selectFrom('watch_channels').select(['a', 'b']).execute()).map((r) => r.a + '\u0000' + r.b));
  const rows = (await currentPairs(db, watched)).filter((p) => !known.has(p.a + '\u0000' + p.b)).map((p) => ({ a: p.a, b: p.b, hops: p.path ? p.path.length - 1 : null }));
  for (const r of rows) await db.insertInto('watch_channels').values(r).onConflict((oc) => oc.columns(['a', 'b']).doNothing()).execute();
}

/** Channel alerts for pairs whose channel appeared or shortened; updates watch_channels in the same transaction. */
export async function channelAlerts(tx: WatchTx, watched: string[], firedAt: string): Promise<Alert[]> {
  if (watched.length < 2) return [];
  const before = new Map((await tx.selectFrom('watch_channels').selectAll().execute()).map((r) => [r.a + '\u0000' + r.b, r.hops == null ? null : num(r.hops)]));
  const alerts: Alert[] = [];
  for (const p of await currentPairs(tx, watched)) {
    const k = p.a + '\u0000' + p.b;
    const hops = p.path ? p.path.length - 1 : null;
    const prev = before.has(k) ? before.get(k)! : undefined;
    if (prev === undefined) {
      // a pair never seen (a watchlist change by another process): baseline, no alert
      await tx.insertInto('watch_channels').values({ a: p.a, b: p.b, hops }).onConflict((oc) => oc.columns(['a', 'b']).doNothing()).execute();
      continue;
    }
    if (hops == null || (prev != null && hops >= prev)) continue;
    await tx.updateTable('watch_channels').set({ hops }).where('a', '=', p.a).where('b', '=', p.b).execute();
    alerts.push(await channelAlert(tx, p.a, p.b, p.path!, prev, firedAt));
  }
  return alerts;
}

async function channelAlert(tx: WatchTx, a: string, b: string, path: string[], prev: number | null, firedAt: string): Promise<Alert> {
  const names = await actorRefs(tx, path);
  const evidence: AlertEvidence[] = [];
  for (let i = 0; i + 1 < path.length; i++) {
    const r = await tx
      .selectFrom('relations as r')
      .innerJoin('articles as ar', 'ar.id', 'r.article_id')
      .select(['r.sentence', 'r.date', 'ar.id', 'ar.seq', 'ar.title', 'ar.url', 'ar.source', 'ar.published'])
      .where((eb) => eb.or([eb.and([eb('r.subject', '=', path[i]), eb('r.object', '=', path[i + 1])]), eb.and([eb('r.subject', '=', path[i + 1]), eb('r.object', '=', path[i])])]))
      .where('r.modality', '!=', 'negated')
      .orderBy('ar.seq', 'desc')
      .orderBy('r.id')
      .executeTakeFirst();
    if (r) evidence.push(evidenceOf({ ...r, seq: num(r.seq) }, r.sentence, r.date));
  }
  const hops = path.length - 1;
  const route = path.map((id) => names.get(id)!.name).join(' → ');
  return {
    key: `channel|${a}|${b}|${hops}`,
    rule: 'channel',
    summary: `${prev == null ? 'new' : `shorter (${prev} → ${hops} hops)`} channel: ${route}`,
    actors: [names.get(a)!, names.get(b)!],
    hops,
    previousHops: prev,
    path: path.map((id) => names.get(id)!),
    evidence,
    firedAt,
  };
}
