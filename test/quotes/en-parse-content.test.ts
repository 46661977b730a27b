/**
 * English indirect statements read from the parse (issue 13): plural-subject present forms ("officials warn
 * that"), a quoted phrase inside parsed content (mixed), a directive's infinitive after its addressee and an
 * adverbial, and a complement that runs on into another statement's attribution. Sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { quoteWith, speakerName } from './speakers.js';

const run = (text: string) => analyzeSync(text, { language: 'en' });

describe('plural present forms of reporting verbs', () => {
  it('"security experts warn that …" reports', () => {
    const a = run('Security experts warn that the old dams in the valley are poorly maintained.');
    const q = quoteWith(a, 'the old dams in the valley');
    expect(q.kind).toBe('indirect');
  });

  it('"to warn" stays an intention, not a statement', () => {
    const a = run('The mayor plans to warn that the old dams in the valley are poorly maintained.');
    expect(a.quotes.some((q) => q.text.includes('old dams') && q.cue?.text === 'warn')).toBe(false);
  });
});

describe('a quoted phrase inside parsed content', () => {
  it('"Sources suggest that the emails are evidence of "deliberate neglect"" is a mixed statement', () => {
    const a = run('Sources suggest that the emails are evidence of "deliberate neglect".');
    const q = quoteWith(a, 'the emails are evidence');
    expect(q.kind).toBe('mixed');
    expect(q.text).toContain('deliberate neglect');
  });
});

describe('a directive infinitive after the addressee and an adverbial', () => {
  it('"pressed its partners on Friday to send …" reports the infinitive', () => {
    const a = run('Borduria pressed its partners on Friday to send more money to the relief effort.');
    expect(speakerName(a, 'send more money')).toBe('Borduria');
  });

  it('"urged Lopez last week to drop those plans, warning …" ends the content before the participle', () => {
    const a = run('A group of retired judges urged Lopez last week to drop those plans, warning they could weaken the courts.');
    const q = quoteWith(a, 'drop those plans');
    expect(q.text).toBe('drop those plans');
    expect(a.quotes.some((x) => x.text.startsWith('they could weaken'))).toBe(true);
  });

  it('a purpose clause is no directive: "called a meeting on Monday to discuss …" reports nothing', () => {
    const a = run('The council called a meeting on Monday to discuss the new budget for the harbour.');
    expect(a.quotes.some((q) => q.text.includes('discuss the new budget'))).toBe(false);
  });
});

describe('an addressee after the directive verb\'s preposition', () => {
  it('"called on Canada and Mexico on Monday to step in …" reports the infinitive', () => {
    const a = run('Tom Varga called on Canada and Mexico on Monday to step in and protect the truce.');
    expect(speakerName(a, 'step in and protect the truce')).toBe('Tom Varga');
  });

  it('"on Monday" is no addressee: "called a meeting on Monday to discuss …" still reports nothing', () => {
    const a = run('The council called a meeting on Monday to discuss the new budget for the harbour.');
    expect(a.quotes.some((q) => q.text.includes('discuss the new budget'))).toBe(false);
  });
});

describe('a channel after an inverted attribution', () => {
  it('", the Red Cross wrote on its Twitter account." reports the clause before', () => {
    const a = run('Nine nurses were hurt when the roof of the clinic fell in, the Red Cross wrote on its Twitter account.');
    expect(speakerName(a, 'Nine nurses were hurt')).toBe('Red Cross');
  });
});

describe('a directive whose content opens with a quote', () => {
  it('"the embassy urged residents to "stay indoors, and avoid the coast until the storm passes."" is mixed, the embassy\'s', () => {
    const a = run('The Ruritanian Embassy issues travel advice every week. On Monday, the embassy urged residents to "stay indoors, and avoid the coast until the storm passes."');
    const q = quoteWith(a, 'stay indoors');
    expect(q.kind).toBe('mixed');
    expect(q.text).toContain('until the storm passes');
    expect(speakerName(a, 'stay indoors')).toMatch(/Embassy/);
  });
});
