/** The shared reference resolver's lexicon and head matching, on words and sentences written for this test. */
import { describe, expect, it } from 'vitest';
import { referenceLexicon } from '../../src/references/lexicon.js';
import { descriptionClass, headOf, isPluralHead, withoutGenitive } from '../../src/references/heads.js';
import { describedPerson, descriptionFits, introducedPerson } from '../../src/references/described-person.js';
import { ageOf } from '../../src/references/ages.js';

const de = referenceLexicon('de'), en = referenceLexicon('en');

describe('reference lexicon', () => {
  it('reads third-person pronouns with number and gender from lang/<code>/references/', () => {
    expect(de.thirdPerson.get('sie')).toMatchObject({ number: 'sg|pl', gender: 'f' });
    expect(de.thirdPerson.has('ich')).toBe(false);
    expect(en.thirdPerson.get('he')?.gender).toBe('m');
  });

  it('takes role nouns from the one role-noun file as person heads', () => {
    // "botschafter" is listed only in lang/de/entities/roles.txt, not in lang/de/references/.
    expect(headOf(de, 'Botschafterin')).toMatchObject({ stem: 'botschafter', type: 'person' });
    expect(headOf(en, 'ambassador')?.type).toBe('person');
  });

  it('a language without the folder has an empty lexicon, not an error', () => {
    expect(referenceLexicon('xx').heads.size).toBe(0);
  });
});

describe('description heads', () => {
  it.each([
    ['Windkraftkonzerns', 'konzern', 'organization'],
    ['SPD-Politikerin', 'politiker', 'person'],
    ['Gewerkschaft', 'gewerkschaft', 'organization'],
    ['61-Jährige', '61-jährige', 'person'],
  ])('de %s → %s (%s)', (word, stem, type) => {
    expect(headOf(de, word)).toMatchObject({ stem, type });
  });

  it('no head inside a short word or a non-noun', () => {
    expect(headOf(de, 'Samt')).toBeNull();
    expect(headOf(en, 'quickly')).toBeNull();
  });

  it('classes, plurals and genitives', () => {
    expect(descriptionClass(en, 'company')).toBe('institution');
    expect(descriptionClass(en, 'economist')).toBe('person');
    expect(isPluralHead(de, 'Managerinnen')).toBe(true);
    expect(isPluralHead(de, 'Managerin')).toBe(false);
    expect(withoutGenitive(de, 'verbandes')).toBe('verband');
    expect(ageOf(en, '77-year-old')).toBe(77);
  });
});

describe('described persons', () => {
  const roles = [
    { title: 'US-Präsident', holder: 'person:trump', tokenStart: 0 },
    { title: 'Kanzlerin', holder: 'person:weber', tokenStart: 10 },
  ];
  it('finds the latest earlier holder of a role with the same head', () => {
    expect(describedPerson(de, roles, 30, 'US-Präsident')).toBe('person:trump');
    expect(describedPerson(de, roles, 30, 'Präsidenten')).toBe('person:trump');
    expect(describedPerson(de, roles, 5, 'Kanzlerin')).toBeNull(); // named only later
  });

  it('finds the person a role noun introduced right before the name ("Sprecher Oberst Jan Lind")', () => {
    const low = ['sprecher', 'oberst', 'jan', 'lind', 'sagte', '.', 'später', 'sagte', 'der', 'sprecher'];
    const persons = [{ tokenStart: 2, entity: 'person:lind' }];
    expect(introducedPerson(de, low, persons, 0, 9, 'Sprecher')).toBe('person:lind');
    expect(introducedPerson(de, low, persons, 0, 9, 'Präsident')).toBeNull(); // another head
    expect(introducedPerson(de, low, persons, 1, 9, 'Sprecher')).toBeNull(); // introduction before the window
    expect(introducedPerson(de, ['sprecher', 'a', 'b', 'c', 'd', 'e', 'jan'], [{ tokenStart: 6, entity: 'person:x' }], 0, 7, 'Sprecher')).toBeNull(); // too far
  });

  it('an office fits only its holder or a person without roles; a generic description fits anyone', () => {
    expect(descriptionFits(de, ['Kanzlerin'], 'Präsident')).toBe(false);
    expect(descriptionFits(de, ['Arbeitsministerin'], 'SPD-Politikerin')).toBe(true);
    expect(descriptionFits(de, [], 'Präsident')).toBe(true);
  });
});

describe('the one role-noun file', () => {
  it('gives titles to the entities stage and ties to relations from the same lines', async () => {
    const { roleNouns } = await import('../../src/references/role-nouns.js');
    const r = roleNouns('de');
    expect(r.titles).toContain('botschafter');
    expect(r.ties.find((t) => t.noun === 'botschafter')).toMatchObject({ predicate: 'represents', notOf: ['in', 'nach', 'bei', 'an'] });
    // a tie-only noun makes a tie but is no title head
    expect(r.ties.find((t) => t.noun === 'sohn')?.predicate).toBe('family_of');
    expect(r.titles).not.toContain('sohn');
  });
});
