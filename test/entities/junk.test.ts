/** Junk actors from malformed tagger spans: each class on a hand-written sentence with hand-made tagger output. */
import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { docFrom, nerFromList, type NameSpec } from './helpers.js';

const run = (text: string, lang: string, names: NameSpec[]) => {
  const doc = docFrom(text, lang);
  return extractEntities(doc, nerFromList(doc, names)).entities;
};
const persons = (es: { type: string; name: string }[]) => es.filter((e) => e.type === 'person').map((e) => e.name);

describe('junk actors', () => {
  test('a name never crosses an unbalanced bracket: the well-formed part stays', () => {
    const es = run('The late President [Harry] Truman signed the order in 1948.', 'en', [{ text: 'Harry] Truman', type: 'PER' }]);
    expect(persons(es)).toEqual(['Truman']);
    expect(es.some((e) => /[[\]]/.test(e.name))).toBe(false);
  });

  test('a name never crosses a sentence end, nor an unpaired quote mark', () => {
    const a = run('Das sagte zuletzt Donald Trump. Kiew reagierte kühl.', 'de', [{ text: 'Donald Trump. Kiew', type: 'PER' }]);
    expect(persons(a)).toEqual(['Donald Trump']);
    const b = run('Sie nannte es „Aktion Nordlicht und ging.', 'de', [{ text: '„Aktion Nordlicht', type: 'OTH' }]);
    expect(b.map((e) => e.name)).toEqual(['Aktion Nordlicht']);
  });

  test('paired quote marks inside a name are kept (a nickname)', () => {
    const es = run('Agent Enrique "Kiki" Camarena was killed in 1985.', 'en', [{ text: 'Enrique "Kiki" Camarena', type: 'PER' }]);
    expect(persons(es)).toEqual(['Enrique "Kiki" Camarena']);
  });

  test('a bare title is no person; a role word before the name is no part of it', () => {
    expect(persons(run('The Supreme Leader spoke on Monday.', 'en', [{ text: 'Supreme Leader', type: 'PER' }]))).toEqual([]);
    const de = run('Am Montag reiste Indiens Premier Modi nach Paris.', 'de', [{ text: 'Indiens Premier Modi', type: 'PER' }]);
    expect(persons(de)).toEqual(['Modi']);
    // A tie noun with a title modifier is a title too.
    expect(persons(run('A Petty Officer was wounded on Monday.', 'en', [{ text: 'Petty Officer', type: 'PER' }]))).toEqual([]);
  });

  test('a span of another type loses an inner role word only when its last word ends a person\'s name', () => {
    const org = run('Auch Indiens Premier Modi lobte den Plan. Narendra Modi reist im Mai.', 'de',
      [{ text: 'Indiens Premier Modi', type: 'ORG' }, { text: 'Narendra Modi', type: 'PER' }]);
    expect(persons(org)).toEqual(['Narendra Modi']);
    expect(org.some((e) => e.name.includes('Premier'))).toBe(false);
    const kept = run('The Afghanistan Analysts Network said so.', 'en', [{ text: 'Afghanistan Analysts Network', type: 'ORG' }]);
    expect(kept.map((e) => e.name)).toContain('Afghanistan Analysts Network');
  });

  test('platforms are organisations, never persons', () => {
    const es = run('Elon Musk wrote on X that he would stay. Truth Social did not comment.', 'en',
      [{ text: 'Elon Musk', type: 'PER' }, { text: 'X', type: 'PER' }, { text: 'Truth Social', type: 'PER' }]);
    expect(persons(es)).toEqual(['Elon Musk']);
    expect(es.filter((e) => e.type === 'organization').map((e) => e.name).sort()).toEqual(['Truth Social', 'X']);
  });

  test('a lone letter is no person; an all-caps word tagged as a person is an organisation', () => {
    const es = run('Q said the deal with WU was done. Anna Berg agreed.', 'en',
      [{ text: 'Q', type: 'PER' }, { text: 'WU', type: 'PER' }, { text: 'Anna Berg', type: 'PER' }]);
    expect(persons(es)).toEqual(['Anna Berg']);
    expect(es.find((e) => e.name === 'WU')?.type).toBe('organization');
  });

  test('German names of things are cited in the nominative; an official strong form and a phrase after a preposition stay', () => {
    const es = run('Im Weißen Haus sprach man mit dem Deutschen Roten Kreuz. Das Deutsches Rotes Kreuz half. Das Komitee vom Roten Kreuz schwieg.', 'de',
      [{ text: 'Weißen Haus', type: 'ORG' }, { text: 'Deutsches Rotes Kreuz', type: 'ORG' }, { text: 'Komitee vom Roten Kreuz', type: 'ORG' }]);
    const names = es.map((e) => e.name);
    expect(names).toContain('Weiße Haus');
    expect(names).toContain('Deutsches Rotes Kreuz');
    expect(names).toContain('Komitee vom Roten Kreuz');
  });
});
