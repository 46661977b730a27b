/** CLI: `watch`, `feeds`, `watchlist add|remove|list`, `story` — live monitoring over a corpus store. */
import type { Command } from 'commander';
import { DB_HELP, defaultDb, withStore } from '../corpus/store.js';
import { ActorNotFound } from '../corpus/lookup.js';
import { refreshChannelGraph } from '../corpus/graph-cache.js';
import { TimedAnalyzer } from '../pipeline/budget.js';
import { forTerminalLine } from '../util/terminal.js';
import type { RawArticle } from '../text/types.js';
import { makeContext, oneAtATime } from './context.js';
import { readFeedList } from './feed-list.js';
import { listFeeds, syncFeeds } from './feed-state.js';
import { DEFAULT_HTTP } from './http.js';
import { parseDuration } from './schedule.js';
import { runWatch } from './watcher.js';
import { addPending, addWatched, listWatched, removeWatched, resolveActor } from './watchlist.js';
import { buildStory, formatStory } from './story.js';
import { formatFeeds, formatWatchlist } from './format.js';



const say = (line: string) => process.stderr.write(`backchannel: ${forTerminalLine(line)}\n`);

export function registerWatchCommands(program: Command): void {
  program
    .command('watch')
    .description('follow news feeds: poll them, store new articles (analysed, deduplicated), and print alerts about watched actors as JSON Lines')
    .argument('<feeds>', 'an OPML file, or a text file with one feed URL a line (RSS 2.0, Atom, RDF or JSON Feed)')
    .option('--db <store>', DB_HELP, defaultDb())
    .option('--interval <duration>', 'time between polls of one feed (10m, 90s, 1h); failing feeds back off up to 6 h', '10m')
    .option('--once', 'poll every due feed once, deliver the alerts, and exit')
    .option('--webhook <url>', 'also POST each alert (JSON) to this URL, retried until it answers 2xx')
    .option('--timeout <duration>', 'time one request may take, body included', '30s')
    .option('--max-bytes <n>', 'largest feed or page accepted, in bytes', String(DEFAULT_HTTP.maxBytes))
    .option('--quiet', 'no progress lines on stderr')
    .addHelpText('after', `
Setup in three commands:
  printf '%s\\n' https://example.org/politics.rss https://example.net/feed.atom > feeds.txt
  backchannel watchlist add "Marta Kessler" "Jonas Brandt"
  backchannel watch feeds.txt --interval 10m >> alerts.jsonl

What it does, per feed: a conditional GET (ETag, Last-Modified; 304 costs nothing), one request per host
at a time, a User-Agent naming backchannel; 429 and 503 answers are honoured with their Retry-After and
other failures back off exponentially. Each new item is stored once: by its guid, by its canonical URL
(another feed with the same story adds nothing), and by its text (syndicated copies are stored as copies).
When the feed carries only a teaser, the article page is fetched and extracted with Readability. Edited
items are stored again (a light edit is stored as a copy of the first version).

Alerts (one JSON object a line, each fired once, with the sentence, article, outlet and date behind it):
  pair       a new tie or event between two watched actors
  neighbour  a new tie or event between a watched actor and a contact of another watched actor
  channel    a new or shorter channel (path of relations, up to 4 hops) between two watched actors
  anonymous  a new statement by an anonymous source about a watched actor
  newcomer   a person or organisation mentioned next to a watched actor for the first time
They are also served as Atom by \`backchannel serve\` at /alerts.atom.

Everything lives in the store: kill it any time and start it again; it resumes without storing or alerting
anything twice. \`backchannel feeds\` shows each feed's state.`)
    .action(async (feedsPath: string, o: { db: string; interval: string; once?: boolean; webhook?: string; timeout: string; maxBytes: string; quiet?: boolean }) => {
      const intervalMs = parseDuration(o.interval);
      const timeoutMs = parseDuration(o.timeout);
      const maxBytes = Number(o.maxBytes);
      if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new Error(`--max-bytes must be a positive whole number, not ${o.maxBytes}`);
      const feeds = readFeedList(feedsPath);
      if (!feeds.length) throw new Error(`${feedsPath}: no feed URLs in it`);
      await withStore(o.db, async (store) => {
        await syncFeeds(store, feeds, new Date());
        const analyzer = new TimedAnalyzer();
        let stop = false;
        const onSignal = () => {
          if (stop) process.exit(130);
          stop = true;
          say('stopping after the items in hand (again to quit now)…');
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
        const log = o.quiet ? () => {} : say;
        // feeds of several hosts are read at once; their articles take turns in the analysis thread
        const ctx = makeContext(store, oneAtATime((raw: RawArticle) => analyzer.analyze(raw)), { intervalMs, http: { ...DEFAULT_HTTP, timeoutMs, maxBytes }, log });
        try {
          await runWatch(ctx, {
            once: !!o.once,
            write: (line) => process.stdout.write(line),
            webhook: o.webhook ? { url: o.webhook, log } : null,
            shouldStop: () => stop,
            onCycle: (c) => {
              const ok = c.polls.filter((p) => p.status !== 'error').length;
              const items = c.polls.reduce((n, p) => n + (p.outcomes.new ?? 0) + (p.outcomes.edited ?? 0), 0);
              if (c.polls.length) log(`${c.polls.length} feed${c.polls.length === 1 ? '' : 's'} polled (${ok} ok), ${items} new or edited item${items === 1 ? '' : 's'}, ${c.alerts} alert${c.alerts === 1 ? '' : 's'}`);
            },
          });
          if (ctx.stats.ingested) await refreshChannelGraph(store.db);
        } finally {
          await analyzer.close();
          process.off('SIGINT', onSignal);
          process.off('SIGTERM', onSignal);
        }
      });
    });

  program
    .command('feeds')
    .description('the feeds `watch` follows: last success, last error, next poll, items stored')
    .option('--db <store>', DB_HELP, defaultDb())
    .option('--json', 'print JSON')
    .action(async (o: { db: string; json?: boolean }) =>
      withStore(o.db, async (store) => {
        const feeds = await listFeeds(store);
        process.stdout.write(o.json ? JSON.stringify(feeds, null, 2) + '\n' : formatFeeds(feeds));
      }),
    );

  const wl = program
    .command('watchlist')
    .description('the actors `watch` alerts about: add, remove, list')
    .addHelpText('after', `
Examples:
  backchannel watchlist add "Marta Kessler" Brandt     # names resolve as in \`backchannel actor NAME\`
  backchannel watchlist add "Helena Duarte"            # not in the corpus yet: watched once an article names her
  backchannel watchlist list
  backchannel watchlist remove Brandt`);
  wl.command('add')
    .description('watch actors (a name or alias in any spelling, a surname, or an actor id)')
    .argument('<names...>')
    .option('--db <store>', DB_HELP, defaultDb())
    .action(async (names: string[], o: { db: string }) =>
      withStore(o.db, async (store) => {
        for (const name of names) {
          let r;
          try {
            r = await resolveActor(store, name);
          } catch (err) {
            if (!(err instanceof ActorNotFound)) throw err;
            await addPending(store, name, new Date());
            process.stdout.write(`watching "${forTerminalLine(name)}": no actor has this name yet; it is watched from the first article that names one\n`);
            continue;
          }
          const added = await addWatched(store, r.actor, new Date());
          process.stdout.write(`${added ? 'watching' : 'already watching'} ${forTerminalLine(r.actor.name)} (${r.actor.type}, ${r.actor.id})\n`);
          if (r.alternatives.length) {
            process.stdout.write(`  "${forTerminalLine(name)}" also matches:\n`);
            for (const a of r.alternatives) process.stdout.write(`    ${forTerminalLine(a.name)} (${a.type}, ${a.mention_count} mentions) — add by id: backchannel watchlist add ${a.id}\n`);
          }
        }
      }),
    );
  wl.command('remove')
    .description('stop watching actors')
    .argument('<names...>')
    .option('--db <store>', DB_HELP, defaultDb())
    .action(async (names: string[], o: { db: string }) =>
      withStore(o.db, async (store) => {
        const watched = await listWatched(store);
        for (const name of names) {
          const byName = watched.find((w) => w.id === name || w.name.toLowerCase() === name.toLowerCase());
          const id = byName?.id ?? (await resolveActor(store, name).then((r) => r.actor.id, () => null));
          if (id && (await removeWatched(store, id))) process.stdout.write(`no longer watching ${forTerminalLine(byName?.name ?? name)}\n`);
          else {
            say(`not on the watchlist: ${name}`);
            process.exitCode = 1;
          }
        }
      }),
    );
  wl.command('list')
    .description('the watched actors')
    .option('--db <store>', DB_HELP, defaultDb())
    .option('--json', 'print JSON')
    .action(async (o: { db: string; json?: boolean }) =>
      withStore(o.db, async (store) => {
        const list = await listWatched(store);
        process.stdout.write(o.json ? JSON.stringify(list, null, 2) + '\n' : formatWatchlist(list));
      }),
    );

  program
    .command('story')
    .description('what happened between two actors (or their circles) across articles: dated contacts, attempts, ties, statements, role changes, each with its first report and sources')
    .argument('<a>', 'actor name or id')
    .argument('<b>', 'actor name or id')
    .option('--no-circles', 'only the two actors, not the people working for or close to them')
    .option('--json', 'print JSON')
    .option('--db <store>', DB_HELP, defaultDb())
    .addHelpText('after', '\nExample:\n  backchannel story "Marta Kessler" "Jonas Brandt"\n\nA circle is the people with a works-for, advises, represents, close-to or family tie to the actor.')
    .action(async (a: string, b: string, o: { circles: boolean; json?: boolean; db: string }) => {
      try {
        await withStore(o.db, async (store) => {
          const s = await buildStory(store.db, a, b, { circles: o.circles });
          process.stdout.write(o.json ? JSON.stringify(s, null, 2) + '\n' : formatStory(s));
        });
      } catch (err) {
        if (!(err instanceof ActorNotFound)) throw err;
        say(`${err.message} (try \`backchannel actors\`)`);
        process.exitCode = 1;
      }
    });
}
