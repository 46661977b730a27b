/**
 * Watch bench: a simulated day of `backchannel watch` against feeds served on 127.0.0.1 by this process,
 * on an accelerated clock. F feeds each publish `items` articles over the day (evenly over the ticks);
 * every feed is polled once per tick (an unchanged feed answers 304). Articles are synthetic analyses
 * (bench/synthetic.ts), so the figure is the watch machinery — HTTP, feed parsing, dedup, store, alert
 * rules — not the NLP stages; `--pipeline` adds a run through the real pipeline on examples/.
 *
 *   node dist/bench/watch.js [FEEDS] [ITEMS_PER_FEED] [--ticks 24] [--pipeline]
 *
 * Reports items/s (feed → stored analysis → alert) and the heap after each tick, to show it stays flat.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openStore, type Store } from '../src/corpus/store.js';
import { makeContext } from '../src/watch/context.js';
import { syncFeeds } from '../src/watch/feed-state.js';
import { watchCycle } from '../src/watch/watcher.js';
import { watchDb } from '../src/watch/db.js';
import { addWatched } from '../src/watch/watchlist.js';
import { DEFAULT_HTTP } from '../src/watch/http.js';
import { analyzeArticle as pipelineAnalyze, prepareLanguage } from '../src/pipeline/analyze.js';
import { repoRoot } from '../src/util/paths.js';
import { actorCountFor, synthArticle, SYNTH_SEED } from './synthetic.js';
import type { RawArticle } from '../src/text/types.js';
import type { Analysis } from '../src/contract/schema.js';

export interface BenchRow { name: string; value: number; unit: string }

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Feeds as a function of (feed, tick): item j of feed f is synthetic article f·items + j, published at tick ⌊j·ticks/items⌋. */
class DayServer {
  tick = 0;
  requests = 0;
  private server!: Server;
  base = '';
  constructor(readonly feeds: number, readonly items: number, readonly ticks: number, readonly actors: number, readonly body: (i: number) => { text: string; guid: string }) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests++;
      const f = Number(/^\/f\/(\d+)\.rss$/.exec(req.url ?? '')?.[1] ?? -1);
      if (f < 0 || f >= this.feeds) return void res.writeHead(404).end();
      const visible = Math.min(this.items, Math.ceil(((this.tick + 1) * this.items) / this.ticks));
      const etag = `"${f}-${visible}"`;
      if (req.headers['if-none-match'] === etag) return void res.writeHead(304).end();
      // a feed shows its 20 newest items, as real feeds do
      const first = Math.max(0, visible - 20);
      let xml = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Feed ${f}</title>`;
      for (let j = visible - 1; j >= first; j--) {
        const { text, guid } = this.body(f * this.items + j);
        xml += `<item><title>Story ${f}-${j}</title><link>${this.base}/a/${f}/${j}</link><guid>${guid}</guid><pubDate>${new Date(Date.UTC(2026, 11, 7) + j * 60_000).toUTCString()}</pubDate><content:encoded>${esc(text.split('\n\n').map((p) => `<p>${esc(p)}</p>`).join(''))}</content:encoded></item>`;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag }).end(xml + '</channel></rss>');
    });
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

/**
 * The synthetic analysis named by the item's guid (the end of the origin). The feed's HTML round trip
 * tidies the text's spacing, so the analysis keeps its own text (the store holds that one).
 */
function synthAnalyze(raw: RawArticle): Analysis {
  const m = /synthetic-(\d+)-(\d+)\.jsonl:(\d+)$/.exec(raw.origin);
  if (!m) throw new Error(`not a synthetic item: ${raw.origin}`);
  return synthArticle(Number(m[1]), Number(m[2]), Number(m[3]) - 1);
}

const heapMiB = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return Math.round((process.memoryUsage().heapUsed / 1024 / 1024) * 10) / 10;
};

interface DayOptions { feeds: number; items: number; ticks: number; watched: number; pipeline?: boolean }

async function simulateDay(o: DayOptions): Promise<{ rows: BenchRow[]; heap: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'bc-watch-bench-'));
  const store: Store = await openStore(join(dir, 'watch.db'));
  const total = o.feeds * o.items;
  const actors = actorCountFor(total);
  const examples = o.pipeline ? ['de-koalition-gespraeche.txt', 'en-trade-envoy.txt'].map((f) => readFileSync(join(repoRoot, 'examples', f), 'utf8').replace(/^---[\s\S]*?---\n/, '')) : [];
  // the guid names the synthetic article, so the synthetic analyzer regenerates it from the item's origin
  const body = (i: number) => o.pipeline
    ? { text: `${examples[i % examples.length]}\n\n(Item ${i}.)`, guid: `item-${i}` }
    : { text: synthArticle(SYNTH_SEED, actors, i).document.text, guid: `synthetic-${SYNTH_SEED}-${actors}.jsonl:${i + 1}` };
  const srv = new DayServer(o.feeds, o.items, o.ticks, actors, body);
  await srv.start();
  if (o.pipeline) for (const l of ['de', 'en']) await prepareLanguage(l);
  const clock = { t: Date.UTC(2026, 11, 7) };
  const tickMs = 86_400_000 / o.ticks;
  const ctx = makeContext(store, o.pipeline ? pipelineAnalyze : synthAnalyze, { intervalMs: tickMs, http: { ...DEFAULT_HTTP, timeoutMs: 60_000 }, now: () => new Date(clock.t) });
  await syncFeeds(store, Array.from({ length: o.feeds }, (_, f) => ({ url: `${srv.base}/f/${f}.rss`, title: null })), new Date(clock.t));
  let lines = 0;
  const heap: number[] = [];
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  let watchedAdded = false;
  for (let tick = 0; tick < o.ticks; tick++) {
    srv.tick = tick;
    await watchCycle(ctx, { once: true, write: () => void lines++ });
    if (!watchedAdded) {
      // the most mentioned actors after the first tick become the watchlist
      const top = await store.db.selectFrom('actors').selectAll().orderBy('mention_count', 'desc').orderBy('id').limit(o.watched).execute();
      for (const a of top) await addWatched(store, a, new Date(clock.t));
      watchedAdded = true;
    }
    heap.push(heapMiB());
    clock.t += tickMs;
  }
  const secs = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const skipped = await watchDb(store).selectFrom('watch_items').select('message').where('status', '=', 'skipped').limit(1).executeTakeFirst();
  if (skipped) process.stderr.write(`bench: items skipped, e.g.: ${skipped.message}\n`);
  const stored = (await watchDb(store).selectFrom('watch_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n;
  const articles = (await store.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n;
  await store.close();
  await srv.close();
  rmSync(dir, { recursive: true, force: true });
  const label = `${o.feeds} feeds × ${o.items} items, ${o.ticks} polls${o.pipeline ? ', real pipeline' : ''}`;
  return {
    heap,
    rows: [
      { name: `watch day (${label}): items stored`, value: Number(stored), unit: 'items' },
      { name: `watch day (${label}): articles`, value: Number(articles), unit: 'articles' },
      { name: `watch day (${label}): HTTP requests`, value: srv.requests, unit: 'requests' },
      { name: `watch day (${label}): alerts (${o.watched} watched)`, value: lines, unit: 'alerts' },
      { name: `watch day (${label}): wall time`, value: Math.round(secs * 10) / 10, unit: 's' },
      { name: `watch day (${label}): items/s feed → stored analysis → alert`, value: Math.round((Number(stored) / secs) * 10) / 10, unit: 'items/s' },
      { name: `watch day (${label}): CPU time per stored item (this process, server included)`, value: Math.round((cpuMs / Number(stored)) * 10) / 10, unit: 'ms' },
      { name: `watch day (${label}): heap after tick 1 / middle / last`, value: 0, unit: `${heap[0]} / ${heap[heap.length >> 1]} / ${heap.at(-1)} MiB` },
    ],
  };
}

export async function benchWatch(opts: Partial<DayOptions> = {}): Promise<BenchRow[]> {
  const { rows } = await simulateDay({ feeds: opts.feeds ?? 200, items: opts.items ?? 20, ticks: opts.ticks ?? 24, watched: opts.watched ?? 20 });
  return rows;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const num = (flag: string, d: number) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : d);
  const pos = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--ticks')));
  const o: DayOptions = { feeds: Number(pos[0] ?? 200), items: Number(pos[1] ?? 20), ticks: num('--ticks', 24), watched: num('--watched', 20) };
  const runs = [o, ...(args.includes('--pipeline') ? [{ feeds: 4, items: 5, ticks: 5, watched: 5, pipeline: true }] : [])];
  for (const r of runs) {
    const { rows, heap } = await simulateDay(r);
    const w = Math.max(...rows.map((x) => x.name.length));
    for (const x of rows) process.stdout.write(`${x.name.padEnd(w)}  ${x.unit.includes('MiB') ? x.unit : `${String(x.value).padStart(10)} ${x.unit}`}\n`);
    process.stdout.write(`heap per tick (MiB, after GC${(globalThis as { gc?: unknown }).gc ? '' : ' — run with --expose-gc for exact figures'}): ${heap.join(' ')}\n\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e) => { process.stderr.write(`bench: ${(e as Error).stack}\n`); process.exit(1); });
}
