/**
 * German texts and sayings speak for their named author ("Die These von Maier: „…“", "so das Motto von Anna Roth"),
 * as English statements and editorials do (quotes/document-author.ts; nouns in lang/de/quotes/function-words.json).
 * Sentences written for this test (issue 13).
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import type { Analysis } from '../../src/contract/schema.js';

const run = (text: string) => analyzeSync(text, { language: 'de', published: '2025-03-01' });

function speakerName(a: Analysis, words: string): string | null {
  const q = a.quotes.find((x) => x.text.includes(words));
  if (!q) throw new Error(`no quote with "${words}" among ${a.quotes.map((x) => JSON.stringify(x.text)).join(', ')}`);
  const s = a.sources.find((x) => x.id === q.source);
  return a.entities.find((x) => x.id === (q.speaker ?? s?.entity ?? null))?.name ?? null;
}

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
