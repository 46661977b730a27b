/**
 * The HTTP server: the JSON API (described at /openapi.json, generated from the route schemas) and the web
 * app, in one Fastify instance. Read-only unless allowIngest; every parameter validated; bodies limited;
 * analyses rate-limited; a Content-Security-Policy without inline scripts.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { Store } from '../corpus/store.js';
import { VERSION } from '../version.js';
import { CorpusCache } from './corpus-cache.js';
import { installErrorHandling } from './errors.js';
import { sharedSchemas } from './schemas.js';
import type { RouteContext, ServerOptions } from './context.js';
import { analyzeRoutes } from './routes/analyze.js';
import { articleRoutes } from './routes/articles.js';
import { actorRoutes } from './routes/actors.js';
import { networkRoutes } from './routes/network.js';
import { channelRoutes } from './routes/channels.js';
import { timelineRoutes } from './routes/timeline.js';
import { storyRoutes } from './routes/story.js';
import { exportRoutes } from './routes/export.js';
import { statsRoutes } from './routes/stats.js';
import { alertRoutes } from './routes/alerts.js';
import { webRoutes } from './web-assets.js';

export type { ServerOptions };

export const DEFAULT_OPTIONS: ServerOptions = {
  allowIngest: false,
  // a long article is ~100 KiB; a saved HTML page with markup a few MiB
  bodyLimit: 4 * 1024 * 1024,
  // one analysis takes ~0.1–1 s of CPU: 30 a minute per client keeps the server responsive for others
  analyzeRatePerMinute: 30,
  webRoot: null,
  logger: false,
};

/** The policy the web app runs under: only our own scripts (no inline), workers from our origin. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export async function buildServer(store: Store, opts: Partial<ServerOptions> = {}): Promise<FastifyInstance> {
  const options: ServerOptions = { ...DEFAULT_OPTIONS, ...opts };
  const app = Fastify({
    logger: options.logger,
    bodyLimit: options.bodyLimit,
    // unknown query parameters are an error (400), not silently dropped
    ajv: { customOptions: { removeAdditional: false, coerceTypes: true, useDefaults: true, allErrors: false } },
  });
  installErrorHandling(app);
  app.addContentTypeParser('text/html', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  for (const s of sharedSchemas) app.addSchema(s);

  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // plain http on a loopback address: HSTS would only confuse browsers
    hsts: false,
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'backchannel',
        version: VERSION,
        description: 'Actors, evidence, channels and timelines of a news corpus. Every error is JSON (schema Error). The analysis document is backchannel.analysis/1 (docs/contract.md).',
      },
      tags: [
        { name: 'analysis', description: 'one article, nothing stored' },
        { name: 'articles', description: 'the stored articles' },
        { name: 'actors', description: 'actors across articles' },
        { name: 'network', description: 'edges, paths and timelines' },
        { name: 'corpus', description: 'the corpus as a whole' },
      ],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });

  const ctx: RouteContext = { store, cache: new CorpusCache(store), options };
  analyzeRoutes(app, ctx);
  articleRoutes(app, ctx);
  actorRoutes(app, ctx);
  networkRoutes(app, ctx);
  channelRoutes(app, ctx);
  timelineRoutes(app, ctx);
  storyRoutes(app, ctx);
  exportRoutes(app, ctx);
  statsRoutes(app, ctx);
  alertRoutes(app, ctx);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  webRoutes(app, options.webRoot);
  await app.ready();
  return app;
}
