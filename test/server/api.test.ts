/**
 * The JSON API over the fixture corpus, through Fastify's inject (the same router, no socket): every
 * endpoint, parameter validation, the JSON errors and their statuses, the OpenAPI document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startFixtureServer, type TestServer } from './harness.js';

let s: TestServer;
beforeAll(async () => {
  s = await startFixtureServer({}, false);
});
afterAll(async () => {
  await s?.close();
});

const get = async (url: string) => {
  const r = await s.app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.headers['content-type']?.toString().startsWith('application/json') ? r.json() : r.body, headers: r.headers };
};

describe('OpenAPI', () => {
  it('/openapi.json is a valid OpenAPI 3 document that describes every API route', async () => {
    const { status, body } = await get('/openapi.json');
    expect(status).toBe(200);
    expect(body.openapi).toMatch(/^3\./);
    const result = await new Validator().validate(body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const routes = Object.entries(body.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`));
    for (const r of ['POST /api/analyze', 'POST /api/articles', 'GET /api/articles', 'GET /api/articles/{id}', 'GET /api/actors', 'GET /api/actors/{id}', 'GET /api/network', 'GET /api/channels', 'GET /api/timeline', 'GET /api/story', 'GET /api/export', 'GET /api/stats']) {
      expect(routes).toContain(r);
    }
    // the one route outside /api/: the alerts of `backchannel watch`, where feed readers look for a feed
    expect(routes.filter((r) => !r.includes('/api/'))).toEqual(['GET /alerts.atom']);
    // parameters are described with their types and limits
    const hops = body.paths['/api/channels'].get.parameters.find((p: { name: string }) => p.name === 'maxHops');
    expect(hops.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 5 });
  });
});

describe('actors', () => {
  it('autocompletes by the start of any name word, with type and degree', async () => {
    const { status, body } = await get('/api/actors?q=trum');
    expect(status).toBe(200);
    const trump = body.items.find((a: { name: string }) => a.name === 'Donald Trump');
    expect(trump).toMatchObject({ id: 'person:donald-trump', type: 'person' });
    expect(trump.degree).toBeGreaterThan(0);
    expect((await get('/api/actors?q=zzzzqq')).body.items).toEqual([]);
  });

  it('lists the best connected actors without q', async () => {
    const { body } = await get('/api/actors?sort=degree&limit=3');
    expect(body.items).toHaveLength(3);
    expect(body.items[0].degree).toBeGreaterThanOrEqual(body.items[2].degree);
  });

  it('answers an actor page with relations, evidence and article ids', async () => {
    const { status, body } = await get('/api/actors/' + encodeURIComponent('Howard Lutnick'));
    expect(status).toBe(200);
    expect(body.actor.id).toBe('person:howard-lutnick');
    expect(body.relations.length).toBeGreaterThan(0);
    for (const r of body.relations) {
      expect(r.sentence).toMatch(/Lutnick/);
      expect(r.articleId).toMatch(/^[0-9a-f]{32}$/);
    }
    expect(body.merges.length).toBeGreaterThan(1);
    expect(body.sourcing.named + body.sourcing.anonymous + body.sourcing.reporter).toBe(body.relations.length);
  });

  it('404 with a JSON message for an unknown actor', async () => {
    const { status, body } = await get('/api/actors/Nobody%20Atall');
    expect(status).toBe(404);
    expect(body).toEqual({ statusCode: 404, error: 'Not Found', message: 'no actor matches "Nobody Atall"' });
  });
});

describe('network', () => {
  it('answers edges between known nodes, each with dates, family and support', async () => {
    const { status, body } = await get('/api/network');
    expect(status).toBe(200);
    expect(body.capped).toBe(false);
    const ids = new Set(body.nodes.map((n: { id: string }) => n.id));
    expect(body.edges.length).toBeGreaterThan(3);
    for (const e of body.edges) {
      expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
      expect(['tie', 'event', 'mixed', 'comention']).toContain(e.family);
      expect(e.articles).toBeGreaterThanOrEqual(1);
    }
    expect(body.totalEdges).toBe(body.edges.length);
  });

  it('caps to the best connected nodes and says so', async () => {
    const all = (await get('/api/network')).body;
    const { body } = await get('/api/network?limit=3');
    expect(body.capped).toBe(true);
    expect(body.nodes).toHaveLength(3);
    expect(body.totalNodes).toBe(all.nodes.length);
    const maxDegree = Math.max(...all.nodes.map((n: { degree: number }) => n.degree));
    expect(Math.max(...body.nodes.map((n: { degree: number }) => n.degree))).toBe(maxDegree);
    const kept = new Set(body.nodes.map((n: { id: string }) => n.id));
    for (const e of body.edges) expect(kept.has(e.source) && kept.has(e.target)).toBe(true);
  });

  it('filters by date, family and actor type, and answers an ego network', async () => {
    const all = (await get('/api/network')).body;
    const march = (await get('/api/network?from=2025-03&to=2025-03')).body;
    expect(march.edges.length).toBeGreaterThan(0);
    expect(march.edges.length).toBeLessThan(all.edges.length);
    for (const e of march.edges) expect(e.dates.some((d: string) => d.startsWith('2025-03'))).toBe(true);
    const ties = (await get('/api/network?families=tie')).body;
    for (const e of ties.edges) expect(e.family).toBe('tie');
    const people = (await get('/api/network?types=person')).body;
    for (const n of people.nodes) expect(n.type).toBe('person');
    const ego = (await get('/api/network?ego=Trump&depth=1')).body;
    expect(ego.ego).toBe('person:donald-trump');
    for (const e of ego.edges) expect([e.source, e.target].includes('person:donald-trump') || ego.nodes.length > 1).toBe(true);
    const neighbours = new Set(all.edges.flatMap((e: { source: string; target: string }) => (e.source === 'person:donald-trump' ? [e.target] : e.target === 'person:donald-trump' ? [e.source] : [])));
    expect(new Set(ego.nodes.map((n: { id: string }) => n.id))).toEqual(new Set(['person:donald-trump', ...neighbours]));
  });

  it('rejects bad parameters with 400 and a message naming them', async () => {
    for (const [url, word] of [
      ['/api/network?minSupport=abc', 'minSupport'],
      ['/api/network?from=March', 'from'],
      ['/api/network?families=tie,gossip', 'gossip'],
      ['/api/network?limit=5000', 'limit'],
      ['/api/network?depth=9&ego=Trump', 'depth'],
      ['/api/network?from=2025-05&to=2025-01', 'after'],
      ['/api/network?colour=red', 'additional'],
      ['/api/channels?from=Trump', 'to'],
      ['/api/channels?from=Trump&to=Lutnick&maxHops=0', 'maxHops'],
      ['/api/export?format=pdf', 'format'],
      ['/api/articles/not-a-hash', 'id'],
    ]) {
      const { status, body } = await get(url);
      expect(status, url).toBe(400);
      expect(body.statusCode).toBe(400);
      expect(body.message, url).toContain(word);
    }
  });
});

describe('channels and timeline', () => {
  it('ranks paths between two actors, each hop with evidence', async () => {
    const { status, body } = await get('/api/channels?from=Hillman&to=Trump&maxHops=3');
    expect(status).toBe(200);
    expect(body.paths.length).toBeGreaterThan(0);
    for (const p of body.paths) {
      expect(p.actors[0].id).toBe('person:kirsten-hillman');
      expect(p.actors.at(-1).id).toBe('person:donald-trump');
      expect(p.hops.length).toBeLessThanOrEqual(3);
      for (const h of p.hops) if (h.layer === 'relation') expect(h.evidence[0].sentence.length).toBeGreaterThan(10);
    }
    const costs = body.paths.map((p: { cost: number }) => p.cost);
    expect(costs).toEqual([...costs].sort((a, b) => a - b));
  });

  it('avoids the actors it is told to avoid', async () => {
    const all = (await get('/api/channels?from=Hillman&to=Trump&maxHops=3')).body;
    const through = all.paths[0].actors[1];
    const { body } = await get('/api/channels?from=Hillman&to=Trump&maxHops=3&avoid=' + encodeURIComponent(through.id));
    for (const p of body.paths) expect(p.actors.map((a: { id: string }) => a.id)).not.toContain(through.id);
    expect((await get('/api/channels?from=Hillman&to=Trump&avoid=Trump')).status).toBe(400);
    expect((await get('/api/channels?from=Hillman&to=Nobody%20Atall')).status).toBe(404);
  });

  it('lists dated events of an actor and of a pair', async () => {
    const { body } = await get('/api/timeline?actor=Carney');
    expect(body.actor.id).toBe('person:mark-carney');
    const dated = body.events.filter((e: { date: string | null }) => e.date).map((e: { date: string }) => e.date);
    expect(dated).toEqual([...dated].sort());
    const pair = (await get('/api/timeline?actor=Carney&pair=Trump')).body;
    expect(pair.events.length).toBeGreaterThan(0);
    for (const e of pair.events) expect([e.subject, e.object].sort()).toEqual(['person:donald-trump', 'person:mark-carney']);
  });

  it('tells the story between two actors, each entry with its sentence and sources', async () => {
    const { status, body } = await get('/api/story?a=Carney&b=Trump');
    expect(status).toBe(200);
    expect([body.a.id, body.b.id]).toEqual(['person:mark-carney', 'person:donald-trump']);
    expect(body.entries.length).toBeGreaterThan(0);
    for (const e of body.entries) {
      expect(e.sentence.length).toBeGreaterThan(10);
      expect(e.sources.length).toBeGreaterThan(0);
    }
    expect((await get('/api/story?a=Carney&b=Nobody%20Atall')).status).toBe(404);
    expect((await get('/api/story?a=Carney')).status).toBe(400);
  });
});

describe('articles', () => {
  it('searches by words, outlet, date and actor', async () => {
    const words = (await get('/api/articles?q=constructive%20tariffs')).body;
    expect(words.items.map((a: { title: string }) => a.title)).toEqual(['Carney and Trump speak by phone ahead of summit']);
    const outlet = (await get('/api/articles?outlet=Example%20Wire')).body;
    expect(outlet.total).toBe(1);
    const dated = (await get('/api/articles?from=2025-04&to=2025-04')).body;
    for (const a of dated.items) expect(a.published.startsWith('2025-04')).toBe(true);
    const lutnick = (await get('/api/articles?actor=Lutnick')).body;
    expect(lutnick.total).toBe(2);
    expect((await get('/api/articles?q=%25')).body.total).toBe(0); // a literal %, not a wildcard
  });

  it('answers an article with its analysis, actor links and brief; 404 for an unknown id', async () => {
    const id = (await get('/api/articles?q=constructive')).body.items[0].id;
    const { status, body } = await get('/api/articles/' + id);
    expect(status).toBe(200);
    expect(body.analysis.schema).toBe('backchannel.analysis/1');
    expect(body.analysis.quotes.length).toBeGreaterThan(0);
    expect(Object.values(body.actorOf)).toContain('person:mark-carney');
    expect(body.brief).toContain('# Carney and Trump');
    expect(body.origin).toBeUndefined(); // the local file path stays on the server
    expect((await get('/api/articles/' + 'f'.repeat(32))).status).toBe(404);
  });
});

describe('export', () => {
  it('streams each format with its content type', async () => {
    const graphml = await get('/api/export?format=graphml');
    expect(graphml.status).toBe(200);
    expect(String(graphml.headers['content-type'])).toMatch(/xml/);
    expect(graphml.body).toContain('<graphml');
    expect(graphml.body).toContain('Donald Trump');
    const ftm = await get('/api/export?format=ftm');
    const lines = String(ftm.body).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.some((e) => e.schema === 'Person')).toBe(true);
    const json = await get('/api/export?format=json');
    expect(String(json.body).trim().split('\n').length).toBe((await get('/api/stats')).body.articles);
  });
});
