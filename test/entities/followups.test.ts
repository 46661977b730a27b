/** Follow-up rules found on pipeline runs: organisations the tagger missed or mistyped, demonyms, unnamed phrases. */
import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { docFrom, nerFromList, type NameSpec } from './helpers.js';

const run = (text: string, lang: string, names: NameSpec[]) => {
  const doc = docFrom(text, lang);
  return extractEntities(doc, nerFromList(doc, names));
};
const named = (layer: ReturnType<typeof run>, name: string) => layer.entities.filter((e) => e.name === name);

describe('entities follow-ups', () => {
  test('a name after a company descriptor is an organisation even when the tagger missed it; German needs it to recur', () => {
    const de = run('Die Behörde prüft den Chiphersteller Korvalit. Korvalit wies die Vorwürfe zurück. Sollte der Konzern Stellen streichen, drohen Proteste.', 'de', []);
    const k = named(de, 'Korvalit');
    expect(k).toHaveLength(1);
    expect(k[0].type).toBe('organization');
    expect(k[0].mentions.map((m) => m.text)).toEqual(['Korvalit', 'Korvalit']);
    // "der Konzern Stellen": a capitalised noun seen once is no name.
    expect(de.entities.some((e) => e.name.startsWith('Stellen'))).toBe(false);
    const en = run('Regulators fined the steelmaker Ostrava Forge on Friday. The company said it would appeal.', 'en', []);
    expect(named(en, 'Ostrava Forge').map((e) => e.type)).toEqual(['organization']);
  });

  test('a company the tagger calls a person in one place and an organisation in another is one organisation', () => {
    const layer = run('Der Reedereikonzern Talmark kauft Schiffe. Talmark-Chef Ole Sand bestätigte den Kauf. Talmark zahlt bar.', 'de',
      [{ text: 'Talmark', type: 'PER' }, { text: 'Talmark-Chef', type: 'ORG', derived: 'part' }, { text: 'Ole Sand', type: 'PER' }]);
    expect(layer.entities.filter((e) => e.name === 'Talmark').map((e) => e.id)).toEqual(['org:talmark']);
    const layer2 = run('Der Chiphersteller Velora meldet Verluste. Veloras Chef Jan Mohr kündigte Einschnitte an.', 'de',
      [{ text: 'Velora', type: 'ORG' }, { text: 'Veloras', type: 'PER' }, { text: 'Jan Mohr', type: 'PER' }]);
    expect(layer2.entities.filter((e) => /velora/i.test(e.name)).map((e) => e.id)).toEqual(['org:velora']);
  });

  test('a place-tagged name after a company word is that company; an unnamed company is no actor', () => {
    const layer = run('Die Firma hält Anteile an dem schwedischen Netzbetreiber Kraftnät Nord. Ein dänischer Versorger prüft einen Einstieg.', 'de',
      [{ text: 'Kraftnät Nord', type: 'LOC' }]);
    const k = named(layer, 'Kraftnät Nord');
    expect(k.map((e) => e.type)).toEqual(['organization']);
    expect(k[0].attributes.country).toBe('country:SE');
    expect(layer.entities.filter((e) => e.type === 'organization')).toHaveLength(1);
    const en = run('A German carmaker is said to be interested, while the French foreign ministry declined to comment.', 'en', []);
    expect(en.entities.filter((e) => e.type === 'organization').map((e) => e.attributes.country)).toEqual(['country:FR']);
  });

  test('demonyms of smaller countries and unqualified "Korean" refer to their countries', () => {
    const en = run('Fijian officials met a Korean delegation and Samoan envoys.', 'en', []);
    const ids = en.mentions.filter((m) => m.kind === 'demonym').map((m) => m.entity);
    expect(ids).toEqual(['country:FJ', 'country:KR', 'country:WS']);
    const de = run('Die fidschianische Regierung lud koreanische Investoren ein.', 'de', []);
    expect(de.mentions.filter((m) => m.kind === 'demonym').map((m) => m.entity)).toEqual(['country:FJ', 'country:KR']);
    expect(en.entities.some((e) => e.type === 'other')).toBe(false);
  });

  test('a department named with its country is its own organisation (a ministry); the country inside its name is no actor of the clause', () => {
    const layer = run('The U.S. Treasury sanctioned the trader Ivan Petrov on Friday.', 'en', [{ text: 'U.S. Treasury', type: 'ORG' }, { text: 'Ivan Petrov', type: 'PER' }]);
    const t = named(layer, 'U.S. Treasury');
    expect(t.map((e) => [e.type, e.kind, e.attributes.country])).toEqual([['organization', 'ministry', 'country:US']]);
    // The later stages read one mention at the sentence's start: the Treasury's.
    expect(layer.mentions.filter((m) => m.start === 4).map((m) => m.entity)).toEqual([t[0].id]);
  });

  test('a capital visited or named as a location is the city; acting, it is the government', () => {
    const layer = run('Minister Hale landed in Apia on Monday. She will visit Apia again next week. Apia welcomed the aid.', 'en', [{ text: 'Hale', type: 'PER' }, { text: 'Apia', type: 'LOC' }]);
    expect(layer.mentions.filter((m) => m.text === 'Apia').map((m) => m.entity)).toEqual(['location:capital-ws', 'location:capital-ws', 'country:WS']);
    const city = layer.byId.get('location:capital-ws')!;
    expect([city.type, city.name, city.attributes.country]).toEqual(['location', 'Apia', 'country:WS']);
    // Only seen as the city: no alias of the country.
    const de = run('Die Ministerin landete in Apia. Samoa begrüßte die Hilfe.', 'de', [{ text: 'Apia', type: 'LOC' }, { text: 'Samoa', type: 'LOC' }]);
    expect(de.byId.get('country:WS')?.aliases).toEqual([]);
  });

  test('a foundation or university named after its bare head word keeps that word in its name', () => {
    const layer = run('Die Stiftung Elbwerk aus Bremen vereinbarte eine Kooperation. Die Stiftung Elbwerk gilt als einflussreich.', 'de', [{ text: 'Elbwerk', type: 'LOC' }, { text: 'Bremen', type: 'LOC' }]);
    const f = named(layer, 'Stiftung Elbwerk');
    expect(f.map((e) => [e.id, e.type, e.kind])).toEqual([['org:stiftung-elbwerk', 'organization', 'think_tank']]);
    expect(f[0].mentions.map((m) => m.text)).toEqual(['Stiftung Elbwerk', 'Stiftung Elbwerk']);
    expect(layer.entities.some((e) => e.name === 'Elbwerk')).toBe(false);
  });

  test('"the governor" is the current holder of that title even when a former one is named too', () => {
    const en = run('Governor Ana Ruiz vetoed the bill. Former governor Ben Ott, a critic, backed it. Unions attacked the governor on Monday.', 'en',
      [{ text: 'Ana Ruiz', type: 'PER' }, { text: 'Ben Ott', type: 'PER' }]);
    expect(en.mentions.filter((m) => m.kind === 'description').map((m) => [m.text, m.entity])).toEqual([['the governor', 'person:ana-ruiz']]);
    const de = run('Gouverneur Paul Kern stoppte das Gesetz. Der frühere Gouverneur Udo Sand lobte es. Die Opposition kritisierte den Gouverneur scharf.', 'de',
      [{ text: 'Paul Kern', type: 'PER' }, { text: 'Udo Sand', type: 'PER' }]);
    expect(de.mentions.filter((m) => m.kind === 'description').map((m) => [m.text, m.entity])).toEqual([['den Gouverneur', 'person:paul-kern']]);
  });

  test('an unnamed body introduced with an indefinite article is no actor; with a definite one, or before a role, it is', () => {
    const de = run('Ein chinesisches Ministerium soll beteiligt sein. Das japanische Außenministerium widersprach.', 'de', []);
    expect(de.entities.filter((e) => e.type === 'organization').map((e) => e.attributes.country)).toEqual(['country:JP']);
    const en = run('A Chinese foreign ministry spokesman said talks would go on.', 'en', []);
    expect(en.entities.filter((e) => e.type === 'organization').map((e) => [e.kind, e.attributes.country])).toEqual([['ministry', 'country:CN']]);
  });

  test('a bare descriptor word the tagger included is dropped from the name ("Gewerkschaft X"); a capitalised English head is part of a name', () => {
    const de = run('Die Gewerkschaft Metallbund forderte Garantien. Metallbund-Vize Jana Ott sprach von Verrat.', 'de',
      [{ text: 'Gewerkschaft Metallbund', type: 'ORG' }, { text: 'Metallbund-Vize', type: 'ORG', derived: 'part' }, { text: 'Jana Ott', type: 'PER' }]);
    expect(de.entities.filter((e) => e.type === 'organization').map((e) => [e.name, e.kind])).toEqual([['Metallbund', 'union']]);
    const en = run('Shares of Union Carrow fell after the union Unite called a strike.', 'en', [{ text: 'Unite', type: 'ORG' }]);
    expect(en.entities.map((e) => e.name)).toEqual(['Unite']);
  });

  test('an untyped name ending in an organisation word is an organisation; an unnamed association is no actor', () => {
    const en = run('The Harbor Rowing Club, which backed the plan, now opposes it. A German association also objected.', 'en', [{ text: 'Harbor Rowing Club', type: 'OTH' }]);
    expect(en.entities.map((e) => [e.name, e.type, e.kind])).toEqual([['Harbor Rowing Club', 'organization', 'association'], ['Germany', 'location', 'country']]);
  });

  test('a one-word "person" coordinated with an organisation is an organisation; a titled one stays a person', () => {
    const en = run('Analysts at Carrow Capital and Brixmoor said prices would fall. Senator Hale and Carrow Capital disagreed.', 'en',
      [{ text: 'Carrow Capital', type: 'ORG' }, { text: 'Brixmoor', type: 'PER' }, { text: 'Hale', type: 'PER' }]);
    expect(en.entities.map((e) => [e.name, e.type])).toEqual([['Carrow Capital', 'organization'], ['Brixmoor', 'organization'], ['Hale', 'person']]);
  });

  test('what a corporate title is "of" is an organisation even when tagged as a place', () => {
    const en = run('Mara Lind, the chief executive of Fjordline Cargo, resigned on Tuesday.', 'en', [{ text: 'Mara Lind', type: 'PER' }, { text: 'Fjordline Cargo', type: 'LOC' }]);
    const f = named(en, 'Fjordline Cargo');
    expect(f.map((e) => [e.id, e.type])).toEqual([['org:fjordline-cargo', 'organization']]);
    expect(named(en, 'Mara Lind')[0].roles.map((r) => [r.title, r.of])).toEqual([['chief executive', 'org:fjordline-cargo']]);
    // A political title of a place stays a place's.
    const de = run('Der Bürgermeister von Kelbra, Tom Ries, trat zurück.', 'de', [{ text: 'Kelbra', type: 'LOC' }, { text: 'Tom Ries', type: 'PER' }]);
    expect(named(de, 'Kelbra').map((e) => e.type)).toEqual(['location']);
  });

  test('a person-tagged name that begins with a country is an organisation', () => {
    const layer = run('Der Konzern will U.S. Copper übernehmen. Die Regierung prüft den Plan.', 'de', [{ text: 'U.S. Copper', type: 'PER' }]);
    expect(named(layer, 'U.S. Copper').map((e) => e.type)).toEqual(['organization']);
    const en = run('Analysts said the bid for British Glassworks was too low.', 'en', [{ text: 'British Glassworks', type: 'PER' }]);
    expect(en.entities.filter((e) => e.type === 'person')).toHaveLength(0);
  });
});
