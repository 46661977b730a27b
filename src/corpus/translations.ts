/**
 * Translations: an article in one language that renders another of the same day (a German translation of
 * an English wire report) is one report, not two. MinHash cannot see it (the words differ), so two
 * articles of different languages published the same day are compared by what survives translation:
 * the corpus actors they name, the numbers in their text and the dates of their timelines. A pair close
 * on all three is marked (`articles.translation_of`) and counted once in the network and the actors'
 * article counts; both stay stored as evidence. Run by the consolidation pass, after actors are resolved.
 */
import type { Transaction } from 'kysely';
import type { Analysis } from '../contract/schema.js';
import type { CorpusDatabase } from './db.js';
import { spellingKey } from './names/index.js';

type Tx = Transaction<CorpusDatabase>;

/**
 * Share of the actors (Jaccard) two translations must have in common: the same actor, or names with one
 * spelling key (the entities stage may type a name differently in each language). Set by hand: the test
 * pair (test/corpus/translation) shares 8 of 8 (6 of 10 by actor id alone); a same-day article on another
 * subject shares 1 of 11. The gold corpus has no same-day pair of different languages.
 */
export const TRANSLATION_ACTORS = 0.6;
/** Share of the numbers and of the dates (each, when either article has any) they must have in common. */
export const TRANSLATION_FACTS = 0.5;
/** Fewest shared actors: two short items naming one country each are not a translation. */
const MIN_SHARED_ACTORS = 3;

const jaccard = (a: Set<string>, b: Set<string>): number => {
  if (!a.size && !b.size) return 1;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / (a.size + b.size - n);
};

/** Numbers as digit strings (1.500 / 1,500 / 1500 meet), years and amounts alike. */
function numbers(text: string): Set<string> {
  return new Set([...text.matchAll(/\d[\d.,]*\d|\d/g)].map((m) => m[0].replace(/[.,]/g, '')));
}

interface Facts {
  id: string;
  language: string;
  day: string;
  /** actor id → spelling key of the name the article uses. */
  actors: Map<string, string>;
  numbers: Set<string>;
  dates: Set<string>;
}

/** Marks translations anew; returns how many articles are translations of another. */
export async function markTranslations(tx: Tx): Promise<number> {
  const rows = await tx.selectFrom('articles').select(['id', 'language', 'published', 'translation_of']).where('duplicate_of', 'is', null).where('published', 'is not', null).execute();
  const byDay = new Map<string, typeof rows>();
  for (const r of rows) {
    const day = r.published!.slice(0, 10);
    (byDay.get(day) ?? byDay.set(day, []).get(day)!).push(r);
  }
  const found = new Map<string, string>();
  for (const [day, list] of byDay) {
    if (new Set(list.map((r) => r.language)).size < 2) continue;
    const facts = await Promise.all(list.map((r) => factsOf(tx, r.id, r.language, day)));
    for (let i = 0; i < facts.length; i++)
      for (let j = i + 1; j < facts.length; j++) {
        const [a, b] = facts[i].id < facts[j].id ? [facts[i], facts[j]] : [facts[j], facts[i]];
        // one original per translation: the pair counts under the smaller content hash (the texts cannot tell which came first)
        if (a.language !== b.language && !found.has(b.id) && !found.has(a.id) && isTranslation(a, b)) found.set(b.id, a.id);
      }
  }
  const current = new Map(rows.filter((r) => r.translation_of).map((r) => [r.id, r.translation_of!]));
  for (const [id] of current) if (!found.has(id)) await tx.updateTable('articles').set({ translation_of: null }).where('id', '=', id).execute();
  for (const [id, of] of found) if (current.get(id) !== of) await tx.updateTable('articles').set({ translation_of: of }).where('id', '=', id).execute();
  return found.size;
}

/** Actors of a that b names too: the same actor, or a name with the same spelling key. */
function sharedActors(a: Map<string, string>, b: Map<string, string>): number {
  const keys = new Set(b.values());
  let n = 0;
  for (const [id, key] of a) if (b.has(id) || keys.has(key)) n++;
  return n;
}

export function isTranslation(a: Omit<Facts, 'id'>, b: Omit<Facts, 'id'>): boolean {
  const shared = Math.min(sharedActors(a.actors, b.actors), sharedActors(b.actors, a.actors));
  const actors = shared / (a.actors.size + b.actors.size - shared);
  return shared >= MIN_SHARED_ACTORS && actors >= TRANSLATION_ACTORS && jaccard(a.numbers, b.numbers) >= TRANSLATION_FACTS && jaccard(a.dates, b.dates) >= TRANSLATION_FACTS;
}

async function factsOf(tx: Tx, id: string, language: string, day: string): Promise<Facts> {
  const links = await tx.selectFrom('actor_links').select(['actor_id', 'name']).where('article_id', '=', id).orderBy('entity_id').execute();
  const row = await tx.selectFrom('articles').select('analysis').where('id', '=', id).executeTakeFirstOrThrow();
  const a = JSON.parse(row.analysis) as Analysis;
  return {
    id,
    language,
    day,
    actors: new Map(links.map((l) => [l.actor_id, spellingKey(l.name)])),
    numbers: numbers(a.document.text),
    dates: new Set(a.timeline.map((t) => t.value).filter((v): v is string => !!v)),
  };
}
