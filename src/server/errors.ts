/**
 * Every error leaves the server as JSON `{ statusCode, error, message }` with the status that says what
 * went wrong: 400 a bad parameter, 403 ingest not allowed, 404 unknown actor or article, 413 a body over
 * the limit, 429 too many analyses, 500 our fault (details in the log, not in the answer).
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { ActorNotFound } from '../corpus/lookup.js';

export class HttpError extends Error {
  constructor(readonly statusCode: number, message: string) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string) => new HttpError(400, message);
export const notFound = (message: string) => new HttpError(404, message);

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const errorBody = (statusCode: number, message: string) => ({ statusCode, error: REASONS[statusCode] ?? 'Error', message });

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof ActorNotFound) return reply.code(404).send(errorBody(404, err.message));
    let status = err.statusCode ?? (err instanceof HttpError ? err.statusCode : 500);
    if (err.validation) status = 400;
    if (status >= 500) {
      req.log.error(err);
      return reply.code(status).send(errorBody(status, 'internal error: see the server log'));
    }
    // fastify's validation messages name the part and the parameter: "querystring/maxHops must be integer"
    return reply.code(status).send(errorBody(status, err.message));
  });
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(errorBody(404, `no route ${req.method} ${req.url.split('?')[0]}`));
  });
}
