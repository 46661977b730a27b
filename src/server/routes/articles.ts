/** GET /api/articles (search) and GET /api/articles/:id (text, every span, brief). */
import type { FastifyInstance } from 'fastify';
import type { Analysis } from '../../contract/schema.js';
import { renderBrief } from '../../brief/render.js';
import { searchArticles, storedArticle } from '../../corpus/queries.js';
import { findActor } from '../../corpus/lookup.js';
import { notFound } from '../errors.js';
import { dateParam, errorResponses } from '../schemas.js';
import type { RouteContext } from '../context.js';

interface SearchQuery { q?: string; outlet?: string; from?: string; to?: string; actor?: string; limit: number; offset: number }

export function articleRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: SearchQuery }>('/api/articles', {
    schema: {
      summary: 'Search articles',
      description: 'By words in the title or text, outlet, publication date range and an actor the article mentions. Newest first.',
      tags: ['articles'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          q: { type: 'string', maxLength: 200, description: 'words the title or text contains (all of them)' },
          outlet: { type: 'string', maxLength: 200, description: 'exact outlet name' },
          from: dateParam('published on or after'),
          to: dateParam('published on or before'),
          actor: { type: 'string', maxLength: 200, description: 'an actor id or name the article mentions' },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
          offset: { type: 'integer', minimum: 0, maximum: 1_000_000, default: 0 },
        },
      },
      response: {
        200: { type: 'object', properties: { total: { type: 'integer' }, items: { type: 'array', items: { $ref: 'ArticleItem#' } } }, required: ['total', 'items'] },
        ...errorResponses(400, 404),
      },
    },
  }, async (req) => {
    const { actor, ...rest } = req.query;
    const actorId = actor ? (await findActor(ctx.store.db, actor)).id : undefined;
    return searchArticles(ctx.store.db, { ...rest, actor: actorId });
  });

  app.get<{ Params: { id: string } }>('/api/articles/:id', {
    schema: {
      summary: 'One article: its text with every span, and its brief',
      tags: ['articles'],
      params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9a-f]{8,64}$', description: 'article id (content hash)' } }, required: ['id'] },
      response: {
        200: {
          type: 'object',
          properties: {
            article: { $ref: 'ArticleItem#' },
            analysis: { $ref: 'Analysis#' },
            actorOf: { type: 'object', additionalProperties: { type: 'string' }, description: "the article's entity ids → corpus actor ids" },
            brief: { type: 'string' },
          },
          required: ['article', 'analysis', 'actorOf', 'brief'],
        },
        ...errorResponses(400, 404),
      },
    },
  }, async (req) => {
    const a = await storedArticle(ctx.store.db, req.params.id);
    if (!a) throw notFound(`no article ${req.params.id}`);
    const analysis = JSON.parse(a.analysis) as Analysis;
    // origin (a local file path) stays on the server
    const { analysis: _json, actorOf, origin: _origin, ...article } = a;
    return { article, analysis, actorOf, brief: renderBrief(analysis, 'markdown') };
  });
}
