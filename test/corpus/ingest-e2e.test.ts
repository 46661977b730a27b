/**
 * End to end with the real pipeline: the gold articles and ../shared/corpus, twice; a folder of broken files.
 * The single-article stages are still growing, so the gold scores are printed (the honest number), while
 * the assertions pin what the corpus layer itself guarantees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../src/corpus/store.js';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { sharedDir } from '../../src/util/paths.js';
import { goldArticles } from './annotated.js';
import { evaluateGold } from './gold-eval.js';
import { snapshot } from './snapshot.js';
import { ftmEntities } from '../../src/corpus/exports/ftm.js';

const sharedCorpus = join(sharedDir, 'corpus');

describe('ingest with the real pipeline', () => {
  let dir: string;
  let store: Store;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-corpus-'));
    store = await openTestStore(join(dir, 'corpus.db'));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ingests the gold articles and ../shared/corpus; the second run changes nothing', async () => {
    const items = await collectArticles([goldArticles, sharedCorpus]);
    const articles = items.filter((i) => i.ok).length;
    expect(articles).toBeGreaterThanOrEqual(10);
    const first = await ingestAll(store, items);
    expect(first.errors).toEqual([]);
    expect(first.added + first.copies).toBe(articles);
    expect(first.copies).toBe(1);
    const before = await snapshot(store);
    const again = await ingestAll(store, await collectArticles([goldArticles, sharedCorpus]));
    expect(again).toMatchObject({ added: 0, copies: 0, unchanged: articles, errors: [] });
    expect(await snapshot(store)).toBe(before);
  }, 240_000); // ~130 articles through the pipeline: 20 s alone, several times that on a loaded 2-core CI box

  it('reports how the pipeline output scores on the gold corpus', async () => {
    const score = await evaluateGold(store);
    const counts = await store.db.selectFrom('relations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    const actors = await store.db.selectFrom('actors').select((eb) => eb.fn.countAll().as('n')).executeTakeFirst();
    console.log(
      `gold corpus through the pipeline: copies ${score.copies.ok}/${score.copies.total}, merges ${score.merges.ok}/${score.merges.total}, apart ${score.apart.ok}/${score.apart.total}, ` +
        `channels ${score.paths.ok}/${score.paths.total}, order ${score.order.ok}/${score.order.total}; ${actors?.n} actors, ${counts?.n} relations stored\n  ` +
        score.failures.join('\n  '),
    );
    expect(score.copies.ok).toBe(score.copies.total); // near-duplicates depend on the text only
  });

  it('gives the same actors, edges and FollowTheMoney ids when the same files arrive in reverse order', async () => {
    const other = await openTestStore(join(dir, 'reverse.db'));
    try {
      const items = (await collectArticles([goldArticles, sharedCorpus])).reverse();
      await ingestAll(other, items.slice(0, 40));
      await ingestAll(other, items.slice(40));
      const [a, b] = [await orderState(store), await orderState(other)];
      console.log(`reverse order: ${b.actors.length} actors (forward ${a.actors.length}), ${b.edges.length} edges (forward ${a.edges.length}), ${b.ftm.length} FtM ids (forward ${a.ftm.length})`);
      expect(b.actors).toEqual(a.actors);
      expect(b.edges).toEqual(a.edges);
      expect(b.ftm).toEqual(a.ftm);
    } finally {
      await other.close();
    }
  }, 240_000);
});

async function orderState(store: Store) {
  const actors = await store.db.selectFrom('actors').select(['id', 'name', 'type', 'kind', 'mention_count', 'article_count', 'degree']).orderBy('id').execute();
  const edges = await store.db.selectFrom('edges').selectAll().orderBy('subject').orderBy('object').execute();
  const ftm: string[] = [];
  for await (const e of ftmEntities(store.db)) ftm.push(e.id);
  return { actors, edges, ftm: ftm.sort() };
}

describe('a folder with broken files', () => {
  it('ingests the good ones and lists the bad', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-broken-'));
    const good = '---\ntitle: Hafen\npublished: 2025-02-01\nlanguage: de\n---\nHAMBURG - Die Hafenbehörde hat am Montag neue Liegeplätze eröffnet. Ein Sprecher sagte, die Arbeiten hätten zwei Jahre gedauert.\n';
    writeFileSync(join(dir, 'good.txt'), good);
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x10, 0xff]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from('Die Stra\xdfe nach M\xfcnchen ist gesperrt.', 'latin1'));
    writeFileSync(
      join(dir, 'batch.jsonl'),
      JSON.stringify({ text: 'LONDON - The port authority opened two new berths on Monday, a spokesman said.', language: 'en', published: '2025-02-03' }) + '\n' + '{"text": "The council met on Tues',
    );
    const store = await openTestStore(join(dir, 'c.db'));
    const sum = await ingestAll(store, await collectArticles([dir]));
    expect(sum.added).toBe(2);
    const bad = sum.errors.map((e) => e.origin.replace(dir + '/', '')).sort();
    expect(bad).toEqual(['batch.jsonl:2', 'binary.txt', 'empty.txt', 'latin1.txt:1']);
    const recorded = await store.db.selectFrom('ingest_errors').selectAll().execute();
    expect(recorded).toHaveLength(4);
    // fixing a file and re-ingesting clears its error
    writeFileSync(join(dir, 'latin1.txt'), 'Die Straße nach München ist gesperrt, teilte die Polizei mit.');
    const sum2 = await ingestAll(store, await collectArticles([dir]));
    expect(sum2.added).toBe(1);
    expect(await store.db.selectFrom('ingest_errors').selectAll().execute()).toHaveLength(3);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
