/**
 * Table shapes of the watch state (migration 006_watch in src/corpus), as kysely sees them, and the
 * store's query builder typed to include them. The corpus tables stay as src/corpus/db.ts declares them.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CorpusDatabase } from '../corpus/db.js';
import type { Store } from '../corpus/store.js';

export interface WatchFeedsTable {
  url: string;
  title: string | null;
  /** 1 while the feed is in the list given to `watch`; 0 once it left it (kept for its history). */
  active: number;
  etag: string | null;
  last_modified: string | null;
  last_poll: string | null;
  last_success: string | null;
  last_error: string | null;
  last_error_at: string | null;
  /** Consecutive failed polls: the backoff grows with it; a success resets it. */
  failures: number;
  /** ISO time of the next poll; null: due now. */
  next_poll: string | null;
  /** Items of this feed stored as articles (new or revised). */
  items: number;
  added_at: string;
}

/** Item states: ingested (stored, or known already), duplicate (its canonical URL came by another item), skipped (refused for good). */
export type ItemStatus = 'ingested' | 'duplicate' | 'skipped';

export interface WatchItemsTable {
  feed_url: string;
  /** guid / id, else the link, else a hash of title and text. */
  item_key: string;
  canonical_url: string | null;
  /** Hash of the item as the feed gave it: a change means the item was edited. */
  content_hash: string;
  status: ItemStatus;
  article_id: string | null;
  message: string | null;
  first_seen: string;
  updated_at: string;
}

export interface WatchWatchlistTable {
  actor_id: string;
  name: string;
  added_at: string;
}

export interface WatchAlertsTable {
  /** What makes the alert unique (rule, actors, what happened): an alert fires once per key. */
  key: string;
  /** Firing order. */
  seq: number;
  rule: string;
  created_at: string;
  article_id: string | null;
  /** The alert as JSON (src/watch/alerts/types.ts). */
  payload: string;
  /** 1 once written to stdout (the JSON Lines output of a running `watch`). */
  printed: number;
  webhook_done: number;
  webhook_attempts: number;
}

export interface WatchChannelsTable {
  a: string;
  b: string;
  /** Fewest hops between the watched pair when last looked at; null: no channel. */
  hops: number | null;
}

export interface WatchStateTable {
  name: string;
  value: string;
}

export interface WatchDatabase extends CorpusDatabase {
  watch_feeds: WatchFeedsTable;
  watch_items: WatchItemsTable;
  watch_watchlist: WatchWatchlistTable;
  watch_alerts: WatchAlertsTable;
  watch_channels: WatchChannelsTable;
  watch_state: WatchStateTable;
}

export type WatchDb = Kysely<WatchDatabase>;
export type WatchTx = Transaction<WatchDatabase>;

/** The store's query builder with the watch tables (the same connection). */
export const watchDb = (store: Store): WatchDb => store.db as unknown as WatchDb;

/** Runs fn in one of the store's write transactions, typed with the watch tables. */
export const watchTransaction = <T>(store: Store, fn: (tx: WatchTx) => Promise<T>): Promise<T> =>
  store.transaction((tx) => fn(tx as unknown as WatchTx));

export async function getState(db: WatchDb | WatchTx, name: string): Promise<string | null> {
  const row = await db.selectFrom('watch_state').select('value').where('name', '=', name).executeTakeFirst();
  return row?.value ?? null;
}

export async function setState(db: WatchDb | WatchTx, name: string, value: string): Promise<void> {
  await db.insertInto('watch_state').values({ name, value }).onConflict((oc) => oc.column('name').doUpdateSet({ value })).execute();
}
