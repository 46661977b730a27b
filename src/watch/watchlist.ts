/**
 * The watchlist: actors whose new contacts `watch` reports. Names are resolved as `actor NAME` resolves
 * them (src/corpus/lookup.ts); when several actors match, the best is taken and the others are shown, so
 * the user can add the intended one by id instead.
 */
import type { ActorsTable } from '../corpus/db.js';
import { findActors, ActorNotFound } from '../corpus/lookup.js';
import { num, type Store } from '../corpus/store.js';
import { watchDb, type WatchDb } from './db.js';
import { baselineChannels } from './alerts/channel-rule.js';

export interface Resolved {
  actor: ActorsTable;
  /** Other actors the name also matches, most mentioned first. */
  alternatives: ActorsTable[];
}

export async function resolveActor(store: Store, query: string): Promise<Resolved> {
  const [actor, ...alternatives] = await findActors(store.db, query);
  if (!actor) throw new ActorNotFound(query);
  return { actor, alternatives };
}

export async function watchedIds(db: WatchDb): Promise<string[]> {
  return (await db.selectFrom('watch_watchlist').select('actor_id').orderBy('actor_id').execute()).map((r) => r.actor_id);
}

/** Adds an actor; returns false when it was watched already. Its channels to the other watched actors become the baseline. */
export async function addWatched(store: Store, actor: ActorsTable, now: Date): Promise<boolean> {
  const db = watchDb(store);
  const r = await db.insertInto('watch_watchlist').values({ actor_id: actor.id, name: actor.name, added_at: now.toISOString() }).onConflict((oc) => oc.column('actor_id').doNothing()).executeTakeFirst();
  if (num(r.numInsertedOrUpdatedRows) === 0) return false;
  await baselineChannels(store);
  return true;
}

export async function removeWatched(store: Store, actorId: string): Promise<boolean> {
  const db = watchDb(store);
  const r = await db.deleteFrom('watch_watchlist').where('actor_id', '=', actorId).executeTakeFirst();
  await db.deleteFrom('watch_channels').where((eb) => eb.or([eb('a', '=', actorId), eb('b', '=', actorId)])).execute();
  return num(r.numDeletedRows) > 0;
}

export interface WatchedActor {
  id: string;
  name: string;
  type: string | null;
  mentions: number;
  addedAt: string;
}

export async function listWatched(store: Store): Promise<WatchedActor[]> {
  const rows = await watchDb(store)
    .selectFrom('watch_watchlist as w')
    .leftJoin('actors as a', 'a.id', 'w.actor_id')
    .select(['w.actor_id', 'w.name', 'w.added_at', 'a.name as current', 'a.type', 'a.mention_count'])
    .orderBy('w.added_at')
    .orderBy('w.actor_id')
    .execute();
  return rows.map((r) => ({ id: r.actor_id, name: r.current ?? r.name, type: r.type ?? null, mentions: num(r.mention_count), addedAt: r.added_at }));
}

/** Watchlist rows for names no actor carries yet start with this; they are resolved when such an actor is stored. */
export const PENDING_PREFIX = '?';

/** Watches a name before the corpus knows it: resolved by `resolvePending` once an article names such an actor. */
export async function addPending(store: Store, name: string, now: Date): Promise<boolean> {
  const r = await watchDb(store)
    .insertInto('watch_watchlist')
    .values({ actor_id: PENDING_PREFIX + name.trim(), name: name.trim(), added_at: now.toISOString() })
    .onConflict((oc) => oc.column('actor_id').doNothing())
    .executeTakeFirst();
  return num(r.numInsertedOrUpdatedRows) > 0;
}

/** Replaces pending names that now match an actor by that actor; returns the actors added. */
export async function resolvePending(store: Store, now: Date): Promise<ActorsTable[]> {
  const db = watchDb(store);
  const pending = await db.selectFrom('watch_watchlist').selectAll().where('actor_id', 'like', PENDING_PREFIX + '%').execute();
  const added: ActorsTable[] = [];
  for (const p of pending) {
    const [actor] = await findActors(store.db, p.name);
    if (!actor) continue;
    await db.deleteFrom('watch_watchlist').where('actor_id', '=', p.actor_id).execute();
    if (await addWatched(store, actor, now)) added.push(actor);
  }
  return added;
}

/**
 * Watched ids that no actor carries any more (a consolidation pass merged or renamed it) become pending names
 * again, so `resolvePending` finds the actor under its new id.
 */
export async function rehomeWatched(store: Store): Promise<number> {
  const db = watchDb(store);
  const gone = await db
    .selectFrom('watch_watchlist as w')
    .leftJoin('actors as a', 'a.id', 'w.actor_id')
    .select(['w.actor_id', 'w.name', 'w.added_at'])
    .where('a.id', 'is', null)
    .where('w.actor_id', 'not like', PENDING_PREFIX + '%')
    .execute();
  for (const g of gone) {
    await db.deleteFrom('watch_watchlist').where('actor_id', '=', g.actor_id).execute();
    await db.deleteFrom('watch_channels').where((eb) => eb.or([eb('a', '=', g.actor_id), eb('b', '=', g.actor_id)])).execute();
    await db.insertInto('watch_watchlist').values({ actor_id: PENDING_PREFIX + g.name, name: g.name, added_at: g.added_at }).onConflict((oc) => oc.column('actor_id').doNothing()).execute();
  }
  return gone.length;
}

/** The actor ids watched now (pending names left out). */
export async function activeWatched(db: WatchDb): Promise<string[]> {
  return (await watchedIds(db)).filter((id) => !id.startsWith(PENDING_PREFIX));
}
