/**
 * Feeds that fail, on 127.0.0.1: 500, 429 with Retry-After, malformed XML, a server that never answers, a
 * redirect loop, a gigantic feed, a gigantic item. Each failure is recorded on its feed with a backoff; the
 * other feeds and items go on; a feed that recovers is read again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedServer } from './feed-server.js';
import { fullItem, rss, story } from './fixtures.js';
import { INTERVAL_MS, startHarness, type Harness } from './harness.js';
import { listFeeds, type FeedListing } from '../../src/watch/feed-state.js';
import { watchDb } from '../../src/watch/db.js';
import { backoffMs, MAX_BACKOFF_MS } from '../../src/watch/schedule.js';
import { parseRetryAfter } from '../../src/watch/http.js';

const envoy = story('en-envoy-meets-minister');
const ortiz = story('en-adviser-ortiz');
const TIMEOUT_MS = 1500;
const MAX_BYTES = 256 * 1024;
const MAX_ITEM_CHARS = 50_000;

let srv: FeedServer;
let h: Harness;
const feed = async (path: string): Promise<FeedListing> => (await listFeeds(h.store)).find((f) => f.url === srv.url(path))!;
const PATHS = ['/500.rss', '/429.rss', '/bad.rss', '/hang.rss', '/loop.rss', '/huge.rss', '/giant-item.rss', '/moved.rss'];

beforeAll(async () => {
  srv = await FeedServer.start();
  h = await startHarness({ timeoutMs: TIMEOUT_MS, maxBytes: MAX_BYTES, maxItemChars: MAX_ITEM_CHARS });
  srv.routes.set('/500.rss', { kind: 'status', status: 500 });
  srv.routes.set('/429.rss', { kind: 'status', status: 429, retryAfter: '300' });
  srv.routes.set('/bad.rss', { kind: 'body', body: '<?xml version="1.0"?><rss version="2.0"><channel><title>broken</title><item><title>unclosed', type: 'application/rss+xml' });
  srv.routes.set('/hang.rss', { kind: 'hang' });
  srv.routes.set('/loop.rss', { kind: 'redirect', to: '/loop2.rss' });
  srv.routes.set('/loop2.rss', { kind: 'redirect', to: '/loop.rss' });
  srv.routes.set('/huge.rss', { kind: 'huge', bytes: 4 * MAX_BYTES });
  // one item far beyond the article limit beside a normal one (the feed itself is under the byte limit)
  const giant = { ...envoy, title: 'A gigantic item', text: ('Filler paragraph without news. ').repeat(Math.ceil((MAX_ITEM_CHARS * 1.5) / 31)) };
  srv.feed('/giant-item.rss', rss('Giant', [fullItem(giant, srv.url('/giant')), fullItem(ortiz, srv.url('/ortiz'))]));
  // a redirect to a feed is followed
  srv.routes.set('/moved.rss', { kind: 'redirect', to: '/new-home.rss' });
  srv.feed('/new-home.rss', rss('Moved', [fullItem(envoy, srv.url('/envoy'))]));
  await h.setFeeds(PATHS.map((p) => srv.url(p)));
});

afterAll(async () => {
  await h?.close();
  await srv?.close();
});

describe('watch: feeds that fail', () => {
  it('each failure is recorded on its feed; the others are read', async () => {
    const t0 = Date.now();
    const c = await h.cycle();
    const status = Object.fromEntries(c.polls.map((p) => [p.url.slice(srv.base.length), p.status === 'error' ? p.message : p.status]));
    expect(status['/500.rss']).toMatch(/HTTP 500/);
    expect(status['/429.rss']).toMatch(/HTTP 429/);
    expect(status['/bad.rss']).toMatch(/not a readable feed/);
    expect(status['/hang.rss']).toMatch(/no answer within 1.5 s/);
    expect(status['/loop.rss']).toMatch(/more than 5 redirects/);
    expect(status['/huge.rss']).toMatch(/larger than 262144 bytes/);
    expect(status['/giant-item.rss']).toBe('ok');
    expect(status['/moved.rss']).toBe('ok');
    // the hung server cost one timeout, not the whole cycle
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect((await feed('/500.rss')).failures).toBe(1);
    expect((await feed('/500.rss')).last_error).toMatch(/HTTP 500/);
  });

  it('a gigantic item is skipped for good with its reason; its neighbour is stored', async () => {
    const items = await watchDb(h.store).selectFrom('watch_items').selectAll().where('feed_url', '=', srv.url('/giant-item.rss')).orderBy('item_key').execute();
    expect(items.map((i) => i.status).sort()).toEqual(['ingested', 'skipped']);
    expect(items.find((i) => i.status === 'skipped')!.message).toMatch(/longer than 50000 characters/);
    expect(await h.articles()).toBe(2);
  });

  it('failing feeds back off (429 by its Retry-After); healthy ones come back after one interval', async () => {
    const now = h.clock.t;
    const next = async (p: string) => Date.parse((await feed(p)).next_poll!) - now;
    expect(await next('/500.rss')).toBe(INTERVAL_MS);
    expect(await next('/429.rss')).toBe(300_000);
    expect(await next('/giant-item.rss')).toBe(INTERVAL_MS);
    h.advance(INTERVAL_MS);
    const c = await h.cycle();
    expect(c.polls.map((p) => p.url.slice(srv.base.length)).sort()).not.toContain('/429.rss');
    // a second failure in a row waits twice as long
    expect(await next('/500.rss')).toBe(INTERVAL_MS + 2 * INTERVAL_MS);
    expect((await feed('/500.rss')).failures).toBe(2);
  });

  it('a feed that recovers is read, and its failure count is reset', async () => {
    srv.feed('/500.rss', rss('Recovered', [fullItem(ortiz, srv.url('/ortiz-again'))]));
    h.advance(2 * INTERVAL_MS);
    const c = await h.cycle();
    const p = c.polls.find((x) => x.url === srv.url('/500.rss'))!;
    expect(p.status).toBe('ok');
    // the same text under another URL is known already: stored once
    expect(p.outcomes).toEqual({ new: 1 });
    expect(await h.articles()).toBe(2);
    const f = await feed('/500.rss');
    expect(f.failures).toBe(0);
    expect(f.last_success).toBeTruthy();
    expect(f.last_error).toMatch(/HTTP 500/); // kept: the last error seen, with its time
  });

  it('only loopback was contacted, one request at a time', () => {
    expect(srv.maxInFlight).toBe(1);
  });
});

describe('backoff and Retry-After', () => {
  it('doubles per failure up to the cap, never sooner than Retry-After', () => {
    expect(backoffMs(60_000, 1, null)).toBe(60_000);
    expect(backoffMs(60_000, 3, null)).toBe(240_000);
    expect(backoffMs(60_000, 50, null)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(60_000, 1, 600_000)).toBe(600_000);
  });
  it('reads seconds and HTTP dates', () => {
    const now = Date.UTC(2026, 11, 7, 8, 0, 0);
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(new Date(now + 90_000).toUTCString(), now)).toBe(90_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
