/**
 * `backchannel worker`: takes analysis jobs from the queue of a PostgreSQL store, analyses each article
 * (in this thread, or in a pool of threads with --workers N) and stores it in one transaction. Any number
 * of workers on any number of machines: writers take turns on the store's write lock, the analysis runs
 * in parallel. A job whose text is stored already completes at once (a retry after a crash).
 */
import type PgBoss from 'pg-boss';
import type { Store } from '../store.js';
import { commitArticle, isStored, type IngestOutcome } from '../ingest.js';
import { AnalysisPool } from '../parallel/pool.js';
import { loadAnalyzer, type AnalyzeFn } from '../parallel/analyzer.js';
import { jobCounts, QUEUE, type JobData } from './queue.js';
import { consolidate } from '../consolidate.js';

export interface WorkerOptions {
  /** Jobs at once in this process (analysis threads when > 1). */
  workers: number;
  analyzer: string | null;
  /** Seconds between polls of an empty queue. */
  pollSeconds: number;
  /** Stop once nothing is queued, retrying or running (for batch runs and tests). */
  untilEmpty: boolean;
  onOutcome?: (o: IngestOutcome) => void;
  onError?: (origin: string, message: string) => void;
}

/** Stored articles after which a busy worker runs the consolidation pass anyway. */
const CONSOLIDATE_EVERY = 200;

/** How long a stopping worker waits for the jobs in hand. */
const STOP_TIMEOUT_MS = 60_000;

/** Runs until stopped (the returned stop()) or, with untilEmpty, until the queue is drained. */
export async function runWorker(boss: PgBoss, store: Store, opts: WorkerOptions): Promise<{ done: Promise<void>; stop: () => Promise<void> }> {
  const pool = opts.workers > 1 ? await AnalysisPool.start(opts.workers, opts.analyzer) : null;
  const analyze: AnalyzeFn | null = pool ? null : await loadAnalyzer(opts.analyzer);

  const handle = async (job: PgBoss.Job<JobData>): Promise<{ outcome: string; articleId: string }> => {
    const { article, hash } = job.data;
    try {
      if (await isStored(store, hash)) {
        opts.onOutcome?.({ kind: 'unchanged', origin: article.origin, articleId: hash });
        return { outcome: 'unchanged', articleId: hash };
      }
      let analysis;
      if (pool) {
        const r = await pool.analyze(article);
        if (!r.ok) throw new Error(`analysis failed: ${r.message}`);
        analysis = r.analysis;
      } else {
        try {
          analysis = analyze!(article);
        } catch (err) {
          throw new Error(`analysis failed: ${(err as Error).message}`);
        }
      }
      const out = await commitArticle(store, article.origin, hash, analysis);
      if (out.kind === 'added' || out.kind === 'copy') sinceConsolidation++;
      opts.onOutcome?.(out);
      return { outcome: out.kind, articleId: hash };
    } catch (err) {
      opts.onError?.(article.origin, (err as Error).message);
      throw err;
    }
  };

  // The consolidation pass after each batch: when a lane finds the queue empty, when the worker stops,
  // and every CONSOLIDATE_EVERY stored articles while the queue stays busy. One pass at a time per worker.
  let sinceConsolidation = 0;
  let consolidating: Promise<void> | null = null;
  const consolidateNow = async () => {
    if (consolidating) return consolidating;
    if (!sinceConsolidation) return;
    sinceConsolidation = 0;
    consolidating = consolidate(store).then(
      () => {},
      (err) => opts.onError?.('(consolidation)', (err as Error).message),
    );
    await consolidating;
    consolidating = null;
  };

  // Lanes fetch and settle jobs themselves: pg-boss's work() waits a whole polling interval between
  // jobs even when more are queued (2 jobs/s per lane at 0.5 s), so it would throttle the analysis.
  let stopped = false;
  let finish!: () => void;
  const done = new Promise<void>((r) => (finish = r));
  const pause = () => new Promise((r) => setTimeout(r, opts.pollSeconds * 1000));
  const lane = async () => {
    while (!stopped) {
      let job: PgBoss.Job<JobData> | undefined;
      try {
        [job] = (await boss.fetch<JobData>(QUEUE, { batchSize: 1 })) ?? [];
      } catch (err) {
        opts.onError?.('(queue)', (err as Error).message);
      }
      if (!job) {
        await consolidateNow();
        await pause();
        continue;
      }
      try {
        await boss.complete(QUEUE, job.id, await handle(job));
        if (sinceConsolidation >= CONSOLIDATE_EVERY) await consolidateNow();
      } catch (err) {
        // pg-boss keeps the message, retries with backoff, parks the job after the last retry
        await boss.fail(QUEUE, job.id, { message: (err as Error).message }).catch(() => {});
      }
    }
  };
  const lanes = Array.from({ length: opts.workers }, lane);

  // jobs in hand are finished first; one cut short anyway is retried by another worker after its timeout
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.allSettled(lanes);
    await consolidateNow();
    await boss.stop({ graceful: true, wait: true, timeout: STOP_TIMEOUT_MS });
    await pool?.close();
    finish();
  };
  if (opts.untilEmpty) {
    const check = async () => {
      if (stopped) return;
      const c = await jobCounts(store);
      if (c.created + c.retry + c.active === 0) await stop();
      else setTimeout(() => void check().catch(() => setTimeout(check, 1000)), 1000);
    };
    setTimeout(() => void check(), 1000);
  }
  return { done, stop };
}
