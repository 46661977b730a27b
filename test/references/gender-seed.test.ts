/**
 * Gender from first names, honorifics and gendered role nouns, seeded before pronouns are resolved
 * (src/references/gender-seed.ts). Sentences and names invented for this test.
 */
import { describe, expect, it } from 'vitest';
import { analyzeSync } from '../../src/pipeline/analyze.js';
import { genderOfName } from '../../src/references/first-name-gender.js';
import { decideGender } from '../../src/references/build-first-name-gender.js';
import { honorificGender, roleNounGender } from '../../src/references/gender-seed.js';
import { speakerName } from '../quotes/speakers.js';

function meets(text: string, language: string): string[] {
  const a = analyzeSync(text, { language });
  const name = new Map(a.entities.map((e) => [e.id, e.name]));
  return a.relations.filter((r) => r.predicate === 'consult/meet').map((r) => `${name.get(r.subject)} → ${name.get(r.object ?? '')}`);
}

function genderOf(text: string, language: string, name: string): unknown {
  return analyzeSync(text, { language }).entities.find((e) => e.name === name)?.attributes.gender;
}

describe('first-name gender table', () => {
  it('knows common names and leaves out one-word names and names of both sexes', () => {
    expect(genderOfName('Anna Lindqvist')).toBe('f');
    expect(genderOfName('Peter Brandt')).toBe('m');
    expect(genderOfName('Anna-Lena Brandt')).toBe('f');
    expect(genderOfName('Lindqvist')).toBeUndefined();
    expect(genderOfName('Andrea Brandt')).toBeUndefined();
  });
  it('needs a clear margin between the sexes', () => {
    expect(decideGender({ m: 9, f: 0, u: 0 })).toBe('m');
    expect(decideGender({ m: 8, f: 7, u: 0 })).toBeUndefined();
    expect(decideGender({ m: 0, f: 8, u: 7 })).toBeUndefined();
    expect(decideGender({ m: 0, f: 2, u: 0 })).toBeUndefined();
  });
});

describe('honorifics and role nouns', () => {
  it('reads the words from lang/<code>/references/gender.json', () => {
    expect(honorificGender('en', ['met', 'mrs', '.', 'roe'], 3)).toBe('f');
    expect(honorificGender('de', ['traf', 'herrn', 'brandt'], 2)).toBe('m');
    expect(roleNounGender('en', 'chairwoman', false)).toBe('f');
    expect(roleNounGender('de', 'schwiegervater', true)).toBe('m');
  });
  it('an honorific or role noun overrides the first name', () => {
    expect(genderOf('Mrs Kim Lindqvist opened the meeting in Oslo on Monday.', 'en', 'Kim Lindqvist')).toBe('f');
    expect(genderOf('Am Montag sprach Herr Kim Lindqvist in Oslo über den Haushalt.', 'de', 'Kim Lindqvist')).toBe('m');
    expect(genderOf('The chairwoman of Solvik Bank, Jean Lindqvist, opened the meeting on Monday.', 'en', 'Jean Lindqvist')).toBe('f');
  });
});

describe('pronouns after two people', () => {
  it('English "she" goes to the woman, "he" skips her', () => {
    expect(meets('Peter Brandt met Anna Lindqvist in Oslo on Monday. She met Tom Berg in the evening.', 'en')).toContain('Anna Lindqvist → Tom Berg');
    expect(meets('Anna Lindqvist met Peter Brandt in Oslo on Monday. He met Tom Berg in the evening.', 'en')).toContain('Peter Brandt → Tom Berg');
  });
  it('German "sie" goes to the woman, "er" skips her', () => {
    expect(meets('Peter Brandt traf am Montag Anna Lindqvist in Oslo. Am Abend traf sie Tom Berg.', 'de')).toContain('Anna Lindqvist → Tom Berg');
    expect(meets('Anna Lindqvist traf am Montag Peter Brandt in Oslo. Am Abend traf er Tom Berg.', 'de')).toContain('Peter Brandt → Tom Berg');
  });
  it('a quote "…, she said" / "…, sagte sie" gets the woman; "he said" the man', () => {
    expect(speakerName(analyzeSync('Peter Brandt met Anna Lindqvist in Oslo on Monday. "We will build the bridge," she said.', { language: 'en' }), 'We will build')).toBe('Anna Lindqvist');
    expect(speakerName(analyzeSync('Anna Lindqvist met Peter Brandt in Oslo on Monday. "We will build the bridge," he said.', { language: 'en' }), 'We will build')).toBe('Peter Brandt');
    expect(speakerName(analyzeSync('Peter Brandt traf am Montag Anna Lindqvist in Oslo. „Wir bauen die Brücke", sagte sie.', { language: 'de' }), 'Wir bauen')).toBe('Anna Lindqvist');
    expect(speakerName(analyzeSync('Anna Lindqvist traf am Montag Peter Brandt in Oslo. „Wir bauen die Brücke", sagte er.', { language: 'de' }), 'Wir bauen')).toBe('Peter Brandt');
  });
});
