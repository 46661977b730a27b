/**
 * Alert rules and outputs over hand-built analyses (test/corpus/fixtures.ts), so they do not depend on the
 * NLP stages: pair, neighbour and channel alerts fire once each, a repeated report fires nothing; the
 * webhook is retried until it accepts; /alerts.atom serves them; `watchlist add` shows ambiguous names.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandRunner } from '../command-run.js';
import { parseFeed } from 'feedsmith';
import { ingestAll } from '../../src/corpus/ingest.js';
import type { Store } from '../../src/corpus/store.js';
import { buildServer } from '../../src/server/app.js';
import { evaluateAlerts, initCursor } from '../../src/watch/alerts/evaluate.js';
import { postPending } from '../../src/watch/alerts/deliver.js';
import { registerWatchCommands } from '../../src/watch/commands.js';
import { watchDb } from '../../src/watch/db.js';
import { addWatched, rehomeWatched, resolveActor, resolvePending, watchedIds } from '../../src/watch/watchlist.js';
import { filler, fixtureInputs, type FxActor, type FxArticle } from '../corpus/fixtures.js';
import { openTestStore, testDbTarget } from '../store/target.js';
import { openStore } from '../../src/corpus/store.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const A: FxActor = { id: 'person:alice-hart', name: 'Alice Hart' };
const B: FxActor = { id: 'person:bob-stone', name: 'Bob Stone' };
const C: FxActor = { id: 'person:carl-ames', name: 'Carl Ames' };
const E: FxActor = { id: 'person:eva-stone', name: 'Eva Stone' };
let n = 0;
const article = (relations: FxArticle['relations'], actors: FxActor[], source = 'Fixture Times'): FxArticle => ({ published: `2026-12-0${1 + (n % 9)}`, source, title: `Article ${++n}`, actors, relations, filler: filler(n) });

async function add(store: Store, ...list: FxArticle[]): Promise<void> {
  const { items, analyze } = fixtureInputs(list);
  // fixture origins repeat across calls: give each call its own
  const tag = `batch${n}-`;
  const renamed = items.map((i) => ({ ok: true as const, article: { ...i.article, origin: tag + i.article.origin } }));
  await ingestAll(store, renamed, { analyze: (raw) => analyze({ ...raw, origin: raw.origin.slice(tag.length) }) });
}

let store: Store;
const now = new Date(Date.UTC(2026, 11, 7, 9));

beforeAll(async () => {
  store = await openTestStore();
  // before watching: Alice met Carl
  await add(store, article([{ s: A.id, o: C.id }], [A, C]));
  await initCursor(watchDb(store));
  await addWatched(store, (await resolveActor(store, 'Alice Hart')).actor, now);
});

afterAll(async () => {
  await store?.close();
});

describe('alert rules', () => {
  it('history raises nothing; a contact of one watched actor meeting the other is a neighbour alert', async () => {
    expect(await evaluateAlerts(store, now)).toEqual([]);
    // Bob is not in the corpus yet: added once an article names him
    await add(store, article([{ s: C.id, o: B.id }], [C, B]));
    await addWatched(store, (await resolveActor(store, 'Bob Stone')).actor, now);
    // the baseline for Alice–Bob was taken when Bob was added: Carl–Bob is history for the channel rule
    const fired = await evaluateAlerts(store, now);
    expect(fired.map((a) => a.rule)).toEqual(['neighbour', 'newcomer']);
    expect(fired[0]).toMatchObject({ summary: 'Carl Ames consulted Bob Stone (a contact of Alice Hart)', via: { name: 'Alice Hart' } });
    expect(fired[1].actors.map((x) => x.name)).toEqual(['Bob Stone', 'Carl Ames']);
  });

  it('a direct meeting: a pair alert and a shorter channel, each once', async () => {
    await add(store, article([{ s: A.id, o: B.id, support: 'anonymous' }], [A, B]));
    const fired = await evaluateAlerts(store, now);
    expect(fired.map((a) => a.rule).sort()).toEqual(['channel', 'pair']);
    const channel = fired.find((a) => a.rule === 'channel')!;
    expect(channel).toMatchObject({ hops: 1, previousHops: 2 });
    expect(channel.evidence[0].sentence).toContain('Alice Hart met Bob Stone');
    const pair = fired.find((a) => a.rule === 'pair')!;
    expect(pair.evidence[0]).toMatchObject({ outlet: 'Fixture Times', date: expect.stringMatching(/^2026-12-0\d$/) });
    // the same meeting reported again by another outlet: nothing new
    await add(store, article([{ s: A.id, o: B.id }], [A, B], 'Other Herald'));
    expect(await evaluateAlerts(store, now)).toEqual([]);
  });

  it('a new person next to a watched one is a newcomer alert; the second time it is not', async () => {
    // Alice is mentioned in another paragraph: not next to Eva
    await add(store, article([{ s: E.id, o: B.id, predicate: 'advises' }], [E, B, A]));
    const newcomers = async () => (await evaluateAlerts(store, now)).filter((a) => a.rule === 'newcomer').map((a) => a.actors.map((x) => x.name).join(' / '));
    expect(await newcomers()).toEqual(['Bob Stone / Eva Stone']);
    await add(store, article([{ s: E.id, o: A.id, predicate: 'advises' }, { s: E.id, o: B.id, predicate: 'advises' }], [E, A, B]));
    expect(await newcomers()).toEqual(['Alice Hart / Eva Stone']);
    await add(store, article([{ s: A.id, o: E.id, predicate: 'cooperate' }], [E, A]));
    expect(await newcomers()).toEqual([]);
  });

  it('a channel where there was none is a new channel alert', async () => {
    const D: FxActor = { id: 'person:dora-quill', name: 'Dora Quill' };
    await add(store, article([], [D]));
    await evaluateAlerts(store, now);
    await addWatched(store, (await resolveActor(store, 'Dora Quill')).actor, now);
    await add(store, article([{ s: C.id, o: D.id }], [C, D]));
    const channels = (await evaluateAlerts(store, now)).filter((a) => a.rule === 'channel');
    expect(channels.map((a) => a.summary).sort()).toEqual(['new channel: Alice Hart → Carl Ames → Dora Quill', 'new channel: Bob Stone → Carl Ames → Dora Quill']);
    expect(channels.every((a) => a.previousHops === null && a.hops === 2 && a.evidence.length === 2)).toBe(true);
  });

  it('every alert key is stored once', async () => {
    const keys = (await watchDb(store).selectFrom('watch_alerts').select('key').execute()).map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('outputs', () => {
  let hook: Server;
  let hookUrl: string;
  const received: string[] = [];
  let failFirst = 2;
  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        if (failFirst-- > 0) return void res.writeHead(503).end();
        received.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, '127.0.0.1', r));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((r) => hook.close(() => r())));

  it('the webhook is retried until it accepts, and gets each alert once', async () => {
    const total = (await watchDb(store).selectFrom('watch_alerts').select('key').execute()).length;
    const sent = await postPending(store, { url: hookUrl, pausesMs: [10, 10] });
    expect(sent).toBe(total);
    expect(received).toHaveLength(total);
    expect(await postPending(store, { url: hookUrl, pausesMs: [10, 10] })).toBe(0);
    const first = await watchDb(store).selectFrom('watch_alerts').select('webhook_attempts').orderBy('seq').executeTakeFirstOrThrow();
    expect(Number(first.webhook_attempts)).toBe(3);
  });

  it('a webhook that never answers 2xx is given up after the last attempt, and logged', async () => {
    await add(store, article([{ s: B.id, o: A.id, predicate: 'cooperate' }], [A, B]));
    await evaluateAlerts(store, now);
    const log: string[] = [];
    failFirst = 1000;
    for (let round = 0; round < 4; round++) await postPending(store, { url: hookUrl, pausesMs: [1, 1], log: (l) => log.push(l) });
    const rows = await watchDb(store).selectFrom('watch_alerts').select(['webhook_done', 'webhook_attempts']).where('webhook_done', '!=', 1).execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Number(r.webhook_done) === -1 && Number(r.webhook_attempts) === 8)).toBe(true);
    expect(log.some((l) => l.includes('given up'))).toBe(true);
  });

  it('/alerts.atom serves the alerts as Atom', async () => {
    const app = await buildServer(store);
    try {
      const res = await app.inject({ method: 'GET', url: '/alerts.atom' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
      const feed = parseFeed(res.body);
      expect(feed.format).toBe('atom');
      const keys = await watchDb(store).selectFrom('watch_alerts').select('key').execute();
      expect((feed.feed as { entries: unknown[] }).entries).toHaveLength(keys.length);
      expect(res.body).toContain('Alice Hart met Bob Stone');
    } finally {
      await app.close();
    }
  });
});

describe('watchlist and feeds commands', () => {
  let dir: string;
  let db: string;
  const run = commandRunner(registerWatchCommands, () => ['--db', db]);
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-watchlist-'));
    db = await testDbTarget(join(dir, 'w.db'));
    const s = await openStore(db);
    await add(s, article([{ s: B.id, o: C.id }], [B, C]), article([{ s: E.id, o: C.id }, { s: E.id, o: A.id }], [E, C, A]));
    await s.close();
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an ambiguous name is resolved to the most mentioned actor, and the others are shown with their ids', async () => {
    const r = await run('watchlist', 'add', 'Stone');
    expect(r.out).toMatch(/^watching Eva Stone \(person, person:eva-stone\)/);
    expect(r.out).toContain('"Stone" also matches:');
    expect(r.out).toContain('watchlist add person:bob-stone');
    expect((await run('watchlist', 'add', 'person:bob-stone')).out).toMatch(/^watching Bob Stone/);
    expect((await run('watchlist', 'add', 'Bob Stone')).out).toMatch(/^already watching Bob Stone/);
  });

  it('a name the corpus does not know yet is watched as pending; list and remove', async () => {
    expect((await run('watchlist', 'add', 'Dora Quill')).out).toContain('no actor has this name yet');
    const list = (await run('watchlist', 'list')).out;
    expect(list).toContain('Eva Stone (person');
    expect(list).toContain('Dora Quill — not in the corpus yet');
    expect((await run('watchlist', 'remove', 'Eva Stone')).out).toContain('no longer watching Eva Stone');
    const r = await run('watchlist', 'remove', 'Nobody Here');
    expect(r.code).toBe(1);
    expect(r.err).toContain('not on the watchlist');
    expect((await run('watchlist', 'list', '--json')).out).not.toContain('eva-stone');
  });

  it('feeds says when there are none; story explains an unknown actor', async () => {
    expect((await run('feeds')).out).toContain('no feeds yet');
    const r = await run('story', 'Bob Stone', 'Nobody Here');
    expect(r.code).toBe(1);
    expect(r.err).toContain('no actor matches "Nobody Here"');
    const s = await run('story', 'Bob Stone', 'Eva Stone');
    expect(s.out).toMatch(/^Bob Stone .*↔ Eva Stone/);
  });
});

describe('watchlist across consolidation', () => {
  it('a watched id that consolidation retired is found again by name', async () => {
    const s = await openTestStore();
    try {
      await add(s, article([{ s: A.id, o: C.id }], [A, C]));
      // as if a consolidation pass had given Alice Hart another id since she was added
      await watchDb(s).insertInto('watch_watchlist').values({ actor_id: 'person:alice-hart-old', name: 'Alice Hart', added_at: now.toISOString() }).execute();
      expect(await rehomeWatched(s)).toBe(1);
      await resolvePending(s, now);
      expect(await watchedIds(watchDb(s))).toEqual([A.id]);
      expect(await rehomeWatched(s)).toBe(0);
    } finally {
      await s.close();
    }
  });
});
