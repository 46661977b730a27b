import { describe, expect, it } from 'vitest';
import { readInputFile } from '../../src/text/input.js';
import { analyze } from '../../src/pipeline/analyze.js';
import { validateAnalysis } from '../../src/contract/validate.js';
import { hasShared, seedPath } from '../helpers.js';
import { buildDoc } from '../../src/text/index.js';

describe.skipIf(!hasShared)('the seed article, text layer end to end', () => {
  it('reads as German, dated, with its credits and its two garbled headings flagged', async () => {
    const [item] = await readInputFile(seedPath);
    expect(item.ok).toBe(true);
    if (!item.ok) return;
    const a = validateAnalysis(await analyze(item.article.text, item.article));
    expect(a.document.language).toBe('de');
    expect(a.document.published).toBe('2024-02-02');
    expect(a.document.byline.reporters).toHaveLength(11);
    expect(a.document.byline.editors).toEqual(['David Crawshaw']);
    const flagged = a.flags.map((f) => f.text);
    expect(flagged).toContain('RISKISCHE SEEN');
    expect(flagged).toContain('AUSREICHEN');
    expect(a.flags).toHaveLength(2); // no false flags on ordinary words
    // Sentences, checked by reading once: 45, of which 2 headings; multi-sentence quotes stay whole,
    // so no sentence starts inside a quotation; "am 5. November" and "z.B." do not split.
    const doc = buildDoc(item.article);
    expect(doc.sentences).toHaveLength(45);
    expect(doc.sentences.filter((s) => doc.paragraphs[s.paragraph].heading)).toHaveLength(2);
    for (const s of doc.sentences) {
      const before = doc.text.slice(doc.paragraphs[s.paragraph].start, s.start);
      const open = (before.match(/"/g) ?? []).length % 2;
      expect(open, doc.text.slice(s.start, s.start + 40)).toBe(0);
      expect(doc.tokens[s.tokenEnd - 1].text).not.toMatch(/^\d+\.$|^z\.B\.$/);
    }
    expect(doc.sentences.at(-1)!.start).toBe(doc.byline.span!.start);
  });
});

describe('heading flags', () => {
  it('names in a headline are not flagged; a non-word in a subheading is', async () => {
    const text = 'Merz trifft Macron in Paris\n\nBundeskanzler Friedrich Merz hat am Dienstag Emmanuel Macron getroffen. Merz sprach von einem guten Gespräch.\n\nKLARISCHE WORTE\n\nMacron sagte, man sei sich einig.';
    const a = await analyze(text, { language: 'de', published: '2025-03-14' });
    expect(a.flags.map((f) => f.text)).toEqual(['KLARISCHE WORTE']);
  });
});
