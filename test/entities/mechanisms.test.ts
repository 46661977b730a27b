/** The stage's mechanisms on small hand-written texts with hand-made tagger output (no model needed). */
import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { docFrom, nerFromList, type NameSpec } from './helpers.js';

const run = (text: string, lang: string, names: NameSpec[]) => {
  const doc = docFrom(text, lang);
  return { doc, layer: extractEntities(doc, nerFromList(doc, names)) };
};

describe('entities mechanisms', () => {
  test('capitals stand for their country as actors, and are the city (own place entity) after a locative preposition; ids are language-neutral', () => {
    const de = run('Peking hat die Gespräche abgesagt. Der Minister reiste dennoch nach Peking.', 'de', [{ text: 'Peking', type: 'LOC' }]);
    const en = run('Beijing cancelled the talks. The minister still travelled to Beijing.', 'en', [{ text: 'Beijing', type: 'LOC' }]);
    for (const { layer } of [de, en]) {
      const caps = layer.mentions.filter((m) => m.kind === 'capital');
      expect(caps.map((m) => m.entity)).toEqual(['country:CN', 'location:capital-cn']);
      expect(caps.map((m) => !!m.locative)).toEqual([false, true]);
      expect(layer.byId.get('location:capital-cn')?.attributes.country).toBe('country:CN');
    }
  });

  test('type sanity: a country is never a person, a known person\'s surname never a place', () => {
    const { layer } = run('Premierminister Fumio Kishida traf am Montag Vertreter aus Japan. Kishida sagte, Japan sei bereit.', 'de',
      [{ text: 'Fumio Kishida', type: 'PER' }, { text: 'Kishida', type: 'LOC' }, { text: 'Japan', type: 'PER' }]);
    const kishida = layer.entities.find((e) => e.name === 'Fumio Kishida')!;
    expect(kishida.type).toBe('person');
    expect(kishida.mentions.map((m) => m.text)).toEqual(['Fumio Kishida', 'Kishida']);
    expect(layer.entities.find((e) => e.id === 'country:JP')?.type).toBe('location');
    expect(layer.entities.filter((e) => e.type === 'person')).toHaveLength(1);
  });

  test('acronyms introduced in parentheses, German genitives and inflected names cluster', () => {
    const { layer } = run('Die Sozialdemokratische Partei (SPD) stellte ihr Programm vor. Der Vorsitzende der SPD, Lars Berger, lobte es. Bergers Rede war kurz.', 'de',
      [{ text: 'Sozialdemokratische Partei', type: 'ORG' }, { text: 'SPD', type: 'ORG' }, { text: 'Lars Berger', type: 'PER' }, { text: 'Bergers', type: 'PER' }]);
    const spd = layer.entities.filter((e) => e.type === 'organization');
    expect(spd).toHaveLength(1);
    expect(spd[0].aliases).toContain('SPD');
    const berger = layer.entities.find((e) => e.name === 'Lars Berger')!;
    // The genitive stays a mention of the person (kind possessive); its alias is the bare name.
    expect(berger.mentions.map((m) => m.text)).toEqual(['Lars Berger', 'Bergers']);
    expect(berger.aliases).toEqual(['Berger']);
    expect(layer.mentions.find((m) => m.text === 'Bergers')?.kind).toBe('possessive');
    expect(berger.roles[0]).toMatchObject({ title: 'Vorsitzende', of: spd[0].id, status: 'current' });
  });

  test('possessive roles with status, ages in appositions, pronouns outside quotes only', () => {
    const text = 'Japan\'s new ambassador to the U.S., Koji Mori, 61, met senators on Tuesday. "He will not decide," Mori said. He added that talks would continue.';
    const { doc, layer } = run(text, 'en', [{ text: 'Koji Mori', type: 'PER' }, { text: 'Mori', type: 'PER' }, { text: 'Japan', type: 'LOC' }, { text: 'U.S.', type: 'LOC' }]);
    const mori = layer.entities.find((e) => e.name === 'Koji Mori')!;
    expect(mori.attributes.age).toBe(61);
    expect(mori.roles).toHaveLength(1);
    expect(mori.roles[0]).toMatchObject({ of: 'country:JP', status: 'current' });
    expect(mori.roles[0].title).toMatch(/^ambassador to the U\.S\.$/);
    const quotedHe = doc.tokens.findIndex((t) => t.text === 'He');
    const lastHe = doc.tokens.map((t) => t.text).lastIndexOf('He');
    expect(layer.resolvePronoun(quotedHe)).toBeNull();
    expect(layer.resolvePronoun(lastHe)).toBe(mori.id);
  });

  test('organisations from phrases and demonyms as affiliation', () => {
    const { layer } = run('Das japanische Außenministerium widersprach. Auch das chinesische Außenministerium äußerte sich, ebenso Trumps Wahlkampfteam.', 'de',
      [{ text: 'Trumps', type: 'PER' }]);
    const ids = layer.entities.filter((e) => e.type === 'organization').map((e) => e.id);
    expect(ids).toContain('org:foreign-ministry:JP');
    expect(ids).toContain('org:foreign-ministry:CN');
    expect(layer.mentions.filter((m) => m.kind === 'demonym').map((m) => m.entity)).toEqual(['country:JP', 'country:CN']);
  });

  test('role phrases without a named holder are exposed for the quotes stage', () => {
    const { layer } = run('Ein Berater von Trump sagte, es gebe keine Treffen.', 'de', [{ text: 'Trump', type: 'PER' }]);
    expect(layer.roles).toHaveLength(1);
    expect(layer.roles[0]).toMatchObject({ title: 'Berater', of: 'person:trump', holder: null });
  });

  test('lookup helpers', () => {
    const { doc, layer } = run('Angela Roth sagte, sie komme. Roth kam nicht.', 'de', [{ text: 'Angela Roth', type: 'PER' }, { text: 'Roth', type: 'PER' }]);
    const at = doc.text.indexOf('Roth kam');
    expect(layer.mentionAt(at, at + 4)?.entity).toBe('person:angela-roth');
    expect(layer.mentionsIn(0, doc.text.length).filter((m) => m.kind === 'name')).toHaveLength(2);
    expect(layer.mentionAtToken(0)?.entity).toBe('person:angela-roth');
  });
});
