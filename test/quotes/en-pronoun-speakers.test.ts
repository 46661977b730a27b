/**
 * English pronoun speakers (issue 13): "he said" / "she said" right after a named person spoke in the same or the
 * previous sentence is that person, not a nearer mention. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { speakerName } from './speakers.js';

const run = (text: string) => analyzeSync(text, { language: 'en' });

describe('the person who just spoke', () => {
  it('"Okonkwo, … after she praised the cautious Varga, said that …. "…," she said" is Okonkwo', () => {
    const a = run('Maria Okonkwo, whose campaign began badly after she praised the cautious Anna Varga, said on Monday that "a long contest would hurt the party." "The voters need calm," she said.');
    expect(speakerName(a, 'The voters need calm')).toBe('Maria Okonkwo');
  });
});
