/** CLI: `ingest`, `actors`, `actor`, `channels`, `export` over a corpus store (`--db`, ./backchannel.db by default). */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import cliProgress from 'cli-progress';
import { DEFAULT_DB, openStore, type Store } from './store.js';
import { collectArticles } from './input.js';
import { ingestAll } from './ingest.js';
import { listActors, actorProfile } from './profile.js';
import { findChannels } from './channels.js';
import { EXPORT_FORMATS, exportCorpus, type ExportFormat } from './exports/index.js';
import { formatActors, formatChannels, formatIngestSummary, formatProfile } from './format.js';
import { ActorNotFound } from './lookup.js';
import { forTerminalLine } from '../util/terminal.js';
import { TimedAnalyzer } from '../pipeline/budget.js';

class NoCorpus extends Error {}

async function withStore<T>(db: string, fn: (store: Store) => Promise<T>, mustExist = true): Promise<T> {
  if (mustExist && db !== ':memory:' && !/^postgres/.test(db) && !existsSync(db)) throw new NoCorpus(`no corpus store at ${db}: run \`backchannel ingest PATH --db ${db}\` first`);
  const store = await openStore(db);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

/** An unknown actor is a user error: one line, exit code 1, no stack trace. */
async function userErrors(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (err instanceof ActorNotFound || err instanceof NoCorpus) {
      process.stderr.write(`backchannel: ${forTerminalLine(err.message)}${err instanceof ActorNotFound ? ' (try `backchannel actors`)' : ''}\n`);
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

export function registerCorpusCommands(program: Command): void {
  program
    .command('ingest')
    .description('analyse articles (files, folders, JSON Lines, HTML) into a corpus store; already stored texts are skipped')
    .argument('<paths...>', 'files or folders')
    .option('--db <file>', 'corpus store (SQLite file)', DEFAULT_DB)
    .option('--quiet', 'no progress bar')
    .addHelpText('after', '\nExamples:\n  backchannel ingest articles/ --db news.db\n  backchannel ingest batch.jsonl more/*.html\n\nSyndicated copies are stored as copies and counted once. Ctrl-C stops after the current article; rerun to resume.')
    .action(async (paths: string[], o: { db: string; quiet?: boolean }) => {
      await withStore(o.db, async (store) => {
        const items = await collectArticles(paths);
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
          process.stderr.write('\nstopping after the current article (Ctrl-C again to quit now)…\n');
        };
        process.on('SIGINT', onSigint);
        const t0 = performance.now();
        let n = 0;
        bar?.start(items.length, 0, { rate: '0.0', origin: '' });
        // each article within a time budget: a pathological one is recorded as failed, and the batch goes on
        const analyzer = new TimedAnalyzer();
        try {
          const sum = await ingestAll(store, items, {
            analyze: (raw) => analyzer.analyze(raw),
            shouldStop: () => stop,
            onOutcome: (out) => {
              n++;
              const secs = (performance.now() - t0) / 1000;
              bar?.update(n, { rate: (n / Math.max(secs, 1e-3)).toFixed(1), origin: forTerminalLine(out.origin).slice(-40) });
            },
          });
          bar?.stop();
          process.stderr.write(formatIngestSummary(sum));
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
    .option('--db <file>', 'corpus store', DEFAULT_DB)
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
    .option('--db <file>', 'corpus store', DEFAULT_DB)
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
    .option('--limit <n>', 'number of paths', positiveInt('--limit'), 5)
    .option('--comentions', 'also walk co-mention ties (weak)')
    .option('--json', 'print JSON')
    .option('--db <file>', 'corpus store', DEFAULT_DB)
    .addHelpText('after', '\nExample:\n  backchannel channels Tokio Trump --max-hops 3')
    .action(async (from: string, to: string, o: { maxHops: number; limit: number; comentions?: boolean; json?: boolean; db: string }) =>
      userErrors(() =>
        withStore(o.db, async (store) => {
          const paths = await findChannels(store.db, from, to, { maxHops: o.maxHops, limit: o.limit, comentions: !!o.comentions });
          if (o.json) {
            process.stdout.write(JSON.stringify(paths, null, 2) + '\n');
            return;
          }
          const names = new Map((await store.db.selectFrom('actors').select(['id', 'name']).execute()).map((r) => [r.id, r.name]));
          process.stdout.write(formatChannels(from, to, o.maxHops, paths, names));
        }),
      ),
    );

  program
    .command('export')
    .description('export the corpus: FollowTheMoney JSON Lines (Aleph), GraphML or GEXF (Gephi), CSV nodes/edges, or the analysis documents')
    .requiredOption('--format <format>', EXPORT_FORMATS.join(', ') + ' (gexf is GEXF 1.3 for Gephi; gexf-1.2 is 1.2draft, the version networkx reads; in graphml and gexf every edge is directed, co-mentions are the symmetric layer "comention")')
    .option('--out <path>', 'output file (a folder for csv); stdout by default')
    .option('--db <file>', 'corpus store', DEFAULT_DB)
    .action(async (o: { format: string; out?: string; db: string }) => {
      if (!(EXPORT_FORMATS as readonly string[]).includes(o.format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}, not ${o.format}`);
      await userErrors(() =>
        withStore(o.db, async (store) => {
          const files = await exportCorpus(store.db, o.format as ExportFormat, o.out ?? null);
          if (files.length) process.stderr.write(`wrote ${files.join(', ')}\n`);
        }),
      );
    });
}
