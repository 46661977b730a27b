import { describe, expect, it } from 'vitest';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import type { Analysis } from '../../src/contract/schema.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';
import { snapshot } from './snapshot.js';
import { fixtureInputs, filler } from './fixtures.js';

describe('interrupted and failing ingests', () => {
  it('a run stopped half-way and resumed ends in the same store as one full run', async () => {
    const items = await collectArticles([goldArticles]);
    const once = await openTestStore(':memory:');
    await ingestAll(once, items, { analyze: annotatedAnalyzer });

    const resumed = await openTestStore(':memory:');
    let n = 0;
    const first = await ingestAll(resumed, items, { analyze: annotatedAnalyzer, shouldStop: () => n++ >= 4 });
    expect(first.stopped).toBe(true);
    expect(first.added + first.copies).toBe(4);
    const second = await ingestAll(resumed, items, { analyze: annotatedAnalyzer });
    expect(second.unchanged).toBe(4);
    expect(await snapshot(resumed)).toBe(await snapshot(once));
    await once.close();
    await resumed.close();
  });

  it('an article that fails while being written leaves nothing behind', async () => {
    const store = await openTestStore(':memory:');
    const { items, analyze } = fixtureInputs([
      { actors: [{ id: 'p:a', name: 'Ann Alpha' }, { id: 'p:b', name: 'Bob Beta' }], relations: [{ s: 'p:a', o: 'p:b' }], filler: filler(1) },
      { actors: [{ id: 'p:c', name: 'Cid Gamma' }, { id: 'p:d', name: 'Dee Delta' }], relations: [{ s: 'p:c', o: 'p:d' }], filler: filler(2) },
    ]);
    // the second article breaks a NOT NULL column after its article row and actors are already written
    const broken = (raw: Parameters<typeof analyze>[0]): Analysis => {
      const a = analyze(raw);
      if (raw.origin !== 'fixture-1') return a;
      return { ...a, relations: a.relations.map((r) => ({ ...r, predicate: null as unknown as string })) };
    };
    const sum = await ingestAll(store, items, { analyze: broken });
    expect(sum.added).toBe(1);
    expect(sum.errors).toHaveLength(1);
    expect(sum.errors[0].message).toMatch(/^store failed/);
    expect(await store.db.selectFrom('articles').select('id').execute()).toHaveLength(1);
    const actors = (await store.db.selectFrom('actors').select('id').execute()).map((r) => r.id).sort();
    expect(actors).toEqual(['p:a', 'p:b']);
    expect(await store.db.selectFrom('actor_links').select('actor_id').where('actor_id', 'in', ['p:c', 'p:d']).execute()).toEqual([]);
    expect(await store.db.selectFrom('ingest_errors').select('origin').execute()).toEqual([{ origin: 'fixture-1' }]);
    // fixed, the same article goes in on the next run
    const again = await ingestAll(store, items, { analyze });
    expect(again).toMatchObject({ added: 1, unchanged: 1 });
    expect(await store.db.selectFrom('ingest_errors').select('origin').execute()).toEqual([]);
    await store.close();
  });
});
