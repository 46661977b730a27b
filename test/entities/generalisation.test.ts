/**
 * Rules found on unseen text (the examples and the seed), pinned on small hand-written sentences with
 * hand-made tagger output: non-actor words, countries named only by demonyms, base-form titles, portfolio
 * titles, acronyms of the name they abbreviate, and the linear-time lookups of the layer.
 */
import { describe, expect, test } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { makeEntityLayer } from '../../src/entities/layer.js';
import type { EntityMention } from '../../src/entities/types.js';
import { docFrom, nerFromList, type NameSpec } from './helpers.js';

const run = (text: string, lang: string, names: NameSpec[]) => {
  const doc = docFrom(text, lang);
  return { doc, layer: extractEntities(doc, nerFromList(doc, names)) };
};

describe('entities on unseen text', () => {
  test('languages, currencies and sports are no actors, even when a tagger labels them', () => {
    const { layer } = run('Der Kandidat spricht Englisch und spielt Golf. Auf dem Golfplatz traf er Anna Weber. Der Dollar fiel.', 'de',
      [{ text: 'Englisch', type: 'OTH' }, { text: 'Golf', type: 'LOC' }, { text: 'Golfplatz', type: 'LOC' }, { text: 'Dollar', type: 'OTH' }, { text: 'Anna Weber', type: 'PER' }]);
    expect(layer.entities.map((e) => e.name)).toEqual(['Anna Weber']);
    const en = run('She plays golf and speaks Mandarin. The Dollar rose against the Yen. Cricket is popular in India.', 'en',
      [{ text: 'Mandarin', type: 'OTH' }, { text: 'Dollar', type: 'OTH' }, { text: 'Yen', type: 'OTH' }, { text: 'Cricket', type: 'ORG' }, { text: 'India', type: 'LOC' }]);
    expect(en.layer.entities.map((e) => e.id)).toEqual(['country:IN']);
  });

  test('a country referred to only by a demonym is listed with that mention', () => {
    const { layer } = run('Der nordkoreanische Machthaber Kim Jong Un drohte erneut.', 'de', [{ text: 'Kim Jong Un', type: 'PER' }]);
    const kp = layer.entities.find((e) => e.id === 'country:KP')!;
    expect(kp.mentions.map((m) => m.text)).toEqual(['nordkoreanische']);
    const kim = layer.entities.find((e) => e.name === 'Kim Jong Un')!;
    expect(kim.roles[0]).toMatchObject({ title: 'Machthaber', of: 'country:KP' });
    // No entity in the contract without a mention.
    for (const e of layer.entities) expect(e.mentions.length, e.name).toBeGreaterThan(0);
  });

  test('role titles are stored in their base form', () => {
    const { layer } = run('Die Kampagne des US-Präsidentschaftskandidaten Tom Reyes wächst. Er traf den ehemaligen nationalen Sicherheitsberater Paul Kern und die stellvertretenden Vorsitzenden Eva Roth. Die Rede der Verteidigungsministerin Lea Brand folgte.', 'de',
      [{ text: 'Tom Reyes', type: 'PER' }, { text: 'Paul Kern', type: 'PER' }, { text: 'Eva Roth', type: 'PER' }, { text: 'Lea Brand', type: 'PER' }]);
    const title = (name: string) => layer.entities.find((e) => e.name === name)!.roles.map((r) => r.title);
    expect(title('Tom Reyes')).toEqual(['US-Präsidentschaftskandidat']);
    expect(title('Paul Kern')).toEqual(['nationaler Sicherheitsberater']);
    expect(title('Eva Roth')).toEqual(['stellvertretende Vorsitzende']);
    expect(title('Lea Brand')).toEqual(['Verteidigungsministerin']);
    const en = run('Two Canadian officials said so.', 'en', []);
    expect(en.layer.roles.map((r) => r.title)).toEqual(['official']);
  });

  test('a portfolio before a title belongs to the title; the department of that portfolio gives the country', () => {
    const text = 'Commerce Secretary Howard Lutnick met the envoy. A spokesperson for the U.S. Commerce Department declined to comment. Former Treasury official Mark Ellison disagreed.';
    const { layer } = run(text, 'en', [{ text: 'Commerce', type: 'ORG' }, { text: 'Howard Lutnick', type: 'PER' }, { text: 'U.S. Commerce Department', type: 'ORG' },
      { text: 'Treasury', type: 'ORG' }, { text: 'Mark Ellison', type: 'PER' }]);
    const lutnick = layer.entities.find((e) => e.name === 'Howard Lutnick')!;
    expect(lutnick.roles[0]).toMatchObject({ title: 'Commerce Secretary', of: 'country:US', status: 'current' });
    const dept = layer.entities.find((e) => e.name === 'U.S. Commerce Department')!;
    expect(dept).toMatchObject({ type: 'organization', kind: 'ministry' });
    expect(dept.attributes.country).toBe('country:US');
    expect(layer.entities.some((e) => e.name === 'Commerce')).toBe(false);
    // "Treasury official": an official of the Treasury, which stays an organisation.
    const treasury = layer.entities.find((e) => e.name === 'Treasury')!;
    const ellison = layer.entities.find((e) => e.name === 'Mark Ellison')!;
    expect(ellison.roles[0]).toMatchObject({ of: treasury.id, status: 'former' });
  });

  test('an unqualified minister is not read as the minister of a foreign ministry named later', () => {
    const { layer } = run('BERLIN (dpa) - Wirtschaftsminister Jonas Brandt kündigte Gespräche an. Ein Sprecher des französischen Wirtschaftsministeriums schwieg.', 'de',
      [{ text: 'Jonas Brandt', type: 'PER' }]);
    expect(layer.entities.find((e) => e.name === 'Jonas Brandt')!.roles[0].of).toBeNull();
  });

  test('a city before an organisation word is a place, not an owner', () => {
    const { layer } = run('Mary Ng, who now advises a Toronto law firm, spoke on Monday.', 'en', [{ text: 'Mary Ng', type: 'PER' }, { text: 'Toronto', type: 'LOC' }]);
    expect(layer.entities.filter((e) => e.type === 'organization')).toEqual([]);
  });

  test('an acronym belongs to the name with its initial, not to a country genitive in between', () => {
    const { layer } = run('Sie ist Mitglied der Liberaldemokratischen Partei Japans (LDP). Die LDP regiert seit Jahren.', 'de',
      [{ text: 'Liberaldemokratischen Partei', type: 'ORG' }, { text: 'Japans', type: 'LOC' }, { text: 'LDP', type: 'ORG' }]);
    const ldp = layer.entities.find((e) => e.aliases.includes('LDP') || e.name === 'LDP')!;
    expect(ldp.type).toBe('organization');
    expect(ldp.name).toBe('Liberaldemokratische Partei');
    expect(ldp.attributes.country).toBe('country:JP');
    expect(layer.entities.find((e) => e.id === 'country:JP')!.aliases).not.toContain('LDP');
  });

  test('title-case acronyms by their initials; a compound keeps every part before its head', () => {
    const { layer } = run('Die Welt-Anti-Doping-Agentur (Wada) legte Einspruch ein. Die Wada verlangt mehr. Die Gewerkschaft IG BCE protestierte, sagte IG-BCE-Vorstandsmitglied Sandra Kühl.', 'de',
      [{ text: 'Welt-Anti-Doping-Agentur', type: 'ORG' }, { text: 'Wada', type: 'ORG' }, { text: 'IG BCE', type: 'ORG' }, { text: 'IG-BCE-Vorstandsmitglied', type: 'ORG', derived: 'part' }, { text: 'Sandra Kühl', type: 'PER' }]);
    const orgs = layer.entities.filter((e) => e.type === 'organization');
    expect(orgs.map((e) => e.name).sort()).toEqual(['IG BCE', 'Welt-Anti-Doping-Agentur']);
    const ig = orgs.find((e) => e.name === 'IG BCE')!;
    expect(layer.entities.find((e) => e.name === 'Sandra Kühl')!.roles[0]).toMatchObject({ of: ig.id, status: 'current' });
  });

  test('a compound descriptor before a company name is no part of it; a bare head or a legal form is', () => {
    const { layer } = run('Der Spezialchemiekonzern Rheinfeld AG wächst. Die Privatbank Hauck Weber rät ab. Die Commerzbank AG und die Universität Passau schweigen.', 'de',
      [{ text: 'Spezialchemiekonzern Rheinfeld AG', type: 'ORG' }, { text: 'Privatbank Hauck Weber', type: 'ORG' }, { text: 'Commerzbank AG', type: 'ORG' }, { text: 'Universität Passau', type: 'ORG' }]);
    const orgs = layer.entities.filter((e) => e.type === 'organization');
    expect(orgs.map((e) => e.name)).toEqual(['Rheinfeld AG', 'Hauck Weber', 'Commerzbank AG', 'Universität Passau']);
    expect(orgs.slice(0, 2).map((e) => e.kind)).toEqual(['company', 'company']);
  });

  test('German Länder and their adjectives own offices; a demonym before a descriptor gives a company its country', () => {
    const { layer } = run('Der bayerische Innenminister Florian Achleitner verteidigte den Entwurf. Rheinfeld will den niederländischen Konkurrenten Veldhoven Chemie kaufen.', 'de',
      [{ text: 'Florian Achleitner', type: 'PER' }, { text: 'Rheinfeld', type: 'ORG' }, { text: 'Veldhoven Chemie', type: 'ORG' }]);
    expect(layer.entities.find((e) => e.name === 'Florian Achleitner')!.roles[0]).toMatchObject({ title: 'Innenminister', of: 'region:de-by' });
    expect(layer.entities.find((e) => e.name === 'Veldhoven Chemie')!.attributes.country).toBe('country:NL');
  });

  test('appositions with a description, acronyms after an of-phrase, perfect copulas', () => {
    const de = run('Der Teamchef des Rennstalls Team Nordlicht, der frühere Etappensieger Henrik Aas, sagte ab. Der Präsident des Bundes Deutscher Radfahrer (BDR), Rudolf Kessler, begrüßte das.', 'de',
      [{ text: 'Team Nordlicht', type: 'ORG' }, { text: 'Henrik Aas', type: 'PER' }, { text: 'Bundes Deutscher Radfahrer', type: 'ORG' }, { text: 'BDR', type: 'ORG' }, { text: 'Rudolf Kessler', type: 'PER' }]);
    const nordlicht = de.layer.entities.find((e) => e.name === 'Team Nordlicht')!;
    expect(de.layer.entities.find((e) => e.name === 'Henrik Aas')!.roles[0]).toMatchObject({ title: 'Teamchef', of: nordlicht.id });
    const bdr = de.layer.entities.find((e) => e.aliases.includes('BDR'))!;
    expect(de.layer.entities.find((e) => e.name === 'Rudolf Kessler')!.roles[0]).toMatchObject({ title: 'Präsident', of: bdr.id });
    const en = run('Henrik Vale, the son of the founder, has been chief executive of Vale Line since 2018. Arne Vale had been an adviser to the king.', 'en',
      [{ text: 'Henrik Vale', type: 'PER' }, { text: 'Vale Line', type: 'ORG' }, { text: 'Arne Vale', type: 'PER' }]);
    expect(en.layer.entities.find((e) => e.name === 'Henrik Vale')!.roles.find((r) => r.title === 'chief executive')).toMatchObject({ status: 'current' });
    expect(en.layer.entities.find((e) => e.name === 'Arne Vale')!.roles[0]).toMatchObject({ title: 'adviser', status: 'former' });
  });

  test('a shared last name goes to the person introduced first unless another was named in the same paragraph', () => {
    const text = 'Arne Berg, the founder of Berg Line, has died.\n\nHis father, the late Olav Berg, ran a ferry.\n\nBerg had been an adviser to the government. Olav Berg sold the ferry, Berg said later.';
    const { layer } = run(text, 'en', [{ text: 'Arne Berg', type: 'PER' }, { text: 'Olav Berg', type: 'PER' }, { text: 'Berg Line', type: 'ORG' }, { text: 'Berg', type: 'PER' }]);
    const arne = layer.entities.find((e) => e.name === 'Arne Berg')!;
    const olav = layer.entities.find((e) => e.name === 'Olav Berg')!;
    const bare = layer.mentions.filter((m) => m.text === 'Berg');
    expect(bare.map((m) => m.entity)).toEqual([arne.id, olav.id]);
  });

  test('a known organisation inside a longer name is part of that name', () => {
    const { layer } = run('The United Nations Development Programme said it was concerned.', 'en', [{ text: 'United Nations Development Programme', type: 'ORG' }]);
    expect(layer.entities.map((e) => e.name)).toEqual(['United Nations Development Programme']);
  });

  test('mentionAtToken finds the longest mention covering a token (binary search)', () => {
    const m = (start: number, end: number, ts: number, te: number, entity: string): EntityMention => ({ entity, start, end, tokenStart: ts, tokenEnd: te, kind: 'name', text: 'x' });
    const layer = makeEntityLayer([], [m(0, 10, 0, 3, 'a'), m(4, 6, 1, 2, 'b'), m(20, 25, 6, 7, 'c'), m(30, 40, 8, 10, 'd')]);
    expect(layer.mentionAtToken(1)?.entity).toBe('a');
    expect(layer.mentionAtToken(2)?.entity).toBe('a');
    expect(layer.mentionAtToken(3)).toBeNull();
    expect(layer.mentionAtToken(6)?.entity).toBe('c');
    expect(layer.mentionAtToken(9)?.entity).toBe('d');
    expect(layer.mentionAtToken(10)).toBeNull();
  });
});
