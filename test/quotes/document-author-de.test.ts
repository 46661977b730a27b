/**
 * German texts and sayings speak for their named author ("Die These von Maier: „…“", "so das Motto von Anna Roth"),
 * as English statements and editorials do (quotes/document-author.ts; nouns in lang/de/quotes/function-words.json).
 * Sentences written for this test (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { speakerName } from './speakers.js';

const run = (text: string) => analyzeSync(text, { language: 'de', published: '2025-03-01' });


describe('a text or saying of a named author: the author speaks', () => {
  it('"Die These von Maier: „…“" gives the quote to Maier', () => {
    const a = run('Der Abgeordnete Thomas Maier hält den Plan für verfehlt. Die These von Maier: „Wer jetzt spart, zahlt später doppelt.“');
    expect(speakerName(a, 'Wer jetzt spart')).toBe('Thomas Maier');
  });

  it('"„…“, so das Motto von Anna Roth" gives the quote to Anna Roth', () => {
    const a = run('„Verlässlichkeit geht vor Tempo“, so das Motto von Anna Roth. Die Ministerin will im Frühjahr nach Kanada reisen.');
    expect(speakerName(a, 'Verlässlichkeit geht vor Tempo')).toBe('Anna Roth');
  });
});
