/**
 * Quote recall (issue 13): a directive verb's infinitive complement and a judging verb's predicate are reported
 * content, on sentences written for these tests (each fails without its mechanism).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import type { Analysis } from '../../src/contract/schema.js';

const run = (text: string, language: 'de' | 'en'): Analysis => analyzeSync(text, { language, published: '2025-03-01' });
const quoteWith = (a: Analysis, fragment: string) => a.quotes.find((x) => x.text.includes(fragment));
const speakerName = (a: Analysis, fragment: string) => {
  const q = quoteWith(a, fragment);
  return q?.speaker ? a.entities.find((e) => e.id === q.speaker)?.name ?? null : null;
};

describe('infinitive complements of directive verbs', () => {
  it('reads "urged X to …" as the content, without "to"', () => {
    const a = run('Minister Paul Granger urged the northern provinces to accept the new budget plan before the summer.', 'en');
    const q = quoteWith(a, 'accept the new budget plan');
    expect(q?.text.startsWith('accept')).toBe(true);
    expect(speakerName(a, 'accept the new budget plan')).toBe('Paul Granger');
  });

  it('skips a passive directive, which names the addressee', () => {
    const a = run('Two smaller parties were invited to negotiate with the regional government next week.', 'en');
    expect(quoteWith(a, 'negotiate with the regional government')).toBeUndefined();
  });
});

describe('predicates of judging verbs', () => {
  it('reads "hailed X as Y" as the predicate Y', () => {
    const a = run('Mayor Lena Ortiz hailed the new harbour agreement on Tuesday as a turning point for the town, and left early.', 'en');
    const q = quoteWith(a, 'a turning point for the town');
    expect(q?.text).toBe('a turning point for the town');
    expect(speakerName(a, 'a turning point')).toBe('Lena Ortiz');
  });

  it('reads „bezeichnete X als Y“ after the verb and „als Y bezeichnet“ before it', () => {
    const a = run('Die Bürgermeisterin Lena Ortiz bezeichnete den Hafenvertrag als großen Gewinn für die Stadt. '
      + 'Der Stadtrat Karl Brandt hat den Vertrag als voreilig und teuer bezeichnet.', 'de');
    expect(quoteWith(a, 'großen Gewinn für die Stadt')?.text).toBe('großen Gewinn für die Stadt');
    expect(quoteWith(a, 'voreilig und teuer')?.text).toBe('voreilig und teuer');
  });

  it('opens no predicate at "as well as"', () => {
    const a = run('The council welcomed the harbour agreement as well as the new rail link to the coast.', 'en');
    expect(quoteWith(a, 'the new rail link')).toBeUndefined();
  });
});
