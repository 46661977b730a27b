/**
 * The FollowTheMoney export checked by the FtM data model itself (@alephdata/followthemoney, MIT): every
 * schema and property known, required properties present, values valid for their type (URLs, dates,
 * countries, languages, entity references in the property's range), text trimmed; heads of state as an
 * Occupancy of a Position, cities as Address, noise words left out. Gold corpus plus fixtures that carry
 * the problems of issue 18 (sourceUrl "unknown", a head of state, a city, "anti-Assad", "Born").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Model, defaultModel } from '@alephdata/followthemoney';
import type { Store } from '../../src/corpus/store.js';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { collectArticles } from '../../src/corpus/input.js';
import { ftmEntities, type FtmEntity } from '../../src/corpus/exports/ftm.js';
import { annotatedAnalyzer, goldArticles } from './annotated.js';
import { filler, fixtureInputs } from './fixtures.js';

const model = new Model(defaultModel);

/** Problems the FtM model finds in the records: the test's oracle. */
function modelProblems(records: FtmEntity[]): string[] {
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: string[] = [];
  for (const r of records) {
    let schema;
    try {
      schema = model.getSchema(r.schema);
    } catch {
      out.push(`${r.id}: unknown schema ${r.schema}`);
      continue;
    }
    if (schema.abstract) out.push(`${r.id}: abstract schema ${r.schema}`);
    for (const req of schema.required) if (!r.properties[req]?.length) out.push(`${r.id} (${r.schema}): missing ${req}`);
    for (const [name, values] of Object.entries(r.properties)) {
      if (!schema.hasProperty(name)) {
        out.push(`${r.id} (${r.schema}): no property ${name}`);
        continue;
      }
      const prop = schema.getProperty(name);
      for (const v of values) {
        const bad = (why: string) => out.push(`${r.id} (${r.schema}).${name} = ${JSON.stringify(v).slice(0, 60)}: ${why}`);
        if (v !== v.trim() || !v) bad('not trimmed or empty');
        if (prop.maxLength && v.length > prop.maxLength) bad('too long');
        const t = prop.type.name;
        if (t === 'url' && !/^https?:\/\/[^\s/]+/.test(v)) bad('not a URL');
        if (t === 'date' && !/^\d{4}(-\d{2}(-\d{2}(T[\d:.]+Z?)?)?)?$/.test(v)) bad('not a date');
        if ((t === 'country' || t === 'language') && !prop.type.values.has(v)) bad(`not a ${t} code`);
        if (t === 'entity') {
          const target = byId.get(v);
          if (!target) bad('references nothing');
          else if (!model.getSchema(target.schema).isA(prop.getRange())) bad(`${target.schema} is not a ${prop.getRange().name}`);
        }
      }
    }
  }
  return out;
}

async function collect(store: Store): Promise<FtmEntity[]> {
  const out: FtmEntity[] = [];
  for await (const e of ftmEntities(store.db)) out.push(e);
  return out;
}

describe('FollowTheMoney export in the FtM model', () => {
  let store: Store;
  let records: FtmEntity[];
  beforeAll(async () => {
    store = await openTestStore(':memory:');
    await ingestAll(store, await collectArticles([goldArticles]), { analyze: annotatedAnalyzer });
    const fx = fixtureInputs([
      {
        title: '  Summit  ',
        actors: [
          { id: 'person:ada-quell', name: 'Ada Quell' },
          { id: 'country:FR', name: 'France', type: 'location', kind: 'country' },
          { id: 'location:lyon', name: 'Lyon', type: 'location', kind: 'city' },
          { id: 'location:anti-assad', name: 'anti-Assad', type: 'location' },
          { id: 'location:born', name: 'Born', type: 'location' },
        ],
        relations: [{ s: 'person:ada-quell', o: 'country:FR', predicate: 'leads' }, { s: 'person:ada-quell', o: 'location:lyon', predicate: 'visit' }],
        filler: '   ' + filler(91) + '   ',
      },
    ]);
    await ingestAll(store, fx.items, { analyze: fx.analyze });
    // front matter said "url: unknown"
    await store.db.updateTable('articles').set({ url: 'unknown' }).where('origin', '=', 'fixture-0').execute();
    records = await collect(store);
  });
  afterAll(() => store.close());

  it('has no value the model rejects', () => {
    expect(records.length).toBeGreaterThan(50);
    expect(modelProblems(records)).toEqual([]);
  });

  it('the oracle catches what issue 18 found', () => {
    const bad: FtmEntity[] = [
      { id: 'a', schema: 'Article', properties: { sourceUrl: ['unknown'], summary: [' padded '] } },
      { id: 'b', schema: 'Directorship', properties: { director: ['c'], organization: ['a'], proof: ['a'] } },
      { id: 'c', schema: 'Person', properties: { name: ['X'], country: ['qq'] } },
    ];
    const p = modelProblems(bad).join('\n');
    expect(p).toMatch(/sourceUrl.*not a URL/);
    expect(p).toMatch(/summary.*not trimmed/);
    expect(p).toMatch(/Directorship\): no property proof/);
    expect(p).toMatch(/organization.*Article is not a Organization/);
    expect(p).toMatch(/country.*not a country code/);
  });

  it('maps a head of state to an Occupancy of a Position, a city to an Address, and leaves noise out', () => {
    const person = records.find((r) => r.schema === 'Person' && r.properties.name?.[0] === 'Ada Quell')!;
    const occ = records.find((r) => r.schema === 'Occupancy' && r.properties.holder?.[0] === person.id);
    expect(occ).toBeTruthy();
    const post = records.find((r) => r.id === occ!.properties.post[0])!;
    expect(post.schema).toBe('Position');
    expect(post.properties.country).toEqual(['fr']);
    expect(records.some((r) => r.schema === 'Directorship' && r.properties.director?.[0] === person.id)).toBe(false);
    expect(records.find((r) => r.properties.full?.[0] === 'Lyon')?.schema).toBe('Address');
    expect(records.some((r) => r.schema === 'PublicBody' && r.properties.name?.[0] === 'Lyon')).toBe(false);
    for (const noise of ['anti-Assad', 'Born']) expect(records.some((r) => r.schema !== 'Mention' && JSON.stringify(r.properties).includes(`"${noise}"`))).toBe(false);
    const article = records.find((r) => r.schema === 'Article' && r.properties.title?.[0] === 'Summit')!;
    expect(article.properties.sourceUrl).toBeUndefined();
    expect(article.properties.summary[0]).toBe(article.properties.summary[0].trim());
  });
});
