/**
 * Finding actors by what a user types: an id, a name or alias in any spelling, or a surname. When a name
 * fits several actors the lookup says so (AmbiguousActor, with the candidates) instead of picking one.
 */
import type { ActorsTable } from './db.js';
import type { CorpusDb } from './store.js';
import { num } from './store.js';
import { normName } from './normalize.js';
import { spellingKey } from './names/index.js';

const byMentions = (a: ActorsTable, b: ActorsTable) => num(b.mention_count) - num(a.mention_count) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function hits(db: CorpusDb, key: string): Promise<ActorsTable[]> {
  const rows = await db.selectFrom('actor_aliases').innerJoin('actors', 'actors.id', 'actor_aliases.actor_id').selectAll('actors').distinct().where('actor_aliases.norm', '=', key).execute();
  return rows.sort(byMentions);
}

/**
 * Candidate actors for a name, best first: an id; else the actors carrying the name, together with the
 * people carrying it as their surname ("Brenner": the lone "Brenner" mentions and every Brenner); else
 * other spellings of the name (Wladimir / Vladimir). Empty when nothing matches.
 */
export async function findActors(db: CorpusDb, query: string): Promise<ActorsTable[]> {
  const byId = await db.selectFrom('actors').selectAll().where('id', '=', query).execute();
  if (byId.length) return byId;
  const norm = normName(query);
  if (!norm) return [];
  const exact = await hits(db, norm);
  const surname = await hits(db, '~' + norm);
  // a full name that fits one actor is that actor, whoever else shares its last word
  if (exact.length === 1 && (norm.includes(' ') || !surname.some((s) => s.id !== exact[0].id))) return exact;
  const both = [...new Map([...exact, ...surname].map((a) => [a.id, a])).values()].sort(byMentions);
  if (both.length) return both;
  return hits(db, '=' + spellingKey(query));
}

export class ActorNotFound extends Error {
  constructor(readonly query: string, message = `no actor matches "${query}"`) {
    super(message);
    this.name = 'ActorNotFound';
  }
}

/** A name that fits several actors: the message lists them, so the user can name one by id. */
export class AmbiguousActor extends ActorNotFound {
  constructor(query: string, readonly candidates: ActorsTable[]) {
    super(query, `"${query}" fits ${candidates.length} actors: ${candidates.map((c) => `${c.name} (${c.id}, ${num(c.mention_count)} mention(s))`).join('; ')}; name one by its id or full name`);
    this.name = 'AmbiguousActor';
  }
}

export async function findActor(db: CorpusDb, query: string): Promise<ActorsTable> {
  const found = await findActors(db, query);
  if (!found.length) throw new ActorNotFound(query);
  if (found.length > 1) throw new AmbiguousActor(query, found);
  return found[0];
}
