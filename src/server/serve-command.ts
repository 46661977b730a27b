/** CLI: `backchannel serve` — the API and the web app over a corpus store. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { defaultDb, isPostgresUrl, openStore, redactUrl } from '../corpus/store.js';
import { repoRoot } from '../util/paths.js';
import { buildServer, DEFAULT_OPTIONS } from './app.js';

/** Where `npm run build` puts the web app. */
export const WEB_ROOT = join(repoRoot, 'dist', 'web');
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`--port must be 0–65535, not ${v}`);
  return n;
};
const positive = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive whole number, not ${v}`);
  return n;
};
const isLoopback = (h: string) => h === 'localhost' || h === '::1' || /^127\./.test(h);

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the JSON API (OpenAPI at /openapi.json) and the web app over a corpus store; read-only unless --allow-ingest')
    .option('--db <store>', 'corpus store: a SQLite file or a postgres:// URL ($BACKCHANNEL_DB when set)', defaultDb())
    .option('--port <n>', 'port (0: any free port)', port, DEFAULT_PORT)
    .option('--host <address>', 'address to listen on; anything but a loopback address exposes the corpus to the network', DEFAULT_HOST)
    .option('--allow-ingest', 'accept POST /api/articles (writes to the store)')
    .option('--max-body <bytes>', 'largest request body', positive('--max-body'), DEFAULT_OPTIONS.bodyLimit)
    .option('--analyze-rate <n>', 'analyses per client per minute', positive('--analyze-rate'), DEFAULT_OPTIONS.analyzeRatePerMinute)
    .option('--log', 'log every request to stderr')
    .addHelpText('after', `
Examples:
  backchannel ingest articles/ --db news.db
  backchannel serve --db news.db                 # then open http://127.0.0.1:8080/
  backchannel serve --db news.db --allow-ingest  # also accept POST /api/articles
  curl http://127.0.0.1:8080/openapi.json        # the API, described

Views: search with actor autocomplete, actor pages, the network (time slider, filters), channels between
two actors, articles with every span, and a box to analyse a pasted article. API docs: /docs.
The alerts of \`backchannel watch\` are an Atom feed at /alerts.atom.`)
    .action(async (o: { db: string; port: number; host: string; allowIngest?: boolean; maxBody: number; analyzeRate: number; log?: boolean }) => {
      if (!isPostgresUrl(o.db) && !existsSync(o.db)) throw new Error(`no corpus store at ${o.db}: run \`backchannel ingest PATH --db ${o.db}\` first`);
      const store = await openStore(o.db);
      const app = await buildServer(store, {
        allowIngest: !!o.allowIngest,
        bodyLimit: o.maxBody,
        analyzeRatePerMinute: o.analyzeRate,
        webRoot: WEB_ROOT,
        logger: !!o.log,
      });
      const address = await app.listen({ port: o.port, host: o.host });
      if (!existsSync(join(WEB_ROOT, 'index.html'))) process.stderr.write('backchannel: the web app is not built (npm run build); serving the API only\n');
      if (!isLoopback(o.host)) process.stderr.write(`backchannel: listening on ${o.host}, reachable from other machines\n`);
      process.stdout.write(`backchannel serving ${redactUrl(o.db)} at ${address}/ (${o.allowIngest ? 'ingest allowed' : 'read-only'})\n`);
      const stop = async () => {
        await app.close();
        await store.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
