/** GET /api/channels: ranked paths between two actors, each hop with its evidence. */
import type { FastifyInstance } from 'fastify';
import { ChannelGraph, findChannels } from '../../corpus/channels.js';
import { findActor } from '../../corpus/lookup.js';
import { badRequest } from '../errors.js';
import { errorResponses } from '../schemas.js';
import type { RouteContext } from '../context.js';

interface ChannelsQuery { from: string; to: string; maxHops: number; limit: number; avoid?: string; comentions: boolean }

const MAX_AVOID = 20;

export function channelRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: ChannelsQuery }>('/api/channels', {
    schema: {
      summary: 'How can A reach B, and through whom?',
      description: 'The cheapest simple paths of at most maxHops hops: strong, recent, well-sourced ties are cheap, hubs cost more. Each hop carries its best evidence sentences and articles. avoid: actors the paths must not pass through.',
      tags: ['network'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['from', 'to'],
        properties: {
          from: { type: 'string', minLength: 1, maxLength: 300, description: 'actor id or name' },
          to: { type: 'string', minLength: 1, maxLength: 300, description: 'actor id or name' },
          maxHops: { type: 'integer', minimum: 1, maximum: 5, default: 3 },
          limit: { type: 'integer', minimum: 1, maximum: 20, default: 5, description: 'number of paths' },
          avoid: { type: 'string', minLength: 1, maxLength: 3000, description: `actor ids or names, separated by "|" (at most ${MAX_AVOID})` },
          comentions: { type: 'boolean', default: false, description: 'also walk co-mention ties (weak)' },
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            from: { type: 'object', additionalProperties: true, properties: { id: { type: 'string' }, name: { type: 'string' } } },
            to: { type: 'object', additionalProperties: true, properties: { id: { type: 'string' }, name: { type: 'string' } } },
            paths: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: true,
                properties: {
                  actors: { type: 'array', items: { type: 'object', additionalProperties: true } },
                  hops: { type: 'array', items: { type: 'object', additionalProperties: true } },
                  cost: { type: 'number' },
                },
              },
            },
          },
          required: ['from', 'to', 'paths'],
        },
        ...errorResponses(400, 404),
      },
    },
  }, async (req) => {
    const q = req.query;
    const db = ctx.store.db;
    const a = await findActor(db, q.from);
    const b = await findActor(db, q.to);
    const avoidNames = q.avoid ? q.avoid.split('|').map((s) => s.trim()).filter(Boolean) : [];
    if (avoidNames.length > MAX_AVOID) throw badRequest(`querystring/avoid: at most ${MAX_AVOID} actors`);
    const avoid = new Set<string>();
    for (const n of avoidNames) avoid.add((await findActor(db, n)).id);
    if (avoid.has(a.id) || avoid.has(b.id)) throw badRequest('querystring/avoid: cannot avoid the path ends');
    let graph = await ctx.cache.channelGraph(q.comentions);
    if (avoid.size) {
      const snap = await ctx.cache.get();
      const net = snap.network;
      // a graph without the avoided actors' ties (the comention layer is rebuilt from the cached rows)
      const comentions = q.comentions ? (await ctx.cache.comentionRows()).filter((c) => !avoid.has(c.a) && !avoid.has(c.b)) : [];
      graph = new ChannelGraph(
        {
          nodes: net.nodes,
          edges: net.edges.filter((e) => !avoid.has(e.subject) && !avoid.has(e.object)),
          comentions: comentionEdgesOf(comentions),
        },
        { comentions: q.comentions, asOf: snap.asOf ?? undefined },
      );
    }
    const paths = await findChannels(db, a.id, b.id, { maxHops: q.maxHops, limit: q.limit, comentions: q.comentions }, graph);
    return { from: { id: a.id, name: a.name, type: a.type }, to: { id: b.id, name: b.name, type: b.type }, paths };
  });
}

/** Co-mention rows per article → one edge per pair, as the network module aggregates them. */
function comentionEdgesOf(rows: { a: string; b: string; articleId: string; date: string | null }[]) {
  const m = new Map<string, { a: string; b: string; articles: Set<string>; paragraphs: number; lastDate: string | null }>();
  for (const r of rows) {
    const k = r.a + '\u0000' + r.b;
    let e = m.get(k);
    if (!e) m.set(k, (e = { a: r.a, b: r.b, articles: new Set(), paragraphs: 0, lastDate: null }));
    e.articles.add(r.articleId);
    e.paragraphs++;
    if (r.date && (!e.lastDate || r.date > e.lastDate)) e.lastDate = r.date;
  }
  return [...m.values()].map((e) => ({ a: e.a, b: e.b, articles: e.articles.size, paragraphs: e.paragraphs, lastDate: e.lastDate }));
}
