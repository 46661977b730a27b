/** POST /api/analyze (analysis and brief, nothing stored) and POST /api/articles (ingest, only with --allow-ingest). */
import type { FastifyInstance } from 'fastify';
import { analyzeArticle } from '../../pipeline/analyze.js';
import { renderBrief } from '../../brief/render.js';
import { ingestArticle } from '../../corpus/ingest.js';
import { consolidate } from '../../corpus/consolidate.js';
import { articleFromRequest, prepareFor } from '../article-input.js';
import { HttpError } from '../errors.js';
import { errorResponses } from '../schemas.js';
import type { RouteContext } from '../context.js';

const bodySchema = {
  description: 'The article: application/json (ArticleInput), text/plain (front matter allowed) or text/html (a saved page).',
  content: {
    'application/json': { schema: { $ref: 'ArticleInput#' } },
    'text/plain': { schema: { type: 'string', minLength: 1 } },
    'text/html': { schema: { type: 'string', minLength: 1 } },
  },
};

export function analyzeRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const rateLimit = { max: ctx.options.analyzeRatePerMinute, timeWindow: '1 minute' };

  app.post('/api/analyze', {
    config: { rateLimit },
    schema: {
      summary: 'Analyse one article without storing it',
      description: 'Runs the whole pipeline on the article and answers the analysis document and its brief (markdown). Rate limited per client.',
      tags: ['analysis'],
      body: bodySchema,
      response: {
        200: { type: 'object', properties: { analysis: { $ref: 'Analysis#' }, brief: { type: 'string', description: 'the readable brief, markdown' } }, required: ['analysis', 'brief'] },
        ...errorResponses(400, 413, 415, 429),
      },
    },
  }, async (req) => {
    const raw = articleFromRequest(req);
    await prepareFor(raw);
    const analysis = analyzeArticle(raw);
    return { analysis, brief: renderBrief(analysis, 'markdown') };
  });

  app.post('/api/articles', {
    config: { rateLimit },
    schema: {
      summary: 'Ingest one article into the corpus (only when the server runs with --allow-ingest)',
      description: 'Analyses the article and stores it. The same text again is a no-op (unchanged); a near-duplicate is stored as a copy of the original.',
      tags: ['articles'],
      body: bodySchema,
      response: {
        201: { type: 'object', properties: { outcome: { type: 'string', enum: ['added', 'unchanged', 'copy'] }, id: { type: 'string' }, copyOf: { type: 'string' } }, required: ['outcome', 'id'] },
        200: { type: 'object', properties: { outcome: { type: 'string', enum: ['added', 'unchanged', 'copy'] }, id: { type: 'string' }, copyOf: { type: 'string' } }, required: ['outcome', 'id'] },
        ...errorResponses(400, 403, 413, 415, 422, 429),
      },
    },
  }, async (req, reply) => {
    if (!ctx.options.allowIngest) throw new HttpError(403, 'this server is read-only: start it with --allow-ingest to accept articles');
    const raw = articleFromRequest(req);
    await prepareFor(raw);
    const out = await ingestArticle(ctx.store, raw, analyzeArticle);
    if (out.kind === 'error') throw new HttpError(422, out.message);
    // one article is a batch: the consolidation pass resolves the corpus's actors with it (order-independent)
    if (out.kind !== 'unchanged') await consolidate(ctx.store);
    if (out.kind !== 'unchanged') ctx.cache.invalidate();
    const body = { outcome: out.kind, id: out.articleId, ...(out.kind === 'copy' ? { copyOf: out.copyOf } : {}) };
    return reply.code(out.kind === 'unchanged' ? 200 : 201).send(body);
  });
}
