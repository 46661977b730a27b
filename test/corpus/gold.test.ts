import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/corpus/store.js';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';
import { evaluateGold, expected } from './gold-eval.js';
import { snapshot } from './snapshot.js';

describe('gold corpus with hand-annotated analyses', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(':memory:');
  });
  afterAll(() => store.close());

  it('ingests every article once and records the syndicated copy', async () => {
    const sum = await ingestAll(store, await collectArticles([goldArticles]), { analyze: annotatedAnalyzer });
    expect(sum.errors).toEqual([]);
    expect(sum.added + sum.copies).toBe(expected.articles);
    expect(sum.copies).toBe(expected.copies.length);
  });

  it('scores perfectly on merges, copies and channels', async () => {
    const score = await evaluateGold(store, { strictWhy: true });
    expect(score.failures).toEqual([]);
    expect(score.paths.ok).toBe(score.paths.total);
    expect(score.paths.total).toBeGreaterThan(0);
  });

  it('re-ingesting changes nothing', async () => {
    const before = await snapshot(store);
    const sum = await ingestAll(store, await collectArticles([goldArticles]), { analyze: annotatedAnalyzer });
    expect(sum.unchanged).toBe(expected.articles);
    expect(sum.added + sum.copies).toBe(0);
    expect(await snapshot(store)).toBe(before);
  });

  it('counts the copy once: the Verani–Duarte tie rests on two articles, not three', async () => {
    const rows = await store.db.selectFrom('relations').select(['article_id']).where('predicate', '=', 'close_to').where('subject', '=', 'person:paulo-verani').execute();
    expect(new Set(rows.map((r) => r.article_id)).size).toBe(2);
  });
});
