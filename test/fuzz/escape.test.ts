/** Property tests over the escaping of text fields: markdown for the brief, clean lines for a terminal. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { markdownText } from '../../src/brief/escape.js';
import { forTerminal, forTerminalLine } from '../../src/util/terminal.js';
import { briefAsText } from '../../web/src/brief.js';
import { anyUnicode, newsLike, report, runs } from './arbitraries.js';

const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const hostile = fc.oneof(anyUnicode(120), newsLike(40), fc.constantFrom('<script>x</script>', '[a](javascript:x)', '![i](x)', '# h', '1. x', '- x', '`c`', '**b**', '<img onerror=x>', '&lt;', '\\[x\\]', '| a | b |'));

describe('escaping (property)', () => {
  it('a markdown field has no live markup, stays on one line, and reads back as the terminal text', () => {
    const n = runs(500, 20_000);
    const t0 = performance.now();
    fc.assert(fc.property(fc.array(hostile, { maxLength: 4 }).map((xs) => xs.join('')), (s) => {
      const md = markdownText(s);
      expect(md).not.toMatch(/[<>\n\r\t]/);
      expect(md).not.toMatch(UNSAFE);
      // every markdown-active character is escaped: no unescaped [ ] * _ ` | ~ \
      expect(md.replace(/\\[\\`*_[\]|~#=+\-.)]/g, '')).not.toMatch(/[\\`*_[\]|~]/);
      expect(briefAsText(md)).toBe(forTerminalLine(s));
    }), { numRuns: n });
    report('markdown escaping', n, performance.now() - t0);
  });
  it('terminal text has no control or bidi character', () => {
    const n = runs(500, 20_000);
    const t0 = performance.now();
    fc.assert(fc.property(anyUnicode(200), (s) => {
      expect(forTerminal(s)).not.toMatch(UNSAFE);
      expect(forTerminalLine(s)).not.toMatch(/[\n\t\r]/);
      expect(forTerminalLine(s)).not.toMatch(UNSAFE);
    }), { numRuns: n });
    report('terminal text', n, performance.now() - t0);
  });
});
