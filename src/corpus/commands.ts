/** CLI: `ingest`, `actors`, `actor`, `channels`, `export` over a corpus store (`--db`, ./backchannel.db by default). */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { DB_HELP, defaultDb, isPostgresUrl, openStore, withStore as withOpenStore, type Store } from './store.js';
import { collectArticles, type SkippedInput } from './input.js';
import { ingestAll } from './ingest.js';
import { listActors, actorProfile } from './profile.js';
import { findChannels, MAX_CHANNEL_PATHS } from './channels.js';
import { loadChannelGraph, refreshChannelGraph } from './graph-cache.js';
import { EXPORT_FORMATS, exportCorpus, type ExportFormat } from './exports/index.js';
import { CSV_TABLES, type CsvTable } from './exports/csv.js';
import { formatActors, formatChannels, formatIngestSummary, formatProfile } from './format.js';
import { ActorNotFound, AmbiguousActor, findActor } from './lookup.js';
import { forTerminalLine } from '../util/terminal.js';
import { TimedAnalyzer } from '../pipeline/budget.js';
import { enqueueCommand, queueOptionsHelp, registerQueueCommands, wholeNumber } from './queue/commands.js';
import { DEFAULT_QUEUE_OPTIONS } from './queue/queue.js';
import { DISPLAY_LANGUAGES, type DisplayLanguage } from './consolidate.js';

class NoCorpus extends Error {}

const displayLanguageArg = (v: string): DisplayLanguage => {
  if (!(DISPLAY_LANGUAGES as readonly string[]).includes(v)) throw new Error(`--display-language must be ${DISPLAY_LANGUAGES.join(' or ')}, not ${v}`);
  return v as DisplayLanguage;
};


async function withStore<T>(db: string, fn: (store: Store) => Promise<T>, mustExist = true): Promise<T> {
  if (mustExist && db !== ':memory:' && !isPostgresUrl(db) && !existsSync(db)) throw new NoCorpus(`no corpus store at ${db}: run \`backchannel ingest PATH --db ${db}\` first`);
  return withOpenStore(db, fn);
}

/** An unknown actor is a user error: one line, exit code 1, no stack trace. */
async function userErrors(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ActorNotFound || err instanceof NoCorpus) {
      const hint = err instanceof ActorNotFound && !(err instanceof AmbiguousActor) ? ' (try `backchannel actors`)' : '';
      process.stderr.write(`backchannel: ${forTerminalLine(err.message)}${hint}\n`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not ${v}`);
  return n;
};

const atMost = (max: number, parse: (v: string) => number) => (v: string) => {
  const n = parse(v);
  if (n > max) throw new Error(`--limit is at most ${max}, not ${v}`);
  return n;
};

export function registerCorpusCommands(program: Command): void {
  program
    .command('ingest')
    .description('analyse articles (files, folders, JSON Lines, HTML) into a corpus store; already stored texts are skipped')
    .argument('<paths...>', 'files or folders')
    .option('--db <store>', DB_HELP, defaultDb())
    .option('--workers <n>', 'analysis threads, the number of cores by default; commits stay in input order', positiveInt('--workers'), availableParallelism())
    .option('--analyzer <module>', 'a module exporting analyzeArticle(raw) to use instead of the pipeline')
    .option('--enqueue', 'add the articles to the queue of a PostgreSQL store instead; `backchannel worker` processes analyse them')
    .option(queueOptionsHelp.retries[0], queueOptionsHelp.retries[1], wholeNumber('--retries', 0), DEFAULT_QUEUE_OPTIONS.retries)
    .option(queueOptionsHelp.retryDelay[0], queueOptionsHelp.retryDelay[1], wholeNumber('--retry-delay', 1), DEFAULT_QUEUE_OPTIONS.retryDelay)
    .option(queueOptionsHelp.jobTimeout[0], queueOptionsHelp.jobTimeout[1], wholeNumber('--job-timeout', 1), DEFAULT_QUEUE_OPTIONS.jobTimeout)
    .option('--display-language <lang>', `actor display names in this language (${DISPLAY_LANGUAGES.join(' or ')}; stored with the corpus; default: the language of most articles)`, displayLanguageArg)
    .option('--quiet', 'no progress bar')
    .addHelpText('after', '\nExamples:\n  backchannel ingest articles/ --db news.db\n  backchannel ingest batch.jsonl more/*.html --workers 4\n  backchannel ingest --enqueue feeds/ --db postgres://bc@db-host/news   (then: backchannel worker)\n  backchannel ingest feeds/ --db postgres://user@host/news\n\nSyndicated copies are stored as copies and counted once. Ctrl-C stops after the articles in flight; rerun to resume.\nSeveral ingests may write to one store at once: they take turns on each article.')
    .action(async (paths: string[], o: { db: string; quiet?: boolean; workers: number; analyzer?: string; enqueue?: boolean; retries: number; retryDelay: number; jobTimeout: number; displayLanguage?: DisplayLanguage }) => {
      if (o.enqueue) return enqueueCommand(paths, o.db, { retries: o.retries, retryDelay: o.retryDelay, jobTimeout: o.jobTimeout });
      await withStore(o.db, async (store) => {
        const skipped: SkippedInput[] = [];
        const items = await collectArticles(paths, (sk) => skipped.push(sk));
        if (skipped.length) {
          process.stderr.write(`skipped ${skipped.length} file(s) that are not articles:\n`);
          for (const sk of skipped) process.stderr.write(`  ${forTerminalLine(sk.origin)}: ${sk.reason}\n`);
        }
        const bar = !o.quiet && process.stderr.isTTY
          ? new cliProgress.SingleBar(
              { stream: process.stderr, format: 'ingest {bar} {value}/{total} | {rate} articles/s | ETA {eta_formatted} | {origin}', hideCursor: true, etaBuffer: 50 },
              cliProgress.Presets.shades_classic,
            )
          : null;
        let stop = false;
        const onSigint = () => {
          if (stop) process.exit(130);
          stop = true;
          process.stderr.write('\nstopping after the articles in flight (Ctrl-C again to quit now)…\n');
        };
        process.on('SIGINT', onSigint);
        const t0 = performance.now();
        let n = 0;
        bar?.start(items.length, 0, { rate: '0.0', origin: '' });
        // each article within a time budget: a pathological one is recorded as failed, and the batch goes on
        const analyzer = new TimedAnalyzer();
        try {
          const sum = await ingestAll(store, items, {
            // one thread: the time-limited analyzer (a pathological article fails alone); more: the worker pool
            analyze: o.analyzer ? undefined : (raw) => analyzer.analyze(raw),
            // no more threads than articles: each thread loads its own models
            workers: Math.max(1, Math.min(o.workers, items.filter((i) => i.ok).length)),
            analyzer: o.analyzer ?? null,
            displayLanguage: o.displayLanguage,
            shouldStop: () => stop,
            onOutcome: (out) => {
              n++;
              const secs = (performance.now() - t0) / 1000;
              bar?.update(n, { rate: (n / Math.max(secs, 1e-3)).toFixed(1), origin: forTerminalLine(out.origin).slice(-40) });
            },
          });
          bar?.stop();
          process.stderr.write(formatIngestSummary(sum));
          // the next cold `channels` reads the graph instead of building it
          if (sum.added) await refreshChannelGraph(store.db);
          if (sum.errors.length) process.exitCode = 1; // the others are stored; the exit status tells scripts
        } finally {
          bar?.stop();
          await analyzer.close();
          process.off('SIGINT', onSigint);
        }
      }, false);
    });

  program
    .command('actors')
    .description('list the actors of the corpus')
    .option('--type <type>', 'person, organization, location or other')
    .option('--sort <key>', 'degree, mentions, articles or name', 'mentions')
    .option('--limit <n>', 'at most this many', positiveInt('--limit'))
    .option('--json', 'print JSON')
    .option('--db <store>', DB_HELP, defaultDb())
    .action(async (o: { type?: string; sort: string; limit?: number; json?: boolean; db: string }) => {
      if (!['degree', 'mentions', 'articles', 'name'].includes(o.sort)) throw new Error(`--sort must be degree, mentions, articles or name, not ${o.sort}`);
      await userErrors(() =>
        withStore(o.db, async (store) => {
          const nodes = await listActors(store.db, { type: o.type, sort: o.sort as 'degree', limit: o.limit });
          process.stdout.write(o.json ? JSON.stringify(nodes, null, 2) + '\n' : formatActors(nodes));
        }),
      );
    });

  program
    .command('actor')
    .description('one actor: roles over time, relations with evidence, quotes by and about; --why explains the merges')
    .argument('<name>', 'a name or alias in any spelling, or an actor id')
    .option('--why', 'show which article mentions were merged into this actor, and why')
    .option('--json', 'print JSON')
    .option('--db <store>', DB_HELP, defaultDb())
    .action(async (name: string, o: { why?: boolean; json?: boolean; db: string }) =>
      userErrors(() =>
        withStore(o.db, async (store) => {
          const p = await actorProfile(store.db, name);
          process.stdout.write(o.json ? JSON.stringify(p, null, 2) + '\n' : formatProfile(p, !!o.why));
        }),
      ),
    );

  program
    .command('channels')
    .description('ranked paths between two actors: strong, recent, well-sourced ties first, hubs avoided; each hop with its evidence')
    .argument('<from>', 'actor name or id')
    .argument('<to>', 'actor name or id')
    .option('--max-hops <n>', 'longest path', positiveInt('--max-hops'), 3)
    .option('--limit <n>', `number of paths (at most ${MAX_CHANNEL_PATHS})`, atMost(MAX_CHANNEL_PATHS, positiveInt('--limit')), 5)
    .option('--comentions', 'also walk co-mention ties (weak)')
    .option('--json', 'print JSON')
    .option('--db <store>', DB_HELP, defaultDb())
    .addHelpText('after', '\nExample:\n  backchannel channels Tokio Trump --max-hops 3')
    .action(async (from: string, to: string, o: { maxHops: number; limit: number; comentions?: boolean; json?: boolean; db: string }) =>
      userErrors(() =>
        withStore(o.db, async (store) => {
          const [a, b] = [await findActor(store.db, from), await findActor(store.db, to)];
          if (a.id === b.id) {
            process.stdout.write(o.json ? '[]\n' : forTerminalLine(`"${from}" and "${to}" are the same actor: ${a.name} (${a.id}).`) + '\n');
            return;
          }
          // the stored graph when it is current: no need to read every edge
          const graph = await loadChannelGraph(store.db, { comentions: !!o.comentions });
          const paths = await findChannels(store.db, from, to, { maxHops: o.maxHops, limit: o.limit, comentions: !!o.comentions }, graph);
          if (o.json) {
            process.stdout.write(JSON.stringify(paths, null, 2) + '\n');
            return;
          }
          const names = new Map(paths.flatMap((p) => p.actors.map((a) => [a.id, a.name] as const)));
          process.stdout.write(formatChannels(from, to, o.maxHops, paths, names, !!o.comentions));
        }),
      ),
    );

  program
    .command('export')
    .description('export the corpus: FollowTheMoney JSON Lines (Aleph), GraphML or GEXF (Gephi), CSV nodes/edges, or the analysis documents')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(', ') + ' (gexf is GEXF 1.3 for Gephi; gexf-1.2 is 1.2draft, the version networkx reads; in graphml and gexf every edge is directed, co-mentions are the symmetric layer "comention")')
    .option('--out <path>', 'output file (a folder for csv: nodes.csv and edges.csv); stdout by default')
    .option('--table <table>', `csv: one table only (${CSV_TABLES.join(' or ')}), to stdout or to the file --out`)
    .option('--db <store>', DB_HELP, defaultDb())
    .addHelpText('after', '\nftm and json are JSON Lines (one JSON document per line). In csv, a text value that a spreadsheet would read as a formula (= + - @ first) starts with an apostrophe.\n\nExamples:\n  backchannel export --format ftm --out corpus.ftm.jsonl\n  backchannel export --format csv --table edges > edges.csv\n  backchannel export --format gexf --out corpus.gexf')
    .action(async (o: { format: string; out?: string; table?: string; db: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not ${o.format}`);
      if (o.table !== undefined && (o.format !== 'csv' || !(CSV_TABLES as readonly string[]).includes(o.table))) throw new Error(`--table is for --format csv and must be ${CSV_TABLES.join(' or ')}, not ${o.table}`);
      await userErrors(() =>
        withStore(o.db, async (store) => {
          const files = await exportCorpus(store.db, o.format as ExportFormat, o.out ?? null, process.stdout, { table: o.table as CsvTable | undefined });
          if (files.length) process.stderr.write(`wrote ${files.join(', ')}\n`);
        }),
      );
    });

  registerQueueCommands(program);
}
