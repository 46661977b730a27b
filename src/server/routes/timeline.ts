/** GET /api/timeline: the dated relations of an actor, or of a pair. */
import type { FastifyInstance } from 'fastify';
import { findActor } from '../../corpus/lookup.js';
import { actorNames, datedEvents } from '../../corpus/queries.js';
import { errorResponses, nstr } from '../schemas.js';
import type { RouteContext } from '../context.js';

interface TimelineQuery { actor: string; pair?: string; limit: number }

export function timelineRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get<{ Querystring: TimelineQuery }>('/api/timeline', {
    schema: {
      summary: 'Dated events of an actor, or between two actors',
      description: "The actor's stated relations in date order (undated last), each with its sentence and article. With pair, only those between actor and pair (either direction).",
      tags: ['network'],
      querystring: {
        type: 'object',
        additionalProperties: false,
        required: ['actor'],
        properties: {
          actor: { type: 'string', minLength: 1, maxLength: 300, description: 'actor id or name' },
          pair: { type: 'string', minLength: 1, maxLength: 300, description: 'the other actor (id or name)' },
          limit: { type: 'integer', minimum: 1, maximum: 2000, default: 500 },
        },
      },
      response: {
        200: {
          type: 'object',
          properties: {
            actor: { type: 'object', additionalProperties: true, properties: { id: { type: 'string' }, name: { type: 'string' } } },
            pair: { type: ['object', 'null'], additionalProperties: true, properties: { id: { type: 'string' }, name: { type: 'string' } } },
            events: {
              type: 'array',
              items: {
                type: 'object',
                additionalProperties: true,
                properties: { date: nstr, subject: { type: 'string' }, object: { type: 'string' }, subjectName: { type: 'string' }, objectName: { type: 'string' }, predicate: { type: 'string' }, sentence: { type: 'string' }, articleId: { type: 'string' } },
              },
            },
          },
          required: ['actor', 'pair', 'events'],
        },
        ...errorResponses(400, 404),
      },
    },
  }, async (req) => {
    const db = ctx.store.db;
    const a = await findActor(db, req.query.actor);
    const b = req.query.pair ? await findActor(db, req.query.pair) : null;
    const events = await datedEvents(db, a.id, b?.id ?? null, req.query.limit);
    const names = await actorNames(db, events.flatMap((e) => [e.subject, e.object]));
    return {
      actor: { id: a.id, name: a.name, type: a.type },
      pair: b ? { id: b.id, name: b.name, type: b.type } : null,
      events: events.map((e) => ({ ...e, subjectName: names.get(e.subject)?.name ?? e.subject, objectName: names.get(e.object)?.name ?? e.object })),
    };
  });
}
