/**
 * The reference article: facts about its actors (who, which title, of whom, which status) — never its sentences.
 * Runs on a simulated tagger (the article's names, so the stage is tested on its own) and, when a German
 * model is committed, on the real pipeline NER.
 */
import { describe, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDir, modelsDir } from '../../src/util/paths.js';
import { extractEntities } from '../../src/entities/index.js';
import { runNer } from '../../src/ml/ner-stage.js';
import type { Entity } from '../../src/contract/schema.js';
import type { EntityLayer } from '../../src/entities/types.js';
import { readArticle, nerFromList, type NameSpec } from './helpers.js';

const seedPath = join(sharedDir, 'corpus/seed/japan-trump-outreach.de.txt');
const P = (text: string): NameSpec => ({ text, type: 'PER' });
const O = (text: string): NameSpec => ({ text, type: 'ORG' });
const L = (text: string): NameSpec => ({ text, type: 'LOC' });
// The names a tagger should find (facts about the article; forms as inflected there).
const NAMES: NameSpec[] = [
  ...['Donald Trump', 'Trump', 'Fumio Kishida', 'Kishida', 'Joe Biden', 'Biden', 'Xi Jinping', 'Kim Jong Un', 'Ado Machida', 'Machida',
    'Shinzo Abe', 'Taro Aso', 'Aso', 'Shigeo Yamada', 'Yamada', 'Mike Pence', 'Jim Mattis', 'Mike Pompeo', 'Michael Green', 'Bill Hagerty',
    'Hagerty', "Robert O'Brien", "O'Brien", 'Shigeru Kitamura', 'Tsuneo Watanabe', 'Watanabe', 'John Bolton',
    'John Geddie', 'Tim Kelly', 'David Crawshaw'].map(P),
  ...['Reuters', 'Fox News', 'U.S. Steel', 'Nippon Steel', 'Liberaldemokratischen Partei Japans', 'LDP', 'American Global Strategies',
    'Sasakawa Peace Foundation', 'Gruppe der Sieben', 'G7'].map(O),
  ...['Asien', 'Iowa', 'New Hampshire', 'Japan', 'China', 'Peking', 'Tokio', 'Washington', 'Sydney', 'Taiwan'].map(L),
];

function byName(layer: EntityLayer, name: string): Entity {
  const hits = layer.entities.filter((e) => e.name === name || e.aliases.includes(name));
  expect(hits.map((e) => e.id), `one entity named ${name}`).toHaveLength(1);
  return hits[0];
}

function role(e: Entity, titleHead: RegExp) {
  const r = e.roles.find((x) => titleHead.test(x.title));
  expect(r, `${e.name}: a role matching ${titleHead} among ${e.roles.map((x) => x.title).join(', ')}`).toBeTruthy();
  return r!;
}

function seedFacts(layer: EntityLayer) {
  const trump = byName(layer, 'Donald Trump');
  expect(trump.id).toBe('person:donald-trump');
  expect(trump.attributes.age).toBe(77);
  const kishida = byName(layer, 'Fumio Kishida');
  expect(kishida.aliases).toContain('Kishida');
  expect(role(kishida, /^Premierminister$/).status).toBe('current');
  const abe = byName(layer, 'Shinzo Abe');
  const abeRole = role(abe, /Premierminister/);
  expect(abeRole.status).toBe('late');
  expect(abeRole.of).toBe('country:JP');
  const obrien = byName(layer, "Robert O'Brien");
  const ob = role(obrien, /nationaler Sicherheitsberater/);
  expect(ob.of).toBe(trump.id);
  expect(ob.status).toBe('former');
  const yamada = byName(layer, 'Shigeo Yamada');
  const ya = role(yamada, /US-Botschafter/);
  expect(ya.of).toBe('country:JP');
  expect(ya.status).toBe('current');
  const hagerty = byName(layer, 'Bill Hagerty');
  expect(role(hagerty, /^Senator$/).status).toBe('current');
  const envoy = role(hagerty, /Gesandter/);
  expect(envoy.of).toBe(trump.id);
  expect(envoy.status).toBe('former');
  expect(envoy.title).toMatch(/Japan/);
  // Japan/Tokio, China/Peking, LDP/Liberaldemokratische Partei: one entity each.
  const japan = byName(layer, 'Japan');
  expect(japan.id).toBe('country:JP');
  expect(japan.aliases).toContain('Tokio');
  const china = byName(layer, 'China');
  expect(china.id).toBe('country:CN');
  expect(china.aliases).toContain('Peking');
  const ldp = byName(layer, 'LDP');
  expect(ldp.type).toBe('organization');
  expect(ldp.name).toMatch(/^Liberaldemokratische Partei/);
  // Demonyms point at their country; the ministry is Japan's.
  const dem = layer.mentions.filter((m) => m.kind === 'demonym' && /^japanisch/.test(m.text ?? ''));
  expect(dem.length).toBeGreaterThan(5);
  expect(dem.every((m) => m.entity === 'country:JP')).toBe(true);
  const ministry = layer.entities.find((e) => e.kind === 'ministry' && e.attributes.country === 'country:JP');
  expect(ministry).toBeTruthy();
  // No reporter or editor is an actor.
  const names = new Set(layer.entities.flatMap((e) => [e.name, ...e.aliases]));
  for (const r of ['John Geddie', 'Tim Kelly', 'David Crawshaw', 'Liz Lee']) expect(names.has(r), r).toBe(false);
  // Persons never become places and places never persons.
  for (const e of layer.entities) if (e.type === 'person') expect(e.id.startsWith('person:')).toBe(true);
  // Every contract mention is exact text.
  for (const e of layer.entities) for (const m of e.mentions) expect(m.text).toBe(layerText(layer, m));
}

let docText = '';
const layerText = (_l: EntityLayer, m: { start: number; end: number }) => docText.slice(m.start, m.end);

describe.skipIf(!existsSync(seedPath))('seed article: actors', () => {
  test('with a simulated tagger', () => {
    const doc = readArticle(seedPath);
    docText = doc.text;
    const layer = extractEntities(doc, nerFromList(doc, NAMES));
    seedFacts(layer);
    // Pronouns: resolved ones point at persons; none inside quotes.
    const prons = layer.mentions.filter((m) => m.kind === 'pronoun');
    expect(prons.length).toBeGreaterThan(3);
    for (const p of prons) expect(layer.byId.get(p.entity)?.type).toBe('person');
    expect(layer.mentions.every((m, i, a) => i === 0 || a[i - 1].start <= m.start)).toBe(true);
  });

  test.skipIf(!existsSync(join(modelsDir, 'ner-de.bin')))('with the committed NER model', () => {
    const doc = readArticle(seedPath);
    docText = doc.text;
    seedFacts(extractEntities(doc, runNer(doc)));
  });
});
