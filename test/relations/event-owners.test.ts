/**
 * Event arguments on the parse, second round of issue 14, on sentences written for this test and run through the
 * whole pipeline: the owner of a non-actor object noun, the agent and the modifying name of an event noun, a war
 * noun's subject only under a support verb, the parse's object joining a word-order subject, a hyphenated modifier
 * that is no actor, and an event noun that is the topic of another event verb.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';

function relations(lang: string, text: string): string[] {
  const a = analyzeSync(text, { language: lang, published: '2024-05-01' });
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.map((r) => `${name.get(r.subject)} ${r.predicate.split('/')[0]} ${name.get(r.object)}`);
}

describe('event arguments: owners, agents and modifiers (English)', () => {
  it('the owner of a non-actor object: "criticized the decision of the Pentagon"', () => {
    const out = relations('en', 'Senator Maria Lopez criticized the decision of the Pentagon on Monday.');
    expect(out, out.join('; ')).toContain('Maria Lopez disapprove Pentagon');
  });

  it('the agent of an object noun, with a subject from a coordinated verb', () => {
    const out = relations('en', 'Canada welcomed the plan and condemned the attack by Russia on Ukraine.');
    expect(out, out.join('; ')).toContain('Canada disapprove Russia');
    expect(out, out.join('; ')).toContain('Russia assault Ukraine');
    expect(out.some((r) => r.startsWith('Canada assault')), out.join('; ')).toBe(false);
  });

  it('a noun agent ("a threat by Iran") and a modifying demonym ("North Korean threats")', () => {
    expect(relations('en', 'The talks were overshadowed by a threat by Iran against Israel.')).toContain('Iran threaten Israel');
    expect(relations('en', 'North Korean threats against Japan worried the region.')).toContain('North Korea threaten Japan');
  });

  it('a one-word hyphenated modifier is no actor: "Russian-backed forces"', () => {
    const out = relations('en', 'The Russian-backed forces attacked the town, officials in Ukraine said.');
    expect(out.some((r) => r.includes('Russian-backed')), out.join('; ')).toBe(false);
  });
});

describe('event arguments: owners, agents and modifiers (German)', () => {
  it('an event noun under an event verb of its own takes its modifier, not the clause subject', () => {
    const out = relations('de', 'Bundeskanzler Olaf Scholz verurteilte die russischen Luftangriffe auf die Ukraine.');
    expect(out, out.join('; ')).toContain('Olaf Scholz disapprove Russland');
    expect(out, out.join('; ')).toContain('Russland assault Ukraine');
    expect(out.some((r) => r.startsWith('Olaf Scholz assault')), out.join('; ')).toBe(false);
  });

  it('the parse’s objects join the word-order subject when the parse hangs the subject elsewhere', () => {
    const out = relations('de', 'Dass Russland nach Georgien auch Estland oder Polen angreifen könnte, halten Fachleute in Warschau für denkbar.');
    expect(out, out.join('; ')).toContain('Russland assault Polen');
  });

  it('a fight noun in an infinitive is not the clause subject’s fight', () => {
    const out = relations('de', 'Trump kündigte an, die Ukraine im Krieg gegen Russland allein zu lassen.');
    expect(out.some((r) => r.startsWith('Donald Trump fight') || r.startsWith('Trump fight')), out.join('; ')).toBe(false);
  });

  it('the topic of an event verb („über eine Koalition verhandelt“) is no cooperation of its actors', () => {
    const out = relations('de', 'Die CDU hat mit der SPD über eine Koalition verhandelt.');
    expect(out, out.join('; ')).toContain('CDU negotiate SPD');
    expect(out.some((r) => r.includes(' cooperate ')), out.join('; ')).toBe(false);
  });
});

describe('event arguments: the agent of a blocked act is its actor, before the owner of its theme', () => {
  it('English: "blocked the takeover of A by B"', () => {
    const out = relations('en', 'Canada blocked the takeover of Maple Foods by Dragon Holdings.');
    expect(out, out.join('; ')).toContain('Canada reject Dragon Holdings');
    expect(out.some((r) => r === 'Canada reject Maple Foods'), out.join('; ')).toBe(false);
  });

  it('German: „blockierte die Übernahme von A durch B“', () => {
    const out = relations('de', 'Kanada blockierte die Übernahme von Maple Foods durch Dragon Holdings.');
    expect(out, out.join('; ')).toContain('Kanada reject Dragon Holdings');
    expect(out.some((r) => r === 'Kanada reject Maple Foods'), out.join('; ')).toBe(false);
  });
});
