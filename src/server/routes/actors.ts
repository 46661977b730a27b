/** GET /api/actors?q= (autocomplete) and GET /api/actors/:id (the actor page). */
import type { FastifyInstance } from 'fastify';
import { suggestActors } from '../../corpus/queries.js';
import { actorProfile } from '../../corpus/profile.js';
import { listActors } from '../../corpus/profile.js';
import { errorResponses } from '../schemas.js';
import type { RouteContext } from '../context.js';

const ACTOR_TYPES = ['person', 'organization', 'location', 'other'];

interface ListQuery { q?: string; type?: string; sort: 'degree' | 'mentions' | 'articles' | 'name'; limit: number }

export function actorRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: ListQuery }>('/api/actors', {
    schema: {
      summary: 'Autocomplete actors, or list the top actors',
      description: 'With q: actors whose name or alias starts with q or has a word that does, most mentioned first. Without q: the corpus actors sorted by degree, mentions, articles or name.',
      tags: ['actors'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          q: { type: 'string', minLength: 1, maxLength: 200 },
          type: { type: 'string', enum: ACTOR_TYPES },
          sort: { type: 'string', enum: ['degree', 'mentions', 'articles', 'name'], default: 'degree' },
          limit: { type: 'integer', minimum: 1, maximum: 200, default: 10 },
        },
      },
      response: {
        200: { type: 'object', properties: { items: { type: 'array', items: { $ref: 'ActorNode#' } } }, required: ['items'] },
        ...errorResponses(400),
      },
    },
  }, async (req) => {
    const { q, type, sort, limit } = req.query;
    if (!q) return { items: await topActors(ctx, { type, sort, limit }) };
    const snap = await ctx.cache.get();
    const rows = await suggestActors(ctx.store.db, q, limit, type);
    return {
      items: rows.map((r) => snap.nodeById.get(r.id) ?? { id: r.id, name: r.name, type: r.type, kind: r.kind, mentions: r.mention_count, articles: r.article_count, firstDate: r.first_date, lastDate: r.last_date, degree: 0 }),
    };
  });

  app.get<{ Params: { id: string } }>('/api/actors/:id', {
    schema: {
      summary: 'One actor: names and aliases with why they merged, roles over time, relations with evidence, quotes by and about',
      description: 'id is an actor id (person:…, org:…, country:…) or a name in any spelling; the best match is answered.',
      tags: ['actors'],
      params: { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 300 } }, required: ['id'] },
      response: {
        200: {
          type: 'object',
          additionalProperties: true,
          properties: {
            actor: { $ref: 'ActorNode#' },
            aliases: { type: 'array', items: { type: 'string' } },
            roles: { type: 'array', items: { type: 'object', additionalProperties: true } },
            relations: { type: 'array', items: { type: 'object', additionalProperties: true } },
            quotesBy: { type: 'array', items: { type: 'object', additionalProperties: true } },
            quotesAbout: { type: 'array', items: { type: 'object', additionalProperties: true } },
            merges: { type: 'array', items: { type: 'object', additionalProperties: true }, description: 'which article mentions were merged into this actor, and why' },
            sourcing: { type: 'object', additionalProperties: { type: 'integer' }, description: "support of the actor's relations: named, anonymous, reporter" },
          },
          required: ['actor', 'aliases', 'roles', 'relations', 'quotesBy', 'quotesAbout', 'merges'],
        },
        ...errorResponses(400, 404),
      },
    },
  }, async (req) => {
    const p = await actorProfile(ctx.store.db, req.params.id);
    const snap = await ctx.cache.get();
    const sourcing: Record<string, number> = { named: 0, anonymous: 0, reporter: 0 };
    for (const r of p.relations) sourcing[r.support] = (sourcing[r.support] ?? 0) + 1;
    return { ...p, actor: { ...p.actor, degree: snap.nodeById.get(p.actor.id)?.degree ?? 0 }, sourcing };
  });
}

async function topActors(ctx: RouteContext, o: { type?: string; sort: ListQuery['sort']; limit: number }) {
  const snap = await ctx.cache.get();
  // listActors reloads the network; the cached snapshot answers the common case without a query
  if (o.sort === 'name') return listActors(ctx.store.db, o);
  let nodes = snap.network.nodes;
  if (o.type) nodes = nodes.filter((n) => n.type === o.type);
  const key = o.sort === 'degree' ? 'degree' : o.sort === 'articles' ? 'articles' : 'mentions';
  return [...nodes].sort((x, y) => y[key] - x[key] || y.mentions - x.mentions || x.name.localeCompare(y.name)).slice(0, o.limit);
}
