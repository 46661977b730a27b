/** End to end: the seed through analyzeSync (NER and entities included), checked against the contract. */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { AnalysisSchema, type Analysis, type Quote } from '../../src/contract/schema.js';
import { parseFrontMatter } from '../../src/text/frontmatter.js';
import { hasShared, readSeed } from '../helpers.js';

describe.skipIf(!hasShared)('quotes through the pipeline on the seed', () => {
  const fm = parseFrontMatter(readSeed());
  const a: Analysis = analyzeSync(fm.body, { language: 'de', published: '2024-02-02' });
  const names = (q: Quote) => {
    const s = a.sources.find((x) => x.id === q.source);
    const e = a.entities.find((x) => x.id === (q.speaker ?? s?.entity));
    return [s?.description ?? '', e?.name ?? ''].join(' ');
  };
  const by = (w: string) => a.quotes.filter((q) => q.text.includes(w)).map(names).join(' | ');

  it('validates against the contract', () => {
    expect(() => AnalysisSchema.parse(a)).not.toThrow();
  });

  it('attributes the direct quotes', () => {
    expect(by('Verhandlungsposition')).toContain('Trump');
    expect(by('Zeit voraus')).toContain('Machida');
    expect(by('ernst meint')).toContain('Hagerty');
    for (const w of ['Missverständnisse', 'Faktor', 'Golfer ist schlecht']) expect(by(w)).toContain('Watanabe');
    expect(by('mit großem Interesse')).toMatch(/Außenministerium/);
  });

  it('keeps the six officials, the two ministry officials and the adviser as counted anonymous sources', () => {
    const anon = a.sources.filter((s) => !s.named && !s.parent);
    expect(anon.map((s) => s.count)).toEqual(expect.arrayContaining([6, 2, 1]));
    const six = anon.find((s) => s.count === 6)!;
    expect(a.sources.filter((s) => s.parent === six.id).length).toBeGreaterThanOrEqual(2);
  });
});
