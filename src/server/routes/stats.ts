/** GET /api/stats: what the corpus holds (the home page and the time slider's range). */
import type { FastifyInstance } from 'fastify';
import { num } from '../../corpus/store.js';
import type { RouteContext } from '../context.js';

export function statsRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/api/stats', {
    schema: {
      summary: 'Corpus size, date range, and what this server allows',
      tags: ['corpus'],
      response: {
        200: {
          type: 'object',
          properties: {
            articles: { type: 'integer' },
            actors: { type: 'integer' },
            relations: { type: 'integer' },
            edges: { type: 'integer' },
            firstDate: { type: ['string', 'null'] },
            lastDate: { type: ['string', 'null'] },
            predicates: { type: 'array', items: { type: 'string' }, description: 'relation types present' },
            allowIngest: { type: 'boolean' },
          },
          required: ['articles', 'actors', 'relations', 'edges', 'firstDate', 'lastDate', 'predicates', 'allowIngest'],
        },
      },
    },
  }, async () => {
    const snap = await ctx.cache.get();
    const articles = await ctx.store.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    let first: string | null = null;
    let last: string | null = null;
    const predicates = new Set<string>();
    for (const r of snap.relations) {
      predicates.add(r.predicate.split('/')[0]);
      if (!r.date) continue;
      if (!first || r.date < first) first = r.date;
      if (!last || r.date > last) last = r.date;
    }
    return {
      articles: num(articles?.n),
      actors: snap.network.nodes.length,
      relations: snap.relations.length,
      edges: snap.network.edges.length,
      firstDate: first,
      lastDate: last,
      predicates: [...predicates].sort(),
      allowIngest: ctx.options.allowIngest,
    };
  });
}
