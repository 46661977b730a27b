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
