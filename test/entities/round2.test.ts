/** Second blind round: mechanisms found on articles written blind, each pinned with sentences of our own. */
import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { docFrom, nerFromList, type NameSpec } from './helpers.js';

const run = (text: string, lang: string, names: NameSpec[]) => {
  const doc = docFrom(text, lang);
  return extractEntities(doc, nerFromList(doc, names));
};
const byName = (layer: ReturnType<typeof run>, name: string) => layer.entities.find((e) => e.name === name);
const ofName = (layer: ReturnType<typeof run>, id: string | null) => (id ? layer.entities.find((e) => e.id === id)?.name ?? id : null);

describe('entities, second blind round', () => {
  test('title abbreviations are found and named by their full title', () => {
    const layer = run('Oregon Gov. Marisol Pena signed the bill. Rep. Dev Anand voted against it.', 'en',
      [{ text: 'Oregon', type: 'LOC' }, { text: 'Marisol Pena', type: 'PER' }, { text: 'Dev Anand', type: 'PER' }]);
    expect(byName(layer, 'Marisol Pena')?.roles.map((r) => r.title.toLowerCase())).toContain('governor');
    expect(byName(layer, 'Dev Anand')?.roles.map((r) => r.title.toLowerCase())).toContain('representative');
  });

  test('corporate and legal titles; umlaut heads in German compounds', () => {
    const en = run('Chief Financial Officer Lars Berg said margins held.', 'en', [{ text: 'Lars Berg', type: 'PER' }]);
    expect(byName(en, 'Lars Berg')?.roles.map((r) => r.title)).toEqual(['Chief Financial Officer']);
    const de = run('Oberstaatsanwältin Ute Rahm legte Berufung ein.', 'de', [{ text: 'Ute Rahm', type: 'PER' }]);
    expect(byName(de, 'Ute Rahm')?.roles.map((r) => r.title)).toEqual(['Oberstaatsanwältin']);
  });

  test('a sentence-initial "Dessen/Deren <Titel>" is of the first name of the previous sentence', () => {
    const layer = run('Der Städtetag kritisierte den Entwurf. Dessen Präsidentin Hanna Vogt sprach von einem Fehler.', 'de',
      [{ text: 'Städtetag', type: 'ORG' }, { text: 'Hanna Vogt', type: 'PER' }]);
    const r = byName(layer, 'Hanna Vogt')?.roles ?? [];
    expect(r.map((x) => [x.title, ofName(layer, x.of)])).toEqual([['Präsidentin', 'Städtetag']]);
  });

  test('a title apposed to a second titled name shares its holder', () => {
    const layer = run('Der Bauernverband warnte. Dessen Präsident, der Landrat des Kreises Oderland Paul Kretz, forderte Hilfen.', 'de',
      [{ text: 'Bauernverband', type: 'ORG' }, { text: 'Kreises Oderland', type: 'LOC' }, { text: 'Paul Kretz', type: 'PER' }]);
    const titles = (byName(layer, 'Paul Kretz')?.roles ?? []).map((x) => x.title).sort();
    expect(titles).toEqual(['Landrat', 'Präsident']);
  });

  test('no bare surname after an indefinite title: German capitalises every noun', () => {
    const layer = run('Er soll von einem Bauunternehmer Spenden erhalten haben.', 'de', []);
    expect(layer.entities.filter((e) => e.type === 'person')).toHaveLength(0);
  });

  test('an ordinary German word is no alternate name of a capital', () => {
    const layer = run('Die Kita bleibt geschlossen, sagte die Leiterin der Kitas.', 'de', []);
    expect(layer.entities.filter((e) => e.type === 'location')).toHaveLength(0);
  });

  test('a title the tagger put inside a person span is dropped from the name and read as a title', () => {
    const layer = run('The measure was drafted by Sen. Ilse Moreno of Tucson.', 'en',
      [{ text: 'Sen. Ilse Moreno', type: 'PER' }, { text: 'Tucson', type: 'LOC' }]);
    const p = layer.entities.filter((e) => e.type === 'person');
    expect(p.map((e) => e.name)).toEqual(['Ilse Moreno']);
    expect(p[0].roles.map((r) => r.title)).toEqual(['Senator']);
  });

  test('a country in the possessive or a demonym over a noun modifier gives an organisation its country', () => {
    const layer = run("Orders went to Brazil's Daesan Foundry and to the Swiss equipment maker Albula Optik AG.", 'en',
      [{ text: 'Brazil', type: 'LOC' }, { text: 'Daesan Foundry', type: 'ORG' }, { text: 'Swiss', type: 'OTH' }, { text: 'Albula Optik AG', type: 'ORG' }]);
    expect(byName(layer, 'Daesan Foundry')?.attributes.country).toBe('country:BR');
    expect(byName(layer, 'Albula Optik AG')?.attributes.country).toBe('country:CH');
    // The possessive places the company; it does not make the country act.
    expect(layer.mentions.filter((m) => m.entity === 'country:BR' && !m.locative && m.kind !== 'demonym')).toHaveLength(0);
  });

  test('an age modifying a title goes to the holder of the title', () => {
    const de = run('Der Mitangeklagte, der 61 Jahre alte Inhaber der Firma Kolbe Bau GmbH, Jens Kolbe, schwieg.', 'de',
      [{ text: 'Kolbe Bau GmbH', type: 'ORG' }, { text: 'Jens Kolbe', type: 'PER' }]);
    expect(byName(de, 'Jens Kolbe')?.attributes.age).toBe(61);
    expect(byName(de, 'Jens Kolbe')?.roles.map((r) => r.title)).toEqual(['Inhaber']);
    const en = run('The 58-year-old chief executive of Pell Mining, Ruth Amadi, resigned.', 'en',
      [{ text: 'Pell Mining', type: 'ORG' }, { text: 'Ruth Amadi', type: 'PER' }]);
    expect(byName(en, 'Ruth Amadi')?.attributes.age).toBe(58);
  });

  test('a sentence-initial possessive before a title points back to the previous sentence', () => {
    const de = run('Die Piratenpartei lehnt den Entwurf ab. Ihr Fraktionsvorsitzender Timo Brandt kündigte eine Klage an.', 'de',
      [{ text: 'Piratenpartei', type: 'ORG' }, { text: 'Timo Brandt', type: 'PER' }]);
    expect((byName(de, 'Timo Brandt')?.roles ?? []).map((r) => [r.title, ofName(de, r.of)])).toEqual([['Fraktionsvorsitzender', 'Piratenpartei']]);
    const en = run('Harbor Freight Lines filed for bankruptcy. Its chairman Omar Haddad blamed fuel costs.', 'en',
      [{ text: 'Harbor Freight Lines', type: 'ORG' }, { text: 'Omar Haddad', type: 'PER' }]);
    expect((byName(en, 'Omar Haddad')?.roles ?? []).map((r) => [r.title, ofName(en, r.of)])).toEqual([['chairman', 'Harbor Freight Lines']]);
  });

  test('a ticker after a stock word is no actor; an acronym introduced after a name still is', () => {
    const layer = run('Shares of Orvane Systems rose. The stock (ORVS) gained 4%. The Pacific Trade Council (PTC) welcomed it.', 'en',
      [{ text: 'Orvane Systems', type: 'ORG' }, { text: 'ORVS', type: 'ORG' }, { text: 'Pacific Trade Council', type: 'ORG' }, { text: 'PTC', type: 'ORG' }]);
    expect(layer.entities.map((e) => e.name).sort()).toEqual(['Orvane Systems', 'Pacific Trade Council']);
  });

  test('well-known parties and institutions are organisations even when the tagger misses them', () => {
    const de = run('Die Grünen und die Republikaner im US-Kongress kritisierten den Plan.', 'de', []);
    const types = (l: ReturnType<typeof run>) => l.entities.filter((e) => e.type === 'organization').map((e) => e.id).sort();
    expect(types(de)).toEqual(['org:de-greens', 'org:us-congress', 'org:us-republican-party']);
    const en = run('Republicans blocked the bill, and Oxfam said Downing Street had misled voters.', 'en', []);
    expect(types(en)).toEqual(['org:downing-street', 'org:oxfam', 'org:us-republican-party']);
  });

  test("nobody owns their own role: \"X's founder, Y X\" is of the organisation named X", () => {
    const layer = run("Pell Group bought the brewer Osei Brauhaus. Osei's founder, Kwame Osei, will stay on.", 'en',
      [{ text: 'Pell Group', type: 'ORG' }, { text: 'Osei Brauhaus', type: 'ORG' }, { text: 'Osei', type: 'ORG' }, { text: 'Kwame Osei', type: 'PER' }]);
    expect((byName(layer, 'Kwame Osei')?.roles ?? []).map((r) => [r.title, ofName(layer, r.of)])).toEqual([['founder', 'Osei Brauhaus']]);
  });
});
