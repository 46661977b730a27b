/** GET /api/story: the dated story between two actors (or their circles), as `backchannel story A B` prints it. */
import type { FastifyInstance } from 'fastify';
import { buildStory } from '../../watch/story.js';
import { errorResponses } from '../schemas.js';
import type { RouteContext } from '../context.js';

interface StoryQuery { a: string; b: string; circles: boolean }

export function storyRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: StoryQuery }>('/api/story', {
    schema: {
      summary: 'The story between two actors',
      description: 'Contacts, attempts, ties, statements and role changes between two actors (with circles: also the people who work for, advise, represent or are close to them), deduplicated, in date order, each with its first report date and its sources.',
      tags: ['network'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['a', 'b'],
        properties: {
          a: { type: 'string', minLength: 1, maxLength: 300, description: 'actor id or name' },
          b: { type: 'string', minLength: 1, maxLength: 300, description: 'actor id or name' },
          circles: { type: 'boolean', default: true, description: 'include the circles of both actors' },
        },
      },
      response: {
        200: {
          type: 'object',
          additionalProperties: true,
          properties: {
            a: { type: 'object', additionalProperties: true },
            b: { type: 'object', additionalProperties: true },
            entries: { type: 'array', items: { type: 'object', additionalProperties: true } },
          },
          required: ['a', 'b', 'entries'],
        },
        ...errorResponses(400, 404),
      },
    },
  }, async (req) => buildStory(ctx.store.db, req.query.a, req.query.b, { circles: req.query.circles }));
}
