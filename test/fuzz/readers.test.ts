/** Property tests over the input readers: random bytes, front matter, JSON, JSON Lines and HTML. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeArticles, type InputItem } from '../../src/text/input.js';
import { anyUnicode, articleJson, frontMatterText, htmlPage, jsonLinesText, report, runs } from './arbitraries.js';

const enc = (s: string) => new TextEncoder().encode(s);

/** What every reader answer must look like: articles with text, or problems naming the input and saying why. */
function checkItems(items: InputItem[], origin: string): void {
  expect(items.length).toBeGreaterThan(0);
  for (const it of items) {
    if (it.ok) {
      expect(typeof it.article.text).toBe('string');
      expect(it.article.text.trim()).not.toBe('');
      expect(it.article.origin.startsWith(origin)).toBe(true);
      for (const k of ['title', 'source', 'url', 'published', 'language'] as const) {
        const v = it.article[k];
        if (v != null) {
          expect(typeof v).toBe('string');
          expect(v).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        }
      }
    } else {
      expect(it.problem.origin.startsWith(origin)).toBe(true);
      expect(it.problem.message.length).toBeGreaterThan(0);
    }
  }
}

function property(name: string, n: number, arb: fc.Arbitrary<Uint8Array>, ext: string): void {
  const t0 = performance.now();
  fc.assert(fc.property(arb, (bytes) => checkItems(decodeArticles(bytes, `in${ext}`, ext, { maxArticleBytes: 64 * 1024 }), `in${ext}`)), { numRuns: n });
  report(name, n, performance.now() - t0);
}

describe('readers never throw and always say what they found (property)', () => {
  it('random bytes as .txt', () => property('bytes as .txt', runs(200, 10_000), fc.uint8Array({ maxLength: 600 }), '.txt'));
  it('random Unicode as .md', () => property('unicode as .md', runs(200, 10_000), anyUnicode(400).map(enc), '.md'));
  it('front matter', () => property('front matter', runs(300, 15_000), frontMatterText.map(enc), '.txt'));
  it('JSON files', () => property('JSON', runs(200, 10_000), fc.oneof(articleJson, fc.array(articleJson, { maxLength: 3 })).map((o) => enc(JSON.stringify(o) ?? 'null')), '.json'));
  it('JSON Lines', () => property('JSON Lines', runs(200, 10_000), jsonLinesText.map(enc), '.jsonl'));
  it('HTML pages', () => property('HTML', runs(60, 4_000), htmlPage.map(enc), '.html'));
});
