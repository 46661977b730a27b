/**
 * English speaker phrases (issue 13, news-dev speaker error classes, round 3): the antecedent of a relative
 * reporting clause and a possessor before a titled name. Sentences written for this test, run through the pipeline.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { speakerName } from './speakers.js';

const run = (text: string) => analyzeSync(text, { language: 'en' });


describe('relative reporting clauses', () => {
  it('", which warned …" speaks for the name before the comma, not the main clause subject', () => {
    const a = run('Opposition leader Maria Lopez won the vote on Saturday and promised calm talks with Borduria, which said it would resist every step toward independence.');
    expect(speakerName(a, 'it would resist every step')).toBe('Borduria');
  });

  it('a name after "of" qualifies the person before it: "X of the Y Division, who says …" is X', () => {
    const a = run('"We do not believe them," said Karim Haddad of the Northern Hills Brigade, who says his unit has been under fire for weeks.');
    expect(speakerName(a, 'his unit has been under fire')).toBe('Karim Haddad');
  });
});

describe('possessor before a titled name', () => {
  it('"Ruritania\'s opposition leader Maria Lopez said …" is Maria Lopez', () => {
    const a = run("Ruritania's opposition leader Maria Lopez said she would keep the peace with her neighbours.");
    expect(speakerName(a, 'keep the peace')).toBe('Maria Lopez');
  });
});

describe('a coordinated reporting verb without a subject of its own', () => {
  it('"X won … and pledged to …" is X where the parse gives "won" no subject', () => {
    const a = run("Ruritania's independence-leaning opposition leader Maria Lopez won the presidential vote by a wide margin on Saturday and pledged to keep relations with Borduria calm.");
    expect(speakerName(a, 'keep relations with Borduria')).toBe('Maria Lopez');
  });

  it('"… are divided but polls show …": a conjunct after its own noun is not given the first subject', () => {
    const a = run('Ruritanian voters are divided but surveys show they slightly prefer remaining a member.');
    const q = a.quotes.find((x) => x.text.includes('slightly prefer'));
    expect(q, 'the content of "surveys show" is a quote').toBeDefined();
    const s = a.sources.find((x) => x.id === q!.source);
    expect(s?.description ?? '').not.toMatch(/voters/);
  });
});

describe('a document speaks for its author', () => {
  it('"A statement by the Ruritanian Interior Ministry denied …, saying …" is the ministry', () => {
    const a = run('A statement by the Ruritanian Interior Ministry denied its police were involved, saying no officers had entered the square.');
    expect(speakerName(a, 'no officers had entered')).toMatch(/Interior Ministry/);
  });

  it('"A statement from the … Ministry said …" is the ministry', () => {
    const a = run('A statement from the Ruritanian Interior Ministry said the attacker had died at the scene.');
    expect(speakerName(a, 'the attacker had died')).toMatch(/Interior Ministry/);
  });

  it('"An editorial in the Daily Clarion called …" and its "it said" are the paper', () => {
    const a = run('An editorial in the Daily Clarion, a tabloid owned by the ruling party, called the promise "hollow". "Nobody in the region believes that the radar will only watch the north," it said.');
    expect(speakerName(a, 'Nobody in the region')).toBe('Daily Clarion');
  });
});

describe('an office speaking before its holder is named', () => {
  it('"Ruritania\'s foreign minister said …" then "Maria Lopez told reporters" is Maria Lopez', () => {
    const a = run('Ruritania\'s foreign minister said the claims had been made up by hostile media. "The small harbour we built is for our own fishermen and nobody else," Maria Lopez told reporters in the capital.');
    expect(speakerName(a, 'the claims had been made up')).toBe('Maria Lopez');
  });
});
