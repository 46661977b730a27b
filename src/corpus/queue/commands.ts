/** CLI: `ingest --enqueue`, `worker` and `jobs` — distributed analysis over the queue of a PostgreSQL store. */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { defaultDb, isPostgresUrl, openStore, redactUrl, withStore, type Store } from '../store.js';
import { collectArticles } from '../input.js';
import { DEFAULT_QUEUE_OPTIONS, enqueueArticles, hasQueue, jobCounts, listJobs, retryParked, startBoss, type QueueOptions } from './queue.js';
import { runWorker } from './worker.js';

const DB_HELP = 'a PostgreSQL store: postgres://user@host/db ($BACKCHANNEL_DB when set)';

/** The queue lives in PostgreSQL: a SQLite file is a clear error, not a silent local ingest. */
function needPostgres(db: string, command: string): void {
  if (!isPostgresUrl(db)) throw new Error(`${command} needs a PostgreSQL store (--db postgres://…), not ${db}; on one machine use \`backchannel ingest PATH --workers N\``);
}

const count = (name: string, min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number ≥ ${min}, not ${v}`);
  return n;
};


/** `ingest --enqueue`: the articles go to the queue; workers analyse and store them. */
export async function enqueueCommand(paths: string[], db: string, q: QueueOptions): Promise<void> {
  needPostgres(db, 'ingest --enqueue');
  await withStore(db, async (store) => {
    const boss = await startBoss(db);
    try {
      const items = await collectArticles(paths, (sk) => process.stderr.write(`skipped ${sk.origin}: ${sk.reason}\n`));
      const sum = await enqueueArticles(boss, store, items, q);
      process.stderr.write(`queued ${sum.queued} articles, ${sum.skipped} already stored or queued, ${sum.errors.length} unreadable\n`);
      for (const e of sum.errors) process.stderr.write(`  ${e.origin}: ${e.message}\n`);
      if (sum.errors.length) process.exitCode = 1;
    } finally {
      await boss.stop({ graceful: false, wait: true });
    }
  });
}

export const queueOptionsHelp = {
  retries: ['--retries <n>', `with --enqueue: retries of a failing article before its job is parked`],
  retryDelay: ['--retry-delay <s>', `with --enqueue: seconds before the first retry, doubling after`],
  jobTimeout: ['--job-timeout <s>', `with --enqueue: seconds a job may run; the job of a worker that died is retried after this`],
} as const;
export { count as wholeNumber };

export function registerQueueCommands(program: Command): void {
  program
    .command('worker')
    .description('take analysis jobs from the queue of a PostgreSQL store, analyse and store them (run any number, on any machines)')
    .option('--db <url>', DB_HELP, defaultDb())
    .option('--workers <n>', 'jobs at once in this process, each analysed in its own thread; the number of cores by default', count('--workers', 1), availableParallelism())
    .option('--analyzer <module>', 'a module exporting analyzeArticle(raw) to use instead of the pipeline')
    .option('--poll <seconds>', 'how often an idle worker looks for new jobs', Number, 2)
    .option('--until-empty', 'exit once nothing is queued, retrying or running')
    .option('--quiet', 'no line per article')
    .addHelpText('after', `
Examples:
  backchannel ingest --enqueue feeds/ --db postgres://bc@db-host/news
  backchannel worker --db postgres://bc@db-host/news            # on each machine
  backchannel jobs --db postgres://bc@db-host/news              # progress; parked jobs and their errors

Ctrl-C (or SIGTERM) finishes the jobs in hand, then exits. A worker that is killed loses nothing: its job
is retried by another worker once its timeout (ingest --job-timeout) has passed, and an article stored
before the kill is not stored twice.`)
    .action(async (o: { db: string; workers: number; analyzer?: string; poll: number; untilEmpty?: boolean; quiet?: boolean }) => {
      needPostgres(o.db, 'worker');
      if (!(o.poll >= 0.5)) throw new Error(`--poll must be at least 0.5 seconds, not ${o.poll}`);
      const store = await openStore(o.db);
      // the worker also supervises: it retries jobs whose worker died once their timeout has passed
      const boss = await startBoss(o.db, { connections: 2 + o.workers, supervise: true, maintenanceSeconds: 5 });
      const w = await runWorker(boss, store, {
        workers: o.workers,
        analyzer: o.analyzer ?? null,
        pollSeconds: o.poll,
        untilEmpty: !!o.untilEmpty,
        onOutcome: (out) => {
          if (!o.quiet) process.stderr.write(`${out.kind}\t${out.origin}\n`);
        },
        onError: (origin, message) => process.stderr.write(`failed\t${origin}\t${message}\n`),
      });
      process.stderr.write(`backchannel worker on ${redactUrl(o.db)}: ${o.workers} at a time${o.untilEmpty ? ', until the queue is empty' : ''}\n`);
      const onSignal = () => void w.stop();
      process.once('SIGINT', onSignal);
      process.once('SIGTERM', onSignal);
      await w.done;
      await store.close();
    });

  program
    .command('jobs')
    .description('the analysis queue of a PostgreSQL store: jobs per state, and the parked (failed) ones with their errors')
    .option('--db <url>', DB_HELP, defaultDb())
    .option('--state <state>', 'list the jobs in this state: failed (parked), created, retry, active, completed', 'failed')
    .option('--limit <n>', 'at most this many', count('--limit', 1), 50)
    .option('--offset <n>', 'skip this many', count('--offset', 0), 0)
    .option('--retry', 'put every parked job back in the queue')
    .option('--json', 'print JSON')
    .action(async (o: { db: string; state: string; limit: number; offset: number; retry?: boolean; json?: boolean }) => {
      needPostgres(o.db, 'jobs');
      if (!['failed', 'created', 'retry', 'active', 'completed', 'cancelled'].includes(o.state)) throw new Error(`--state must be failed, created, retry, active, completed or cancelled, not ${o.state}`);
      if (o.limit > 10_000) throw new Error(`--limit is at most 10000 (page with --offset), not ${o.limit}`);
      await withStore(o.db, async (store) => {
        if (!(await hasQueue(store))) {
          process.stdout.write(o.json ? JSON.stringify({ counts: null, jobs: [] }) + '\n' : 'no queue in this store yet: `backchannel ingest --enqueue PATH` makes one\n');
          return;
        }
        if (o.retry) {
          const boss = await startBoss(o.db);
          const n = await retryParked(boss, store);
          await boss.stop({ graceful: false, wait: true });
          process.stderr.write(`${n} parked jobs back in the queue\n`);
        }
        const counts = await jobCounts(store);
        const jobs = await listJobs(store, o.state, o.limit, o.offset);
        if (o.json) {
          process.stdout.write(JSON.stringify({ counts, jobs }, null, 2) + '\n');
          return;
        }
        const c = counts;
        process.stdout.write(`queued ${c.created}, retrying ${c.retry}, running ${c.active}, done ${c.completed}, parked ${c.failed}\n`);
        if (jobs.length) process.stdout.write(`\n${o.state === 'failed' ? 'parked' : o.state} jobs (${o.offset + 1}–${o.offset + jobs.length}):\n`);
        for (const j of jobs) process.stdout.write(`  ${j.origin}  ${j.attempts} attempt${j.attempts === 1 ? '' : 's'}${j.error ? '  ' + j.error.split('\n')[0] : ''}\n`);
      });
    });
}
