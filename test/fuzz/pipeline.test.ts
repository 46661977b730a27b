/**
 * Property tests over the whole pipeline: news-like and random texts in both languages. Invariants: no
 * uncaught error (an InputError for an empty text is an answer), the contract validates (which checks
 * that every span lies inside document.text and matches it), and the time per KB stays bounded.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeArticle, analyzeSync, prepareLanguage } from '../../src/pipeline/analyze.js';
import { decodeArticles } from '../../src/text/input.js';
import { validateAnalysis } from '../../src/contract/validate.js';
import { InputError } from '../../src/text/index.js';
import { renderBrief } from '../../src/brief/render.js';
import { anyUnicode, articleJson, frontMatterText, htmlPage, jsonLinesText, newsLike, report, runs } from './arbitraries.js';

/**
 * Under `npm run fuzz` only (never a timing assertion in the normal test run): a case may take at most this
 * per KB beyond a fixed allowance. Measured cases take 5–40 ms per KB on the shared 2-core machine; a
 * quadratic path on a 20 KB input would take seconds per KB.
 */
const FUZZ_MS_PER_KB = 1000;
const FUZZ_MS_ALLOWANCE = 3000;

beforeAll(async () => {
  await prepareLanguage('de');
  await prepareLanguage('en');
  analyzeSync('Warm-up.', { language: 'de' });
  analyzeSync('Warm-up.', { language: 'en' });
});

describe('the pipeline (property)', () => {
  it('never throws uncaught, validates, and renders a brief', () => {
    const n = runs(40, 15_000);
    const t0 = performance.now();
    let worst = 0;
    fc.assert(fc.property(
      fc.oneof({ weight: 4, arbitrary: newsLike(400) }, { weight: 1, arbitrary: anyUnicode(300) }),
      fc.constantFrom('de', 'en', null),
      fc.constantFrom('2024-02-02', null),
      (text, language, published) => {
        const t = performance.now();
        let a;
        try {
          a = analyzeSync(text, { language, published, origin: 'fuzz' });
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
          return;
        }
        validateAnalysis(a);
        renderBrief(a, 'markdown');
        renderBrief(a, 'text');
        const ms = performance.now() - t;
        const kb = Math.max(1, text.length / 1024);
        worst = Math.max(worst, ms / kb);
        if (process.env.FUZZ) expect(ms).toBeLessThan(FUZZ_MS_ALLOWANCE + FUZZ_MS_PER_KB * kb);
      },
    ), { numRuns: n });
    report('pipeline', n, performance.now() - t0, `slowest ${worst.toFixed(0)} ms per KB`);
  });
});

describe('long documents (property)', () => {
  it('validate, and the time per KB stays bounded', () => {
    const n = runs(1, 60);
    const t0 = performance.now();
    let worst = 0;
    let kbTotal = 0;
    fc.assert(fc.property(newsLike(12_000, 2_000), fc.constantFrom('de', 'en'), (text, language) => {
      const t = performance.now();
      let a;
      try {
        a = analyzeSync(text, { language, published: '2024-02-02', origin: 'fuzz' });
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return;
      }
      validateAnalysis(a);
      const ms = performance.now() - t;
      const kb = Math.max(1, text.length / 1024);
      kbTotal += kb;
      worst = Math.max(worst, ms / kb);
      if (process.env.FUZZ) expect(ms).toBeLessThan(FUZZ_MS_ALLOWANCE + FUZZ_MS_PER_KB * kb);
    }), { numRuns: n });
    report('long documents', n, performance.now() - t0, `${Math.round(kbTotal)} KB, slowest ${worst.toFixed(0)} ms per KB`);
  });
});

describe('readers and pipeline together (property)', () => {
  it('whatever a reader accepts, the pipeline analyses or refuses with an InputError', () => {
    const n = runs(40, 5_000);
    const t0 = performance.now();
    const enc = (s: string) => new TextEncoder().encode(s);
    const inputs = fc.oneof(
      frontMatterText.map((t) => [enc(t), '.txt'] as const),
      jsonLinesText.map((t) => [enc(t), '.jsonl'] as const),
      articleJson.map((o) => [enc(JSON.stringify(o) ?? 'null'), '.json'] as const),
      htmlPage.map((t) => [enc(t), '.html'] as const),
    );
    fc.assert(fc.property(inputs, ([bytes, ext]) => {
      for (const item of decodeArticles(bytes, `in${ext}`, ext)) {
        if (!item.ok) continue;
        try {
          validateAnalysis(analyzeArticle(item.article));
        } catch (e) {
          expect(e).toBeInstanceOf(InputError);
        }
      }
    }), { numRuns: n });
    report('readers + pipeline', n, performance.now() - t0);
  });
});
