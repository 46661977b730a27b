/**
 * Scale-out bench (issue 16).
 *   node dist/bench/scale.js ingest [--pg ADMIN_URL]   the real pipeline over ../shared/corpus and examples/:
 *                                                     articles/s wall with --workers 1 and 2, SQLite and PostgreSQL
 *   node dist/bench/scale.js queue ADMIN_URL [N]       N synthetic articles (10,000) through the queue: 4 worker
 *                                                     processes, one killed (SIGKILL) a quarter through and restarted
 * ADMIN_URL names a PostgreSQL server where the bench may create databases (`.ci/postgres` starts one).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { isDeepStrictEqual } from 'node:util';
import { collectArticles } from '../src/corpus/input.js';
import { ingestAll } from '../src/corpus/ingest.js';
import { openStore, type Store } from '../src/corpus/store.js';
import { aggregateRelationEdges, relationEdges } from '../src/corpus/network.js';
import { repoRoot, sharedDir } from '../src/util/paths.js';
import { analyzeArticle as synthAnalyze, synthCorpus, writeSynthCorpus, actorCountFor, SYNTH_SEED } from './synthetic.js';

const cli = join(repoRoot, 'dist', 'src', 'cli', 'main.js');

async function freshDb(admin: string, name: string): Promise<string> {
  const c = new pg.Client({ connectionString: admin });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
  const u = new URL(admin);
  u.pathname = '/' + name;
  return u.toString();
}

const count = async (store: Store, t: 'articles' | 'actors' | 'relations') => Number((await store.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);

async function benchIngest(admin: string | null): Promise<void> {
  const items = await collectArticles([join(sharedDir, 'corpus'), join(repoRoot, 'examples')].filter(existsSync));
  const n = items.filter((i) => i.ok).length;
  const dir = mkdtempSync(join(tmpdir(), 'bc-bench-scale-'));
  for (const backend of admin ? ['sqlite', 'postgres'] : ['sqlite']) {
    for (const workers of [1, 2]) {
      const target = backend === 'sqlite' ? join(dir, `w${workers}.db`) : await freshDb(admin!, `bc_bench_w${workers}`);
      const store = await openStore(target);
      const t0 = performance.now();
      const sum = await ingestAll(store, items, { workers });
      const s = (performance.now() - t0) / 1000;
      process.stdout.write(`ingest, real pipeline, ${backend}, --workers ${workers}: ${n} articles (${sum.added} new) in ${s.toFixed(1)} s = ${(n / s).toFixed(1)} articles/s\n`);
      await store.close();
    }
  }
  rmSync(dir, { recursive: true, force: true });
}

function worker(db: string): ChildProcess & { exited: Promise<number | null> } {
  const child = spawn(process.execPath, [cli, 'worker', '--db', db, '--analyzer', join(repoRoot, 'dist', 'bench', 'synthetic.js'), '--workers', '1', '--until-empty', '--quiet', '--poll', '0.5'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return Object.assign(child, { exited: new Promise<number | null>((r) => child.on('exit', (c) => r(c))) });
}

async function benchQueue(admin: string, n: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bc-bench-queue-'));
  const file = writeSynthCorpus(dir, n);
  const db = await freshDb(admin, 'bc_bench_queue');
  const store = await openStore(db);
  const t0 = performance.now();
  const q = spawnSync(process.execPath, [cli, 'ingest', '--enqueue', file, '--db', db, '--job-timeout', '10'], { encoding: 'utf8' });
  process.stdout.write(`enqueue: ${q.stderr.trim()} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  const t1 = performance.now();
  const workers = [worker(db), worker(db), worker(db), worker(db)];
  while ((await count(store, 'articles')) < n / 4) await new Promise((r) => setTimeout(r, 500));
  workers[0].kill('SIGKILL');
  await workers[0].exited;
  process.stdout.write(`killed one worker at ${await count(store, 'articles')} articles; a new one starts\n`);
  workers.push(worker(db));
  await Promise.all(workers.slice(1).map((w) => w.exited));
  const s = (performance.now() - t1) / 1000;
  // what a correct store holds: every article once, every relation once, one actor per synthetic entity
  const raws = synthCorpus(n, SYNTH_SEED, actorCountFor(n));
  const analyses = raws.map(synthAnalyze);
  const wantRelations = analyses.reduce((x, a) => x + a.relations.length, 0);
  const wantActors = new Set(analyses.flatMap((a) => a.entities.map((e) => e.id))).size;
  const ids = (await store.db.selectFrom('articles').select('id').execute()).map((r) => r.id);
  const edgesOk = isDeepStrictEqual(await relationEdges(store.db), await aggregateRelationEdges(store.db));
  const jobs = spawnSync(process.execPath, [cli, 'jobs', '--db', db], { encoding: 'utf8' }).stdout.split('\n')[0];
  process.stdout.write(
    `queue, 4 workers (one killed and replaced), ${n} synthetic articles: ${s.toFixed(1)} s = ${(n / s).toFixed(1)} articles/s\n` +
      `  articles ${ids.length} (distinct ${new Set(ids).size}, want ${n}); relations ${await count(store, 'relations')} (want ${wantRelations}); ` +
      `actors ${await count(store, 'actors')} (want ${wantActors}); stored edges = recomputed: ${edgesOk}; jobs: ${jobs}\n`,
  );
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

const [mode, ...args] = process.argv.slice(2);
if (mode === 'ingest') await benchIngest(args[0] === '--pg' ? args[1] : null);
else if (mode === 'queue' && args[0]) await benchQueue(args[0], Number(args[1] ?? 10_000));
else process.stdout.write('node dist/bench/scale.js ingest [--pg ADMIN_URL] | queue ADMIN_URL [N]\n');
