/**
 * A small corpus for the server and browser tests: the articles in test/fixtures/serve and the English
 * example, through the real pipeline, plus one hand-built analysis whose names carry markup (<script>,
 * <img onerror>, markdown links) so the tests can show that every text is rendered as text.
 */
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { SCHEMA_ID, type Analysis } from '../../src/contract/schema.js';
import { collectArticles } from '../../src/corpus/input.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import type { Store } from '../../src/corpus/store.js';
import { openStore } from '../../src/corpus/store.js';
import { repoRoot } from '../../src/util/paths.js';

export const fixtureDir = join(repoRoot, 'test', 'fixtures', 'serve');
export const exampleArticle = join(repoRoot, 'examples', 'en-trade-envoy.txt');

export const HOSTILE = {
  person: `<img src=x onerror="window.__xss='entity'"> Hostile`,
  org: `<script>window.__xss='actor'</script> Markup Institute`,
  link: `[Click me](javascript:window.__xss='md') Smith`,
};

/** The hand-built article with hostile names: spans point into a text that holds them verbatim. */
export function hostileAnalysis(): Analysis {
  const parts: string[] = [];
  const at = (s: string) => {
    const start = parts.join('').length;
    parts.push(s);
    return { start, end: start + s.length, text: s };
  };
  at('HOSTILE NAMES. ');
  const p1 = at(HOSTILE.person);
  at(' met ');
  const o1 = at(HOSTILE.org);
  at(' in Springfield on Tuesday. ');
  at('"');
  const q = at('<b>Bold</b> plans [here](javascript:void(0))');
  at('," said ');
  const p2 = at(HOSTILE.link);
  at('.');
  const text = parts.join('');
  const ev = { start: p1.start, end: o1.end, text: text.slice(p1.start, o1.end) };
  return {
    schema: SCHEMA_ID,
    document: { id: 'doc:hostile', language: 'en', title: `<script>window.__xss='title'</script> Hostile names`, published: '2025-05-20', source: `<img src=x onerror="window.__xss='outlet'">`, url: `javascript:window.__xss='url'`, text, byline: { reporters: [], editors: [] }, dateline: null },
    entities: [
      { id: 'person:hostile', type: 'person', kind: null, name: HOSTILE.person, aliases: [], mentions: [p1], roles: [], attributes: {} },
      { id: 'org:markup', type: 'organization', kind: 'think_tank', name: HOSTILE.org, aliases: [], mentions: [o1], roles: [], attributes: {} },
      { id: 'person:link', type: 'person', kind: null, name: HOSTILE.link, aliases: [], mentions: [p2], roles: [], attributes: {} },
    ],
    sources: [],
    quotes: [{ id: 'q1', kind: 'direct', text: q.text, start: q.start, end: q.end, speaker: 'person:link', source: null, cue: null, channel: null }],
    relations: [
      { id: 'r1', subject: 'person:hostile', object: 'org:markup', predicate: 'consult/meet', family: 'event', modality: 'asserted', time: null, attribution: null, evidence: ev, confidence: 0.9 },
      { id: 'r2', subject: 'person:link', object: 'person:hostile', predicate: 'advises', family: 'tie', modality: 'asserted', time: null, attribution: null, evidence: { start: p2.start, end: p2.end, text: p2.text }, confidence: 0.9 },
    ],
    timeline: [],
    flags: [],
    meta: { version: 'test', models: {}, timings: {} },
  };
}

/** Opens the store `target` names (a SQLite file or a postgres:// URL) and fills it with the fixture corpus (real pipeline + the hostile article). */
export async function buildFixtureStore(target: string): Promise<Store> {
  const store = await openStore(target);
  const items = await collectArticles([fixtureDir, exampleArticle]);
  const sum = await ingestAll(store, items);
  if (sum.errors.length) throw new Error(`fixture ingest failed: ${sum.errors.map((e) => e.origin + ': ' + e.message).join('; ')}`);
  const hostile = hostileAnalysis();
  const hash = createHash('sha1').update(hostile.document.text).digest('hex');
  const extra = await ingestAll(store, [{ ok: true, article: { text: hostile.document.text, origin: `hostile-${hash.slice(0, 8)}` } }], { analyze: () => hostile });
  if (extra.errors.length) throw new Error(`hostile ingest failed: ${extra.errors[0].message}`);
  return store;
}
