import { describe, expect, it } from 'vitest';
import { openTestStore } from '../store/target.js';
import { ingestAll } from '../../src/corpus/ingest.js';
import { actorProfile, listActors } from '../../src/corpus/profile.js';
import { findActors } from '../../src/corpus/lookup.js';
import { fixtureInputs, filler, type FxArticle } from './fixtures.js';

async function ingest(list: FxArticle[]) {
  const store = await openTestStore(':memory:');
  const { items, analyze } = fixtureInputs(list);
  await ingestAll(store, items, { analyze });
  const links = await store.db.selectFrom('actor_links').selectAll().orderBy('article_id').execute();
  return { store, links };
}

const actorOf = (links: { name: string; actor_id: string }[], name: string) => [...new Set(links.filter((l) => l.name === name).map((l) => l.actor_id))];

describe('cross-document actors', () => {
  it('merges by stable id across languages, keeping the fuller name', async () => {
    const { store, links } = await ingest([
      { actors: [{ id: 'country:JP', name: 'Tokio', type: 'location', kind: 'country' }, { id: 'p:x', name: 'Xena Ward' }], relations: [{ s: 'country:JP', o: 'p:x' }], filler: filler(1) },
      { actors: [{ id: 'country:JP', name: 'Japan', type: 'location', kind: 'country' }, { id: 'p:x', name: 'Xena Ward' }], relations: [{ s: 'country:JP', o: 'p:x' }], filler: filler(2), language: 'en' },
    ]);
    expect(actorOf(links, 'Tokio')).toEqual(actorOf(links, 'Japan'));
    expect(links.filter((l) => l.reason === 'id')).toHaveLength(2);
    expect((await findActors(store.db, 'tokio'))[0].id).toBe('country:JP');
    await store.close();
  });

  it('merges full names across spellings (accents, dots) but not across types', async () => {
    const { links, store } = await ingest([
      { actors: [{ id: 'p:1', name: 'José Müller' }, { id: 'o:1', name: 'U.S. Steel', type: 'organization' }], relations: [], filler: filler(3) },
      { actors: [{ id: 'p:2', name: 'Jose Muller' }, { id: 'o:2', name: 'US Steel', type: 'organization' }, { id: 'l:1', name: 'José Müller', type: 'location' }], relations: [], filler: filler(4) },
    ]);
    expect(actorOf(links, 'Jose Muller')).toEqual(actorOf(links, 'José Müller').filter((x) => x === 'p:1'));
    expect(actorOf(links, 'US Steel')).toEqual(['o:1']);
    expect(links.find((l) => l.entity_id === 'l:1')!.actor_id).toBe('l:1');
    await store.close();
  });

  it('merges a lone surname with the only person carrying it, in either order', async () => {
    const first = await ingest([
      { actors: [{ id: 'p:dt', name: 'Dana Trent' }], relations: [], filler: filler(5) },
      { actors: [{ id: 'p:t', name: 'Trent' }], relations: [], filler: filler(6) },
    ]);
    expect(actorOf(first.links, 'Trent')).toEqual(['p:dt']);
    expect(first.links.find((l) => l.name === 'Trent')!.reason).toBe('surname');
    await first.store.close();

    const second = await ingest([
      { actors: [{ id: 'p:t', name: 'Trent' }], relations: [], filler: filler(7) },
      { actors: [{ id: 'p:dt', name: 'Dana Trent' }], relations: [], filler: filler(8) },
    ]);
    // the same actor and id in either order: ids come from the full name's entity, not from arrival
    expect(actorOf(second.links, 'Dana Trent')).toEqual(['p:dt']);
    expect(actorOf(second.links, 'Trent')).toEqual(['p:dt']);
    const [actor] = await second.store.db.selectFrom('actors').selectAll().execute();
    expect(actor.name).toBe('Dana Trent'); // the display name grows to the fuller form
    await second.store.close();
  });

  it('keeps an ambiguous surname apart and says why', async () => {
    const { links, store } = await ingest([
      { actors: [{ id: 'p:a', name: 'Ana Prado' }, { id: 'p:m', name: 'Marco Prado' }], relations: [], filler: filler(9) },
      { actors: [{ id: 'p:p', name: 'Prado' }], relations: [], filler: filler(10) },
    ]);
    expect(actorOf(links, 'Marco Prado')).not.toEqual(actorOf(links, 'Ana Prado'));
    const lone = links.find((l) => l.name === 'Prado')!;
    expect(lone.actor_id).toBe('p:p');
    expect(lone.evidence).toMatch(/several people/);
    await store.close();
  });

  it('does not merge two people through a shared one-word alias', async () => {
    const { links, store } = await ingest([
      { actors: [{ id: 'p:a', name: 'Ana Prado', aliases: ['Prado'] }], relations: [], filler: filler(11) },
      { actors: [{ id: 'p:m', name: 'Marco Prado', aliases: ['Prado'] }], relations: [], filler: filler(12) },
    ]);
    expect(actorOf(links, 'Marco Prado')).toEqual(['p:m']);
    await store.close();
  });

  it('never merges two entities of one article, nor a country into a namesake by name', async () => {
    const { links, store } = await ingest([
      { actors: [{ id: 'location:tokyo', name: 'TOKYO', type: 'location', kind: 'city' }, { id: 'country:JP', name: 'Japan', type: 'location', kind: 'country', aliases: ['Tokyo'] }], relations: [], filler: filler(15) },
      { actors: [{ id: 'location:georgia', name: 'Georgia', type: 'location', kind: 'state' }], relations: [], filler: filler(16) },
      { actors: [{ id: 'country:GE', name: 'Georgia', type: 'location', kind: 'country' }], relations: [], filler: filler(17) },
    ]);
    expect(actorOf(links, 'Japan')).toEqual(['country:JP']);
    // the place tables know Tokyo as Japan's capital: the city's stable id, apart from the country
    expect(actorOf(links, 'TOKYO')).toEqual(['location:capital-jp']);
    expect(links.find((l) => l.entity_id === 'country:GE')!.actor_id).toBe('country:GE');
    await store.close();
  });

  it('explains merges and lists actors by degree', async () => {
    const { store } = await ingest([
      { title: 'First story', actors: [{ id: 'p:dt', name: 'Dana Trent' }, { id: 'p:b', name: 'Bo Lind' }, { id: 'p:c', name: 'Cy Holm' }], relations: [{ s: 'p:dt', o: 'p:b' }, { s: 'p:dt', o: 'p:c' }], filler: filler(13) },
      { title: 'Second story', actors: [{ id: 'p:t', name: 'Trent' }, { id: 'p:b', name: 'Bo Lind' }], relations: [{ s: 'p:t', o: 'p:b', predicate: 'called' }], filler: filler(14) },
    ]);
    const p = await actorProfile(store.db, 'Trent');
    expect(p.actor.name).toBe('Dana Trent');
    expect(p.merges.map((m) => [m.article, m.reason])).toEqual([['First story', 'new'], ['Second story', 'surname']]);
    expect(p.relations.map((r) => r.other)).toEqual(['Bo Lind', 'Cy Holm', 'Bo Lind']);
    const top = await listActors(store.db, { sort: 'degree' });
    expect(top[0].name).toBe('Dana Trent');
    expect(top[0].degree).toBe(2);
    expect((await listActors(store.db, { type: 'location' })).length).toBe(0);
    await store.close();
  });
  it('names actors in the display language and keeps their ids when it changes', async () => {
    const { store } = await ingest([
      { language: 'de', actors: [{ id: 'person:wladimir-putin', name: 'Wladimir Putin' }, { id: 'country:DE', name: 'Deutschland', type: 'location', kind: 'country' }], relations: [], filler: filler(21) },
      { language: 'en', actors: [{ id: 'person:vladimir-putin', name: 'Vladimir Putin' }, { id: 'country:DE', name: 'Germany', type: 'location', kind: 'country' }], relations: [], filler: filler(22) },
    ]);
    const names = async () => (await store.db.selectFrom('actors').select(['id', 'name']).orderBy('id').execute()).map((a) => `${a.id}=${a.name}`);
    await ingestAll(store, [], { displayLanguage: 'en' });
    expect(await names()).toEqual(['country:DE=Germany', 'person:vladimir-putin=Vladimir Putin']);
    await ingestAll(store, [], { displayLanguage: 'de' });
    expect(await names()).toEqual(['country:DE=Deutschland', 'person:vladimir-putin=Wladimir Putin']);
    // the other spelling finds the actor, with its merge explained
    const p = await actorProfile(store.db, 'Wladimir Putin');
    expect(p.merges.map((m) => m.reason).sort()).toEqual(['spelling', 'spelling']);
    await store.close();
  });
});
