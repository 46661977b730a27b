/**
 * `ingest --workers N`: analysis in worker threads, commits in input order, so the store ends exactly as
 * with one worker — on the synthetic corpus (loaded by module name in each thread) and through the real
 * pipeline. Needs the build (`npm test` builds): threads run the compiled worker script.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openTestStore, testBackend } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { repoRoot } from '../../src/util/paths.js';
import { synthCorpus } from '../../bench/synthetic.js';
import { goldArticles } from './annotated.js';
import { snapshot } from './snapshot.js';

const synthetic = join(repoRoot, 'dist', 'bench', 'synthetic.js');

describe('ingest with worker threads', () => {
  it('stores the same as one worker, input order kept, errors included (synthetic corpus)', async () => {
    const raws = synthCorpus(240, 7, 120);
    const items = raws.map((article) => ({ ok: true as const, article }));
    // a bad input and an article the analyzer rejects, mid-stream
    items.splice(50, 0, { ok: true, article: { text: 'not a synthetic article', origin: 'stray.txt' } });
    const withProblem = [...items.slice(0, 100), { ok: false as const, problem: { origin: 'broken.html', message: 'no text' } }, ...items.slice(100)];

    const one = await openTestStore();
    const s1 = await ingestAll(one, withProblem, { analyzer: synthetic, workers: 1 });
    const three = await openTestStore();
    const order: string[] = [];
    const s3 = await ingestAll(three, withProblem, { analyzer: synthetic, workers: 3, onOutcome: (o) => order.push(o.origin) });

    expect(s1.added).toBeGreaterThan(200);
    expect(s3).toMatchObject({ added: s1.added, copies: s1.copies, unchanged: s1.unchanged });
    expect(s3.errors.map((e) => e.origin)).toEqual(['stray.txt', 'broken.html']);
    expect(order).toEqual(withProblem.map((i) => (i.ok ? i.article.origin : i.problem.origin)));
    expect(await snapshot(three)).toBe(await snapshot(one));
    await one.close();
    await three.close();
  });

  // threads and the pipeline do not depend on the backend (the synthetic case above runs on both): SQLite only, to keep CI short
  it.skipIf(testBackend === 'postgres')('stores the same as one worker through the real pipeline', async () => {
    const items = await collectArticles([goldArticles]);
    const one = await openTestStore();
    await ingestAll(one, items, { workers: 1 });
    const two = await openTestStore();
    const sum = await ingestAll(two, items, { workers: 2 });
    expect(sum.errors).toEqual([]);
    expect(sum.added).toBeGreaterThan(5);
    expect(await snapshot(two)).toBe(await snapshot(one));
    await one.close();
    await two.close();
  }, 180_000);
});
