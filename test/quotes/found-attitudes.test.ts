/**
 * Quote recall (issue 13): an attitude noun voiced with a prepositional complement ("voiced concern about X") is
 * noun-phrase content, and so is a charge after "accused X of"; on sentences written for these tests (each fails
 * without src/quotes/attitude.ts or src/quotes/accusation.ts).
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

describe('voiced attitudes', () => {
  it('reads "voiced concern about X" as the attitude phrase, with its speaker', () => {
    const a = run('Mayor Lena Ortiz voiced concern about the rising cost of the harbour project on Tuesday.', 'en');
    expect(quoteWith(a, 'the rising cost of the harbour project')?.text.startsWith('concern about')).toBe(true);
    expect(speakerName(a, 'the rising cost')).toBe('Lena Ortiz');
  });

  it('takes no object that is not an attitude noun', () => {
    const a = run('Mayor Lena Ortiz expressed a parcel to the harbour office on Tuesday.', 'en');
    expect(quoteWith(a, 'a parcel')).toBeUndefined();
  });

  it('reads "accused X of Y" as the charge Y, with the accuser as speaker', () => {
    const a = run('Mayor Lena Ortiz accused the harbour board of hiding the cost report by closing the archive.', 'en');
    expect(quoteWith(a, 'hiding the cost report')?.text.startsWith('hiding')).toBe(true);
    expect(speakerName(a, 'hiding the cost report')).toBe('Lena Ortiz');
  });
});
