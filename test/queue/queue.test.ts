/**
 * Distributed analysis on PostgreSQL, as users run it: `ingest --enqueue`, several `worker` processes
 * (one killed mid-job with SIGKILL and another started), `jobs`. Every article is stored exactly once and
 * the store holds the same network as one serial ingest; a failing article is retried, then parked with
 * its error. Runs only in the vitest project "postgres" (the queue is a PostgreSQL table).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore, type Store } from '../../src/corpus/store.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { loadNetwork } from '../../src/corpus/network.js';
import { repoRoot } from '../../src/util/paths.js';
import { synthCorpus, writeSynthCorpus } from '../../bench/synthetic.js';
import { freshPostgresDb } from '../store/target.js';

const cli = join(repoRoot, 'dist', 'src', 'cli', 'main.js');
const analyzer = join(repoRoot, 'dist', 'bench', 'synthetic.js');
const N = 160;
const SEED = 11;
const ACTORS = 90;

const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 120_000 });

type Worker = ChildProcess & { exited: Promise<number | null>; stored: () => number };

/** A worker process; stored() counts the articles it reported storing so far. */
function startWorker(db: string, ...extra: string[]): Worker {
  const child = spawn(process.execPath, [cli, 'worker', '--db', db, '--analyzer', analyzer, '--poll', '0.5', ...extra], {
    stdio: ['ignore', 'ignore', 'pipe'],
    // each analysis takes 60 ms, so a worker is almost always inside a job when it is killed
    env: { ...process.env, BACKCHANNEL_SYNTH_DELAY_MS: '60' },
  });
  let stored = 0;
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (stored += s.split('\n').filter((l) => l.startsWith('added\t')).length));
  return Object.assign(child, { exited: new Promise<number | null>((r) => child.on('exit', (code) => r(code))), stored: () => stored });
}

async function waitFor(cond: () => Promise<boolean>, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const count = async (store: Store, table: 'articles' | 'actors') => Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n);

describe('distributed analysis on PostgreSQL', () => {
  let dir: string;
  let db: string;
  let store: Store;
  const children: ChildProcess[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-queue-'));
    db = await freshPostgresDb();
    store = await openStore(db);
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a worker killed mid-job loses and duplicates nothing; the store equals a serial ingest', async () => {
    const file = writeSynthCorpus(dir, N, SEED, ACTORS);
    const q = run('ingest', '--enqueue', file, '--db', db, '--job-timeout', '2');
    expect(q.stderr).toMatch(new RegExp(`queued ${N} articles, 0 already stored or queued`));
    // enqueueing again adds nothing
    expect(run('ingest', '--enqueue', file, '--db', db).stderr).toMatch(new RegExp(`queued 0 articles, ${N} already stored or queued`));

    const doomed = startWorker(db, '--workers', '2');
    const steady = startWorker(db, '--workers', '1', '--until-empty');
    children.push(doomed, steady);
    // killed once it is well into its work (its startup may be slow on a busy machine)
    await waitFor(async () => doomed.stored() >= 10, 90_000);
    doomed.kill('SIGKILL');
    await doomed.exited;
    const late = startWorker(db, '--workers', '2', '--until-empty');
    children.push(late);
    expect(await late.exited).toBe(0);
    expect(await steady.exited).toBe(0);

    const jobs = JSON.parse(run('jobs', '--db', db, '--state', 'completed', '--limit', '1000', '--json').stdout);
    expect(jobs.counts).toMatchObject({ created: 0, retry: 0, active: 0, failed: 0, completed: N });
    // the killed worker's job ran out its timeout and was taken again
    const retried = await sql<{ n: string }>`select count(*) as n from pgboss.job where retry_count > 0`.execute(store.db);
    expect(Number(retried.rows[0].n)).toBeGreaterThanOrEqual(1);

    const serial = await openStore(await freshPostgresDb());
    await ingestAll(serial, synthCorpus(N, SEED, ACTORS).map((article) => ({ ok: true as const, article: { ...article, origin: join(dir, article.origin) } })), { analyzer });
    expect(await count(store, 'articles')).toBe(N);
    expect(await count(store, 'actors')).toBe(await count(serial, 'actors'));
    const [got, want] = [await loadNetwork(store.db, { comentions: true }), await loadNetwork(serial.db, { comentions: true })];
    expect(got.nodes).toEqual(want.nodes);
    expect(got.edges).toEqual(want.edges);
    expect(got.comentions).toEqual(want.comentions);
    await serial.close();
  }, 240_000);

  it('a failing article is retried with backoff, then parked with its error; jobs --retry queues it again', async () => {
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'An article the synthetic analyzer does not know.\n');
    expect(run('ingest', '--enqueue', bad, '--db', db, '--retries', '1', '--retry-delay', '1').status).toBe(0);
    const w = startWorker(db, '--workers', '1', '--until-empty');
    children.push(w);
    expect(await w.exited).toBe(0);
    const out = run('jobs', '--db', db);
    expect(out.stdout).toMatch(/parked 1\b/);
    expect(out.stdout).toMatch(/bad\.txt {2}2 attempts {2}analysis failed: not a synthetic article/);
    const again = run('jobs', '--db', db, '--retry', '--json');
    expect(again.stderr).toMatch(/1 parked jobs back in the queue/);
    expect(JSON.parse(again.stdout).counts).toMatchObject({ failed: 0, retry: 1 });
  }, 120_000);

  it('the queue needs PostgreSQL: a SQLite store is a clear error', () => {
    const r = run('worker', '--db', join(dir, 'local.db'));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/worker needs a PostgreSQL store/);
  });
});
