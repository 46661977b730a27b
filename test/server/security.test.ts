/**
 * What keeps the server safe to run: read-only unless told otherwise, bodies limited (413), analyses rate
 * limited (429), a Content-Security-Policy without inline scripts, no request value reaching the file
 * system, and loopback by default.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type TestServer } from './harness.js';
import { CSP_DIRECTIVES } from '../../src/server/app.js';
import { DEFAULT_HOST } from '../../src/server/serve-command.js';

const ARTICLE = 'WASHINGTON - Commerce Secretary Howard Lutnick met Senator Ana Lopez in Washington on Monday, aides said.';

describe('read-only server', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startFixtureServer({ bodyLimit: 64 * 1024, analyzeRatePerMinute: 3 }, false);
  });
  afterAll(async () => s?.close());

  it('refuses to ingest (403) and stores nothing', async () => {
    const before = (await s.app.inject('/api/stats')).json().articles;
    const r = await s.app.inject({ method: 'POST', url: '/api/articles', payload: { text: ARTICLE } });
    expect(r.statusCode).toBe(403);
    expect(r.json().message).toMatch(/--allow-ingest/);
    expect((await s.app.inject('/api/stats')).json().articles).toBe(before);
  });

  it('answers 413 for a body over the limit, as JSON', async () => {
    const r = await s.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: 'x '.repeat(40 * 1024) } });
    expect(r.statusCode).toBe(413);
    expect(r.json()).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('answers 415 for a content type it does not read, and 400 for a body without text', async () => {
    const xml = await s.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'application/xml' }, payload: '<a/>', remoteAddress: '10.0.0.2' });
    expect(xml.statusCode).toBe(415);
    const empty = await s.app.inject({ method: 'POST', url: '/api/analyze', payload: { title: 'no text' }, remoteAddress: '10.0.0.3' });
    expect(empty.statusCode).toBe(400);
    const extra = await s.app.inject({ method: 'POST', url: '/api/analyze', payload: { text: ARTICLE, path: '/etc/passwd' }, remoteAddress: '10.0.0.4' });
    expect(extra.statusCode).toBe(400);
  });

  it('rate-limits analyses per client (429 after the limit)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await s.app.inject({ method: 'POST', url: '/api/analyze', headers: { 'content-type': 'text/plain' }, payload: ARTICLE, remoteAddress: '10.0.0.7' });
      statuses.push(r.statusCode);
      if (r.statusCode === 200) expect(r.json().brief).toContain('Lutnick');
      if (r.statusCode === 429) expect(r.json()).toMatchObject({ statusCode: 429 });
    }
    // each client has its own budget: the requests above came from other addresses
    expect(statuses).toEqual([200, 200, 200, 429]);
    // reads are not limited
    for (let i = 0; i < 5; i++) expect((await s.app.inject({ url: '/api/stats', remoteAddress: '10.0.0.7' })).statusCode).toBe(200);
  });

  it('sends a Content-Security-Policy without inline scripts on the page and the API', async () => {
    for (const url of ['/', '/api/stats']) {
      const csp = String((await s.app.inject(url)).headers['content-security-policy']);
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
    expect(CSP_DIRECTIVES.scriptSrc).toEqual(["'self'"]);
    const page = await s.app.inject('/');
    expect(page.body).toMatch(/<script type="module" crossorigin src="\/assets\/[^"]+\.js"><\/script>/);
    expect(page.body).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/); // every script is a file
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('never turns a request path into a file path', async () => {
    for (const url of ['/../package.json', '/..%2fpackage.json', '/assets/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fsrc%2fserver%2fapp.ts', '/index.html%00.js', '/etc/passwd']) {
      const r = await s.app.inject(url);
      expect(r.statusCode, url).toBe(404);
      expect(r.body).not.toContain('"name": "backchannel"');
      expect(r.body).not.toContain('buildServer');
    }
    expect((await s.app.inject('/api/articles/..%2f..%2fpackage.json')).statusCode).toBe(400);
  });
});

describe('a server started with --allow-ingest', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startFixtureServer({ allowIngest: true }, false);
  });
  afterAll(async () => s?.close());

  it('ingests an article (201), finds it again (200, unchanged), and the network sees it at once', async () => {
    const before = (await s.app.inject('/api/stats')).json();
    const first = await s.app.inject({ method: 'POST', url: '/api/articles', payload: { text: ARTICLE, title: 'Lutnick meets Lopez', published: '2025-07-01' } });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ outcome: 'added' });
    const again = await s.app.inject({ method: 'POST', url: '/api/articles', payload: { text: ARTICLE, title: 'Lutnick meets Lopez', published: '2025-07-01' } });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ outcome: 'unchanged', id: first.json().id });
    const after = (await s.app.inject('/api/stats')).json();
    expect(after.articles).toBe(before.articles + 1);
    const lopez = (await s.app.inject('/api/actors?q=Lopez')).json().items;
    expect(lopez.map((a: { name: string }) => a.name)).toContain('Ana Lopez');
  });
});

describe('defaults', () => {
  it('binds to the loopback address unless told otherwise', () => {
    expect(DEFAULT_HOST).toBe('127.0.0.1');
  });
});
