/**
 * Translations counted once: a German article and its English version (written for this test, same day)
 * go through the real pipeline; the consolidation pass marks one as the translation of the other, the
 * network and the actors count them as one article, both stay stored. A same-day English article on
 * another subject is not a translation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Store } from '../../src/corpus/store.js';
import { num } from '../../src/corpus/store.js';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { isTranslation } from '../../src/corpus/translations.js';

const dir = join(import.meta.dirname, 'translation');

describe('translations', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(':memory:');
    await ingestAll(store, await collectArticles([dir]));
  }, 120_000);
  afterAll(() => store.close());

  it('marks the English version and the German article as one report, keeping both', async () => {
    const rows = await store.db.selectFrom('articles').select(['origin', 'translation_of', 'id']).execute();
    expect(rows).toHaveLength(3);
    const by = (f: string) => rows.find((r) => r.origin.endsWith(f))!;
    const de = by('lithium.de.txt');
    const en = by('lithium.en.txt');
    expect([de.translation_of, en.translation_of].sort()).toEqual([null, de.id < en.id ? de.id : en.id].sort());
    expect(by('harbour.en.txt').translation_of).toBeNull();
  });

  it('counts the pair once for its actors and ties', async () => {
    const albers = await store.db.selectFrom('actors').selectAll().where('name', 'like', '%Albers%').execute();
    expect(albers).toHaveLength(1);
    expect(num(albers[0].article_count)).toBe(1);
    const edges = await store.db.selectFrom('edges').selectAll().execute();
    for (const e of edges) expect(num(e.articles)).toBe(1);
    const co = await store.db.selectFrom('comention_edges').selectAll().where((eb) => eb.or([eb('a', '=', albers[0].id), eb('b', '=', albers[0].id)])).execute();
    expect(co.length).toBeGreaterThan(0);
    for (const c of co) expect(num(c.articles)).toBe(1);
  });

  it('needs shared actors, numbers and dates', () => {
    const actors = (ids: string[]) => new Map(ids.map((x) => [x, x]));
    const base = { language: 'de', day: '2025-04-14', actors: actors(['a', 'b', 'c', 'd']), numbers: new Set(['2028', '15']), dates: new Set(['2028']) };
    expect(isTranslation(base, { ...base, language: 'en' })).toBe(true);
    expect(isTranslation(base, { ...base, language: 'en', numbers: new Set(['7', '99']) })).toBe(false);
    expect(isTranslation(base, { ...base, language: 'en', actors: actors(['a', 'x', 'y', 'z']) })).toBe(false);
  });
});
