/** GET /api/network: the filtered, capped network (or an actor's ego network) for the network view. */
import type { FastifyInstance } from 'fastify';
import { findActor } from '../../corpus/lookup.js';
import { MAX_NODES, networkView } from '../network-view.js';
import { badRequest } from '../errors.js';
import { dateParam, errorResponses, listParam, nstr } from '../schemas.js';
import type { RouteContext } from '../context.js';

/**
 * Recent answers, serialized, per corpus version: the first view everyone opens (the whole network) is
 * computed once, not once per visitor. Small, because a large corpus's answer is a few MiB.
 */
const ANSWER_CACHE_SIZE = 16;

const ACTOR_TYPES = new Set(['person', 'organization', 'location', 'other']);
const FAMILIES = new Set(['tie', 'event']);

interface NetworkQuery {
  from?: string;
  to?: string;
  types?: string;
  families?: string;
  predicates?: string;
  minSupport: number;
  comentions: boolean;
  ego?: string;
  depth: number;
  limit: number;
}

const list = (v: string | undefined, allowed: Set<string> | null, name: string): string[] | undefined => {
  if (!v) return undefined;
  const parts = v.split(',');
  const bad = allowed ? parts.find((p) => !allowed.has(p)) : undefined;
  if (bad) throw badRequest(`querystring/${name}: ${bad} is not one of ${[...allowed!].join(', ')}`);
  return parts;
};

export function networkRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const answers = new Map<string, string>();
  app.get<{ Querystring: NetworkQuery }>('/api/network', {
    schema: {
      summary: 'The network, filtered and capped',
      description: `Edges aggregate the stated relations between two actors (either direction) that pass the filters. With ego, only actors within depth hops of it. At most limit (≤ ${MAX_NODES}) nodes, the best connected first; capped says the cap applied, totalNodes/totalEdges give the size before it.`,
      tags: ['network'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        properties: {
          from: dateParam('relations dated on or after'),
          to: dateParam('relations dated on or before'),
          types: listParam('actor types to keep: person, organization, location, other (comma-separated)'),
          families: listParam('relation families: tie, event (comma-separated)'),
          predicates: listParam('relation types: consult, advises, works_for, … (comma-separated)'),
          minSupport: { type: 'integer', minimum: 1, maximum: 10_000, default: 1, description: 'minimum distinct articles behind an edge' },
          comentions: { type: 'boolean', default: false, description: 'add co-mention edges (same paragraph) where no relation is stated' },
          ego: { type: 'string', minLength: 1, maxLength: 300, description: 'actor id or name: its ego network' },
          depth: { type: 'integer', minimum: 1, maximum: 3, default: 1, description: 'hops from ego' },
          limit: { type: 'integer', minimum: 1, maximum: MAX_NODES, default: MAX_NODES, description: 'most nodes answered' },
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            nodes: { type: 'array', items: { $ref: 'ActorNode#' } },
            edges: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: true,
                properties: {
                  source: { type: 'string' },
                  target: { type: 'string' },
                  family: { type: 'string', enum: ['tie', 'event', 'mixed', 'comention'] },
                  relations: { type: 'integer' },
                  articles: { type: 'integer' },
                  firstDate: nstr,
                  lastDate: nstr,
                  dates: { type: 'array', items: { type: 'string' } },
                },
                required: ['source', 'target', 'family', 'articles', 'dates'],
              },
            },
            capped: { type: 'boolean' },
            edgesCapped: { type: 'boolean', description: 'only the strongest edges (by supporting articles) among the answered nodes are included' },
            limit: { type: 'integer' },
            totalNodes: { type: 'integer' },
            totalEdges: { type: 'integer' },
            ego: nstr,
          },
          required: ['nodes', 'edges', 'capped', 'edgesCapped', 'limit', 'totalNodes', 'totalEdges', 'ego'],
        },
        ...errorResponses(400, 404),
      },
    },
  }, async (req, reply) => {
    const q = req.query;
    if (q.from && q.to && q.from > q.to) throw badRequest('querystring: from is after to');
    const filter = {
      from: q.from,
      to: q.to,
      types: list(q.types, ACTOR_TYPES, 'types'),
      families: list(q.families, FAMILIES, 'families'),
      predicates: list(q.predicates, null, 'predicates'),
      minSupport: q.minSupport,
      comentions: q.comentions,
      depth: q.depth,
      limit: q.limit,
    };
    const egoId = q.ego ? (await findActor(ctx.store.db, q.ego)).id : null;
    const key = JSON.stringify([ctx.cache.version, egoId, filter]);
    let body = answers.get(key);
    if (body === undefined) {
      const snap = await ctx.cache.get();
      const comentions = q.comentions ? await ctx.cache.comentionRows() : null;
      body = JSON.stringify(networkView(snap, comentions, filter, egoId));
      if (answers.size >= ANSWER_CACHE_SIZE) answers.delete(answers.keys().next().value!);
      answers.set(key, body);
    }
    // already JSON: sent as it is (its shape is the schema above, checked by the tests)
    return reply.type('application/json; charset=utf-8').send(body);
  });
}
