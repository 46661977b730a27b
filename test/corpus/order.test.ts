/**
 * Order independence: the same articles ingested in two orders (and in batches) give identical actors,
 * edges, co-mention edges and export ids. The gold corpus (hand annotations, a syndicated pair among
 * them) plus articles that name people in several spellings and by surname alone.
 */
import { describe, expect, it } from 'vitest';
import { openTestStore } from '../store/target.js';
import type { Store } from '../../src/corpus/store.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { ftmEntities } from '../../src/corpus/exports/ftm.js';
import type { InputItem } from '../../src/corpus/input.js';
import type { RawArticle } from '../../src/text/types.js';
import type { Analysis } from '../../src/contract/schema.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';
import { filler, fixtureInputs, type FxArticle } from './fixtures.js';

const spellings: FxArticle[] = [
  { language: 'de', published: '2025-03-01', actors: [{ id: 'person:wladimir-putin', name: 'Wladimir Putin' }, { id: 'person:sergej-lawrow', name: 'Sergej Lawrow' }], relations: [{ s: 'person:wladimir-putin', o: 'person:sergej-lawrow' }], filler: filler(41) },
  { language: 'en', published: '2025-03-02', actors: [{ id: 'person:vladimir-putin', name: 'Vladimir Putin' }, { id: 'person:lavrov', name: 'Lavrov' }], relations: [{ s: 'person:lavrov', o: 'person:vladimir-putin', predicate: 'advises' }], filler: filler(42) },
  { language: 'en', published: '2025-03-03', actors: [{ id: 'person:putin', name: 'Putin' }, { id: 'person:xi-jinping', name: 'Xi Jinping' }], relations: [{ s: 'person:putin', o: 'person:xi-jinping' }], filler: filler(43) },
  { language: 'de', published: '2025-03-04', actors: [{ id: 'person:xi', name: 'Xi' }, { id: 'org:europaischen-union', name: 'Europäischen Union', type: 'organization' }], relations: [{ s: 'person:xi', o: 'org:europaischen-union' }], filler: filler(44) },
  { language: 'de', published: '2025-03-05', actors: [{ id: 'org:europaische-union', name: 'Europäische Union', type: 'organization' }, { id: 'person:anna-brenner', name: 'Anna Brenner' }], relations: [{ s: 'person:anna-brenner', o: 'org:europaische-union' }], filler: filler(45) },
  { language: 'en', published: '2025-03-06', actors: [{ id: 'person:thomas-brenner', name: 'Thomas Brenner' }, { id: 'country:CN', name: 'China', type: 'location', kind: 'country' }], relations: [{ s: 'person:thomas-brenner', o: 'country:CN' }], filler: filler(46) },
  { language: 'de', published: '2025-03-07', actors: [{ id: 'person:brenner', name: 'Brenner' }, { id: 'person:vladimir-putin', name: 'Putin' }], relations: [{ s: 'person:brenner', o: 'person:vladimir-putin' }], filler: filler(47) },
];

async function inputs(): Promise<{ items: InputItem[]; analyze: (raw: RawArticle) => Analysis }> {
  const gold = (await collectArticles([goldArticles])) as InputItem[];
  const fx = fixtureInputs(spellings);
  const fxTexts = new Set(fx.items.map((i) => i.article.text));
  return { items: [...gold, ...fx.items], analyze: (raw) => (fxTexts.has(raw.text) ? fx.analyze(raw) : annotatedAnalyzer(raw)) };
}

async function state(store: Store) {
  const actors = await store.db.selectFrom('actors').select(['id', 'name', 'type', 'kind', 'mention_count', 'article_count', 'degree', 'first_date', 'last_date']).orderBy('id').execute();
  const edges = await store.db.selectFrom('edges').selectAll().orderBy('subject').orderBy('object').execute();
  const comentions = await store.db.selectFrom('comention_edges').selectAll().orderBy('a').orderBy('b').execute();
  const links = await store.db.selectFrom('actor_links').select(['article_id', 'entity_id', 'actor_id', 'reason', 'evidence']).orderBy('article_id').orderBy('entity_id').execute();
  const ftm: string[] = [];
  for await (const e of ftmEntities(store.db)) ftm.push(e.id);
  return { actors, edges, comentions, links, ftm: ftm.sort() };
}

async function ingestInOrder(items: InputItem[], analyze: (raw: RawArticle) => Analysis, batches: number) {
  const store = await openTestStore(':memory:');
  const size = Math.ceil(items.length / batches);
  for (let i = 0; i < items.length; i += size) await ingestAll(store, items.slice(i, i + size), { analyze });
  const s = await state(store);
  await store.close();
  return s;
}

describe('ingest order', () => {
  it('gives identical actors, edges and export ids in two orders and batchings', async () => {
    const { items, analyze } = await inputs();
    const forward = await ingestInOrder(items, analyze, 1);
    const backward = await ingestInOrder([...items].reverse(), analyze, 3);
    expect(forward.actors.length).toBeGreaterThan(10);
    expect(backward.actors).toEqual(forward.actors);
    expect(backward.edges).toEqual(forward.edges);
    expect(backward.comentions).toEqual(forward.comentions);
    expect(backward.links).toEqual(forward.links);
    expect(backward.ftm).toEqual(forward.ftm);
    // the spellings meet; the ambiguous surname stays apart and says so
    const putin = forward.links.filter((l) => l.entity_id.includes('putin'));
    expect(new Set(putin.map((l) => l.actor_id)).size).toBe(1);
    const brenner = forward.links.filter((l) => l.entity_id === 'person:brenner');
    expect(brenner.every((l) => l.reason === 'ambiguous' && /Anna Brenner, Thomas Brenner/.test(l.evidence))).toBe(true);
    expect(forward.actors.find((a) => a.id === 'org:europaische-union')?.name).toBe('Europäische Union');
  }, 60_000);
});
