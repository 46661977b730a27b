/** Property tests over the text layer: normalisation and the Doc (paragraphs, sentences, tokens). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeField, normalizeText } from '../../src/text/normalize.js';
import { buildDoc, InputError } from '../../src/text/index.js';
import { MAX_SENTENCE_TOKENS } from '../../src/text/segment.js';
import { anyUnicode, newsLike, report, runs } from './arbitraries.js';

// What the canonical text never holds (docs/contract.md): controls other than newline, CR, format and bidi characters.
const NEVER_IN_TEXT = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;

describe('normalizeText (property)', () => {
  it('is idempotent and leaves no control, format or bidi character', () => {
    const n = runs(400, 30_000);
    const t0 = performance.now();
    fc.assert(fc.property(fc.oneof(anyUnicode(300), newsLike(80)), (s) => {
      const t = normalizeText(s);
      expect(normalizeText(t)).toBe(t);
      expect(t).not.toMatch(NEVER_IN_TEXT);
      expect(t).toBe(t.trim());
      const f = normalizeField(s);
      expect(f).not.toMatch(/[\n\t]/);
      expect(f).not.toMatch(NEVER_IN_TEXT);
    }), { numRuns: n });
    report('normalizeText', n, performance.now() - t0);
  });
});

describe('buildDoc (property)', () => {
  it('never throws but an InputError, and every span lies inside the text and matches it', () => {
    const n = runs(300, 25_000);
    const t0 = performance.now();
    fc.assert(fc.property(fc.oneof(anyUnicode(400), newsLike(300)), fc.constantFrom('de', 'en', null), (s, language) => {
      let doc;
      try {
        doc = buildDoc({ text: s, origin: 'fuzz', language, published: null });
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return;
      }
      const L = doc.text.length;
      let last = 0;
      for (const t of doc.tokens) {
        expect(t.start).toBeGreaterThanOrEqual(last);
        expect(t.end).toBeGreaterThan(t.start);
        expect(t.end).toBeLessThanOrEqual(L);
        expect(doc.text.slice(t.start, t.end)).toBe(t.text);
        last = t.end;
      }
      let tok = 0;
      for (const s of doc.sentences) {
        expect(s.tokenStart).toBe(tok);
        expect(s.tokenEnd - s.tokenStart).toBeGreaterThan(0);
        expect(s.tokenEnd - s.tokenStart).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
        expect(s.start).toBe(doc.tokens[s.tokenStart].start);
        expect(s.end).toBe(doc.tokens[s.tokenEnd - 1].end);
        tok = s.tokenEnd;
      }
      expect(tok).toBe(doc.tokens.length);
      for (const p of doc.paragraphs) expect(p.start >= 0 && p.start <= p.end && p.end <= L).toBe(true);
      for (const sp of [doc.byline.span, doc.dateline?.span]) if (sp) expect(doc.text.slice(sp.start, sp.end)).toBe(sp.text);
    }), { numRuns: n });
    report('buildDoc', n, performance.now() - t0);
  });
});
