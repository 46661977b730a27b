/**
 * One poll of one feed: a conditional GET through the host's gate, the items parsed and processed oldest
 * first, then the feed's state (validators, success or error, next poll) written. The validators are
 * saved only after every item is processed: a crash mid-feed refetches the whole feed, and the items
 * already recorded are skipped.
 */
import type { WatchContext } from './context.js';
import { watchDb, type WatchFeedsTable } from './db.js';
import { recordFailure, recordSuccess } from './feed-state.js';
import { HttpError, httpGet } from './http.js';
import { parseFeedText, type FeedItem } from './parse-feed.js';
import { processItem, type ItemOutcome } from './process-item.js';
import { backoffMs } from './schedule.js';

export interface PollResult {
  url: string;
  status: 'ok' | 'not-modified' | 'error';
  message?: string;
  outcomes: Partial<Record<ItemOutcome, number>>;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';

export async function pollFeed(ctx: WatchContext, feed: WatchFeedsTable): Promise<PollResult> {
  const db = watchDb(ctx.store);
  const started = ctx.now();
  ctx.stats.polls++;
  const fail = async (message: string, retryAfterMs: number | null): Promise<PollResult> => {
    ctx.stats.failures++;
    const wait = backoffMs(ctx.intervalMs, Number(feed.failures) + 1, retryAfterMs);
    await recordFailure(db, feed.url, message, started, new Date(started.getTime() + wait));
    ctx.log(`${feed.url}: ${message} (next try in ${Math.round(wait / 1000)} s)`);
    return { url: feed.url, status: 'error', message, outcomes: {} };
  };
  let res;
  try {
    res = await ctx.gate.run(feed.url, () => httpGet(feed.url, ctx.http, { etag: feed.etag, lastModified: feed.last_modified }, FEED_ACCEPT, started.getTime()));
  } catch (err) {
    return fail((err as Error).message, err instanceof HttpError ? err.retryAfterMs : null);
  }
  const next = new Date(started.getTime() + ctx.intervalMs);
  if (res.status === 304) {
    ctx.stats.notModified++;
    await recordSuccess(db, feed.url, { added: 0 }, started, next);
    return { url: feed.url, status: 'not-modified', outcomes: {} };
  }
  let items: FeedItem[];
  let title: string | null;
  try {
    ({ items, title } = parseFeedText(res.body));
  } catch (err) {
    return fail((err as Error).message, null);
  }
  const outcomes: Partial<Record<ItemOutcome, number>> = {};
  let added = 0;
  for (const item of oldestFirst(items)) {
    const out = await processItem(ctx, { url: feed.url, title: feed.title ?? title }, item);
    outcomes[out] = (outcomes[out] ?? 0) + 1;
    if (out === 'new' || out === 'edited') added++;
    if (out !== 'seen') ctx.stats.items++;
  }
  await recordSuccess(db, feed.url, { etag: res.validators.etag, lastModified: res.validators.lastModified, title, added }, started, next);
  return { url: feed.url, status: 'ok', outcomes };
}

/** Feeds list newest first; the store should see them in the order they were published (stable for equal dates). */
function oldestFirst(items: FeedItem[]): FeedItem[] {
  return items
    .map((it, i) => ({ it, i }))
    .sort((a, b) => (a.it.published ?? '').localeCompare(b.it.published ?? '') || b.i - a.i)
    .map((x) => x.it);
}
