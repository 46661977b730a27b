/**
 * Feeds that change between polls, served on 127.0.0.1: new items, edited items, 304s, a syndicated copy,
 * the same story under two URLs; every new item is stored once and every alert fires once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedServer } from './feed-server.js';
import { atom, fullItem, jsonFeed, page, rss, story, teaserItem } from './fixtures.js';
import { INTERVAL_MS, startHarness, type Harness } from './harness.js';
import { addPending, listWatched } from '../../src/watch/watchlist.js';
import { listFeeds } from '../../src/watch/feed-state.js';
import { watchDb } from '../../src/watch/db.js';
import { buildStory } from '../../src/watch/story.js';
import type { Alert } from '../../src/watch/alerts/types.js';
import { itemOrigin } from '../../src/watch/feed-state.js';
import { ingestArticle } from '../../src/corpus/ingest.js';
import { canonicalUrl } from '../../src/watch/canonical.js';
import { analyzeArticle } from '../../src/pipeline/analyze.js';

const envoy = story('en-envoy-meets-minister');
const wire = story('en-envoy-meets-minister-syndicated');
const anon = story('en-anonymous-brandt');
const ortiz = story('en-adviser-ortiz');
const vogt = story('de-botschafterin');
const senator = story('en-senator-visit');

let srv: FeedServer;
let h: Harness;
const alerts = () => h.lines.map((l) => JSON.parse(l) as Alert);

beforeAll(async () => {
  srv = await FeedServer.start();
  h = await startHarness();
  const u = (p: string) => srv.url(p);
  srv.feed('/a.rss', rss('Testpost', [fullItem(envoy, u('/news/envoy'))]));
  // Atom with a teaser only: the page is fetched and read with Readability
  srv.feed('/b.atom', atom('Morning Ledger', [teaserItem(anon, u('/ledger/anon'))]), 'application/atom+xml');
  srv.routes.set('/ledger/anon', { kind: 'body', body: page(anon, 'Morning Ledger'), type: 'text/html; charset=utf-8' });
  srv.feed('/c.json', jsonFeed('Daily Wire', [fullItem(ortiz, u('/wire/ortiz'))]), 'application/feed+json');
  // the same story as /a.rss under a tracking-parameter URL, and a wire copy of it under its own URL
  srv.feed('/d.rss', rss('Aggregator', [fullItem(envoy, u('/news/envoy?utm_source=agg#top'), 'agg-1'), fullItem(wire, u('/agg/wire-copy'), 'agg-2')]));
  await h.setFeeds(['/a.rss', '/b.atom', '/c.json', '/d.rss'].map(u));
  // watched before the corpus knows them: resolved from the first article that names them
  await addPending(h.store, 'Marta Kessler', new Date(h.clock.t));
  await addPending(h.store, 'Jonas Brandt', new Date(h.clock.t));
});

afterAll(async () => {
  await h?.close();
  await srv?.close();
});

describe('watch: feeds that change between polls', () => {
  it('first poll: every feed format read, each story stored once, teasers completed from the page', async () => {
    const c = await h.cycle();
    expect(c.polls.map((p) => p.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    const byUrl = Object.fromEntries(c.polls.map((p) => [p.url.slice(srv.base.length), p.outcomes]));
    expect(byUrl['/a.rss']).toEqual({ new: 1 });
    expect(byUrl['/d.rss']).toEqual({ duplicate: 1, new: 1 });
    // a.rss, b.atom, c.json and the wire copy: four texts; the copy is stored as a copy of the first
    expect(await h.articles()).toBe(4);
    const copies = await h.store.db.selectFrom('articles').select('duplicate_of').where('duplicate_of', 'is not', null).execute();
    expect(copies).toHaveLength(1);
    const anonArticle = await h.store.db.selectFrom('articles').select(['source', 'title', 'language']).where('title', '=', anon.title).executeTakeFirstOrThrow();
    expect(anonArticle.source).toBe('Morning Ledger');
    expect(srv.count('/ledger/anon')).toBe(1);
    // the names given to the watchlist now are actors
    expect((await listWatched(h.store)).map((w) => w.name).sort()).toEqual(['Jonas Brandt', 'Marta Kessler']);
  });

  it('first poll: alerts with their evidence, each key once', async () => {
    const got = alerts();
    const keys = got.map((a) => a.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(await h.alertKeys()).toEqual(keys);
    const pair = got.filter((a) => a.rule === 'pair');
    expect(pair.length).toBeGreaterThanOrEqual(1);
    expect(pair[0].actors.map((a) => a.name).sort()).toEqual(['Jonas Brandt', 'Marta Kessler']);
    expect(pair[0].evidence[0]).toMatchObject({ title: envoy.title, outlet: 'Testpost' });
    expect(envoy.text).toContain(pair[0].evidence[0].sentence);
    const anonymous = got.filter((a) => a.rule === 'anonymous');
    expect(anonymous.map((a) => a.actors[0].name)).toContain('Jonas Brandt');
    expect(anonymous.find((a) => a.evidence[0].title === anon.title)).toBeTruthy();
    // Ortiz advises Brandt and met Kessler: a contact of one watched actor meets the other
    const neighbour = got.filter((a) => a.rule === 'neighbour');
    expect(neighbour.length).toBeGreaterThanOrEqual(1);
    expect(neighbour.flatMap((a) => a.actors.map((x) => x.name))).toContain('Rafael Ortiz');
    expect(got.filter((a) => a.rule === 'newcomer').map((a) => a.actors[1].name)).toContain('Rafael Ortiz');
    // the syndicated copy raises nothing of its own
    expect(got.every((a) => a.evidence.every((e) => e.title !== wire.title))).toBe(true);
  });

  it('second poll: 304 for every feed, nothing fetched or stored again', async () => {
    const before = { articles: await h.articles(), lines: h.lines.length, page: srv.count('/ledger/anon') };
    h.advance(INTERVAL_MS);
    const c = await h.cycle();
    expect(c.polls.map((p) => p.status)).toEqual(['not-modified', 'not-modified', 'not-modified', 'not-modified']);
    const last = srv.requests.filter((r) => r.path === '/a.rss').at(-1)!;
    expect(last.headers['if-none-match']).toBeTruthy();
    expect(last.headers['if-modified-since']).toBeTruthy();
    expect(await h.articles()).toBe(before.articles);
    expect(h.lines.length).toBe(before.lines);
    expect(srv.count('/ledger/anon')).toBe(before.page);
  });

  it('feeds not due are not polled', async () => {
    const n = srv.requests.length;
    h.advance(INTERVAL_MS / 2);
    expect((await h.cycle()).polls).toHaveLength(0);
    expect(srv.requests.length).toBe(n);
  });

  it('a new item and an edited one: the new one stored once, the edit stored as a copy, no alert twice', async () => {
    const u = (p: string) => srv.url(p);
    const edited = { ...envoy, text: envoy.text.replace('on Monday', 'on Monday morning') };
    srv.feed('/a.rss', rss('Testpost', [fullItem(vogt, u('/news/botschafterin')), fullItem(edited, u('/news/envoy'))]));
    const before = { articles: await h.articles(), keys: await h.alertKeys() };
    h.advance(INTERVAL_MS);
    const c = await h.cycle();
    const a = c.polls.find((p) => p.url === u('/a.rss'))!;
    expect(a.outcomes).toEqual({ new: 1, edited: 1 });
    expect(await h.articles()).toBe(before.articles + 2);
    const editRow = await watchDb(h.store).selectFrom('watch_items').select(['message', 'article_id']).where('item_key', '=', u('/news/envoy')).executeTakeFirstOrThrow();
    expect(editRow.message).toMatch(/^copy of /);
    const keys = await h.alertKeys();
    expect(keys.slice(0, before.keys.length)).toEqual(before.keys);
    expect(new Set(keys).size).toBe(keys.length);
    expect(h.lines.length).toBe(keys.length);
    // the German article names Vogt next to both watched actors for the first time
    expect(alerts().filter((x) => x.rule === 'newcomer' && x.actors[1].name === 'Lena Vogt')).toHaveLength(2);
    // the same feed body again: nothing at all
    h.advance(INTERVAL_MS);
    await h.cycle();
    expect(await h.alertKeys()).toEqual(keys);
  });

  it('an item whose article was stored just before a crash (its row not yet written) is recorded, not stored again', async () => {
    const link = srv.url('/news/senator');
    await ingestArticle(h.store, { text: senator.text, url: canonicalUrl(link), origin: itemOrigin(srv.url('/e.rss'), link), published: senator.published }, analyzeArticle);
    const before = await h.articles();
    srv.feed('/e.rss', rss('Evening Post', [fullItem(senator, link)]));
    await h.setFeeds(['/a.rss', '/b.atom', '/c.json', '/d.rss', '/e.rss'].map((p) => srv.url(p)));
    const c = await h.cycle();
    expect(c.polls.find((p) => p.url === srv.url('/e.rss'))!.outcomes).toEqual({ new: 1 });
    expect(await h.articles()).toBe(before);
    const row = await watchDb(h.store).selectFrom('watch_items').select(['status', 'article_id']).where('item_key', '=', link).executeTakeFirstOrThrow();
    expect(row.status).toBe('ingested');
  });

  it('feeds lists each feed with its last success and item counts', async () => {
    const feeds = await listFeeds(h.store);
    const a = feeds.find((f) => f.url === srv.url('/a.rss'))!;
    expect(a.items).toBe(3);
    expect(a.last_success).toBeTruthy();
    expect(a.last_error).toBeNull();
    expect(feeds.find((f) => f.url === srv.url('/d.rss'))!.counts).toEqual({ ingested: 1, duplicate: 1, skipped: 0 });
  });

  it('every request names the tool, and one host never had two requests at once', () => {
    expect(srv.requests.every((r) => /^backchannel\/\d/.test(String(r.headers['user-agent'])))).toBe(true);
    expect(srv.maxInFlight).toBe(1);
  });

  it('story: the contacts between the two, and with their circles, each with first report and sources', async () => {
    const s = await buildStory(h.store.db, 'Marta Kessler', 'Jonas Brandt');
    expect(s.b.circle.map((c) => c.name)).toContain('Rafael Ortiz');
    const contact = s.entries.find((e) => e.kind === 'contact' && e.actors.includes('Marta Kessler') && e.actors.includes('Jonas Brandt'))!;
    expect(contact.firstReported).toBe('2026-12-01');
    // the edited version is a copy: one source, not two
    expect(contact.sources).toHaveLength(1);
    expect(s.entries.some((e) => e.actors.includes('Rafael Ortiz') && e.actors.includes('Marta Kessler'))).toBe(true);
    const dates = s.entries.map((e) => e.date ?? e.firstReported ?? '');
    expect([...dates].sort()).toEqual(dates);
  });
});
