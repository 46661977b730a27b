/** A watcher over a fresh store (SQLite, or PostgreSQL in the postgres project) with a settable clock. */
import { analyzeArticle, prepareLanguage } from '../../src/pipeline/analyze.js';
import { story } from './fixtures.js';
import type { Store } from '../../src/corpus/store.js';
import { makeContext, type WatchContext } from '../../src/watch/context.js';
import { DEFAULT_HTTP } from '../../src/watch/http.js';
import { watchCycle, type CycleResult } from '../../src/watch/watcher.js';
import { syncFeeds } from '../../src/watch/feed-state.js';
import { watchDb } from '../../src/watch/db.js';
import { openTestStore } from '../store/target.js';

export const INTERVAL_MS = 60_000;

export interface Harness {
  store: Store;
  ctx: WatchContext;
  lines: string[];
  clock: { t: number };
  cycle(): Promise<CycleResult>;
  advance(ms: number): void;
  setFeeds(urls: string[]): Promise<void>;
  articles(): Promise<number>;
  alertKeys(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * The pipeline runs in this thread here (the CLI runs it in a worker): its first article loads the models
 * and blocks the event loop for seconds, which would time out requests in flight. Loaded before the tests.
 */
async function warmUp(): Promise<void> {
  for (const language of ['en', 'de']) {
    await prepareLanguage(language);
    analyzeArticle({ text: story(language === 'de' ? 'de-botschafterin' : 'en-envoy-meets-minister').text, origin: 'warm-up', language });
  }
}

export async function startHarness(opts: { timeoutMs?: number; maxBytes?: number; maxItemChars?: number } = {}): Promise<Harness> {
  await warmUp();
  const store = await openTestStore();
  const clock = { t: Date.UTC(2026, 11, 7, 8, 0, 0) };
  const lines: string[] = [];
  const logs: string[] = [];
  const ctx = makeContext(store, analyzeArticle, {
    intervalMs: INTERVAL_MS,
    http: { ...DEFAULT_HTTP, timeoutMs: opts.timeoutMs ?? 10_000, maxBytes: opts.maxBytes ?? DEFAULT_HTTP.maxBytes },
    maxItemChars: opts.maxItemChars,
    now: () => new Date(clock.t),
    log: (l) => logs.push(l),
  });
  return {
    store,
    ctx,
    lines,
    clock,
    cycle: () => watchCycle(ctx, { once: true, write: (l) => lines.push(l) }),
    advance: (ms) => void (clock.t += ms),
    setFeeds: (urls) => syncFeeds(store, urls.map((url) => ({ url, title: null })), new Date(clock.t)),
    articles: async () => (await store.db.selectFrom('articles').select('id').execute()).length,
    alertKeys: async () => (await watchDb(store).selectFrom('watch_alerts').select('key').orderBy('seq').execute()).map((r) => r.key),
    close: () => store.close(),
  };
}
