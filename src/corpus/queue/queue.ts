/**
 * The analysis queue of a PostgreSQL store, on pg-boss 10 (the last major that runs on Node 20; the
 * queue is a table in the store's database, schema `pgboss`, and workers are stateless).
 *
 * One job per article text: its id is derived from the content hash, so enqueueing the same text twice
 * adds one job, and a job that runs twice (a worker killed after its commit) finds the article stored.
 * A job a worker dies on stays active until its timeout, then is retried; failures are retried with
 * exponential backoff, and after the last retry the job is parked in state `failed` with its error.
 */
import PgBoss from 'pg-boss';
import { sql } from 'kysely';
import type { RawArticle } from '../../text/types.js';
import type { InputItem } from '../input.js';
import type { Store } from '../store.js';
import { num } from '../store.js';
import { contentHash } from '../normalize.js';
import { isStored } from '../ingest.js';

export const QUEUE = 'backchannel-analyze';
const SCHEMA = 'pgboss';

export interface QueueOptions {
  /** Retries after the first failure; the job is parked after 1 + retries failed attempts. */
  retries: number;
  /** Seconds before the first retry; doubled (with jitter) for each further one. */
  retryDelay: number;
  /** Seconds a job may run; a job whose worker died is retried after this. */
  jobTimeout: number;
}

/** Retries and timeouts: an article takes well under a second to analyse; a minute of backoff rides out a database restart. */
export const DEFAULT_QUEUE_OPTIONS: QueueOptions = { retries: 3, retryDelay: 5, jobTimeout: 300 };

export interface JobData {
  article: RawArticle;
  /** The content hash of the text (the article id once stored). */
  hash: string;
}

/** A UUID made of the content hash: the job's id, so one text is one job. */
export const jobIdOf = (hash: string): string => `${hash.slice(0, 8)}-${hash.slice(8, 12)}-${hash.slice(12, 16)}-${hash.slice(16, 20)}-${hash.slice(20, 32)}`;

/** Starts pg-boss on the store's database (creating its schema the first time). */
export async function startBoss(url: string, opts: { connections?: number; maintenanceSeconds?: number; supervise?: boolean } = {}): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: SCHEMA,
    max: opts.connections ?? 2,
    supervise: opts.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: opts.maintenanceSeconds ?? 60,
  });
  boss.on('error', (err) => process.stderr.write(`backchannel: queue: ${err.message}\n`));
  await boss.start();
  if (!(await boss.getQueue(QUEUE))) await boss.createQueue(QUEUE, { name: QUEUE, policy: 'standard' });
  return boss;
}

export interface EnqueueSummary {
  queued: number;
  /** Texts already stored or already queued: nothing to do. */
  skipped: number;
  errors: { origin: string; message: string }[];
}

/** Rows per insert: pg-boss inserts a batch in one statement. */
const ENQUEUE_BATCH = 500;

/** Adds every readable article to the queue (stored texts are skipped); unreadable inputs are reported. */
export async function enqueueArticles(boss: PgBoss, store: Store, items: Iterable<InputItem> | AsyncIterable<InputItem>, opts: QueueOptions = DEFAULT_QUEUE_OPTIONS): Promise<EnqueueSummary> {
  const sum: EnqueueSummary = { queued: 0, skipped: 0, errors: [] };
  let batch: PgBoss.JobInsert<JobData>[] = [];
  const flush = async () => {
    if (!batch.length) return;
    const ids = batch.map((j) => j.id!);
    const before = await existingJobs(store, ids);
    await boss.insert(batch);
    sum.queued += batch.length - before;
    sum.skipped += before;
    batch = [];
  };
  for await (const item of items as AsyncIterable<InputItem>) {
    if (!item.ok) {
      sum.errors.push({ origin: item.problem.origin, message: item.problem.message });
      continue;
    }
    const hash = contentHash(item.article.text);
    if (await isStored(store, hash)) {
      sum.skipped++;
      continue;
    }
    batch.push({
      id: jobIdOf(hash),
      name: QUEUE,
      data: { article: item.article, hash },
      retryLimit: opts.retries,
      retryDelay: opts.retryDelay,
      retryBackoff: true,
      expireInSeconds: opts.jobTimeout,
    });
    if (batch.length >= ENQUEUE_BATCH) await flush();
  }
  await flush();
  return sum;
}

async function existingJobs(store: Store, ids: string[]): Promise<number> {
  const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(SCHEMA + '.job')} where name = ${QUEUE} and id = any(${ids}::uuid[])`.execute(store.db);
  return num(r.rows[0]?.n);
}

export interface JobCounts {
  created: number;
  retry: number;
  active: number;
  completed: number;
  cancelled: number;
  failed: number;
}

export interface ParkedJob {
  id: string;
  origin: string;
  state: string;
  attempts: number;
  error: string;
  at: string | null;
}

/** Has pg-boss created its schema in this database (anything ever enqueued)? */
export async function hasQueue(store: Store): Promise<boolean> {
  if (store.dialect !== 'postgres') return false;
  const r = await sql<{ n: string }>`select count(*) as n from information_schema.tables where table_schema = ${SCHEMA} and table_name = 'job'`.execute(store.db);
  return num(r.rows[0]?.n) > 0;
}

/** Jobs per state (archived ones left out: pg-boss moves completed jobs to its archive after a while). */
export async function jobCounts(store: Store): Promise<JobCounts> {
  const counts: JobCounts = { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
  const r = await sql<{ state: keyof JobCounts; n: string }>`select state, count(*) as n from ${sql.table(SCHEMA + '.job')} where name = ${QUEUE} group by state`.execute(store.db);
  for (const row of r.rows) counts[row.state] = num(row.n);
  return counts;
}

/** Jobs in one state (failed: the parked ones), oldest first, with their last error. */
export async function listJobs(store: Store, state: string, limit: number, offset: number): Promise<ParkedJob[]> {
  const r = await sql<{ id: string; origin: string; state: string; retry_count: number; error: string | null; at: Date | null }>`
    select id, data->'article'->>'origin' as origin, state, retry_count,
      coalesce(output->>'message', output->'value'->>'message', output::text) as error,
      coalesce(completed_on, started_on, created_on) as at
    from ${sql.table(SCHEMA + '.job')} where name = ${QUEUE} and state = ${state}
    order by created_on, id limit ${limit} offset ${offset}`.execute(store.db);
  return r.rows.map((x) => ({ id: x.id, origin: x.origin, state: x.state, attempts: num(x.retry_count) + (x.state === 'failed' ? 1 : 0), error: x.error ?? '', at: x.at ? new Date(x.at).toISOString() : null }));
}

/** Puts parked jobs back in the queue (after the cause was fixed); returns how many. */
export async function retryParked(boss: PgBoss, store: Store): Promise<number> {
  const r = await sql<{ id: string }>`select id from ${sql.table(SCHEMA + '.job')} where name = ${QUEUE} and state = 'failed'`.execute(store.db);
  const ids = r.rows.map((x) => x.id);
  for (let i = 0; i < ids.length; i += 1000) await boss.retry(QUEUE, ids.slice(i, i + 1000));
  return ids.length;
}
