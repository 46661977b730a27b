/**
 * English speakers named by a description (issue 13): a name inside the description qualifies the person it
 * describes ("the Republican nominee", "the New York billionaire") and is no speaker of its own; an office a later
 * sentence gives a person by name is theirs. Sentences written for this test, run through the pipeline.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { speakerName } from './speakers.js';

const run = (text: string) => analyzeSync(text, { language: 'en' });

describe('a name modifying a person noun', () => {
  it('"The Republican billionaire said …" refers back to the person, not the party', () => {
    const a = run('Donald Trump spoke in Ohio on Monday. The Republican billionaire said he planned to publish a tax plan.');
    expect(speakerName(a, 'publish a tax plan')).toBe('Donald Trump');
  });

  it('"The New York billionaire said …" is not the city', () => {
    const a = run('Donald Trump spoke in Ohio on Monday. The New York billionaire told supporters he would publish a tax plan.');
    expect(speakerName(a, 'publish a tax plan')).toBe('Donald Trump');
  });

  it('"The presumptive Republican nominee declined …, but said …": the coordinated verb shares the description', () => {
    const a = run('Donald Trump spoke in Ohio on Monday. The presumptive Republican nominee refused to name a date, but said he would welcome new talks.');
    expect(speakerName(a, 'welcome new talks')).toBe('Donald Trump');
  });

  it('"The Bordurian minister said …" is the minister named before', () => {
    const a = run('Foreign Minister Karl Benson of Borduria arrived in Ohio. The Bordurian minister said he planned to publish a trade plan.');
    expect(speakerName(a, 'publish a trade plan')).toBe('Karl Benson');
  });

  it('a capitalised head is a name of its own: "the Labour Party said …" stays the party', () => {
    const a = run('The Labour Party said it would oppose the budget in parliament next week.');
    expect(speakerName(a, 'oppose the budget')).toMatch(/Labour/);
  });
});

describe('an office named later', () => {
  it('"the U.N. envoy said …" before "U.N. envoy Tom Varga" is Varga, not an earlier person of no known office', () => {
    const a = run("Bordurian warplanes flew home on Tuesday as the capital began to pull back troops that had turned the war President Karl Benson's way. The U.N. envoy told reporters he expected the step to speed up peace talks in Geneva.\n\nAs the first aircraft landed, U.N. envoy Tom Varga called the withdrawal a significant development.");
    expect(speakerName(a, 'speed up peace talks')).toBe('Tom Varga');
  });
});
