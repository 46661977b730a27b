/** The feeds and items `watch` keeps in the store (tables of migration 006_watch). */
import { num, type Store } from '../corpus/store.js';
import { watchDb, type ItemStatus, type WatchDb, type WatchFeedsTable, type WatchItemsTable } from './db.js';
import type { FeedEntry } from './feed-list.js';

/** Adds the listed feeds (due at once), marks listed ones active and the others inactive. */
export async function syncFeeds(store: Store, list: FeedEntry[], now: Date): Promise<void> {
  const db = watchDb(store);
  const urls = new Set(list.map((f) => f.url));
  for (const f of list) {
    await db
      .insertInto('watch_feeds')
      .values({ url: f.url, title: f.title, active: 1, etag: null, last_modified: null, last_poll: null, last_success: null, last_error: null, last_error_at: null, failures: 0, next_poll: null, items: 0, added_at: now.toISOString() })
      .onConflict((oc) => oc.column('url').doUpdateSet({ active: 1 }))
      .execute();
  }
  const stale = (await db.selectFrom('watch_feeds').select('url').where('active', '=', 1).execute()).map((r) => r.url).filter((u) => !urls.has(u));
  if (stale.length) await db.updateTable('watch_feeds').set({ active: 0 }).where('url', 'in', stale).execute();
}

/** Active feeds whose next poll is due at `now` (never polled ones first). */
export async function dueFeeds(db: WatchDb, now: Date): Promise<WatchFeedsTable[]> {
  return db
    .selectFrom('watch_feeds')
    .selectAll()
    .where('active', '=', 1)
    .where((eb) => eb.or([eb('next_poll', 'is', null), eb('next_poll', '<=', now.toISOString())]))
    .orderBy('next_poll', (ob) => ob.asc().nullsFirst())
    .orderBy('url')
    .execute();
}

/** The earliest next poll of the active feeds, or null when there are none. */
export async function nextDue(db: WatchDb): Promise<string | null> {
  const row = await db.selectFrom('watch_feeds').select((eb) => eb.fn.min('next_poll').as('t')).where('active', '=', 1).executeTakeFirst();
  return (row?.t as string | null | undefined) ?? null;
}

export async function recordSuccess(db: WatchDb, url: string, patch: { etag?: string | null; lastModified?: string | null; title?: string | null; added: number }, now: Date, next: Date): Promise<void> {
  await db
    .updateTable('watch_feeds')
    .set((eb) => ({
      ...(patch.etag !== undefined ? { etag: patch.etag, last_modified: patch.lastModified ?? null } : {}),
      ...(patch.title ? { title: eb.fn.coalesce('title', eb.val(patch.title)) } : {}),
      last_poll: now.toISOString(),
      last_success: now.toISOString(),
      failures: 0,
      next_poll: next.toISOString(),
      items: eb('items', '+', patch.added),
    }))
    .where('url', '=', url)
    .execute();
}

export async function recordFailure(db: WatchDb, url: string, message: string, now: Date, next: Date): Promise<void> {
  await db
    .updateTable('watch_feeds')
    .set((eb) => ({ last_poll: now.toISOString(), last_error: message, last_error_at: now.toISOString(), failures: eb('failures', '+', 1), next_poll: next.toISOString() }))
    .where('url', '=', url)
    .execute();
}

export async function findItem(db: WatchDb, feedUrl: string, key: string): Promise<WatchItemsTable | undefined> {
  return db.selectFrom('watch_items').selectAll().where('feed_url', '=', feedUrl).where('item_key', '=', key).executeTakeFirst();
}

/** The article already stored for this canonical URL by another item or by a plain ingest, if any. */
export async function articleForUrl(db: WatchDb, canonical: string, feedUrl: string, key: string): Promise<string | null> {
  const item = await db
    .selectFrom('watch_items')
    .select('article_id')
    .where('canonical_url', '=', canonical)
    .where('status', '=', 'ingested')
    .where((eb) => eb.or([eb('feed_url', '!=', feedUrl), eb('item_key', '!=', key)]))
    .executeTakeFirst();
  if (item?.article_id) return item.article_id;
  // an article this very item stored before a crash kept its row from being written is no duplicate
  const art = await db.selectFrom('articles').select('id').where('url', '=', canonical).where('origin', '!=', itemOrigin(feedUrl, key)).orderBy('seq').executeTakeFirst();
  return art?.id ?? null;
}

/** The origin an item's article is ingested under (ingest_errors and `actor --why` name it). */
export const itemOrigin = (feedUrl: string, key: string): string => `${feedUrl}#${key}`;

export async function saveItem(db: WatchDb, row: Omit<WatchItemsTable, 'first_seen' | 'updated_at'>, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .insertInto('watch_items')
    .values({ ...row, first_seen: at, updated_at: at })
    .onConflict((oc) =>
      oc.columns(['feed_url', 'item_key']).doUpdateSet({ canonical_url: row.canonical_url, content_hash: row.content_hash, status: row.status, article_id: row.article_id, message: row.message, updated_at: at }),
    )
    .execute();
}

export interface FeedListing extends WatchFeedsTable {
  /** Items seen per status. */
  counts: Record<ItemStatus, number>;
}

export async function listFeeds(store: Store): Promise<FeedListing[]> {
  const db = watchDb(store);
  const feeds = await db.selectFrom('watch_feeds').selectAll().orderBy('url').execute();
  const counts = await db.selectFrom('watch_items').select(['feed_url', 'status', (eb) => eb.fn.countAll().as('n')]).groupBy(['feed_url', 'status']).execute();
  return feeds.map((f) => {
    const c: Record<ItemStatus, number> = { ingested: 0, duplicate: 0, skipped: 0 };
    for (const r of counts) if (r.feed_url === f.url) c[r.status as ItemStatus] = num(r.n);
    return { ...f, failures: num(f.failures), items: num(f.items), active: num(f.active), counts: c };
  });
}
