/**
 * Lists of actors interrupted by place phrases (issue 14): "Hezbollah in Lebanon, the Houthis in Yemen and Hamas in
 * Gaza" are three objects. Sentences written for this test, through the whole pipeline.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

function relations(lang: string, text: string): string[] {
  const a = analyzeSync(text, { language: lang, published: '2024-05-01' });
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.map((r) => `${name.get(r.subject)} ${r.predicate.split('/')[0]} ${name.get(r.object)}`);
}

describe('lists with place phrases', () => {
  it('every conjunct of "X in A, the Y in B and Z in C" is an object', () => {
    const out = relations('en', 'For years Tehran has supported Hezbollah in Lebanon, the Houthis in Yemen and Hamas in Gaza.');
    const supported = out.filter((r) => r.includes(' support '));
    expect(supported, out.join('; ')).toHaveLength(3);
    expect(out.some((r) => / support (Lebanon|Yemen|Gaza)$/.test(r)), out.join('; ')).toBe(false);
  });

  it('a place phrase that ends the list adds no conjunct', () => {
    const out = relations('en', 'Kenya sent troops to Somalia in March and trained officers there.');
    expect(out.some((r) => / (Somalia|Kenya) .* March/.test(r)), out.join('; ')).toBe(false);
  });
});
