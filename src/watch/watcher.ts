/**
 * The watch loop: each cycle polls the feeds that are due (several hosts at once, one request per host at
 * a time), then raises the alerts of whatever was stored and delivers them. Between cycles it sleeps until
 * the next feed is due (at most one interval), waking early when asked to stop.
 */
import type { WatchContext } from './context.js';
import { watchDb } from './db.js';
import { dueFeeds, nextDue } from './feed-state.js';
import { pollFeed, type PollResult } from './poll-feed.js';
import { evaluateAlerts, initCursor } from './alerts/evaluate.js';
import { postPending, printPending, type WebhookOptions } from './alerts/deliver.js';
import { consolidate } from '../corpus/consolidate.js';
import { rehomeWatched } from './watchlist.js';

/** Feeds polled at once (on distinct hosts, or queued behind their host's gate): enough to hide network waits, few enough for 2 cores. */
export const FEED_CONCURRENCY = 4;

export interface WatchRunOptions {
  once: boolean;
  /** Where alert lines go (stdout for the CLI). */
  write: (line: string) => void;
  webhook?: WebhookOptions | null;
  shouldStop?: () => boolean;
  concurrency?: number;
  /** Sleeps between cycles; tests and the bench pass an accelerated one. */
  sleep?: (ms: number, shouldStop: () => boolean) => Promise<void>;
  onCycle?: (c: CycleResult) => void;
}

export interface CycleResult {
  polls: PollResult[];
  alerts: number;
}

export async function watchCycle(ctx: WatchContext, o: WatchRunOptions): Promise<CycleResult> {
  // before anything is stored: articles stored by the first watch cycle raise alerts, older ones do not
  await initCursor(watchDb(ctx.store));
  const feeds = await dueFeeds(watchDb(ctx.store), ctx.now());
  const polls: PollResult[] = [];
  let next = 0;
  const stop = o.shouldStop ?? (() => false);
  const worker = async () => {
    while (next < feeds.length && !stop()) {
      const i = next++;
      polls[i] = await pollFeed(ctx, feeds[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.concurrency ?? FEED_CONCURRENCY, feeds.length) }, worker));
  // in the order the feeds were due (a stop leaves holes)
  const done = polls.filter(Boolean);
  // A cycle is an ingest batch: the corpus is re-resolved as after `ingest`, and watched actors whose id the
  // consolidation changed are found again by name before the alerts are raised.
  if (done.some((p) => (p.outcomes.new ?? 0) + (p.outcomes.edited ?? 0) > 0)) {
    await consolidate(ctx.store);
    await rehomeWatched(ctx.store);
  }
  const alerts = await evaluateAlerts(ctx.store, ctx.now());
  await printPending(ctx.store, o.write);
  if (o.webhook) await postPending(ctx.store, o.webhook);
  return { polls: done, alerts: alerts.length };
}

export async function runWatch(ctx: WatchContext, o: WatchRunOptions): Promise<void> {
  const stop = o.shouldStop ?? (() => false);
  const sleep = o.sleep ?? realSleep;
  // alerts a killed watcher had stored but not delivered go out first
  await printPending(ctx.store, o.write);
  for (;;) {
    const c = await watchCycle(ctx, o);
    o.onCycle?.(c);
    if (o.once || stop()) return;
    const due = await nextDue(watchDb(ctx.store));
    const now = ctx.now().getTime();
    const wait = Math.min(ctx.intervalMs, Math.max(0, (due ? Date.parse(due) : now + ctx.intervalMs) - now));
    await sleep(wait, stop);
    if (stop()) return;
  }
}

/** Sleeps ms, checking every second whether to stop. */
async function realSleep(ms: number, shouldStop: () => boolean): Promise<void> {
  const end = Date.now() + ms;
  while (!shouldStop() && Date.now() < end) await new Promise((r) => setTimeout(r, Math.min(1000, end - Date.now())));
}
