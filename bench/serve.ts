/**
 * Server bench (a script, not a test): `node dist/bench/serve.js [ARTICLES] [--seconds S]`.
 * Builds the synthetic corpus of bench/corpus.ts (10,000 articles by default), starts `backchannel serve`
 * on 127.0.0.1 as its own process, and measures with autocannon (20 concurrent clients) the API latency
 * p50/p95 of the actor page, the network (whole, capped at 2,000 nodes; and an ego network) and channels;
 * then the network view's time to first render in headless Chromium (needs `npm run build` and chromium).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { chromium } from 'playwright-core';
import type { RawArticle } from '../src/text/types.js';
import { openSqliteStore } from '../src/corpus/store.js';
import { ingestAll } from '../src/corpus/ingest.js';
import { loadNetwork } from '../src/corpus/network.js';
import { repoRoot } from '../src/util/paths.js';
import { rng, synthActors, synthAnalysis } from './corpus.js';

const CONNECTIONS = 20;
const CHROMIUM = process.env.BACKCHANNEL_CHROMIUM ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

async function buildCorpus(file: string, n: number): Promise<{ actors: string[]; pairs: [string, string][] }> {
  const rand = rng(20250101);
  const actors = synthActors(Math.max(200, Math.round(n * 0.4)), rand);
  const analyses = Array.from({ length: n }, (_, i) => synthAnalysis(i, actors, rand));
  const byOrigin = new Map(analyses.map((a, i) => [`synthetic-${i}`, a]));
  const items = analyses.map((a, i) => ({ ok: true as const, article: { text: a.document.text, origin: `synthetic-${i}` } satisfies RawArticle }));
  const store = await openSqliteStore(file);
  try {
    const t0 = performance.now();
    const sum = await ingestAll(store, items, { analyze: (raw) => byOrigin.get(raw.origin)! });
    process.stderr.write(`corpus: ${sum.added} articles in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
    const net = await loadNetwork(store.db, { comentions: false });
    process.stderr.write(`network: ${net.nodes.length} actors, ${net.edges.length} directed edges\n`);
    const connected = net.nodes.filter((x) => x.degree > 0);
    const pick = () => connected[Math.floor(rand() * connected.length)].id;
    return { actors: Array.from({ length: 200 }, pick), pairs: Array.from({ length: 200 }, () => [pick(), pick()]) };
  } finally {
    await store.close();
  }
}

async function samplePairs(file: string): Promise<{ actors: string[]; pairs: [string, string][] }> {
  const rand = rng(20250102);
  const store = await openSqliteStore(file);
  try {
    const connected = (await loadNetwork(store.db, { comentions: false })).nodes.filter((x) => x.degree > 0);
    const pick = () => connected[Math.floor(rand() * connected.length)].id;
    return { actors: Array.from({ length: 200 }, pick), pairs: Array.from({ length: 200 }, () => [pick(), pick()]) };
  } finally {
    await store.close();
  }
}

async function startServer(db: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'src', 'cli', 'main.js'), 'serve', '--db', db, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /at (http:\/\/[^/\s]+)\//.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (c) => reject(new Error(`serve exited ${c}: ${out}`)));
  });
  return { url, child };
}

/** 20 clients for `seconds`, cycling through the given paths; latencies of every answered request. */
async function load(url: string, paths: string[], seconds: number): Promise<{ p50: number; p95: number; rps: number; n: number; errors: number }> {
  const times: number[] = [];
  let i = 0;
  let errors = 0;
  let done!: (r: autocannon.Result) => void;
  let fail!: (e: Error) => void;
  const finished = new Promise<autocannon.Result>((res, rej) => ((done = res), (fail = rej)));
  const inst = autocannon(
    {
      url,
      connections: CONNECTIONS,
      duration: seconds,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length] }) }],
    },
    (err, result) => (err ? fail(err) : done(result)),
  );
  inst.on('response', (_c, status, _bytes, ms) => {
    if (status !== 200) errors++;
    times.push(ms);
  });
  const res = await finished;
  return { p50: Math.round(pct(times, 0.5)), p95: Math.round(pct(times, 0.95)), rps: Math.round(res.requests.average), n: times.length, errors: errors + res.errors + res.non2xx };
}

async function firstRender(url: string, runs: number): Promise<{ first: number[]; layout: number[]; nodes: number }> {
  const profile = mkdtempSync(join(tmpdir(), 'bc-bench-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 900 } });
  const first: number[] = [];
  const layout: number[] = [];
  let nodes = 0;
  try {
    for (let r = 0; r < runs; r++) {
      const page = await ctx.newPage();
      await page.goto(url + '/#/network', { waitUntil: 'domcontentloaded', timeout: 120_000 });
      const el = page.getByTestId('network-graph');
      await page.waitForFunction(() => document.querySelector('[data-testid="network-graph"]')?.getAttribute('data-first-frame-at') != null, null, { timeout: 120_000 });
      first.push(Number(await el.getAttribute('data-first-frame-at')));
      await page.waitForFunction(() => document.querySelector('[data-testid="network-graph"]')?.getAttribute('data-layout-done-at') != null, null, { timeout: 300_000 });
      layout.push(Number(await el.getAttribute('data-layout-done-at')));
      nodes = Number((await page.locator('.counts').innerText()).match(/(\d+) actors/)?.[1] ?? 0);
      await page.close();
    }
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
  }
  return { first, layout, nodes };
}

async function main() {
  const n = Number(process.argv.find((a, i) => i >= 2 && /^\d+$/.test(a)) ?? 10_000);
  const si = process.argv.indexOf('--seconds');
  const seconds = si > 0 ? Number(process.argv[si + 1]) : 10;
  // --db FILE keeps the corpus there (built when missing) so repeated runs skip the ingest
  const di = process.argv.indexOf('--db');
  const dir = mkdtempSync(join(tmpdir(), 'bc-bench-serve-'));
  const db = di > 0 ? process.argv[di + 1] : join(dir, 'bench.db');
  let child: ChildProcess | null = null;
  try {
    const { actors, pairs } = existsSync(db) ? await samplePairs(db) : await buildCorpus(db, n);
    const server = await startServer(db);
    child = server.child;
    const url = server.url;
    const t0 = performance.now();
    await fetch(url + '/api/network'); // loads the corpus cache once, as the first visitor would
    process.stderr.write(`first /api/network (cache load): ${Math.round(performance.now() - t0)} ms\n`);
    await fetch(url + '/api/channels?from=' + encodeURIComponent(pairs[0][0]) + '&to=' + encodeURIComponent(pairs[0][1]));
    const cases: [string, string[]][] = [
      ['GET /api/actors/:id (actor page)', actors.map((a) => '/api/actors/' + encodeURIComponent(a))],
      ['GET /api/network (whole, capped at 2,000 nodes)', ['/api/network']],
      ['GET /api/network?ego=…&depth=2', actors.map((a) => '/api/network?depth=2&ego=' + encodeURIComponent(a))],
      ['GET /api/channels (maxHops 3, 5 paths)', pairs.map(([a, b]) => `/api/channels?maxHops=3&from=${encodeURIComponent(a)}&to=${encodeURIComponent(b)}`)],
      ['GET /api/actors?q= (autocomplete)', ['ka', 'lo', 'mi', 'ren', 'tas', 'vel', 'dor', 'shi'].map((q) => '/api/actors?q=' + q)],
    ];
    const rows: string[] = [];
    for (const [name, paths] of cases) {
      const r = await load(url, paths, seconds);
      rows.push(`${name.padEnd(50)} p50 ${String(r.p50).padStart(6)} ms   p95 ${String(r.p95).padStart(6)} ms   ${String(r.rps).padStart(5)} req/s   (${r.n} requests, ${r.errors} errors)`);
      process.stderr.write(rows.at(-1) + '\n');
      await fetch(url + '/api/stats'); // the backlog of the last case is answered before the next starts
    }
    let render = '';
    if (existsSync(CHROMIUM) && existsSync(join(repoRoot, 'dist', 'web', 'index.html'))) {
      const fr = await firstRender(url, 3);
      const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      render = `network view in Chromium (${fr.nodes} nodes): first render ${med(fr.first)} ms after navigation (runs: ${fr.first.join(', ')}), ForceAtlas2 layout settled at ${med(fr.layout)} ms`;
    } else render = 'network view in Chromium: skipped (no chromium or web app not built)';
    process.stdout.write(`\nserver bench: ${n} synthetic articles, ${CONNECTIONS} concurrent clients, ${seconds} s per endpoint\n${rows.join('\n')}\n${render}\n`);
  } finally {
    child?.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  process.stderr.write(String(e?.stack ?? e) + '\n');
  process.exit(1);
});
