/**
 * kill -9 of a running `backchannel watch` (a child process, mid-feed, while it waits for an article page)
 * and a restart: every item is stored exactly once, no page is fetched twice, and every alert is printed
 * exactly once across the runs. Needs the built CLI (npm run build).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/corpus/store.js';
import { repoRoot } from '../../src/util/paths.js';
import { watchDb } from '../../src/watch/db.js';
import { addPending } from '../../src/watch/watchlist.js';
import { testDbTarget } from '../store/target.js';
import { FeedServer } from './feed-server.js';
import { fullItem, page, rss, story, teaserItem } from './fixtures.js';

const cli = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
// in publication order, the order the watcher stores a feed's items in
const STORIES = ['en-envoy-meets-minister', 'en-adviser-ortiz', 'en-anonymous-brandt', 'de-botschafterin'].map(story).sort((a, b) => a.published.localeCompare(b.published));

let dir: string;
let db: string;
let feeds: string;
let srv: FeedServer;

function watch(...extra: string[]) {
  const child = spawn(process.execPath, [cli, 'watch', feeds, '--db', db, '--interval', '1h', '--timeout', '30s', '--quiet', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return { child, exited, out: () => out, err: () => err };
}

async function state() {
  const store = await openStore(db);
  try {
    const w = watchDb(store);
    return {
      articles: (await store.db.selectFrom('articles').select('id').execute()).length,
      items: await w.selectFrom('watch_items').select(['item_key', 'status']).execute(),
      alerts: await w.selectFrom('watch_alerts').select(['key', 'printed']).orderBy('seq').execute(),
    };
  } finally {
    await store.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-watch-'));
  db = await testDbTarget(join(dir, 'watch.db'));
  srv = await FeedServer.start();
  srv.feed('/k.rss', rss('Kill Test', STORIES.map((s, i) => teaserItem(s, srv.url(`/p/${i + 1}`)))));
  STORIES.forEach((s, i) => srv.routes.set(`/p/${i + 1}`, { kind: 'body', body: page(s, 'Kill Test'), type: 'text/html' }));
  feeds = join(dir, 'feeds.txt');
  writeFileSync(feeds, `# the test feed\n${srv.url('/k.rss')}\n`);
  const store = await openStore(db);
  await addPending(store, 'Marta Kessler', new Date());
  await addPending(store, 'Jonas Brandt', new Date());
  await store.close();
});

afterAll(async () => {
  await srv?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('watch: kill -9 and restart', () => {
  it('a watcher killed mid-feed leaves whole items behind', async () => {
    // the third page is slow: the watcher is killed while it waits for it
    srv.routes.set('/p/3', { kind: 'delay', ms: 60_000, then: { kind: 'body', body: page(STORIES[2], 'Kill Test'), type: 'text/html' } });
    const run = watch();
    srv.onRequest = (path) => {
      if (path === '/p/3') run.child.kill('SIGKILL');
    };
    const { signal } = await run.exited;
    srv.onRequest = null;
    expect(signal).toBe('SIGKILL');
    const s = await state();
    expect(s.articles).toBe(2);
    expect(s.items).toHaveLength(2);
    expect(s.alerts).toHaveLength(0);
  });

  it('the restart stores the rest once, fetches no page twice, and prints each alert once', async () => {
    srv.routes.set('/p/3', { kind: 'body', body: page(STORIES[2], 'Kill Test'), type: 'text/html' });
    const run = watch('--once');
    const { code } = await run.exited;
    expect(run.err()).toBe('');
    expect(code).toBe(0);
    const s = await state();
    expect(s.articles).toBe(4);
    expect(s.items.map((i) => i.status)).toEqual(['ingested', 'ingested', 'ingested', 'ingested']);
    for (const p of ['/p/1', '/p/2', '/p/4']) expect(srv.count(p)).toBe(1);
    const lines = run.out().trim().split('\n').map((l) => JSON.parse(l) as { key: string });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.map((l) => l.key)).toEqual(s.alerts.map((a) => a.key));
    expect(s.alerts.every((a) => Number(a.printed) === 1)).toBe(true);
  });

  it('an alert stored but not printed when the watcher died is printed by the next one, once', async () => {
    const before = await state();
    const feedRequests = srv.count('/k.rss');
    const store = await openStore(db);
    await watchDb(store).updateTable('watch_alerts').set({ printed: 0 }).where('key', '=', before.alerts[0].key).execute();
    await store.close();
    const run = watch('--once');
    expect((await run.exited).code).toBe(0);
    expect(run.out().trim().split('\n').map((l) => JSON.parse(l).key)).toEqual([before.alerts[0].key]);
    const again = watch('--once');
    expect((await again.exited).code).toBe(0);
    expect(again.out()).toBe('');
    const after = await state();
    expect(after.articles).toBe(4);
    expect(after.alerts).toHaveLength(before.alerts.length);
    // the feed is not due again within the interval: not even asked
    expect(srv.count('/k.rss')).toBe(feedRequests);
  });
});

describe('watch: feeds of two hosts at once', () => {
  it('both are read in one run; their articles take turns in the analysis thread', async () => {
    const other = await FeedServer.start();
    const third = await FeedServer.start();
    try {
      other.feed('/one.rss', rss('One', [fullItem(STORIES[0], other.url('/1')), fullItem(STORIES[1], other.url('/2'))]));
      third.feed('/two.rss', rss('Two', [fullItem(STORIES[2], third.url('/3')), fullItem(STORIES[3], third.url('/4'))]));
      db = await testDbTarget(join(dir, 'two-hosts.db'));
      feeds = join(dir, 'two-hosts.txt');
      writeFileSync(feeds, `${other.url('/one.rss')}\n${third.url('/two.rss')}\n`);
      const run = watch('--once');
      expect((await run.exited).code).toBe(0);
      expect(run.err()).toBe('');
      const s = await state();
      expect(s.articles).toBe(4);
      expect(s.items.map((i) => i.status)).toEqual(['ingested', 'ingested', 'ingested', 'ingested']);
    } finally {
      await other.close();
      await third.close();
    }
  });
});
