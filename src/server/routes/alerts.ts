/** GET /alerts.atom: the alerts of `backchannel watch` as an Atom feed, for any feed reader. */
import type { FastifyInstance } from 'fastify';
import { alertsAtom } from '../../watch/alerts/atom.js';
import type { RouteContext } from '../context.js';

export function alertRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.get('/alerts.atom', {
    schema: {
      summary: 'The newest alerts of `backchannel watch` (Atom 1.0)',
      tags: ['corpus'],
      response: { 200: { type: 'string', description: 'an Atom feed' } },
    },
  }, async (req, reply) => {
    const self = `${req.protocol}://${req.host}/alerts.atom`;
    reply.type('application/atom+xml; charset=utf-8');
    return alertsAtom(ctx.store.db, self);
  });
}
