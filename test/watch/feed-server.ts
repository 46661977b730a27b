/**
 * A feed server for the watch tests, on 127.0.0.1 only: each path answers as its route says (a feed with an
 * ETag and Last-Modified that honours conditional GETs, an HTML page, an error with Retry-After, a redirect,
 * or no answer at all). Routes change between polls; every request is recorded, with how many ran at once.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route =
  | { kind: 'body'; body: string; type: string; etag?: string; lastModified?: string }
  | { kind: 'status'; status: number; retryAfter?: string }
  | { kind: 'redirect'; to: string }
  | { kind: 'hang' }
  /** Answers as `then` after ms milliseconds. */
  | { kind: 'delay'; ms: number; then: Route }
  /** Streams this many bytes of filler after a valid feed opening (a gigantic response). */
  | { kind: 'huge'; bytes: number };

export interface RequestLog {
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
}

export class FeedServer {
  readonly routes = new Map<string, Route>();
  readonly requests: RequestLog[] = [];
  inFlight = 0;
  /** Called as each request arrives (before it is answered). */
  onRequest: ((path: string) => void) | null = null;
  maxInFlight = 0;
  private hung: ServerResponse[] = [];

  private constructor(private readonly server: Server, readonly base: string) {}

  static async start(): Promise<FeedServer> {
    let self!: FeedServer;
    const server = createServer((req, res) => self.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    self = new FeedServer(server, `http://127.0.0.1:${port}`);
    return self;
  }

  url(path: string): string {
    return this.base + path;
  }

  /** A feed body with validators derived from its content (a changed body gets a new ETag). */
  feed(path: string, body: string, type = 'application/rss+xml'): void {
    let h = 0;
    for (let i = 0; i < body.length; i++) h = (h * 31 + body.charCodeAt(i)) | 0;
    this.routes.set(path, { kind: 'body', body, type, etag: `"${(h >>> 0).toString(16)}"`, lastModified: new Date(Date.UTC(2026, 11, 1) + (h >>> 12) * 1000).toUTCString() });
  }

  count(path: string): number {
    return this.requests.filter((r) => r.path === path).length;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? '/').split('?')[0];
    this.onRequest?.(path);
    const route = this.routes.get(path);
    // a request the client gives up on (hang, huge) closes on the server only some time after the client
    // moved on: counting it would report an overlap the client never made, so those are not counted
    const counted = route?.kind !== 'hang' && route?.kind !== 'huge';
    if (counted) this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    this.answer(req, res, path, route, counted);
  }

  private answer(req: IncomingMessage, res: ServerResponse, path: string, route: Route | undefined, counted = true): void {
    const done = (status: number) => {
      this.requests.push({ path, headers: req.headers, status });
      if (counted) this.inFlight--;
    };
    if (!route) {
      res.writeHead(404).end('not found');
      return done(404);
    }
    switch (route.kind) {
      case 'body': {
        if ((route.etag && req.headers['if-none-match'] === route.etag) || (!route.etag && route.lastModified && req.headers['if-modified-since'] === route.lastModified)) {
          res.writeHead(304).end();
          return done(304);
        }
        const headers: Record<string, string> = { 'content-type': route.type };
        if (route.etag) headers.etag = route.etag;
        if (route.lastModified) headers['last-modified'] = route.lastModified;
        res.writeHead(200, headers).end(route.body);
        return done(200);
      }
      case 'status':
        res.writeHead(route.status, route.retryAfter ? { 'retry-after': route.retryAfter } : {}).end('error');
        return done(route.status);
      case 'redirect':
        res.writeHead(302, { location: route.to }).end();
        return done(302);
      case 'delay': {
        const t = setTimeout(() => this.answer(req, res, path, route.then, counted), route.ms);
        res.on('close', () => clearTimeout(t));
        return;
      }
      case 'hang':
        // never answers; the socket is closed when the server stops
        this.hung.push(res);
        res.on('close', () => done(0));
        return;
      case 'huge': {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title><item><title>x</title><description>');
        const chunk = 'x'.repeat(64 * 1024);
        let sent = 0;
        const pump = () => {
          while (sent < route.bytes) {
            sent += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end('</description></item></channel></rss>');
        };
        res.on('close', () => done(200));
        pump();
        return;
      }
    }
  }

  async close(): Promise<void> {
    for (const r of this.hung) r.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
